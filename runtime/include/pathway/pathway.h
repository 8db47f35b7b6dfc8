/* Pathway runtime: load a compiled pathway library, inspect its schema, build
 * a patient's inputs, evaluate, and read the recommendations.
 *
 * Conventions
 *  - Every function returns a pw_status (PW_OK = 0) and writes its results
 *    through out-parameters; the destructors (*_free, pw_library_close) return
 *    nothing and accept NULL. On failure, pw_last_error() describes what went
 *    wrong (thread-local, valid until the next failing call on that thread)
 *    and out-parameters are left unchanged, except the size of a
 *    PW_ERR_BUFFER_TOO_SMALL failure (below).
 *  - Strings and arrays returned by the pw_library_* functions belong to the
 *    library and stay valid until pw_library_close.
 *  - Info structs are versioned by size: `struct_size` must be sizeof the
 *    struct as the caller knows it (the pw_*_info_init() helpers below zero
 *    a struct and set it); the runtime fills only what fits.
 *  - Size queries: a function writing into a caller buffer reports the full
 *    size in an out-parameter. Passing buffer NULL with capacity 0 only
 *    queries it (PW_OK); a non-NULL buffer that is too small fails with
 *    PW_ERR_BUFFER_TOO_SMALL, the full size reported and nothing written.
 *  - pw_evaluate and pw_evaluate_batch allocate nothing and may run
 *    concurrently on one library from many threads, each with its own result.
 *    They compute statuses, findings and definitions only: the missing-input
 *    masks are computed from a copy of the input the first time a result's
 *    missing inputs are read (pw_result_missing, pw_result_missing_masks,
 *    pw_result_to_json), once, safely when several threads read one result.
 *    An input or result object must not be modified by one thread while
 *    another uses it. A library must outlive its inputs and results. */
#ifndef PATHWAY_PATHWAY_H
#define PATHWAY_PATHWAY_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__GNUC__)
#define PW_API __attribute__((visibility("default")))
#else
#define PW_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef enum pw_status {
  PW_OK = 0,
  PW_ERR_ARGUMENT = 1,         /* NULL pointer, index out of range, wrong library */
  PW_ERR_LOAD = 2,             /* file missing, unreadable, not a shared object, truncated */
  PW_ERR_NOT_PATHWAY = 3,      /* a shared object without a Pathway descriptor */
  PW_ERR_ABI = 4,              /* bad descriptor magic, ABI version or descriptor size */
  PW_ERR_CORRUPT = 5,          /* descriptor fields or metadata JSON inconsistent */
  PW_ERR_NOT_FOUND = 6,        /* no input/finding/... with that name, unknown enum label */
  PW_ERR_TYPE = 7,             /* value of the wrong type for the input */
  PW_ERR_RANGE = 8,            /* non-finite, non-integer int, outside the declared range */
  PW_ERR_JSON = 9,             /* malformed JSON */
  PW_ERR_UNIT = 10,            /* unknown unit or unit of another dimension */
  PW_ERR_BUFFER_TOO_SMALL = 11,
  PW_ERR_STATE = 12,           /* reading a result that was never evaluated */
  PW_ERR_NO_MEMORY = 13,
  PW_ERR_INTERNAL = 14,
  PW_ERR_FHIR = 15             /* a FHIR record that is malformed or cannot be read */
} pw_status;

typedef enum pw_tri { PW_FALSE = 0, PW_TRUE = 1, PW_UNKNOWN = 2 } pw_tri;

typedef enum pw_rec_status {
  PW_NO = 0,
  PW_FIRE = 1,
  PW_UNDETERMINED = 2
} pw_rec_status;

typedef enum pw_input_kind {
  PW_INPUT_BOOL = 0,
  PW_INPUT_INT = 1,
  PW_INPUT_NUMBER = 2,
  PW_INPUT_ENUM = 3,
  PW_INPUT_QUANTITY = 4
} pw_input_kind;

typedef enum pw_value_type { PW_TYPE_BOOL = 0, PW_TYPE_NUMBER = 1 } pw_value_type;

typedef struct pw_library pw_library;
typedef struct pw_input pw_input;
typedef struct pw_result pw_result;
/* The compiled-library descriptor, defined in <pathway/abi.h>. */
struct pw_descriptor;

typedef struct pw_citation {
  const char* source;    /* declared source name */
  const char* paragraph; /* "S1.P2" */
} pw_citation;

typedef struct pw_library_info {
  uint32_t struct_size;
  uint32_t abi_version;
  const char* path; /* as opened */
  const char* name;
  const char* title;
  const char* version;
  uint64_t content_hash;
  uint32_t n_inputs;
  uint32_t n_recommendations;
  uint32_t n_findings;
  uint32_t n_definitions;
  uint32_t n_sources;
  uint32_t n_authors;
  const char* const* authors;
  uint32_t n_slots;    /* row layout for pw_evaluate_rows */
  uint32_t mask_words;
  const char* metadata_json; /* not NUL-terminated */
  size_t metadata_size;
} pw_library_info;

typedef struct pw_source_info {
  uint32_t struct_size;
  uint32_t n_paragraphs;
  const char* name;
  const char* title;
  const char* const* paragraphs;
} pw_source_info;

typedef struct pw_input_info {
  uint32_t struct_size;
  pw_input_kind kind;
  const char* name;
  const char* unit;      /* canonical unit of a quantity, else "" */
  const char* dimension; /* dimension of a quantity, else "" */
  int has_min;
  int has_max;
  double min; /* in `unit` for quantities */
  double max;
  const char* enum_name; /* enum inputs, else "" */
  uint32_t n_labels;
  const char* const* labels; /* enum labels; a value is a label index */
  const char* description;
} pw_input_info;

typedef struct pw_finding_info {
  uint32_t struct_size;
  uint32_t n_citations;
  const char* name;
  const char* label;
  const pw_citation* citations;
} pw_finding_info;

typedef struct pw_definition_info {
  uint32_t struct_size;
  pw_value_type type;
  const char* name;
} pw_definition_info;

typedef struct pw_recommendation_info {
  uint32_t struct_size;
  uint32_t n_citations;
  const char* name; /* the recommendation's code */
  const char* label;
  const char* category; /* "execution", "urgent", "imaging", ... */
  const char* urgency;  /* "routine", "soon", "immediate" */
  const char* rationale;
  const pw_citation* citations;
  uint32_t n_supersedes;
  const uint32_t* supersedes; /* recommendation indices */
} pw_recommendation_info;

/* Zeroed info structs with struct_size set (header-only helpers). */
#define PW_DEFINE_INFO_INIT(type)                  \
  static inline type type##_init(void) {           \
    type info;                                     \
    memset(&info, 0, sizeof info);                 \
    info.struct_size = (uint32_t)sizeof info;      \
    return info;                                   \
  }
PW_DEFINE_INFO_INIT(pw_library_info)
PW_DEFINE_INFO_INIT(pw_source_info)
PW_DEFINE_INFO_INIT(pw_input_info)
PW_DEFINE_INFO_INIT(pw_finding_info)
PW_DEFINE_INFO_INIT(pw_definition_info)
PW_DEFINE_INFO_INIT(pw_recommendation_info)
#undef PW_DEFINE_INFO_INIT

/* The message of the last failure on this thread ("" if none). */
PW_API const char* pw_last_error(void);

/* ---- libraries */
/* Opens a compiled pathway (dlopen RTLD_LOCAL|RTLD_NOW) after checking that
 * it is an ELF shared object, exports a descriptor with the right magic, ABI
 * version and size, and carries metadata consistent with it. */
PW_API pw_status pw_library_open(const char* path, pw_library** out);
/* Opens a pathway from a descriptor in memory (<pathway/abi.h>), for
 * evaluators other than a compiled library, such as an interpreter. The
 * descriptor is checked as pw_library_open checks a loaded one (magic, ABI
 * version, descriptor_size PW_DESCRIPTOR_SIZE_ROWS or _COLUMNS, counts, metadata), except
 * that `evaluate` and `evaluate_batch` may be NULL: pw_evaluate and
 * pw_evaluate_batch then fail with PW_ERR_STATE without `evaluate`, and
 * pw_evaluate_rows without `evaluate_batch`; fill results with pw_result_load
 * instead. The runtime does not copy the descriptor: it and every string it
 * points to (name, version, metadata_json) must stay valid and unchanged until
 * pw_library_close. pw_library_info.path is "" for such a library. */
PW_API pw_status pw_library_from_descriptor(const struct pw_descriptor* descriptor,
                                            pw_library** out);
PW_API void pw_library_close(pw_library* library);

PW_API pw_status pw_library_get_info(const pw_library* library, pw_library_info* info);
PW_API pw_status pw_library_get_source(const pw_library* library, uint32_t index,
                                       pw_source_info* info);
PW_API pw_status pw_library_get_input(const pw_library* library, uint32_t index,
                                      pw_input_info* info);
PW_API pw_status pw_library_get_finding(const pw_library* library, uint32_t index,
                                        pw_finding_info* info);
PW_API pw_status pw_library_get_definition(const pw_library* library, uint32_t index,
                                           pw_definition_info* info);
PW_API pw_status pw_library_get_recommendation(const pw_library* library, uint32_t index,
                                               pw_recommendation_info* info);

/* The FHIR R4 Questionnaire (JSON text) for the inputs that no FHIR binding
 * gives: the facts a clinician records. Its url is
 * "urn:pathway:<name>:questionnaire", its version the pathway's; linkId =
 * input name. pw_input_set_fhir reads QuestionnaireResponses to it. The text
 * belongs to the library (see above). */
PW_API pw_status pw_library_get_questionnaire(const pw_library* library, const char** json);

/* Index by name; PW_ERR_NOT_FOUND (naming the closest match) otherwise. */
PW_API pw_status pw_library_find_input(const pw_library* library, const char* name,
                                       uint32_t* index);
PW_API pw_status pw_library_find_finding(const pw_library* library, const char* name,
                                         uint32_t* index);
PW_API pw_status pw_library_find_definition(const pw_library* library, const char* name,
                                            uint32_t* index);
PW_API pw_status pw_library_find_recommendation(const pw_library* library, const char* name,
                                                uint32_t* index);

/* ---- inputs: one patient's facts; every input starts unknown.
 * Each setter validates before it changes anything: the wrong kind of value
 * (PW_ERR_TYPE), a non-finite number or a non-integer for an int, a value
 * outside the declared range (PW_ERR_RANGE), an unknown enum label
 * (PW_ERR_NOT_FOUND), an unknown or incompatible unit (PW_ERR_UNIT). */
PW_API pw_status pw_input_new(const pw_library* library, pw_input** out);
PW_API void pw_input_free(pw_input* input);
PW_API pw_status pw_input_clear(pw_input* input); /* all unknown */
PW_API pw_status pw_input_set_bool(pw_input* input, uint32_t index, int value);
PW_API pw_status pw_input_set_int(pw_input* input, uint32_t index, int64_t value);
/* int (integral values only), number, or quantity in its declared unit. */
PW_API pw_status pw_input_set_number(pw_input* input, uint32_t index, double value);
PW_API pw_status pw_input_set_enum(pw_input* input, uint32_t index, const char* label);
PW_API pw_status pw_input_set_enum_index(pw_input* input, uint32_t index, uint32_t label);
/* A quantity in any unit of its dimension ("weeks" for a duration in days). */
PW_API pw_status pw_input_set_quantity(pw_input* input, uint32_t index, double value,
                                       const char* unit);
PW_API pw_status pw_input_set_unknown(pw_input* input, uint32_t index);
/* Replaces every input from a JSON object keyed by input name. A missing key
 * or null is unknown. Values: true/false; integers; numbers; enum labels as
 * strings; quantities as a number in the declared unit, a string "6 weeks" or
 * {"value": 6, "unit": "weeks"}. All or nothing: on any error (malformed JSON
 * with its position, unknown name with the closest one, or any setter error)
 * the input is unchanged. */
PW_API pw_status pw_input_set_json(pw_input* input, const char* text, size_t length);
/* Fills the inputs the pathway binds to FHIR R4 records (its `fhir`
 * declarations) from `text`: a Bundle, a JSON array of resources, or one
 * resource, as of `now`, an ISO 8601 dateTime with a time and offset
 * ("2026-12-03T09:00:00Z"). QuestionnaireResponses to the pathway's
 * Questionnaire (pw_library_get_questionnaire) in the document fill the
 * inputs they answer, checked as pw_input_set_json checks values; the latest
 * `authored` wins. Inputs neither gives are untouched, so flat JSON can
 * supply them; a bound input that no record decides keeps its value (unless
 * its binding says what absence means). Each value filled remembers its
 * record (pw_input_get_evidence). Unknown resource types, unbound codes and
 * responses to other Questionnaires are ignored (a lone response to another
 * Questionnaire is an error). All or nothing: a malformed document
 * (PW_ERR_JSON), a malformed matching record or a response to another
 * version (PW_ERR_FHIR), an answer of the wrong type (PW_ERR_TYPE), an
 * inconvertible unit (PW_ERR_UNIT), a value out of range (PW_ERR_RANGE) or
 * an unknown question or label (PW_ERR_NOT_FOUND) leaves the input
 * unchanged; the message names the resource (type/id) and a JSON pointer. A
 * pathway without bindings gives PW_ERR_STATE unless the document answers
 * its Questionnaire. The rules are in docs/fhir.md. */
PW_API pw_status pw_input_set_fhir(pw_input* input, const char* text, size_t length, const char* now);

/* Where a value came from: set when a FHIR record gave input `index`; all
 * NULL otherwise (or after a setter changed it). Strings stay valid until
 * the input is next changed or freed. */
typedef struct pw_evidence {
  uint32_t struct_size;   /* set to sizeof(pw_evidence) before the call */
  const char* resource;   /* "Observation/esr-1"; NULL: no evidence */
  const char* element;    /* "valueQuantity" */
  const char* effective;  /* the record's time as written, "" when it has none */
  const char* value;      /* the value as the record gave it: "32 mm/h" */
} pw_evidence;
static inline pw_evidence pw_evidence_init(void) {
  pw_evidence e;
  memset(&e, 0, sizeof e);
  e.struct_size = (uint32_t)sizeof e;
  return e;
}
PW_API pw_status pw_input_get_evidence(const pw_input* input, uint32_t index, pw_evidence* out);

/* The stored value: bool 0/1, int, number, enum label index, quantity in its
 * declared unit; *known is 0 for an unknown input (and *value 0). */
PW_API pw_status pw_input_get(const pw_input* input, uint32_t index, int* known,
                              double* value);
/* Replaces every input from one row of n_inputs values in the layout of
 * <pathway/abi.h> (bool 0/1, int, number, quantity in its declared unit, enum
 * label index). `known` holds n_inputs flags (0: unknown, its value ignored);
 * when it is NULL, a NaN value is unknown and every other value known. Each
 * known value is checked as the setters check it: finite, a bool exactly 0 or
 * 1, an int integral, an enum index a label's, inside the declared range
 * (else PW_ERR_RANGE naming values[i] and its input). All or nothing: on an
 * error the input is unchanged. */
PW_API pw_status pw_input_set_row(pw_input* input, const double* values, const uint8_t* known);
/* Read-only views of the input's rows in the layout of <pathway/abi.h>: n_inputs
 * values and n_inputs known flags (never NULL, even without inputs). They
 * stay valid until pw_input_free and reflect every later change. */
PW_API pw_status pw_input_rows(const pw_input* input, const double** values,
                               const uint8_t** known);

/* Converts `count` values of quantity input `index` from `unit` (any unit of
 * its dimension) into its declared unit, exactly as pw_input_set_quantity
 * does, from `values` into `out` (which may be `values`). Nothing is
 * validated but the unit: NaN stays NaN. PW_ERR_TYPE when the input is not a
 * quantity, PW_ERR_UNIT for an unknown unit or one of another dimension. For
 * hosts that convert whole columns (the Python package). */
PW_API pw_status pw_library_convert_quantities(const pw_library* library, uint32_t index,
                                               const char* unit, size_t count,
                                               const double* values, double* out);

/* ---- evaluation */
PW_API pw_status pw_result_new(const pw_library* library, pw_result** out);
PW_API void pw_result_free(pw_result* result);
PW_API pw_status pw_evaluate(const pw_library* library, const pw_input* input,
                             pw_result* result);
/* pw_evaluate that also computes the missing-input masks in the same pass,
 * for callers that will read them for most patients (pw_evaluate computes
 * them on the first read, at the cost of a second evaluation then). */
PW_API pw_status pw_evaluate_with_masks(const pw_library* library, const pw_input* input,
                                        pw_result* result);
/* inputs[i] -> results[i] for i < count. */
PW_API pw_status pw_evaluate_batch(const pw_library* library, size_t count,
                                   const pw_input* const* inputs, pw_result* const* results);
/* The library's batch entry point on caller-owned row-major arrays laid out
 * as in <pathway/abi.h>: values and known hold count * n_inputs entries,
 * state and numbers count * n_slots, missing count * n_recommendations *
 * mask_words (see pw_library_info). No validation of the values. `missing`
 * may be NULL: the masks are then neither computed nor written. */
PW_API pw_status pw_evaluate_rows(const pw_library* library, uint64_t count,
                                  const double* values, const uint8_t* known, uint8_t* state,
                                  double* numbers, uint64_t* missing);

/* ---- column-oriented batches (structure of arrays, 64 patients per word)
 * The layout is that of the column entry point in <pathway/abi.h>: every
 * value column is padded to `lanes` doubles (count rounded up to a multiple
 * of 64), every bit column is `words` uint64 (bit p % 64 of word p / 64 is
 * patient p). pw_columns_layout_get gives the sizes, in elements, of each
 * array for `count` patients:
 *   values  [n_inputs][lanes] double     known   [n_inputs][words] uint64
 *   truth   [n_slots][words]  uint64     unknown [n_slots][words]  uint64
 *   numbers [n_number_columns][lanes] double (number definitions, in order)
 *   missing [words][n_recommendations][n_inputs] uint64 */
typedef struct pw_columns_layout {
  uint32_t struct_size;
  uint32_t n_number_columns; /* definitions of number type */
  uint64_t count;
  uint64_t words; /* (count + 63) / 64 */
  uint64_t lanes; /* 64 * words */
  uint64_t values_size;
  uint64_t known_size;
  uint64_t state_size; /* of truth, and of unknown */
  uint64_t numbers_size;
  uint64_t missing_size;
} pw_columns_layout;

static inline pw_columns_layout pw_columns_layout_init(void) {
  pw_columns_layout layout;
  memset(&layout, 0, sizeof layout);
  layout.struct_size = (uint32_t)sizeof layout;
  return layout;
}

PW_API pw_status pw_columns_layout_get(const pw_library* library, uint64_t count,
                                       pw_columns_layout* layout);
/* Evaluates `count` patients at once with the library's column entry point,
 * 64 patients per machine word. A slot is PW_TRI_UNKNOWN where its `unknown`
 * bit is set, else PW_TRI_TRUE where its `truth` bit is set, else
 * PW_TRI_FALSE (a number slot is true when known). `missing` may be NULL:
 * the missing-input masks are then neither computed nor written; `numbers`
 * may be NULL when the pathway has no number definitions. The arrays must
 * not overlap; the values are not validated. PW_ERR_STATE for a library
 * compiled before the column entry point existed. */
PW_API pw_status pw_evaluate_columns(const pw_library* library, uint64_t count,
                                     const double* values, const uint64_t* known,
                                     uint64_t* truth, uint64_t* unknown, double* numbers,
                                     uint64_t* missing);

/* Fills `result` from rows that another evaluator of the same pathway (an
 * interpreter, say) produced, laid out as in <pathway/abi.h>: state and
 * numbers hold n_slots entries, missing n_recommendations * mask_words (see
 * pw_library_info); an array may be NULL only when it is empty. Every state
 * byte must be PW_TRI_FALSE, PW_TRI_TRUE or PW_TRI_UNKNOWN and every number
 * finite (else PW_ERR_RANGE, naming the slot, and the result is unchanged).
 * Afterwards every result accessor and pw_result_to_json work as after
 * pw_evaluate. The arrays are copied. */
PW_API pw_status pw_result_load(pw_result* result, const uint8_t* state, const double* numbers,
                                const uint64_t* missing);

/* ---- results (PW_ERR_STATE before the first evaluation or load) */
/* After supersedes: PW_FIRE, PW_NO or PW_UNDETERMINED. */
PW_API pw_status pw_result_status(const pw_result* result, uint32_t recommendation,
                                  pw_rec_status* status);
/* The recommendation's own condition, before supersedes. */
PW_API pw_status pw_result_condition(const pw_result* result, uint32_t recommendation,
                                     pw_tri* value);
/* The recommendations that fired and superseded this one (its condition is
 * true or unknown, and a superseder fired); none otherwise. */
PW_API pw_status pw_result_superseded_by(const pw_result* result, uint32_t recommendation,
                                         uint32_t* indices, uint32_t capacity,
                                         uint32_t* count);
/* The unknown inputs that could still decide the recommendation (indices in
 * increasing order); none unless it is undetermined. */
PW_API pw_status pw_result_missing(const pw_result* result, uint32_t recommendation,
                                   uint32_t* inputs, uint32_t capacity, uint32_t* count);
PW_API pw_status pw_result_finding(const pw_result* result, uint32_t finding, pw_tri* value);
/* ---- bulk accessors: one call for what a loop of the accessors above reads
 * (see size queries above; each fails like them before an evaluation). */
/* Every recommendation's status: statuses[r] is the pw_rec_status of
 * recommendation r (PW_NO, PW_FIRE, PW_UNDETERMINED) as a byte;
 * n_recommendations entries. */
PW_API pw_status pw_result_statuses(const pw_result* result, uint8_t* statuses,
                                    uint32_t capacity, uint32_t* count);
/* Every recommendation's missing inputs as bitmaps: n_recommendations *
 * mask_words words (pw_library_info), bit i % 64 of masks[r * mask_words +
 * i / 64] set when input i is in pw_result_missing(r); all zero unless r is
 * undetermined. */
PW_API pw_status pw_result_missing_masks(const pw_result* result, uint64_t* masks,
                                         size_t capacity, size_t* count);
/* Every recommendation's superseded-by set as bitmaps: n_recommendations *
 * ((n_recommendations + 63) / 64) words, bit s % 64 of word
 * masks[r * words + s / 64] set when s is in pw_result_superseded_by(r). */
PW_API pw_status pw_result_superseded_masks(const pw_result* result, uint64_t* masks,
                                            size_t capacity, size_t* count);
/* Bool definitions: *value is the truth value and *number 0. Number
 * definitions: *value is PW_TRUE when known (then *number is the value) and
 * PW_UNKNOWN otherwise (*number 0). Either out-parameter may be NULL. */
PW_API pw_status pw_result_definition(const pw_result* result, uint32_t definition,
                                      pw_tri* value, double* number);
/* The result as JSON, NUL-terminated, into `buffer` (see size queries above);
 * *length is the length without the NUL:
 * {"pathway","version","recommendations":[{"code","label","category","status":
 *  "fire|no|undetermined","urgency","rationale","citations":["S1.P1",..],
 *  "missing":[input names] (undetermined only),"superseded_by":[codes] (when
 *  superseded)}],"findings":{name:true|false|null},"definitions":{name:
 *  value|null}} */
PW_API pw_status pw_result_to_json(const pw_result* result, char* buffer, size_t capacity,
                                   size_t* length);

/* ---- explanations: why did a recommendation fire, or what would decide it?
 * An explanation shows the recommendation's condition as a tree with the
 * three-valued value of every node and the patient's values behind each
 * leaf, the superseders that applied, the missing inputs and the citations:
 * the text of `pathwayc explain`. */

/* Evaluates like pw_evaluate and also records, in the result, what an
 * explanation needs: the value of every node of the pathway's condition
 * graph (written by the library's trace entry point) and a copy of the
 * input. Allocates nothing; about 1.5x the cost of pw_evaluate
 * (docs/performance.md). PW_ERR_STATE for a library without a trace entry
 * point (compiled by an older pathwayc, or opened from a descriptor without
 * one). */
PW_API pw_status pw_evaluate_traced(const pw_library* library, const pw_input* input,
                                    pw_result* result);

typedef enum pw_explain_format {
  PW_EXPLAIN_TEXT = 0,
  PW_EXPLAIN_JSON = 1,
  /* Not a format: makes every int a valid value of the type, so that an
   * unknown value from a caller is an error (PW_ERR_ARGUMENT), not undefined
   * behaviour. */
  PW_EXPLAIN_FORMAT_MAX_ENUM = 0x7FFFFFFF
} pw_explain_format;

/* As `recommendation` of pw_result_explain: every recommendation worth
 * explaining (fired, undetermined, or suppressed by a superseder). */
#define PW_EXPLAIN_ALL 0xFFFFFFFFu

/* The explanation of `recommendation` (any status), or with PW_EXPLAIN_ALL
 * of every recommendation worth explaining, NUL-terminated, into `buffer`
 * (see size queries above); *length is the length without the NUL.
 * PW_ERR_STATE unless the result's last evaluation was pw_evaluate_traced.
 * JSON of one recommendation:
 * {"code","status","category","urgency","citations":["S1.P1",..],
 *  "condition":{"text","value":"true|false|unknown","detail"?:"input = value,
 *  ..","children"?:[..]},"superseded_by":[codes],"undecided_superseders":
 *  [codes],"missing":[input names]}; with PW_EXPLAIN_ALL:
 * {"pathway","version","recommendations":[..]}. */
PW_API pw_status pw_result_explain(const pw_result* result, uint32_t recommendation,
                                   pw_explain_format format, char* buffer, size_t capacity,
                                   size_t* length);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* PATHWAY_PATHWAY_H */
