#include "aws/environment.hpp"

#include <cstdlib>
#include <string>

namespace rg::aws {

Environment process_environment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str()); // NOLINT(concurrency-mt-unsafe): read only
    if (value == nullptr || *value == '\0') {
      return std::nullopt;
    }
    return std::string(value);
  };
}

Environment fixed_environment(std::map<std::string, std::string, std::less<>> values) {
  return [values = std::move(values)](std::string_view name) -> std::optional<std::string> {
    const auto found = values.find(name);
    if (found == values.end() || found->second.empty()) {
      return std::nullopt;
    }
    return found->second;
  };
}

} // namespace rg::aws
