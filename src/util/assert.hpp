#pragma once
// RG_ASSERT guards our own invariants (never user input): on in debug and sanitizer builds.
#include <cstdio>
#include <cstdlib>

#if defined(RG_ENABLE_ASSERT)
#define RG_ASSERT(cond)                                                                                      \
  do {                                                                                                       \
    if (!(cond)) {                                                                                           \
      (void)std::fprintf(stderr, "%s:%d: assertion failed: %s\n", __FILE__, __LINE__, #cond); /* aborting */ \
      std::abort();                                                                                          \
    }                                                                                                        \
  } while (0)
#else
#define RG_ASSERT(cond) ((void)0)
#endif
