// libFuzzer entry for the policy engine: any bytes through parse, validation (every type), root
// analysis and both renderers. Built with -fsanitize=fuzzer under clang (preset fuzz), and as a replay
// binary elsewhere so ctest runs the corpus through the same function.
#include "policy/check.hpp"
#include "policy/check_report.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto type :
       {rg::policy::PolicyType::kScp, rg::policy::PolicyType::kIdentity, rg::policy::PolicyType::kResource}) {
    const auto result = rg::policy::check_policy(text, type);
    (void)rg::policy::render_check_json(result, "fuzz", rg::Lang::kJa);
    (void)rg::policy::render_check_text(result, "fuzz", rg::Lang::kEn);
  }
  return 0;
}
