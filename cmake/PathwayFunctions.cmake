# pathway_add_library(): compile a pathway (.pw) into a native shared library
# as part of an app's own build, with the Pathway::pathwayc of this package.
#
#   pathway_add_library(<target> <file.pw>
#                       [OUTPUT_NAME <name>]        # lib<name>.so; default <target>
#                       [OUTPUT_DIRECTORY <dir>]    # default CMAKE_LIBRARY_OUTPUT_DIRECTORY,
#                                                   # else the current binary dir
#                       [HEADER]                    # also emit <name>.h (index macros)
#                       [OPT_LEVEL <0-3>]           # pathwayc -O; default 2
#                       [OPTIONS <option>...])      # more `pathwayc build` options, e.g. --Werror
#
# <target> is an INTERFACE library that is built by default (ALL). Linking it,
#   target_link_libraries(app PRIVATE <target>)
# builds the pathway before `app` and, with HEADER, puts <name>.h on app's
# include path. The app loads the library at run time (pw_library_open); its
# path is a property of <target>:
#   PATHWAY_LIBRARY_FILE  absolute path of lib<name>.so, e.g.
#       target_compile_definitions(app PRIVATE
#         TRIAGE_LIBRARY="$<TARGET_PROPERTY:triage,PATHWAY_LIBRARY_FILE>")
#   PATHWAY_HEADER_FILE   absolute path of <name>.h (HEADER), else empty
#   PATHWAY_INCLUDE_DIR   the directory holding it (HEADER), else empty
#   PATHWAY_SOURCE_FILE   absolute path of the .pw file
# The pathway is recompiled when the .pw file or pathwayc changes.
include_guard(GLOBAL)

function(pathway_add_library target file)
  cmake_parse_arguments(PARSE_ARGV 2 arg "HEADER" "OUTPUT_NAME;OUTPUT_DIRECTORY;OPT_LEVEL"
                        "OPTIONS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "pathway_add_library(${target}): unexpected arguments: "
                        "${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT TARGET Pathway::pathwayc)
    message(FATAL_ERROR "pathway_add_library(${target}): there is no Pathway::pathwayc "
                        "target; call find_package(Pathway) first")
  endif()

  cmake_path(ABSOLUTE_PATH file BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
             NORMALIZE OUTPUT_VARIABLE source)
  if(NOT EXISTS "${source}")
    message(FATAL_ERROR "pathway_add_library(${target}): pathway file '${source}' does not "
                        "exist")
  endif()

  set(name "${target}")
  if(DEFINED arg_OUTPUT_NAME)
    set(name "${arg_OUTPUT_NAME}")
  endif()
  if(DEFINED arg_OUTPUT_DIRECTORY)
    cmake_path(ABSOLUTE_PATH arg_OUTPUT_DIRECTORY BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}"
               NORMALIZE OUTPUT_VARIABLE dir)
  elseif(CMAKE_LIBRARY_OUTPUT_DIRECTORY)
    set(dir "${CMAKE_LIBRARY_OUTPUT_DIRECTORY}")
  else()
    set(dir "${CMAKE_CURRENT_BINARY_DIR}")
  endif()
  set(opt 2)
  if(DEFINED arg_OPT_LEVEL)
    if(NOT arg_OPT_LEVEL MATCHES "^[0-3]$")
      message(FATAL_ERROR "pathway_add_library(${target}): OPT_LEVEL must be 0 to 3, not "
                          "'${arg_OPT_LEVEL}'")
    endif()
    set(opt ${arg_OPT_LEVEL})
  endif()

  set(library "${dir}/lib${name}.so")
  set(outputs "${library}")
  set(header_args)
  set(header "")
  set(include_dir "")
  if(arg_HEADER)
    set(include_dir "${CMAKE_CURRENT_BINARY_DIR}/${target}_pathway_include")
    set(header "${include_dir}/${name}.h")
    list(APPEND outputs "${header}")
    set(header_args --emit-header "${header}")
  endif()

  cmake_path(RELATIVE_PATH source BASE_DIRECTORY "${CMAKE_SOURCE_DIR}" OUTPUT_VARIABLE shown)
  add_custom_command(
    OUTPUT ${outputs}
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${dir}" ${include_dir}
    COMMAND Pathway::pathwayc build "${source}" -o "${library}" -O ${opt} ${header_args}
            ${arg_OPTIONS}
    DEPENDS "${source}" Pathway::pathwayc "$<TARGET_FILE:Pathway::pathwayc>"
    COMMENT "Compiling pathway ${shown} into lib${name}.so"
    VERBATIM)
  # A custom target does the work; the INTERFACE library is what apps link
  # (dependencies of an interface library are followed by its consumers).
  add_custom_target(${target}_pathway ALL DEPENDS ${outputs} SOURCES "${source}")
  add_library(${target} INTERFACE)
  add_dependencies(${target} ${target}_pathway)
  if(arg_HEADER)
    target_include_directories(${target} INTERFACE "${include_dir}")
  endif()
  set_target_properties(${target} PROPERTIES
    PATHWAY_LIBRARY_FILE "${library}"
    PATHWAY_HEADER_FILE "${header}"
    PATHWAY_INCLUDE_DIR "${include_dir}"
    PATHWAY_SOURCE_FILE "${source}")
endfunction()
