#include "model/aws_ids.hpp"

#include <algorithm>

namespace rg::model {
namespace {

bool digit(char c) {
  return c >= '0' && c <= '9';
}

bool lower_alnum(char c) {
  return digit(c) || (c >= 'a' && c <= 'z');
}

bool all_of(std::string_view text, size_t min, size_t max, bool (*allowed)(char)) {
  return text.size() >= min && text.size() <= max && std::all_of(text.begin(), text.end(), allowed);
}

} // namespace

bool is_account_id(std::string_view text) {
  return all_of(text, 12, 12, digit);
}

bool is_root_id(std::string_view text) {
  return text.starts_with("r-") && all_of(text.substr(2), 4, 32, lower_alnum);
}

bool is_ou_id(std::string_view text) {
  if (!text.starts_with("ou-")) {
    return false;
  }
  const auto rest = text.substr(3);
  const auto dash = rest.find('-');
  return dash != std::string_view::npos && all_of(rest.substr(0, dash), 4, 32, lower_alnum) &&
         all_of(rest.substr(dash + 1), 8, 32, lower_alnum);
}

bool is_policy_id(std::string_view text) {
  return text.starts_with("p-") && all_of(text.substr(2), 8, 128, [](char c) {
           return lower_alnum(c) || (c >= 'A' && c <= 'Z') || c == '_';
         });
}

} // namespace rg::model
