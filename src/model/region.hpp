#pragma once
// What one region of one account holds for the monitoring controls: trails, metric filters, alarms,
// SNS subscriptions and GuardDuty. Each source is a Result so absence is UNKNOWN, never a guess.
#include "util/result.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rg::model {

struct Trail {
  std::string name;
  std::string arn;
  std::string home_region;
  bool multi_region = false;
  bool organization_trail = false;
  std::string log_group_arn; // CloudWatchLogsLogGroupArn; empty when the trail does not deliver to Logs
};

struct TrailStatus {
  bool is_logging = false;
};

// GetEventSelectors (optional in the snapshot): whether management events, read and write, are logged.
struct EventSelectors {
  bool management_read = false;
  bool management_write = false;
};

struct MetricTransformation {
  std::string metric_name;
  std::string metric_namespace;
  std::string metric_value;
};

struct MetricFilter {
  std::string name;
  std::string log_group_name;
  std::string pattern;
  std::vector<MetricTransformation> transformations;
};

struct Alarm {
  std::string name;
  std::string arn;
  std::string metric_name;
  std::string metric_namespace;
  std::string statistic;
  std::string comparison_operator;
  std::optional<double> threshold;
  bool actions_enabled = true;
  std::vector<std::string> alarm_actions;
  std::string extended_statistic;            // "p99" and the like, instead of Statistic
  std::optional<double> evaluation_periods;  // N of "M out of N"
  std::optional<double> datapoints_to_alarm; // M; AWS uses N when it is not set
  std::string treat_missing_data;            // missing (the default), ignore, breaching, notBreaching
};

struct Subscription {
  std::string arn; // "PendingConfirmation" until the endpoint confirms
  std::string protocol;
  std::string endpoint;
};

struct Detector {
  std::string id;
  std::string status; // ENABLED or DISABLED
};

// The parts of a GuardDuty finding rootguard reports.
struct GuardDutyFinding {
  std::string id;
  std::string arn;
  std::string type;
  double severity = 0;
  std::string user_type; // Resource.AccessKeyDetails.UserType
  std::string api;       // Service.Action.AwsApiCallAction.Api
  std::string remote_ip;
  long count = 0;
  std::string first_seen;
  std::string last_seen;
};

struct Region {
  std::string name;
  Result<std::vector<Trail>> trails = not_collected_in("cloudtrail/DescribeTrails.json");
  std::map<std::string, Result<TrailStatus>> trail_status;       // by trail name, files present only
  std::map<std::string, Result<EventSelectors>> event_selectors; // by trail name, files present only
  Result<std::vector<MetricFilter>> metric_filters = not_collected_in("logs/DescribeMetricFilters.json");
  Result<std::vector<Alarm>> alarms = not_collected_in("cloudwatch/DescribeAlarms.json");
  std::map<std::string, Result<std::vector<Subscription>>> subscriptions; // by topic name, files present only
  Result<std::vector<std::string>> detector_ids = not_collected_in("guardduty/ListDetectors.json");
  std::map<std::string, Result<Detector>> detectors; // by detector id, files present only
  Result<std::vector<GuardDutyFinding>> guardduty_findings = not_collected_in("guardduty/GetFindings.json");

  static Problem not_collected_in(std::string file) {
    return Problem{ProblemKind::kAbsent, std::move(file), "", "not collected (file absent)"};
  }
};

} // namespace rg::model
