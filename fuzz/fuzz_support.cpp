#include "fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <system_error>
#include <unistd.h>

namespace rg::fuzz {
namespace {

std::filesystem::path make_scratch() {
  std::error_code error;
  std::filesystem::path base = "/dev/shm";
  if (!std::filesystem::is_directory(base, error)) {
    base = std::filesystem::temp_directory_path();
  }
  std::string pattern = (base / "rootguard-fuzz-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    invariant_failed("cannot create the scratch folder");
  }
  return pattern;
}

struct Scratch {
  std::filesystem::path path = make_scratch();
  ~Scratch() {
    std::error_code error;
    std::filesystem::remove_all(path, error);
  }
};

Scratch& scratch() {
  static Scratch instance;
  return instance;
}

} // namespace

const std::filesystem::path& scratch_dir() {
  return scratch().path;
}

std::filesystem::path write_scratch(const std::string& relative, std::string_view bytes) {
  const auto path = scratch_dir() / relative;
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    invariant_failed("cannot write a scratch file");
  }
  return path;
}

void clear_scratch() {
  for (const auto& entry : std::filesystem::directory_iterator(scratch_dir())) {
    std::filesystem::remove_all(entry.path());
  }
}

Input split_selector(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return {};
  }
  return {data[0], std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1)};
}

void invariant_failed(const char* what) {
  std::fprintf(stderr, "fuzz invariant failed: %s\n", what);
  std::abort();
}

} // namespace rg::fuzz
