#include "model/credential_report.hpp"

namespace rg::model {

std::optional<std::string_view> CredentialReportRow::cell(std::string_view column) const {
  const auto found = cells.find(std::string(column));
  if (found == cells.end()) {
    return std::nullopt;
  }
  return std::string_view(found->second);
}

std::string_view CredentialReportRow::user() const {
  return cell("user").value_or("");
}

const CredentialReportRow* CredentialReport::root() const {
  for (const auto& row : rows) {
    if (row.user() == kRootUser) {
      return &row;
    }
  }
  return nullptr;
}

} // namespace rg::model
