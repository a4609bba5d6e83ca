#include "controls/arn.hpp"

#include <array>

namespace rg::controls {

std::optional<ArnParts> parse_arn(std::string_view arn) {
  ArnParts parts;
  const std::array<std::string*, 4> fields = {&parts.partition, &parts.service, &parts.region,
                                              &parts.account};
  if (arn.substr(0, 4) != "arn:") {
    return std::nullopt;
  }
  arn.remove_prefix(4);
  for (auto* field : fields) {
    const auto colon = arn.find(':');
    if (colon == std::string_view::npos) {
      return std::nullopt;
    }
    *field = std::string(arn.substr(0, colon));
    arn.remove_prefix(colon + 1);
  }
  parts.resource = std::string(arn);
  return parts;
}

std::optional<std::string> log_group_name(const ArnParts& arn) {
  constexpr std::string_view kPrefix = "log-group:";
  if (arn.service != "logs" || arn.resource.rfind(kPrefix, 0) != 0) {
    return std::nullopt;
  }
  std::string name = arn.resource.substr(kPrefix.size());
  if (name.size() >= 2 && name.compare(name.size() - 2, 2, ":*") == 0) {
    name.resize(name.size() - 2);
  }
  return name.empty() ? std::nullopt : std::optional<std::string>(name);
}

} // namespace rg::controls
