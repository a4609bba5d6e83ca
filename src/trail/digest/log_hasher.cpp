#include "trail/digest/log_hasher.hpp"

#include "trail/inflate_stream.hpp"
#include "util/hash.hpp"

#include <array>
#include <fmt/format.h>
#include <memory>
#include <openssl/evp.h>
#include <span>
#include <vector>

namespace rg::trail::digest {
namespace {

std::string hex(const unsigned char* bytes, unsigned int length) {
  constexpr std::string_view kHex = "0123456789abcdef";
  std::string out;
  out.reserve(std::size_t{length} * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[bytes[i] >> 4U];
    out += kHex[bytes[i] & 0x0FU];
  }
  return out;
}

} // namespace

std::string sha256_hex_of(std::string_view data) {
  return sha256_hex(data);
}

namespace {

// Reads `stream` to its end (or its first damage) through SHA-256.
Result<LogHash> hash_stream(InflateStream& stream, const std::string& path, std::uint64_t max_inflated) {
  thread_local std::vector<char> buffer(std::size_t{1} << 20);
  // What follows damage is not the file CloudTrail hashed: stop there.
  stream.stop_at_damage();
  const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1) {
    return Problem{ProblemKind::kUnreadable, path, "", "SHA-256 unavailable"};
  }
  LogHash out;
  for (;;) {
    auto got = stream.read(buffer.data(), buffer.size());
    if (!got) {
      return got.error();
    }
    if (*got == 0) {
      break;
    }
    out.inflated += *got;
    if (out.inflated > max_inflated) {
      return Problem{ProblemKind::kUnreadable, path, "",
                     fmt::format("inflates past {} MiB; abandoned (gzip bomb guard)", max_inflated >> 20)};
    }
    EVP_DigestUpdate(context.get(), buffer.data(), *got);
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_DigestFinal_ex(context.get(), digest.data(), &length);
  out.hex = hex(digest.data(), length);
  return out;
}

} // namespace

Result<LogHash> hash_inflated_file(const std::string& path, std::uint64_t max_inflated) {
  // One stream per thread: workers hash file after file.
  thread_local InflateStream stream;
  auto opened = stream.open(path, true);
  if (!opened) {
    return opened.error();
  }
  return hash_stream(stream, path, max_inflated);
}

Result<LogHash> hash_inflated_bytes(const std::string& name, std::string_view bytes,
                                    std::uint64_t max_inflated) {
  static constexpr char kNothing = 0; // an empty object reads as an empty file does, never as "not open"
  thread_local InflateStream stream;
  stream.open_memory(name, std::span<const char>(bytes.empty() ? &kNothing : bytes.data(), bytes.size()),
                     true);
  return hash_stream(stream, name, max_inflated);
}

} // namespace rg::trail::digest
