# Installation and packaging: `cmake --install` lays out
#   bin/pathwayc
#   lib/libpathway.so.<version>, libpathway.so.<major> (SONAME), libpathway.so
#   include/pathway/{pathway.h,pathway.hpp,abi.h}
#   lib/cmake/Pathway/   find_package(Pathway): Pathway::runtime, Pathway::pathwayc,
#                        pathway_add_library() (PathwayFunctions.cmake)
#   lib/pkgconfig/pathway.pc
# Everything is relocatable: the prefix may differ from CMAKE_INSTALL_PREFIX
# (`cmake --install build --prefix /elsewhere`).
include(CMakePackageConfigHelpers)

set(PATHWAY_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/Pathway)

# The names apps see, also inside this build (add_subdirectory / FetchContent).
set_target_properties(pathway_runtime PROPERTIES EXPORT_NAME runtime)
add_library(Pathway::runtime ALIAS pathway_runtime)
add_executable(Pathway::pathwayc ALIAS pathwayc)
# pathway_add_library() works in this tree as well as for installed apps.
include(${CMAKE_CURRENT_LIST_DIR}/PathwayFunctions.cmake)

# An installed pathwayc finds the installed libpathway, and LLVM where it was
# linked from (/usr/lib/llvm-16/lib is not on the default search path).
set_target_properties(pathwayc PROPERTIES
  INSTALL_RPATH "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}"
  INSTALL_RPATH_USE_LINK_PATH ON)

install(TARGETS pathway_runtime EXPORT PathwayTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
          COMPONENT Runtime NAMELINK_COMPONENT Development)
install(TARGETS pathwayc EXPORT PathwayTargets
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT Compiler)
install(FILES
  ${PROJECT_SOURCE_DIR}/runtime/include/pathway/abi.h
  ${PROJECT_SOURCE_DIR}/runtime/include/pathway/pathway.h
  ${PROJECT_SOURCE_DIR}/runtime/include/pathway/pathway.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/pathway COMPONENT Development)

# ---- CMake package
install(EXPORT PathwayTargets NAMESPACE Pathway::
  DESTINATION ${PATHWAY_INSTALL_CMAKEDIR} COMPONENT Development)
configure_package_config_file(
  ${CMAKE_CURRENT_LIST_DIR}/PathwayConfig.cmake.in
  ${PROJECT_BINARY_DIR}/package/PathwayConfig.cmake
  INSTALL_DESTINATION ${PATHWAY_INSTALL_CMAKEDIR})
# 0.x: a new minor version may change the runtime's API.
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/package/PathwayConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/package/PathwayConfig.cmake
  ${PROJECT_BINARY_DIR}/package/PathwayConfigVersion.cmake
  ${CMAKE_CURRENT_LIST_DIR}/PathwayFunctions.cmake
  DESTINATION ${PATHWAY_INSTALL_CMAKEDIR} COMPONENT Development)

# ---- pkg-config: paths relative to the .pc file, so the prefix can move.
set(PATHWAY_PC_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
file(RELATIVE_PATH PATHWAY_PC_PREFIX "/root/${PATHWAY_PC_DIR}" "/root")
string(REGEX REPLACE "/$" "" PATHWAY_PC_PREFIX "${PATHWAY_PC_PREFIX}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/pathway.pc.in ${PROJECT_BINARY_DIR}/package/pathway.pc
  @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/package/pathway.pc
  DESTINATION ${PATHWAY_PC_DIR} COMPONENT Development)
