// The "integrity" object of `rootguard trail --verify-digests --format json` (docs/output-json.md).
#include "report/trail_integrity.hpp"

namespace rg::report {
namespace {

using Json = nlohmann::ordered_json;
using namespace trail::digest;

Json optional_time(const std::optional<TimePoint>& time) {
  return time ? Json(format_iso8601(*time)) : Json(nullptr);
}

Json digest_json(const DigestEntry& d) {
  Json item;
  item["file"] = d.file;
  item["key"] = d.key;
  item["status"] = to_string(d.status);
  item["reason"] = d.reason;
  item["backfill"] = d.backfill;
  item["account_id"] = d.account_id;
  item["region"] = d.region;
  item["trail"] = d.trail;
  item["start"] = optional_time(d.start);
  item["end"] = optional_time(d.end);
  item["log_files"] = d.log_files;
  item["root_events_nearby"] = d.root_events;
  return item;
}

Json log_json(const LogEntry& l) {
  Json item;
  item["file"] = l.file;
  item["key"] = l.key;
  item["status"] = to_string(l.status);
  item["reason"] = l.reason;
  item["account_id"] = l.account_id;
  item["region"] = l.region;
  item["digest"] = l.digest;
  item["oldest_event"] = optional_time(l.oldest_event);
  item["newest_event"] = optional_time(l.newest_event);
  item["root_events_nearby"] = l.root_events;
  return item;
}

Json gap_json(const ChainGap& g) {
  Json item;
  item["kind"] = to_string(g.kind);
  item["account_id"] = g.account_id;
  item["region"] = g.region;
  item["trail"] = g.trail;
  item["backfill"] = g.backfill;
  item["from"] = optional_time(g.from);
  item["to"] = optional_time(g.to);
  item["after"] = g.after;
  item["message"] = g.message;
  item["root_events_nearby"] = g.root_events;
  return item;
}

} // namespace

Json integrity_json(const IntegrityResult& integrity) {
  const auto& s = integrity.summary;
  Json doc;
  // "clean" is never true for a validation that could not check everything (unsigned copies, missing keys).
  doc["complete"] = integrity.complete();
  doc["clean"] = integrity.clean();
  doc["summary"] = {{"digests", s.digests},
                    {"digests_valid", s.digests_valid},
                    {"digests_signature_not_checked", s.digests_unsigned},
                    {"digests_failed", s.digests_failed},
                    {"digests_other_bucket", s.digests_unchecked},
                    {"digests_unreadable", s.digests_unreadable},
                    {"backfill_digests", s.backfill_digests},
                    {"logs", s.logs},
                    {"logs_valid", s.logs_valid},
                    {"logs_modified", s.logs_modified},
                    {"logs_deleted", s.logs_deleted},
                    {"logs_moved", s.logs_moved},
                    {"logs_not_covered", s.logs_not_covered},
                    {"logs_unchecked", s.logs_unchecked},
                    {"gaps", s.gaps},
                    {"failures_in_root_periods", s.failures_in_root_periods},
                    {"bytes_hashed", s.bytes_hashed}};
  Json digests = Json::array();
  for (const auto& d : integrity.digests) {
    digests.push_back(digest_json(d));
  }
  doc["digests"] = std::move(digests);
  Json logs = Json::array();
  for (const auto& l : integrity.logs) {
    logs.push_back(log_json(l));
  }
  doc["logs"] = std::move(logs);
  Json gaps = Json::array();
  for (const auto& g : integrity.gaps) {
    gaps.push_back(gap_json(g));
  }
  doc["gaps"] = std::move(gaps);
  Json problems = Json::array();
  for (const auto& p : integrity.problems) {
    problems.push_back({{"file", p.file}, {"where", p.where}, {"message", p.message}});
  }
  doc["problems"] = std::move(problems);
  return doc;
}

} // namespace rg::report
