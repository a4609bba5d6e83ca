// libFuzzer entry for the mutelist reader: any bytes through parse and check, and a valid result applied
// to a report with a few findings (matching, expiry, the critical limit). Built with -fsanitize=fuzzer
// under clang (preset fuzz), and as a replay binary elsewhere so ctest runs the corpus through it.
#include "controls/control.hpp"
#include "mutelist/apply_mutelist.hpp"
#include "util/fatal_error.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = rg::mutelist::parse_mutelist(text, "fuzz.yaml");
  if (!parsed) {
    (void)parsed.error().describe();
    return 0;
  }
  rg::report::Report report;
  for (const auto* control : rg::controls::all_controls()) {
    rg::Finding finding;
    finding.rule = &control->rule;
    finding.account_id = "123456789012";
    finding.region = "global";
    finding.resource = "arn:aws:iam::123456789012:root";
    finding.status = rg::Status::kFail;
    report.findings.push_back(finding);
  }
  try {
    rg::mutelist::apply_mutelist(*parsed, std::chrono::year{2026} / 6 / 15, report);
  } catch (const rg::FatalError&) {
    // The critical-finding limit: a refusal is an answer, not a bug.
  }
  return 0;
}
