#pragma once
// Small string helpers with no AWS knowledge.
#include <string>
#include <string_view>
#include <vector>

namespace rg {

std::string to_lower(std::string_view text);
std::string_view trim(std::string_view text);
std::vector<std::string_view> split(std::string_view text, char separator);
bool iequals(std::string_view a, std::string_view b);

// Replaces every `${NAME}` with the value for NAME; unknown names are left as they are.
std::string substitute(std::string_view text, const std::vector<std::pair<std::string, std::string>>& values);

} // namespace rg
