#include "util/base64.hpp"

#include <memory>
#include <openssl/evp.h>

namespace rg {

std::optional<std::string> base64_decode(std::string_view text) {
  const std::unique_ptr<EVP_ENCODE_CTX, decltype(&EVP_ENCODE_CTX_free)> context(EVP_ENCODE_CTX_new(),
                                                                                &EVP_ENCODE_CTX_free);
  if (!context) {
    return std::nullopt;
  }
  EVP_DecodeInit(context.get());
  std::string output(text.size() / 4 * 3 + 3, '\0');
  int produced = 0;
  int total = 0;
  // EVP_DecodeUpdate takes an int length; feed large inputs in slices.
  constexpr size_t kSlice = 1U << 20U;
  for (size_t offset = 0; offset < text.size(); offset += kSlice) {
    const auto slice = text.substr(offset, kSlice);
    if (EVP_DecodeUpdate(context.get(), reinterpret_cast<unsigned char*>(output.data()) + total, &produced,
                         reinterpret_cast<const unsigned char*>(slice.data()),
                         static_cast<int>(slice.size())) < 0) {
      return std::nullopt;
    }
    total += produced;
  }
  if (EVP_DecodeFinal(context.get(), reinterpret_cast<unsigned char*>(output.data()) + total, &produced) !=
      1) {
    return std::nullopt;
  }
  total += produced;
  output.resize(static_cast<size_t>(total));
  return output;
}

} // namespace rg
