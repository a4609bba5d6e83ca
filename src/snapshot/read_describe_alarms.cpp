#include "snapshot/json_document.hpp"
#include "snapshot/readers.hpp"
#include "snapshot/snapshot_layout.hpp"

#include <fmt/format.h>

namespace rg::snapshot {

Result<std::vector<model::Alarm>> read_describe_alarms(const Location& region) {
  const std::string name = path_below_scope(File::kDescribeAlarms);
  auto doc = load_json(region.path(name), region.name(name));
  if (!doc) {
    return doc.error();
  }
  auto list = require_member(*doc, doc->root, "$", "MetricAlarms", nlohmann::json::value_t::array);
  if (!list) {
    return list.error();
  }
  std::vector<model::Alarm> alarms;
  size_t index = 0;
  for (const auto& item : **list) {
    const std::string path = fmt::format("$.MetricAlarms[{}]", index++);
    auto alarm_name = require_string(*doc, item, path, "AlarmName");
    auto arn = optional_string(*doc, item, path, "AlarmArn");
    // Metric-math alarms carry Metrics instead of MetricName; they are read but cannot match a filter here.
    auto metric = optional_string(*doc, item, path, "MetricName");
    auto metric_namespace = optional_string(*doc, item, path, "Namespace");
    auto statistic = optional_string(*doc, item, path, "Statistic");
    auto comparison = optional_string(*doc, item, path, "ComparisonOperator");
    auto threshold = optional_number(*doc, item, path, "Threshold");
    auto enabled = optional_bool(*doc, item, path, "ActionsEnabled", true);
    auto actions = string_array(*doc, item, path, "AlarmActions");
    auto extended = optional_string(*doc, item, path, "ExtendedStatistic");
    auto periods = optional_number(*doc, item, path, "EvaluationPeriods");
    auto datapoints = optional_number(*doc, item, path, "DatapointsToAlarm");
    auto missing = optional_string(*doc, item, path, "TreatMissingData");
    for (const Problem* problem :
         {alarm_name ? nullptr : &alarm_name.error(), arn ? nullptr : &arn.error(),
          metric ? nullptr : &metric.error(), metric_namespace ? nullptr : &metric_namespace.error(),
          statistic ? nullptr : &statistic.error(), comparison ? nullptr : &comparison.error(),
          threshold ? nullptr : &threshold.error(), enabled ? nullptr : &enabled.error(),
          actions ? nullptr : &actions.error(), extended ? nullptr : &extended.error(),
          periods ? nullptr : &periods.error(), datapoints ? nullptr : &datapoints.error(),
          missing ? nullptr : &missing.error()}) {
      if (problem != nullptr) {
        return *problem;
      }
    }
    alarms.push_back({*alarm_name, arn->value_or(""), metric->value_or(""), metric_namespace->value_or(""),
                      statistic->value_or(""), comparison->value_or(""), *threshold, *enabled, *actions,
                      extended->value_or(""), *periods, *datapoints, missing->value_or("")});
  }
  return alarms;
}

} // namespace rg::snapshot
