/* Built with only `pkg-config --cflags --libs pathway` (C99): loads a
 * compiled pathway given on the command line, evaluates the patient JSON
 * given after it and prints each recommendation's status. */
#include <stdio.h>
#include <string.h>

#include <pathway/pathway.h>

static const char* statusName(pw_rec_status status) {
  return status == PW_FIRE ? "fire" : status == PW_NO ? "no" : "undetermined";
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s LIB.so PATIENT-JSON\n", argv[0]);
    return 2;
  }
  pw_library* library = NULL;
  pw_input* input = NULL;
  pw_result* result = NULL;
  int rc = 1;
  if (pw_library_open(argv[1], &library) != PW_OK ||
      pw_input_new(library, &input) != PW_OK ||
      pw_input_set_json(input, argv[2], strlen(argv[2])) != PW_OK ||
      pw_result_new(library, &result) != PW_OK ||
      pw_evaluate(library, input, result) != PW_OK) {
    fprintf(stderr, "error: %s\n", pw_last_error());
    goto done;
  }
  pw_library_info info = pw_library_info_init();
  if (pw_library_get_info(library, &info) != PW_OK) goto done;
  printf("%s %s\n", info.name, info.version);
  for (uint32_t r = 0; r < info.n_recommendations; ++r) {
    pw_recommendation_info rec = pw_recommendation_info_init();
    pw_rec_status status = PW_UNDETERMINED;
    if (pw_library_get_recommendation(library, r, &rec) != PW_OK ||
        pw_result_status(result, r, &status) != PW_OK) {
      fprintf(stderr, "error: %s\n", pw_last_error());
      goto done;
    }
    printf("%s=%s\n", rec.name, statusName(status));
  }
  /* The runtime refuses what is not a pathway library, with a message. */
  pw_library* missing = NULL;
  if (pw_library_open("/nonexistent/libnothing.so", &missing) == PW_ERR_LOAD) {
    printf("missing library refused\n");
  }
  rc = 0;
done:
  pw_result_free(result);
  pw_input_free(input);
  pw_library_close(library);
  return rc;
}
