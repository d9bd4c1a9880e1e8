# iissim-config.cmake: find_package(iissim) for CMake projects that build IIS modules.
#
#   list(APPEND CMAKE_PREFIX_PATH "<output of `iissim sdk --cmake-dir`>")
#   find_package(iissim REQUIRED)
#   add_library(mymodule MODULE module.cpp)
#   target_link_libraries(mymodule PRIVATE iissim::sdk)
#
# iissim::sdk adds the SDK's include folder (windows.h, sal.h, httpserv.h, ...), position-
# independent code and MSVC's default language level, C++14 (a project may ask for more).
# Licence: MIT OR Apache-2.0.

get_filename_component(IISSIM_SDK_DIR "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set(IISSIM_INCLUDE_DIR "${IISSIM_SDK_DIR}/include")

if(NOT TARGET iissim::sdk)
  add_library(iissim::sdk INTERFACE IMPORTED)
  set_target_properties(iissim::sdk PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${IISSIM_INCLUDE_DIR}"
    INTERFACE_POSITION_INDEPENDENT_CODE ON
    INTERFACE_COMPILE_FEATURES cxx_std_14)
endif()

set(iissim_FOUND TRUE)
