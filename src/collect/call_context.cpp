#include "collect/call_context.hpp"

#include <fmt/format.h>

namespace rg::collect {

std::optional<std::string> CallContext::path_of(snapshot::File file, const std::optional<std::string>& region,
                                                std::string_view item) {
  const auto& row = snapshot::layout_row(file);
  auto path = snapshot::snapshot_path(file, {account, region.value_or(""), item});
  if (!path) {
    writer.skipped(
        row.service, row.api_operation, account, region.value_or(""),
        fmt::format("{} is not a safe file name", row.item.empty() ? "the account or region" : row.item));
  }
  return path;
}

const nlohmann::json* CallContext::collect(snapshot::File file, const nlohmann::json& input,
                                           const std::optional<std::string>& region, std::string_view item) {
  auto path = path_of(file, region, item);
  if (!path) {
    return nullptr;
  }
  const auto& row = snapshot::layout_row(file);
  results.push_back(client.call_all_pages(row.service, row.api_operation, input, region));
  return writer.record(results.back(), account, path);
}

const nlohmann::json* CallContext::ask(std::string_view service, std::string_view operation,
                                       const nlohmann::json& input,
                                       const std::optional<std::string>& region) {
  results.push_back(client.call_all_pages(service, operation, input, region));
  return writer.record(results.back(), account, std::nullopt);
}

} // namespace rg::collect
