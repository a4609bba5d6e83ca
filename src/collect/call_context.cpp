#include "collect/call_context.hpp"

#include <fmt/format.h>

namespace rg::collect {

const nlohmann::json* CallContext::call(std::string_view service, std::string_view operation,
                                        const nlohmann::json& input, const std::optional<std::string>& region,
                                        const std::optional<std::string>& relative) {
  results.push_back(client.call_all_pages(service, operation, input, region));
  std::optional<std::string> path;
  if (relative) {
    path =
        relative->starts_with('/') ? relative->substr(1) : fmt::format("accounts/{}/{}", account, *relative);
  }
  return writer.record(results.back(), account, path);
}

} // namespace rg::collect
