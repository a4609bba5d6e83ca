#include "snapshot/json_document.hpp"
#include "snapshot/readers.hpp"
#include "snapshot/snapshot_layout.hpp"

#include <fmt/format.h>

namespace rg::snapshot {

Result<std::vector<model::Subscription>> read_list_subscriptions_by_topic(const Location& region,
                                                                          const std::string& topic_file) {
  const std::string name = path_below_scope(File::kListSubscriptionsByTopic, topic_file);
  auto doc = load_json(region.path(name), region.name(name));
  if (!doc) {
    return doc.error();
  }
  auto list = require_member(*doc, doc->root, "$", "Subscriptions", nlohmann::json::value_t::array);
  if (!list) {
    return list.error();
  }
  std::vector<model::Subscription> subscriptions;
  size_t index = 0;
  for (const auto& item : **list) {
    const std::string path = fmt::format("$.Subscriptions[{}]", index++);
    auto arn = require_string(*doc, item, path, "SubscriptionArn");
    auto protocol = optional_string(*doc, item, path, "Protocol");
    auto endpoint = optional_string(*doc, item, path, "Endpoint");
    if (!arn) {
      return arn.error();
    }
    if (!protocol) {
      return protocol.error();
    }
    if (!endpoint) {
      return endpoint.error();
    }
    subscriptions.push_back({*arn, protocol->value_or(""), endpoint->value_or("")});
  }
  return subscriptions;
}

} // namespace rg::snapshot
