/* Pathway: the binary contract between a compiled pathway library and the
 * runtime that loads it. Apps use <pathway/pathway.h>; only the compiler's
 * code generator, the runtime's loader and evaluators that hand the runtime
 * a descriptor of their own (pw_library_from_descriptor) read this header.
 *
 * A compiled library exports exactly one symbol, PW_DESCRIPTOR_SYMBOL, a
 * `pw_descriptor`. Everything else (names, types, units, ranges, labels,
 * rationales, citations) is in the descriptor's metadata JSON, which the
 * runtime parses and cross-checks against the counts below when it opens the
 * library.
 *
 * Evaluation works on plain caller-owned memory:
 *   values  [n_inputs]   double  bool 0/1, int, number, quantity in the
 *                                input's declared unit, enum label index
 *   known   [n_inputs]   uint8   1 when the input is known, else 0
 *   state   [n_slots]    uint8   PW_TRI_FALSE / PW_TRI_TRUE / PW_TRI_UNKNOWN;
 *                                a numeric slot is PW_TRI_TRUE when known
 *   numbers [n_slots]    double  value of numeric definitions (0 otherwise)
 *   missing [n_recommendations * mask_words] uint64
 *                                bit i set: input i is unknown and could
 *                                still decide the recommendation
 * Slots are laid out as: recommendation status (after supersedes) for each
 * recommendation, then each recommendation's own condition (before
 * supersedes), then each finding, then each definition, in declaration order.
 * The batch entry point evaluates `count` patients whose arrays follow one
 * another with the strides above (row-major). Both entry points skip the
 * missing-input masks, and write none, when `missing` is NULL.
 *
 * The column entry point (evaluate_columns; descriptors of
 * PW_DESCRIPTOR_SIZE_COLUMNS bytes or more) evaluates `count` patients laid
 * out column by column, 64 patients to a 64-bit word of bits. With
 * W = (count + 63) / 64 words per bit column and P = 64 * W lanes per number
 * column (count rounded up to a multiple of 64; the padding lanes are read
 * but have no effect on any output):
 *   values  [n_inputs][P]   double  as in the row layout
 *   known   [n_inputs][W]   uint64  bit p % 64 of word p / 64: input known
 *                                   for patient p
 *   truth   [n_slots][W]    uint64  bit set: the slot is PW_TRI_TRUE
 *   unknown [n_slots][W]    uint64  bit set: the slot is PW_TRI_UNKNOWN
 *                                   (neither: PW_TRI_FALSE)
 *   numbers [n_number_definitions][P] double  one column per definition of
 *                                   number type, in definition order; 0 when
 *                                   unknown
 *   missing [W][n_recommendations][n_inputs] uint64, or NULL to skip the
 *                                   masks: for each block of 64 patients, for
 *                                   each recommendation, for each input, bit
 *                                   p % 64 set when input i is unknown for
 *                                   patient p and could still decide the
 *                                   recommendation
 * Output bits of padding lanes are zero.
 *
 * The trace entry point (evaluate_trace; descriptors of
 * PW_DESCRIPTOR_SIZE_TRACE bytes) evaluates one patient as `evaluate` does
 * and, when `trace` is not NULL, also writes
 *   trace   [n_trace_nodes] uint8   PW_TRI_FALSE / _TRUE / _UNKNOWN of every
 *                                   node of the condition graph stored in the
 *                                   metadata ("explain"), in its order
 * which is what explanations are built from (pw_result_explain).
 *
 * Evaluation is a pure function of its inputs: it allocates nothing, touches
 * no global state, and is safe to call from many threads at once. */
#ifndef PATHWAY_ABI_H
#define PATHWAY_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PW_ABI_VERSION 1u
#define PW_DESCRIPTOR_MAGIC 0x59445750u /* "PWDY" little-endian */
#define PW_DESCRIPTOR_SYMBOL "pathway_descriptor"

enum { PW_TRI_FALSE = 0, PW_TRI_TRUE = 1, PW_TRI_UNKNOWN = 2 };

typedef void (*pw_eval_fn)(const double* values, const uint8_t* known,
                           uint8_t* state, double* numbers, uint64_t* missing);
typedef void (*pw_eval_batch_fn)(uint64_t count, const double* values,
                                 const uint8_t* known, uint8_t* state,
                                 double* numbers, uint64_t* missing);

typedef void (*pw_eval_columns_fn)(uint64_t count, const double* values,
                                   const uint64_t* known, uint64_t* truth,
                                   uint64_t* unknown, double* numbers,
                                   uint64_t* missing);

typedef void (*pw_eval_trace_fn)(const double* values, const uint8_t* known,
                                 uint8_t* state, double* numbers,
                                 uint64_t* missing, uint8_t* trace);

typedef struct pw_descriptor {
  uint32_t magic;           /* PW_DESCRIPTOR_MAGIC */
  uint32_t abi_version;     /* PW_ABI_VERSION */
  uint32_t descriptor_size; /* sizeof(pw_descriptor) when compiled */
  uint32_t n_inputs;
  uint32_t n_recommendations;
  uint32_t n_findings;
  uint32_t n_definitions;
  uint32_t n_slots;    /* 2 * n_recommendations + n_findings + n_definitions */
  uint32_t mask_words; /* (n_inputs + 63) / 64, at least 1 */
  /* pw_descriptor_checksum() of this descriptor: the runtime refuses a
   * library whose content hash, name, version or metadata (schema, ranges,
   * labels, explanation graph) were changed after it was built. */
  uint32_t metadata_checksum;
  uint64_t content_hash;
  const char* name;
  const char* version;
  const char* metadata_json; /* UTF-8 JSON, not NUL-terminated */
  uint64_t metadata_size;
  pw_eval_fn evaluate;
  pw_eval_batch_fn evaluate_batch;
  /* Present when descriptor_size >= PW_DESCRIPTOR_SIZE_COLUMNS (may be NULL);
   * descriptors of PW_DESCRIPTOR_SIZE_ROWS bytes end before it. */
  pw_eval_columns_fn evaluate_columns;
  /* Present when descriptor_size >= PW_DESCRIPTOR_SIZE_TRACE. */
  pw_eval_trace_fn evaluate_trace; /* may be NULL */
  uint64_t n_trace_nodes;          /* nodes of the metadata's "explain" graph */
} pw_descriptor;

/* FNV-1a (32-bit) over the content hash (8 bytes, least significant
 * first), the name, a NUL byte, the version, a NUL byte and the metadata_size
 * bytes of metadata_json. For a descriptor made in memory
 * (pw_library_from_descriptor), set metadata_checksum to this. */
static inline uint32_t pw_descriptor_checksum(const pw_descriptor* d) {
  uint32_t hash = 0x811c9dc5u;
  for (int b = 0; b < 8; ++b) hash = (hash ^ (uint32_t)((d->content_hash >> (8 * b)) & 0xFFu)) * 0x01000193u;
  const char* parts[2] = {d->name, d->version};
  for (int p = 0; p < 2; ++p) {
    const unsigned char* s = (const unsigned char*)parts[p];
    do {
      hash = (hash ^ *s) * 0x01000193u;
    } while (*s++ != 0);
  }
  const unsigned char* m = (const unsigned char*)d->metadata_json;
  for (uint64_t i = 0; i < d->metadata_size; ++i) hash = (hash ^ m[i]) * 0x01000193u;
  return hash;
}

/* The accepted descriptor sizes of ABI version 1, each a prefix of the next:
 * the row entry points only; with the column entry point; with the trace
 * entry point. */
#define PW_DESCRIPTOR_SIZE_ROWS ((uint32_t)offsetof(pw_descriptor, evaluate_columns))
#define PW_DESCRIPTOR_SIZE_COLUMNS ((uint32_t)offsetof(pw_descriptor, evaluate_trace))
#define PW_DESCRIPTOR_SIZE_TRACE ((uint32_t)sizeof(pw_descriptor))

/* A WebAssembly module (`pathwayc build --target wasm32`) holds the same
 * descriptor in its linear memory, laid out for wasm32 (4-byte pointers):
 * the fields above in order, at the offsets below, PW_WASM32_DESCRIPTOR_SIZE
 * bytes in all; the function pointers are indices into the module's exported
 * table "__indirect_function_table", the other pointers addresses in its
 * exported "memory". The module exports the global PW_DESCRIPTOR_SYMBOL (the
 * descriptor's address) and "__heap_base" (the first byte free for a host's
 * buffers; the module never writes at or above it, and the host may grow the
 * memory); it imports nothing. The column entry point is always NULL. */
#define PW_WASM32_OFFSET_CONTENT_HASH 40u
#define PW_WASM32_OFFSET_NAME 48u
#define PW_WASM32_OFFSET_VERSION 52u
#define PW_WASM32_OFFSET_METADATA_JSON 56u
#define PW_WASM32_OFFSET_METADATA_SIZE 64u
#define PW_WASM32_OFFSET_EVALUATE 72u
#define PW_WASM32_OFFSET_EVALUATE_BATCH 76u
#define PW_WASM32_OFFSET_EVALUATE_COLUMNS 80u
#define PW_WASM32_OFFSET_EVALUATE_TRACE 84u
#define PW_WASM32_OFFSET_N_TRACE_NODES 88u
#define PW_WASM32_DESCRIPTOR_SIZE 96u

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* PATHWAY_ABI_H */
