/* Hand-made descriptors for the runtime's load-error tests, one shared
 * object per FAKE_VARIANT (see tests/runtime/CMakeLists.txt). Variant 0 is a
 * valid, empty pathway, so each other variant differs from a loadable
 * library in exactly one way. */
#include "pathway/abi.h"

#ifndef FAKE_VARIANT
#error "define FAKE_VARIANT"
#endif

#define VALID 0
#define BAD_MAGIC 1
#define BAD_ABI_VERSION 2
#define BAD_SIZE 3
#define BAD_JSON 4
#define COUNT_MISMATCH 5
#define NAME_MISMATCH 6
#define NO_DESCRIPTOR 7
#define BAD_SLOTS 8
#define BAD_SCHEMA 9

#if FAKE_VARIANT != NO_DESCRIPTOR
static void evaluate(const double* values, const uint8_t* known, uint8_t* state,
                     double* numbers, uint64_t* missing) {
  (void)values, (void)known, (void)state, (void)numbers, (void)missing;
}

static void evaluate_batch(uint64_t count, const double* values, const uint8_t* known,
                           uint8_t* state, double* numbers, uint64_t* missing) {
  (void)count, (void)values, (void)known, (void)state, (void)numbers, (void)missing;
}

#endif

#define EMPTY_TAIL "\"sources\":[],\"definitions\":[],\"findings\":[],\"recommendations\":[]}"
#define HEADER "{\"name\":\"fake\",\"title\":\"Fake\",\"version\":\"0.0.1\",\"authors\":[],"

#if FAKE_VARIANT == BAD_JSON
static const char metadata[] = "{\"name\": \"fake\", oops";
#elif FAKE_VARIANT == COUNT_MISMATCH
static const char metadata[] =
    HEADER "\"inputs\":[{\"name\":\"x\",\"type\":\"bool\",\"description\":\"\"}]," EMPTY_TAIL;
#elif FAKE_VARIANT == BAD_SCHEMA
static const char metadata[] =
    HEADER "\"inputs\":[{\"name\":\"x\",\"type\":\"float\",\"description\":\"\"}]," EMPTY_TAIL;
#else
static const char metadata[] = HEADER "\"inputs\":[]," EMPTY_TAIL;
#endif

#if FAKE_VARIANT == NO_DESCRIPTOR
__attribute__((visibility("default"))) const char* not_a_descriptor = metadata;
#else
/* Not const: its checksum is filled in when the library is loaded. */
__attribute__((visibility("default"))) pw_descriptor pathway_descriptor = {
    .magic = FAKE_VARIANT == BAD_MAGIC ? 0x12345678u : PW_DESCRIPTOR_MAGIC,
    .abi_version = FAKE_VARIANT == BAD_ABI_VERSION ? PW_ABI_VERSION + 1 : PW_ABI_VERSION,
    .descriptor_size = FAKE_VARIANT == BAD_SIZE ? 64u : (uint32_t)sizeof(pw_descriptor),
    .n_inputs = FAKE_VARIANT == BAD_SCHEMA ? 1u : 0u,
    .n_slots = FAKE_VARIANT == BAD_SLOTS ? 3u : 0u,
    .mask_words = 1,
    .content_hash = 0x1234,
    .name = FAKE_VARIANT == NAME_MISMATCH ? "other" : "fake",
    .version = "0.0.1",
    .metadata_json = metadata,
    .metadata_size = sizeof metadata - 1,
    .evaluate = evaluate,
    .evaluate_batch = evaluate_batch,
};

__attribute__((constructor)) static void checksum(void) {
  pathway_descriptor.metadata_checksum = pw_descriptor_checksum(&pathway_descriptor);
}
#endif
