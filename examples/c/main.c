/* Evaluates a compiled pathway on patient files through the C API.
 *
 *   pathway_example_c LIB.so PATIENT.json...
 *
 * Prints the pathway's name and version, then for each patient the
 * recommendations that fire or are undetermined (with urgency, citations and
 * the inputs still missing) and how many do not fire. Exits 1 on any error,
 * printing the runtime's message. */
#include <stdio.h>
#include <stdlib.h>

#include <pathway/pathway.h>

/* Prints the runtime's last error, after `context` and ": " when given. */
static int fail(const char* context) {
  if (context != NULL) {
    fprintf(stderr, "error: %s: %s\n", context, pw_last_error());
  } else {
    fprintf(stderr, "error: %s\n", pw_last_error());
  }
  return 1;
}

/* The whole file as a malloc'ed buffer, or NULL (errno set). */
static char* readFile(const char* path, size_t* size) {
  FILE* file = fopen(path, "rb");
  if (file == NULL) return NULL;
  char* data = NULL;
  size_t used = 0, capacity = 0;
  for (;;) {
    if (used == capacity) {
      capacity = capacity ? 2 * capacity : 4096;
      char* grown = realloc(data, capacity);
      if (grown == NULL) break;
      data = grown;
    }
    size_t n = fread(data + used, 1, capacity - used, file);
    used += n;
    if (n == 0) break;
  }
  int ok = !ferror(file) && data != NULL;
  fclose(file);
  if (!ok) {
    free(data);
    return NULL;
  }
  *size = used;
  return data;
}

static void printCitations(const pw_recommendation_info* rec) {
  printf("      citations:");
  for (uint32_t i = 0; i < rec->n_citations; ++i) {
    printf("%s %s", i ? "," : "", rec->citations[i].paragraph);
  }
  printf("\n");
}

static int printMissing(const pw_library* library, const pw_result* result, uint32_t rec,
                        uint32_t* buffer, uint32_t capacity) {
  uint32_t count = 0;
  if (pw_result_missing(result, rec, buffer, capacity, &count) != PW_OK) {
    return fail(NULL);
  }
  if (count == 0) return 0;
  printf("      missing:");
  for (uint32_t i = 0; i < count; ++i) {
    pw_input_info input = pw_input_info_init();
    if (pw_library_get_input(library, buffer[i], &input) != PW_OK) return fail(NULL);
    printf("%s %s", i ? "," : "", input.name);
  }
  printf("\n");
  return 0;
}

static int evaluatePatient(const pw_library* library, const pw_library_info* info,
                           pw_input* input, pw_result* result, const char* path,
                           uint32_t* buffer) {
  size_t size = 0;
  char* text = readFile(path, &size);
  if (text == NULL) {
    fprintf(stderr, "error: cannot read '%s'\n", path);
    return 1;
  }
  pw_status status = pw_input_set_json(input, text, size);
  free(text);
  if (status != PW_OK) return fail(path);
  if (pw_evaluate(library, input, result) != PW_OK) return fail(NULL);

  printf("\n%s\n", path);
  uint32_t notFiring = 0;
  for (uint32_t r = 0; r < info->n_recommendations; ++r) {
    pw_rec_status rs = PW_NO;
    pw_recommendation_info rec = pw_recommendation_info_init();
    if (pw_result_status(result, r, &rs) != PW_OK) return fail(NULL);
    if (pw_library_get_recommendation(library, r, &rec) != PW_OK) return fail(NULL);
    if (rs == PW_NO) {
      ++notFiring;
      continue;
    }
    printf("  %-12s %s [%s] %s\n", rs == PW_FIRE ? "FIRE" : "UNDETERMINED", rec.name,
           rec.urgency, rec.label);
    printCitations(&rec);
    if (printMissing(library, result, r, buffer, info->n_inputs) != 0) return 1;
  }
  printf("  %u recommendation(s) do not fire\n", notFiring);
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s LIB.so PATIENT.json...\n", argv[0]);
    return 2;
  }
  pw_library* library = NULL;
  if (pw_library_open(argv[1], &library) != PW_OK) return fail(NULL);
  pw_library_info info = pw_library_info_init();
  pw_input* input = NULL;
  pw_result* result = NULL;
  uint32_t* buffer = NULL;
  int exitCode = 1;
  if (pw_library_get_info(library, &info) != PW_OK) {
    fail(NULL);
  } else if (pw_input_new(library, &input) != PW_OK || pw_result_new(library, &result) != PW_OK) {
    fail(NULL);
  } else if ((buffer = malloc(sizeof(uint32_t) * (info.n_inputs + 1))) == NULL) {
    fprintf(stderr, "error: out of memory\n");
  } else {
    printf("%s %s: %s\n", info.name, info.version, info.title);
    exitCode = 0;
    for (int i = 2; i < argc && exitCode == 0; ++i) {
      exitCode = evaluatePatient(library, &info, input, result, argv[i], buffer);
    }
  }
  free(buffer);
  pw_result_free(result);
  pw_input_free(input);
  pw_library_close(library);
  return exitCode;
}
