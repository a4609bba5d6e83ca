#pragma once
// The IAM credential report, parsed by header name (AWS has added columns before and may again).
#include "util/problem.hpp"
#include "util/time.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rg::model {

struct CredentialReportRow {
  size_t line = 0;                          // 1-based line in the CSV, for messages
  std::map<std::string, std::string> cells; // header name -> cell text; a column the row lacks is absent

  // nullopt when the row has no such column (short row or a report without it).
  std::optional<std::string_view> cell(std::string_view column) const;
  std::string_view user() const;
};

struct CredentialReport {
  std::string source; // file the report came from, for messages
  std::vector<std::string> header;
  // The <root_account> row (the first, when a damaged report has two). IAM user rows are counted in
  // user_rows, not kept: no control reads them, and an account may have thousands.
  std::vector<CredentialReportRow> rows;
  size_t user_rows = 0;
  std::optional<TimePoint> generated_time;
  std::vector<Problem> problems; // rows that could not be read completely

  static constexpr std::string_view kRootUser = "<root_account>";
  const CredentialReportRow* root() const;
};

} // namespace rg::model
