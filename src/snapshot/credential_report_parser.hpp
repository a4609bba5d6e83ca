#pragma once
// The credential report CSV: RFC 4180 quoting, CRLF or LF, parsed by header name so added, reordered or
// missing columns never shift a value into the wrong field.
#include "model/credential_report.hpp"
#include "util/result.hpp"

#include <string>
#include <string_view>

namespace rg::snapshot {

// Rows with too few or too many cells are kept (missing cells are absent) and noted in `problems`.
Result<model::CredentialReport> parse_credential_report_csv(std::string_view csv, const std::string& file);

} // namespace rg::snapshot
