// libFuzzer entry for the credential-report CSV reader. Invariants: a failure names its file and says
// why; a parsed report keeps at most the one root row, and printing it back as CSV (every cell quoted)
// and parsing again gives the same header and the same root cells.
#include "fuzz_support.hpp"
#include "snapshot/credential_report_parser.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace {

std::string csv_cell(std::string_view cell) {
  std::string out = "\"";
  for (const char c : cell) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  out += '"';
  return out;
}

std::string print(const rg::model::CredentialReport& report) {
  std::string csv;
  for (std::size_t c = 0; c < report.header.size(); ++c) {
    csv += c > 0 ? "," : "";
    csv += csv_cell(report.header[c]);
  }
  csv += "\n";
  if (const auto* root = report.root()) {
    for (std::size_t c = 0; c < report.header.size(); ++c) {
      csv += c > 0 ? "," : "";
      csv += csv_cell(root->cell(report.header[c]).value_or(""));
    }
    csv += "\n";
  }
  return csv;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto report = rg::snapshot::parse_credential_report_csv(text, "fuzz.csv");
  if (!report) {
    RG_FUZZ_CHECK(report.error().file == "fuzz.csv");
    RG_FUZZ_CHECK(!report.error().message.empty());
    return 0;
  }
  RG_FUZZ_CHECK(report->rows.size() <= 1);
  if (const auto* root = report->root()) {
    RG_FUZZ_CHECK(root->user() == rg::model::CredentialReport::kRootUser);
  }
  // A header whose first name itself starts with a byte order mark would lose it on the way back.
  if (!report->header.empty() && report->header[0].starts_with("\xEF\xBB\xBF")) {
    return 0;
  }
  const auto again = rg::snapshot::parse_credential_report_csv(print(*report), "again.csv");
  RG_FUZZ_CHECK(again.has_value());
  RG_FUZZ_CHECK(again->header == report->header);
  RG_FUZZ_CHECK((again->root() == nullptr) == (report->root() == nullptr));
  if (const auto* root = report->root()) {
    for (const auto& [column, value] : root->cells) {
      RG_FUZZ_CHECK(again->root()->cell(column) == std::optional<std::string_view>(value));
    }
  }
  return 0;
}
