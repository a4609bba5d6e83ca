#include "snapshot/json_document.hpp"
#include "snapshot/readers.hpp"
#include "snapshot/snapshot_layout.hpp"

#include <fmt/format.h>

namespace rg::snapshot {

Result<std::vector<model::MetricFilter>> read_describe_metric_filters(const Location& region) {
  const std::string name = path_below_scope(File::kDescribeMetricFilters);
  auto doc = load_json(region.path(name), region.name(name));
  if (!doc) {
    return doc.error();
  }
  auto list = require_member(*doc, doc->root, "$", "metricFilters", nlohmann::json::value_t::array);
  if (!list) {
    return list.error();
  }
  std::vector<model::MetricFilter> filters;
  size_t index = 0;
  for (const auto& item : **list) {
    const std::string path = fmt::format("$.metricFilters[{}]", index++);
    auto filter_name = require_string(*doc, item, path, "filterName");
    auto group = require_string(*doc, item, path, "logGroupName");
    auto pattern = optional_string(*doc, item, path, "filterPattern");
    auto transformations = optional_array(*doc, item, path, "metricTransformations");
    for (const Problem* problem :
         {filter_name ? nullptr : &filter_name.error(), group ? nullptr : &group.error(),
          pattern ? nullptr : &pattern.error(), transformations ? nullptr : &transformations.error()}) {
      if (problem != nullptr) {
        return *problem;
      }
    }
    model::MetricFilter filter{*filter_name, *group, pattern->value_or(""), {}};
    size_t t = 0;
    for (const auto& transformation : **transformations) {
      const std::string tpath = fmt::format("{}.metricTransformations[{}]", path, t++);
      auto metric = require_string(*doc, transformation, tpath, "metricName");
      auto metric_namespace = require_string(*doc, transformation, tpath, "metricNamespace");
      auto value = optional_string(*doc, transformation, tpath, "metricValue");
      if (!metric) {
        return metric.error();
      }
      if (!metric_namespace) {
        return metric_namespace.error();
      }
      if (!value) {
        return value.error();
      }
      filter.transformations.push_back({*metric, *metric_namespace, value->value_or("")});
    }
    filters.push_back(std::move(filter));
  }
  return filters;
}

} // namespace rg::snapshot
