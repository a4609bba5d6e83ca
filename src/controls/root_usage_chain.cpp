#include "controls/root_usage_chain.hpp"

#include "controls/arn.hpp"
#include "logs/pattern_coverage.hpp"

#include <charconv>
#include <fmt/format.h>
#include <string_view>
#include <utility>

namespace rg::controls {
namespace {

constexpr int kTrailLink = 1;
constexpr int kLoggingLink = 2;
constexpr int kLogGroupLink = 3;
constexpr int kFilterLink = 4;
constexpr int kAlarmLink = 5;
constexpr int kSubscriberLink = 6;

ChainOutcome stop(int depth, Status status, std::string en, std::string ja) {
  ChainOutcome outcome;
  outcome.depth = depth;
  outcome.status = status;
  outcome.reason = {std::move(en), std::move(ja)};
  return outcome;
}

ChainOutcome missing(std::string link, int depth, std::string en, std::string ja,
                     std::vector<Evidence> facts = {}) {
  auto outcome = stop(depth, Status::kFail, std::move(en), std::move(ja));
  outcome.missing_link = std::move(link);
  outcome.evidence = std::move(facts);
  return outcome;
}

const model::Region* region_of(const model::Snapshot& snapshot, const std::string& account_id,
                               const std::string& region) {
  const auto* account = snapshot.find_account(account_id);
  return account == nullptr ? nullptr : account->find_region(region);
}

// GetTrailStatus is regional: prefer the trail's home region, then any region that has the file.
const Result<model::TrailStatus>* find_status(const model::Account& account, const model::Trail& trail) {
  if (const auto* home = account.find_region(trail.home_region)) {
    if (const auto found = home->trail_status.find(trail.name); found != home->trail_status.end()) {
      return &found->second;
    }
  }
  for (const auto& region : account.regions) {
    if (const auto found = region.trail_status.find(trail.name); found != region.trail_status.end()) {
      return &found->second;
    }
  }
  return nullptr;
}

const Result<model::EventSelectors>* find_selectors(const model::Account& account,
                                                    const model::Trail& trail) {
  for (const auto& region : account.regions) {
    if (const auto found = region.event_selectors.find(trail.name); found != region.event_selectors.end()) {
      return &found->second;
    }
  }
  return nullptr;
}

// Would the alarm go off, and notify, for a single root event? ("Alarm evaluation" and "Configuring how
// CloudWatch alarms treat missing data", CloudWatch User Guide.) The filter records metricValue per match
// and nothing otherwise, so one event is one datapoint amid missing ones: its statistic is metricValue (1
// for SampleCount); it must cross the threshold; M of "M out of N" must be 1 unless missing data is left
// out of the count (missing, ignore); and missing data treated as breaching keeps the alarm in ALARM, so
// the event changes no state and sends nothing.
std::optional<std::string> alarm_problem(const model::Alarm& alarm, double metric_value) {
  if (!alarm.threshold) {
    return fmt::format("alarm {} has no threshold", alarm.name);
  }
  const double threshold = *alarm.threshold;
  const double datapoint = alarm.statistic == "SampleCount" ? 1 : metric_value;
  const bool fires =
      (alarm.comparison_operator == "GreaterThanOrEqualToThreshold" && datapoint >= threshold) ||
      (alarm.comparison_operator == "GreaterThanThreshold" && datapoint > threshold);
  if (!fires) {
    return fmt::format("alarm {} ({} {} on {}) does not fire on a single event (datapoint {})", alarm.name,
                       alarm.comparison_operator, threshold,
                       alarm.extended_statistic.empty() ? alarm.statistic : alarm.extended_statistic,
                       datapoint);
  }
  if (alarm.treat_missing_data == "breaching") {
    return fmt::format("alarm {} treats missing data as breaching: between root events it already sits in "
                       "ALARM, so a root event changes no state and notifies nobody",
                       alarm.name);
  }
  const double needed = alarm.datapoints_to_alarm.value_or(alarm.evaluation_periods.value_or(1));
  if (needed > 1 && alarm.treat_missing_data == "notBreaching") {
    return fmt::format("alarm {} needs {} breaching datapoints and treats missing data as not breaching: "
                       "one root event is one datapoint, so it never fires",
                       alarm.name, needed);
  }
  if (!alarm.actions_enabled) {
    return fmt::format("alarm {} has its actions disabled", alarm.name);
  }
  if (alarm.alarm_actions.empty()) {
    return fmt::format("alarm {} has no alarm action", alarm.name);
  }
  return std::nullopt;
}

double metric_value_of(const model::MetricTransformation& transformation) {
  double value = 1; // the CIS filter's metricValue; "$.field" values cannot be known in advance
  const auto& text = transformation.metric_value;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
  return parsed.ec == std::errc() ? value : 1;
}

struct CoveringFilter {
  const model::MetricFilter* filter = nullptr;
  logs::Coverage coverage;
};

ChainOutcome follow_subscribers(const std::vector<const model::Alarm*>& alarms, const EvaluationInput& input,
                                const std::string& so_far_en, const std::string& so_far_ja) {
  std::optional<ChainOutcome> best;
  for (const auto* alarm : alarms) {
    for (const auto& action : alarm->alarm_actions) {
      const auto arn = parse_arn(action);
      if (!arn || arn->service != "sns") {
        continue; // EC2, Auto Scaling and Systems Manager actions notify nobody by themselves
      }
      const std::string topic = arn->resource;
      const auto* region = region_of(input.snapshot, arn->account, arn->region);
      const auto* subscriptions =
          region == nullptr ? nullptr : [&]() -> const Result<std::vector<model::Subscription>>* {
        const auto found = region->subscriptions.find(topic);
        return found == region->subscriptions.end() ? nullptr : &found->second;
      }();
      if (subscriptions == nullptr || !*subscriptions) {
        const auto detail =
            subscriptions == nullptr
                ? fmt::format("accounts/{}/regions/{}/sns/ListSubscriptionsByTopic/{}.json not collected",
                              arn->account, arn->region, topic)
                : (*subscriptions).error().describe();
        const auto detail_ja = subscriptions == nullptr ? localize_message(detail, Lang::kJa)
                                                        : describe((*subscriptions).error(), Lang::kJa);
        if (!best) {
          best =
              stop(kSubscriberLink, Status::kUnknown,
                   fmt::format("{}; cannot tell whether topic {} has a confirmed subscriber: {}.", so_far_en,
                               action, detail),
                   fmt::format("{}。トピック {} に確認済みのサブスクリプションがあるか判定できません: {}。",
                               so_far_ja, action, detail_ja));
        }
        continue;
      }
      size_t confirmed = 0;
      size_t pending = 0;
      for (const auto& subscription : **subscriptions) {
        if (subscription.arn == "PendingConfirmation") {
          ++pending;
        } else if (subscription.arn != "Deleted") {
          ++confirmed;
        }
      }
      if (confirmed > 0) {
        auto outcome = stop(kSubscriberLink, Status::kPass,
                            fmt::format("{} -> SNS topic {} with {} confirmed subscription(s).", so_far_en,
                                        action, confirmed),
                            fmt::format("{} -> SNS トピック {} (確認済みサブスクリプション {} 件)。",
                                        so_far_ja, action, confirmed));
        outcome.evidence.push_back({"Topic", action});
        return outcome;
      }
      best = missing(
          "subscription", kSubscriberLink,
          fmt::format(
              "{}; but SNS topic {} has no confirmed subscription ({} pending confirmation), so nobody "
              "is told.",
              so_far_en, action, pending),
          fmt::format(
              "{}。しかし SNS トピック {} に確認済みのサブスクリプションがなく (確認待ち {} 件)、誰にも通知"
              "されません。",
              so_far_ja, action, pending),
          {{"Topic", action}});
    }
  }
  if (best) {
    return *best;
  }
  return missing(
      "alarm-action", kSubscriberLink,
      fmt::format("{}; but none of the alarm actions is an SNS topic, so nobody is told.", so_far_en),
      fmt::format("{}。しかしアラームのアクションに SNS トピックがなく、誰にも通知されません。", so_far_ja));
}

ChainOutcome follow_alarms(const std::vector<CoveringFilter>& filters, const model::Region& region,
                           const EvaluationInput& input, const std::string& so_far_en,
                           const std::string& so_far_ja) {
  if (!region.alarms) {
    const auto& problem = region.alarms.error();
    return stop(kAlarmLink, Status::kUnknown,
                fmt::format("{}; alarms unknown: {}.", so_far_en, problem.describe()),
                fmt::format("{}。アラームを確認できません: {}。", so_far_ja, describe(problem, Lang::kJa)));
  }
  std::vector<const model::Alarm*> good;
  std::string first_problem;
  std::string metrics;
  for (const auto& covering : filters) {
    for (const auto& transformation : covering.filter->transformations) {
      metrics += fmt::format("{}{}/{}", metrics.empty() ? "" : ", ", transformation.metric_namespace,
                             transformation.metric_name);
      for (const auto& alarm : *region.alarms) {
        if (alarm.metric_name != transformation.metric_name ||
            alarm.metric_namespace != transformation.metric_namespace) {
          continue;
        }
        if (const auto problem = alarm_problem(alarm, metric_value_of(transformation))) {
          if (first_problem.empty()) {
            first_problem = *problem;
          }
        } else {
          good.push_back(&alarm);
        }
      }
    }
  }
  if (good.empty()) {
    // The metric the new alarm must watch: the first covering filter's.
    std::vector<Evidence> facts;
    if (!filters.empty() && !filters.front().filter->transformations.empty()) {
      const auto& transformation = filters.front().filter->transformations.front();
      facts = {{"MetricName", transformation.metric_name},
               {"MetricNamespace", transformation.metric_namespace}};
    }
    if (first_problem.empty()) {
      return missing(
          "alarm", kAlarmLink, fmt::format("{}; but no CloudWatch alarm watches {}.", so_far_en, metrics),
          fmt::format("{}。しかし {} を監視する CloudWatch アラームがありません。", so_far_ja, metrics),
          std::move(facts));
    }
    return missing("alarm", kAlarmLink, fmt::format("{}; but {}.", so_far_en, first_problem),
                   fmt::format("{}。しかし問題があります: {}。", so_far_ja, first_problem), std::move(facts));
  }
  return follow_subscribers(good, input, fmt::format("{} -> alarm {}", so_far_en, good.front()->name),
                            fmt::format("{} -> アラーム {}", so_far_ja, good.front()->name));
}

// The coverage's example event in Japanese: its two words of English are the placeholders for a field
// left out of the event and for a value no pattern names.
std::string missed_example_ja(std::string text) {
  for (const auto& [en, ja] :
       {std::pair<std::string_view, std::string_view>{"<any other value>", "<その他の値>"},
        {" absent,", " なし,"}}) {
    for (size_t at = text.find(en); at != std::string::npos; at = text.find(en, at + ja.size())) {
      text.replace(at, en.size(), ja);
    }
  }
  if (text.ends_with(" absent")) {
    text.replace(text.size() - 6, 6, "なし");
  }
  return text;
}

ChainOutcome follow_filters(const model::Region& region, const std::string& group,
                            const EvaluationInput& input, const std::string& so_far_en,
                            const std::string& so_far_ja) {
  if (!region.metric_filters) {
    const auto& problem = region.metric_filters.error();
    return stop(kFilterLink, Status::kUnknown,
                fmt::format("{}; metric filters unknown: {}.", so_far_en, problem.describe()),
                fmt::format("{}。メトリクスフィルターを確認できません: {}。", so_far_ja,
                            describe(problem, Lang::kJa)));
  }
  static const auto kCis = *logs::parse_filter_pattern(logs::kCisRootUsagePattern);
  std::vector<CoveringFilter> covering;
  std::string missed;
  std::string missed_ja;
  std::string unjudged;
  std::string unjudged_ja;
  size_t on_group = 0;
  for (const auto& filter : *region.metric_filters) {
    if (filter.log_group_name != group) {
      continue;
    }
    ++on_group;
    const auto pattern = logs::parse_filter_pattern(filter.pattern);
    if (!pattern) {
      unjudged += fmt::format("{}{} ({}: {})", unjudged.empty() ? "" : "; ", filter.name,
                              pattern.error().where, pattern.error().message);
      unjudged_ja += fmt::format("{}{} ({}: {})", unjudged_ja.empty() ? "" : "、", filter.name,
                                 localize_place(pattern.error().where, Lang::kJa),
                                 localize_message(pattern.error().message, Lang::kJa));
      continue;
    }
    auto coverage = logs::compare_patterns(*pattern, kCis);
    if (!coverage.exhaustive) {
      unjudged += fmt::format("{}{} (too many fields to judge)", unjudged.empty() ? "" : "; ", filter.name);
      unjudged_ja += fmt::format("{}{} (フィールドが多すぎて判定できません)", unjudged_ja.empty() ? "" : "、",
                                 filter.name);
    } else if (coverage.covers_reference) {
      covering.push_back({&filter, std::move(coverage)});
    } else if (missed.empty()) {
      missed =
          fmt::format("filter {} misses root events such as {{{}}}", filter.name, coverage.missed_example);
      missed_ja = fmt::format("フィルター {} は {{{}}} のようなルートユーザーの操作に一致しません",
                              filter.name, missed_example_ja(coverage.missed_example));
    }
  }
  if (covering.empty()) {
    if (!unjudged.empty()) {
      return stop(
          kFilterLink, Status::kUnknown,
          fmt::format("{}; but no metric filter is known to match every root event, and these could not "
                      "be judged: {}{}.",
                      so_far_en, unjudged, missed.empty() ? "" : "; " + missed),
          fmt::format(
              "{}"
              "。すべてのルートユーザーの操作に一致するメトリクスフィルターが確認できず、次のフィルターは判定"
              "できません: {}。",
              so_far_ja, unjudged_ja));
    }
    if (on_group == 0) {
      return missing("metric-filter", kFilterLink,
                     fmt::format("{}; but the log group has no metric filter.", so_far_en),
                     fmt::format("{}。しかしロググループにメトリクスフィルターがありません。", so_far_ja));
    }
    return missing("metric-filter", kFilterLink, fmt::format("{}; but {}.", so_far_en, missed),
                   fmt::format("{}。しかし{}。", so_far_ja, missed_ja));
  }
  const auto& first = covering.front();
  std::string note_en;
  std::string note_ja;
  if (first.coverage.broader) {
    note_en = fmt::format(" (broader than the CIS pattern: it also fires on {{{}}})",
                          first.coverage.broader_example);
    note_ja = fmt::format(" (CIS のパターンより広く、{{{}}} でも発火します)", first.coverage.broader_example);
  }
  auto outcome =
      follow_alarms(covering, region, input,
                    fmt::format("{} -> metric filter {}{}", so_far_en, first.filter->name, note_en),
                    fmt::format("{} -> メトリクスフィルター {}{}", so_far_ja, first.filter->name, note_ja));
  outcome.evidence.push_back({"filterPattern", first.filter->pattern});
  return outcome;
}

} // namespace

ChainOutcome follow_root_usage_chain(const model::Trail& trail, const EvaluationInput& input) {
  const auto& account = input.account;
  const auto finish = [&](ChainOutcome outcome) {
    outcome.resource = trail.arn;
    outcome.region = trail.home_region.empty() ? "global" : trail.home_region;
    outcome.evidence.insert(outcome.evidence.begin(), {"Trail", trail.arn.empty() ? trail.name : trail.arn});
    if (outcome.status == Status::kFail) {
      // What `rootguard fix` needs to repair the missing link in place (trail, its region, its group).
      std::vector<Evidence> facts{{"MissingLink", outcome.missing_link}, {"TrailName", trail.name}};
      if (!trail.log_group_arn.empty()) {
        facts.push_back({"CloudWatchLogsLogGroupArn", trail.log_group_arn});
      }
      outcome.evidence.insert(outcome.evidence.begin() + 1, facts.begin(), facts.end());
    }
    return outcome;
  };
  if (!trail.multi_region) {
    return finish(missing(
        "multi-region", kTrailLink,
        fmt::format("Trail {} is single-region: root activity in other regions is not recorded.", trail.name),
        fmt::format("証跡 {} は単一リージョンです。他のリージョンでのルートユーザーの操作は記録されません。",
                    trail.name)));
  }
  const auto* status = find_status(account, trail);
  if (status == nullptr || !*status) {
    const auto detail = status == nullptr
                            ? fmt::format("cloudtrail/GetTrailStatus/{}.json not collected", trail.name)
                            : status->error().describe();
    const auto detail_ja =
        status == nullptr ? localize_message(detail, Lang::kJa) : describe(status->error(), Lang::kJa);
    return finish(stop(kLoggingLink, Status::kUnknown,
                       fmt::format("Cannot tell whether trail {} is logging: {}.", trail.name, detail),
                       fmt::format("証跡 {} がログ記録中か判定できません: {}。", trail.name, detail_ja)));
  }
  if (!(*status)->is_logging) {
    return finish(
        missing("logging", kLoggingLink,
                fmt::format("Trail {} is multi-region but not logging (IsLogging = false).", trail.name),
                fmt::format("証跡 {} はマルチリージョンですがログ記録が停止しています (IsLogging = false)。",
                            trail.name)));
  }
  std::string selectors_note_en = "; management event selectors not collected";
  std::string selectors_note_ja = "。管理イベントのセレクターは未収集";
  if (const auto* selectors = find_selectors(account, trail); selectors != nullptr && *selectors) {
    if (!(*selectors)->management_read || !(*selectors)->management_write) {
      return finish(missing(
          "management-events", kLoggingLink,
          fmt::format("Trail {} does not log {} management events, so some root activity is not "
                      "recorded.",
                      trail.name, (*selectors)->management_write ? "read" : "write"),
          fmt::format(
              "証跡 {} は管理イベントの{}を記録しないため、一部のルートユーザーの操作が記録されません。",
              trail.name, (*selectors)->management_write ? "読み取り" : "書き込み")));
    }
    selectors_note_en = ", management events read and write";
    selectors_note_ja = "、管理イベントの読み取りと書き込み";
  }
  const std::string so_far_en =
      fmt::format("Trail {} (multi-region, logging{})", trail.name, selectors_note_en);
  const std::string so_far_ja =
      fmt::format("証跡 {} (マルチリージョン、ログ記録中{})", trail.name, selectors_note_ja);
  if (trail.log_group_arn.empty()) {
    return finish(missing(
        "log-group", kLogGroupLink,
        fmt::format("{} does not deliver to CloudWatch Logs, so no metric filter can see root activity.",
                    so_far_en),
        fmt::format(
            "{} は CloudWatch Logs に配信していないため、メトリクスフィルターでルートユーザーの操作を検知"
            "できません。",
            so_far_ja)));
  }
  const auto arn = parse_arn(trail.log_group_arn);
  const auto group = arn ? log_group_name(*arn) : std::nullopt;
  if (!group) {
    return finish(stop(kLogGroupLink, Status::kUnknown,
                       fmt::format("{}: CloudWatchLogsLogGroupArn {} is not a log group ARN.", so_far_en,
                                   trail.log_group_arn),
                       fmt::format("{}: CloudWatchLogsLogGroupArn {} はロググループの ARN ではありません。",
                                   so_far_ja, trail.log_group_arn)));
  }
  const auto* region = region_of(input.snapshot, arn->account, arn->region);
  if (region == nullptr) {
    const bool elsewhere = arn->account != account.id && input.snapshot.find_account(arn->account) == nullptr;
    return finish(stop(
        kLogGroupLink, Status::kUnknown,
        elsewhere
            ? fmt::format(
                  "{} delivers to log group {} in account {} (an organization trail); that account is not "
                  "in this snapshot, so the metric filter and alarm cannot be checked here (Security "
                  "Hub reports NO_DATA). Scan that account too.",
                  so_far_en, *group, arn->account)
            : fmt::format("{} delivers to log group {} in {}, whose region folder was not collected.",
                          so_far_en, *group, arn->region),
        elsewhere
            ? fmt::format(
                  "{} はアカウント {} のロググループ {} に配信しています (組織の証跡)。そのアカウントは"
                  "このスナップショットにないため、ここではメトリクスフィルターとアラームを確認できま"
                  "せん (Security Hub は NO_DATA)。そのアカウントもスキャンしてください。",
                  so_far_ja, arn->account, *group)
            : fmt::format(
                  "{} はロググループ {} ({}) に配信していますが、そのリージョンのフォルダーは未収集です。",
                  so_far_ja, *group, arn->region)));
  }
  return finish(follow_filters(*region, *group, input, fmt::format("{} -> log group {}", so_far_en, *group),
                               fmt::format("{} -> ロググループ {}", so_far_ja, *group)));
}

} // namespace rg::controls
