# What `rootguard --version` reports beyond the version: the git commit and the build flags.
# ROOTGUARD_GIT_COMMIT may be given (-DROOTGUARD_GIT_COMMIT=...) by whoever builds from a tarball that
# knows its commit; otherwise it is read from git, and is "unknown" without git or without a .git folder.
set(ROOTGUARD_GIT_COMMIT "" CACHE STRING "Commit reported by --version (empty: from git, else unknown)")
set(RG_GIT_COMMIT "unknown")
if(NOT ROOTGUARD_GIT_COMMIT STREQUAL "")
  set(RG_GIT_COMMIT "${ROOTGUARD_GIT_COMMIT}")
else()
  find_package(Git QUIET)
  if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
    execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --short=12 HEAD
                    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}" OUTPUT_VARIABLE rg_commit
                    RESULT_VARIABLE rg_commit_result OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --absolute-git-dir
                    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}" OUTPUT_VARIABLE rg_git_dir
                    RESULT_VARIABLE rg_git_dir_result OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(rg_commit_result EQUAL 0 AND NOT rg_commit STREQUAL "")
      set(RG_GIT_COMMIT "${rg_commit}")
    endif()
    # A commit or checkout appends to logs/HEAD: the next build reconfigures and reports the new commit.
    if(rg_git_dir_result EQUAL 0 AND EXISTS "${rg_git_dir}/logs/HEAD")
      set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${rg_git_dir}/logs/HEAD")
    endif()
  endif()
endif()

if(CMAKE_BUILD_TYPE STREQUAL "")
  set(RG_BUILD_TYPE "none")
else()
  set(RG_BUILD_TYPE "${CMAKE_BUILD_TYPE}")
endif()
set(RG_COMPILER "${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}")
set(rg_sanitizers "")
if(ROOTGUARD_SANITIZE)
  list(APPEND rg_sanitizers "address" "undefined")
endif()
if(ROOTGUARD_UBSAN)
  list(APPEND rg_sanitizers "undefined,integer,float-cast-overflow")
endif()
if(ROOTGUARD_FUZZ)
  list(APPEND rg_sanitizers "fuzzer")
endif()
if(rg_sanitizers STREQUAL "")
  set(RG_SANITIZER "none")
else()
  list(JOIN rg_sanitizers "," RG_SANITIZER)
endif()
