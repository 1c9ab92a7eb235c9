# Finds every external dependency once, so the per-folder CMakeLists only link targets.
include(GNUInstallDirs)

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
    set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()

find_package(Eigen3 3.3 REQUIRED NO_MODULE)
find_package(nlohmann_json 3 REQUIRED)

if(FACTORSCOPE_TRAINER_ONLY)
    # Only LibTorch and header-only libraries are guaranteed here; gzip support in the Matrix
    # Market reader is dropped when zlib is missing (core/sparse defines FS_SPARSE_NO_ZLIB).
    find_package(Threads REQUIRED)
    find_package(ZLIB)
    find_package(Torch REQUIRED)
    # CLI11 is header-only: where no CMake package is installed, a copy of its headers will do
    # (FACTORSCOPE_CLI11_INCLUDE_DIR: the folder that holds CLI/CLI.hpp).
    find_package(CLI11 CONFIG QUIET)
    if(NOT CLI11_FOUND)
        find_path(FACTORSCOPE_CLI11_INCLUDE_DIR CLI/CLI.hpp
            DOC "Folder holding CLI/CLI.hpp (CLI11 headers) when no CLI11 CMake package is installed")
        if(NOT FACTORSCOPE_CLI11_INCLUDE_DIR)
            message(FATAL_ERROR "CLI11 not found: install it or set FACTORSCOPE_CLI11_INCLUDE_DIR "
                                "to the folder that holds CLI/CLI.hpp")
        endif()
        add_library(CLI11::CLI11 INTERFACE IMPORTED)
        set_target_properties(CLI11::CLI11 PROPERTIES
            INTERFACE_INCLUDE_DIRECTORIES ${FACTORSCOPE_CLI11_INCLUDE_DIR})
    endif()
else()
    # The GNN trainer (core/learn, factorscope-train) is built when LibTorch is installed.
    # Fuzz targets read outside data and none of them needs the GNNs; the sanitizer stage leaves
    # LibTorch out (an uninstrumented library that would dominate its time).
    if(NOT FACTORSCOPE_FUZZ AND FACTORSCOPE_WITH_TORCH)
        find_package(Torch QUIET)
    endif()
endif()

if(NOT FACTORSCOPE_TRAINER_ONLY)
    find_package(ZLIB REQUIRED)
    find_package(Threads REQUIRED)
    find_package(CLI11 REQUIRED)

    find_path(CHOLMOD_INCLUDE_DIR cholmod.h PATH_SUFFIXES suitesparse REQUIRED)
    find_library(CHOLMOD_LIBRARY cholmod REQUIRED)
    find_library(SUITESPARSECONFIG_LIBRARY suitesparseconfig REQUIRED)
    add_library(SuiteSparse::CHOLMOD UNKNOWN IMPORTED)
    set_target_properties(SuiteSparse::CHOLMOD PROPERTIES
        IMPORTED_LOCATION ${CHOLMOD_LIBRARY}
        INTERFACE_INCLUDE_DIRECTORIES ${CHOLMOD_INCLUDE_DIR}
        INTERFACE_LINK_LIBRARIES ${SUITESPARSECONFIG_LIBRARY})

    # Double-double arithmetic (the QD library) for the live tridiagonal cross-check: about 32
    # digits, several times faster than __float128's software arithmetic.
    find_path(QD_INCLUDE_DIR qd/dd_real.h REQUIRED)
    find_library(QD_LIBRARY qd REQUIRED)
    add_library(QD::qd UNKNOWN IMPORTED)
    set_target_properties(QD::qd PROPERTIES
        IMPORTED_LOCATION ${QD_LIBRARY}
        INTERFACE_INCLUDE_DIRECTORIES ${QD_INCLUDE_DIR})

    find_package(Qt6 6.4 REQUIRED COMPONENTS
        Core Gui Widgets Test Concurrent Sql Svg PrintSupport Network LinguistTools)
    find_package(QCustomPlotQt6 REQUIRED)
    find_package(LibArchive REQUIRED)
    add_compile_definitions(QT_NO_KEYWORDS)
endif()

# Warnings for our own code only (targets opt in through this interface library).
add_library(fs_warnings INTERFACE)
target_compile_options(fs_warnings INTERFACE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
