# The package test (cmake -P). Inputs (-D): BUILD_DIR, TEST_DIR, WORK_DIR,
# GENERATOR, MAKE_PROGRAM, C_COMPILER, CXX_COMPILER, PKG_CONFIG (may be
# empty or NOTFOUND), SANITIZE_FLAGS (may be empty), PATHWAY_VERSION and the
# project's CMAKE_INSTALL_BINDIR, _LIBDIR and _INCLUDEDIR.
#
#  1. cmake --install BUILD_DIR --prefix WORK_DIR/prefix; check the layout,
#     the SONAME and that the installed pathwayc runs from its prefix.
#  2. Configure, build and run consumer/ against the prefix (find_package,
#     pathway_add_library, Pathway::runtime); compare with expected/.
#  3. Compile pkgconfig/main.c with only `pkg-config --cflags --libs pathway`,
#     run it on the consumer's compiled pathway; compare with expected/.
cmake_minimum_required(VERSION 3.25)

foreach(var BUILD_DIR TEST_DIR WORK_DIR GENERATOR C_COMPILER CXX_COMPILER PATHWAY_VERSION
            CMAKE_INSTALL_BINDIR CMAKE_INSTALL_LIBDIR CMAKE_INSTALL_INCLUDEDIR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "PackageTest.cmake: -D${var}=... is required")
  endif()
endforeach()

set(prefix "${WORK_DIR}/prefix")
set(consumer_build "${WORK_DIR}/consumer-build")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

# Runs a command; on failure, stops with its output. Stdout goes to
# `out_var` when given.
function(step name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "OUTPUT" "COMMAND")
  string(TIMESTAMP start "%s")
  execute_process(COMMAND ${arg_COMMAND} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  string(TIMESTAMP end "%s")
  math(EXPR seconds "${end} - ${start}")
  if(NOT rc EQUAL 0)
    list(JOIN arg_COMMAND " " shown)
    message(FATAL_ERROR "package test: ${name} failed (${rc}):\n  ${shown}\n"
                        "--- stdout\n${out}\n--- stderr\n${err}")
  endif()
  message(STATUS "package test: ${name} (${seconds} s)")
  if(arg_OUTPUT)
    set(${arg_OUTPUT} "${out}" PARENT_SCOPE)
  endif()
endfunction()

function(expect_output name actual expected_file)
  file(READ "${expected_file}" expected)
  if(NOT actual STREQUAL expected)
    file(WRITE "${WORK_DIR}/${name}.actual" "${actual}")
    message(FATAL_ERROR "package test: ${name} printed\n${actual}\nbut ${expected_file} "
                        "expects\n${expected}(actual output in ${WORK_DIR}/${name}.actual)")
  endif()
endfunction()

# ---- 1. install
step("install" COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}")

set(libdir "${prefix}/${CMAKE_INSTALL_LIBDIR}")
foreach(file
    "${CMAKE_INSTALL_BINDIR}/pathwayc"
    "${CMAKE_INSTALL_LIBDIR}/libpathway.so"
    "${CMAKE_INSTALL_LIBDIR}/libpathway.so.${PATHWAY_VERSION}"
    "${CMAKE_INSTALL_INCLUDEDIR}/pathway/pathway.h"
    "${CMAKE_INSTALL_INCLUDEDIR}/pathway/pathway.hpp"
    "${CMAKE_INSTALL_INCLUDEDIR}/pathway/abi.h"
    "${CMAKE_INSTALL_LIBDIR}/cmake/Pathway/PathwayConfig.cmake"
    "${CMAKE_INSTALL_LIBDIR}/cmake/Pathway/PathwayConfigVersion.cmake"
    "${CMAKE_INSTALL_LIBDIR}/cmake/Pathway/PathwayTargets.cmake"
    "${CMAKE_INSTALL_LIBDIR}/cmake/Pathway/PathwayFunctions.cmake"
    "${CMAKE_INSTALL_LIBDIR}/pkgconfig/pathway.pc")
  if(NOT EXISTS "${prefix}/${file}")
    message(FATAL_ERROR "package test: the install has no ${file}")
  endif()
endforeach()

string(REGEX MATCH "^[0-9]+" major "${PATHWAY_VERSION}")
find_program(READELF readelf REQUIRED)
step("readelf libpathway" OUTPUT dynamic
     COMMAND "${READELF}" -d "${libdir}/libpathway.so.${PATHWAY_VERSION}")
if(NOT dynamic MATCHES "Library soname: \\[libpathway\\.so\\.${major}\\]")
  message(FATAL_ERROR "package test: libpathway has no SONAME libpathway.so.${major}:\n${dynamic}")
endif()
if(NOT EXISTS "${libdir}/libpathway.so.${major}")
  message(FATAL_ERROR "package test: the install has no libpathway.so.${major} link")
endif()

# The installed compiler must use the installed runtime, not the build tree's.
set(pathwayc "${prefix}/${CMAKE_INSTALL_BINDIR}/pathwayc")
step("readelf pathwayc" OUTPUT dynamic COMMAND "${READELF}" -d "${pathwayc}")
string(FIND "${dynamic}" "${BUILD_DIR}" at)
if(NOT at EQUAL -1)
  message(FATAL_ERROR "package test: the installed pathwayc still points into the build "
                      "tree:\n${dynamic}")
endif()
step("installed pathwayc --version" OUTPUT version COMMAND "${pathwayc}" --version)
if(NOT version MATCHES "^pathwayc ${PATHWAY_VERSION}")
  message(FATAL_ERROR "package test: pathwayc --version printed '${version}'")
endif()

# ---- 2. find_package(Pathway) consumer
set(flags)
if(SANITIZE_FLAGS)
  list(APPEND flags "-DCMAKE_CXX_FLAGS=${SANITIZE_FLAGS}"
       "-DCMAKE_EXE_LINKER_FLAGS=${SANITIZE_FLAGS}")
endif()
if(MAKE_PROGRAM)
  list(APPEND flags "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
step("configure consumer"
     COMMAND "${CMAKE_COMMAND}" -S "${TEST_DIR}/consumer" -B "${consumer_build}"
             -G "${GENERATOR}" -DCMAKE_BUILD_TYPE=Release
             "-DCMAKE_PREFIX_PATH=${prefix}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
             # Nothing from the system or user package registries.
             -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF ${flags})
step("build consumer" COMMAND "${CMAKE_COMMAND}" --build "${consumer_build}")
set(library "${consumer_build}/libtriage.so")
if(NOT EXISTS "${library}" OR NOT EXISTS "${consumer_build}/triage_pathway_include/triage.h")
  message(FATAL_ERROR "package test: pathway_add_library did not produce ${library} and its "
                      "header")
endif()
step("run consumer" OUTPUT out COMMAND "${consumer_build}/consumer")
expect_output(consumer "${out}" "${TEST_DIR}/expected/consumer.txt")

# A second build is a no-op (the pathway is not recompiled needlessly).
step("rebuild consumer" OUTPUT out COMMAND "${CMAKE_COMMAND}" --build "${consumer_build}")
if(out MATCHES "Compiling pathway")
  message(FATAL_ERROR "package test: an unchanged pathway was compiled again:\n${out}")
endif()

# ---- 3. pkg-config consumer (C99, plain compiler command)
if(NOT PKG_CONFIG)
  message(FATAL_ERROR "package test: pkg-config is not installed (Debian package pkg-config)")
endif()
set(pc_env "${CMAKE_COMMAND}" -E env "PKG_CONFIG_LIBDIR=${libdir}/pkgconfig"
    --unset=PKG_CONFIG_PATH)
step("pkg-config --modversion" OUTPUT version
     COMMAND ${pc_env} "${PKG_CONFIG}" --modversion pathway)
string(STRIP "${version}" version)
if(NOT version STREQUAL PATHWAY_VERSION)
  message(FATAL_ERROR "package test: pathway.pc has version '${version}'")
endif()
step("pkg-config --cflags --libs" OUTPUT pc_flags
     COMMAND ${pc_env} "${PKG_CONFIG}" --cflags --libs pathway)
step("pkg-config --variable=libdir" OUTPUT pc_libdir
     COMMAND ${pc_env} "${PKG_CONFIG}" --variable=libdir pathway)
string(STRIP "${pc_libdir}" pc_libdir)
separate_arguments(pc_flags UNIX_COMMAND "${pc_flags}")
separate_arguments(san UNIX_COMMAND "${SANITIZE_FLAGS}")
step("compile with pkg-config"
     COMMAND "${C_COMPILER}" -std=c99 -Wall -Wextra -Werror ${san}
             "${TEST_DIR}/pkgconfig/main.c" ${pc_flags} "-Wl,-rpath,${pc_libdir}"
             -o "${WORK_DIR}/pkgconfig-consumer")
step("run pkg-config consumer" OUTPUT out
     COMMAND "${WORK_DIR}/pkgconfig-consumer" "${library}"
             [[{"fever": true, "pain": 9, "onset": "sudden"}]])
expect_output(pkgconfig "${out}" "${TEST_DIR}/expected/pkgconfig.txt")
