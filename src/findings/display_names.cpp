// Severity and status as a person reads them. The Japanese words are Security Hub's console terms
// (重要度: 重大/高/中/低/情報; コンプライアンスのステータス: 成功/失敗); UNKNOWN, which Security Hub has no
// status for, is 不明 (could not be determined), not 利用不可 (the control is not available). NOT_APPLICABLE
// is 該当なし (does not apply); in English it is shown as N/A, which fits the
// table's status column.
#include "findings/severity.hpp"

namespace rg {

std::string_view display_name(Severity severity, Lang lang) {
  if (lang == Lang::kEn) {
    return to_string(severity);
  }
  switch (severity) {
  case Severity::kInformational:
    return "情報";
  case Severity::kLow:
    return "低";
  case Severity::kMedium:
    return "中";
  case Severity::kHigh:
    return "高";
  case Severity::kCritical:
    return "重大";
  }
  return "不明";
}

std::string_view display_name(Status status, Lang lang) {
  if (lang == Lang::kEn) {
    return status == Status::kNotApplicable ? "N/A" : to_string(status);
  }
  switch (status) {
  case Status::kPass:
    return "成功";
  case Status::kFail:
    return "失敗";
  case Status::kUnknown:
    return "不明";
  case Status::kNotApplicable:
    return "該当なし";
  }
  return "不明";
}

} // namespace rg
