#pragma once
// What the harnesses share: a scratch folder for readers that only take a path (the snapshot and SCP
// readers, the streaming inflater), and a byte-at-a-time view of the input for harnesses that dispatch.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace rg::fuzz {

// One folder per process (ctest runs replays in parallel), in /dev/shm when it exists so a write per
// input costs microseconds, removed at exit.
const std::filesystem::path& scratch_dir();

// Writes `bytes` to scratch_dir()/relative (creating folders) and returns the full path.
std::filesystem::path write_scratch(const std::string& relative, std::string_view bytes);

// Empties the scratch folder so one input's files never leak into the next.
void clear_scratch();

// The input as a selector byte (0 when empty) followed by the rest.
struct Input {
  std::uint8_t selector = 0;
  std::string_view rest;
};
Input split_selector(const std::uint8_t* data, std::size_t size);

// Aborts with `what` on stderr: libFuzzer and the replay binary both report it as a crash with the input.
[[noreturn]] void invariant_failed(const char* what);

} // namespace rg::fuzz

#define RG_FUZZ_CHECK(condition)                                                                             \
  do {                                                                                                       \
    if (!(condition)) {                                                                                      \
      ::rg::fuzz::invariant_failed(#condition);                                                              \
    }                                                                                                        \
  } while (false)
