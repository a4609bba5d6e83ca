// libFuzzer entry for base64 decoding. Invariants: the output is never longer than 3/4 of the input;
// whatever decodes re-encodes (OpenSSL's encoder, no line breaks) to text that decodes to the same bytes.
#include "fuzz_support.hpp"
#include "util/base64.hpp"

#include <cstddef>
#include <cstdint>
#include <openssl/evp.h>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto decoded = rg::base64_decode(text);
  if (!decoded) {
    return 0;
  }
  RG_FUZZ_CHECK(decoded->size() <= text.size() / 4 * 3 + 3);
  std::string encoded((decoded->size() + 2) / 3 * 4 + 1, '\0');
  const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                                     reinterpret_cast<const unsigned char*>(decoded->data()),
                                     static_cast<int>(decoded->size()));
  encoded.resize(static_cast<std::size_t>(length));
  const auto again = rg::base64_decode(encoded);
  RG_FUZZ_CHECK(again.has_value());
  RG_FUZZ_CHECK(*again == *decoded);
  return 0;
}
