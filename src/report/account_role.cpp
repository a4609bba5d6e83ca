#include "report/report.hpp"

namespace rg::report {

std::string account_role_label(const std::string& role, Lang lang) {
  if (lang == Lang::kEn) {
    return role;
  }
  if (role == "management") {
    return "管理アカウント";
  }
  if (role == "member") {
    return "メンバー";
  }
  if (role == "standalone") {
    return "スタンドアロン";
  }
  return role; // not one of the three: shown as the snapshot has it, never guessed
}

} // namespace rg::report
