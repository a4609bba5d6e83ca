// libFuzzer entry for the CloudTrail S3 key layout. Invariants: what parse_key reports is what the layout
// allows (a 12-digit account, an "o-" organization, a valid date, a region only with an account), and
// '\' and '/' separate folders alike.
#include "fuzz_support.hpp"
#include "trail/key_layout.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view path(reinterpret_cast<const char*>(data), size);
  const auto info = rg::trail::parse_key(path);
  RG_FUZZ_CHECK(info.account_id.empty() ||
                (info.account_id.size() == 12 && std::all_of(info.account_id.begin(), info.account_id.end(),
                                                             [](char c) { return c >= '0' && c <= '9'; })));
  RG_FUZZ_CHECK(info.organization_id.empty() || info.organization_id.starts_with("o-"));
  RG_FUZZ_CHECK(!info.date || info.date->ok());
  RG_FUZZ_CHECK(info.region.empty() || !info.account_id.empty());
  RG_FUZZ_CHECK(!info.date || !info.region.empty());
  RG_FUZZ_CHECK(info.region.find_first_of("/\\") == std::string::npos);

  std::string forward(path);
  std::replace(forward.begin(), forward.end(), '\\', '/');
  const auto same = rg::trail::parse_key(forward);
  RG_FUZZ_CHECK(same.kind == info.kind && same.organization_id == info.organization_id &&
                same.account_id == info.account_id && same.region == info.region && same.date == info.date);
  return 0;
}
