#include "snapshot/credential_report_parser.hpp"
#include "snapshot/json_document.hpp"
#include "snapshot/readers.hpp"
#include "snapshot/snapshot_layout.hpp"
#include "util/base64.hpp"
#include "util/files.hpp"

namespace rg::snapshot {

// IAM allows 5,000 users per account, about 2 MB of report (3 MB as base64): 16 MiB is ample, and it
// bounds the work a planted report can cause.
constexpr size_t kCredentialReportLimit = size_t{16} << 20;

// iam/GetCredentialReport.json (base64 CSV in Content) or iam/credential-report.csv (decoded).
Result<model::CredentialReport> read_get_credential_report(const Location& account) {
  const std::string json_name = path_below_scope(File::kGetCredentialReport);
  const std::string csv_name = path_below_scope(File::kCredentialReportCsv);
  auto doc = load_json(account.path(json_name), account.name(json_name), kCredentialReportLimit);
  if (!doc && doc.error().kind == ProblemKind::kAbsent) {
    auto csv = read_file(account.path(csv_name), kCredentialReportLimit);
    if (!csv) {
      if (csv.error().kind == ProblemKind::kAbsent) {
        // The JSON's absence may be explained by the call log (the failed call, the unreachable
        // account): that reason wins over the generic one.
        const bool explained = doc.error().message != "file not found";
        return Problem{ProblemKind::kAbsent, account.name(json_name), "",
                       explained
                           ? doc.error().message
                           : "not collected (neither GetCredentialReport.json nor credential-report.csv)"};
      }
      auto problem = csv.error();
      problem.file = account.name(csv_name);
      return problem;
    }
    return parse_credential_report_csv(*csv, account.name(csv_name));
  }
  if (!doc) {
    return doc.error();
  }
  auto content = require_string(*doc, doc->root, "$", "Content");
  if (!content) {
    return content.error();
  }
  auto decoded = base64_decode(*content);
  if (!decoded) {
    return Problem{ProblemKind::kUnreadable, doc->file, "$.Content", "Content is not valid base64"};
  }
  auto report = parse_credential_report_csv(*decoded, doc->file + " ($.Content)");
  if (!report) {
    return report;
  }
  // A bad GeneratedTime costs only the report-age check: the rows are still good.
  auto generated = optional_timestamp(*doc, doc->root, "$", "GeneratedTime");
  if (generated) {
    report->generated_time = *generated;
  } else {
    report->problems.push_back(generated.error());
  }
  return report;
}

} // namespace rg::snapshot
