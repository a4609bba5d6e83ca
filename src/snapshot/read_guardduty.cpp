// guardduty/ListDetectors.json, GetDetector/<id>.json and GetFindings.json.
#include "snapshot/json_document.hpp"
#include "snapshot/readers.hpp"
#include "snapshot/snapshot_layout.hpp"

#include <cstdint>
#include <fmt/format.h>

namespace rg::snapshot {
namespace {

// Reads a nested string field leniently: GuardDuty findings vary by type, absent parts are normal.
std::string nested_string(const nlohmann::json& root, std::initializer_list<const char*> path) {
  const nlohmann::json* node = &root;
  for (const char* step : path) {
    if (!node->is_object() || !node->contains(step)) {
      return "";
    }
    node = &node->at(step);
  }
  return node->is_string() ? node->get<std::string>() : "";
}

} // namespace

Result<std::vector<std::string>> read_list_detectors(const Location& region) {
  const std::string name = path_below_scope(File::kListDetectors);
  auto doc = load_json(region.path(name), region.name(name));
  if (!doc) {
    return doc.error();
  }
  if (!doc->root.contains("DetectorIds")) {
    return Problem{ProblemKind::kInvalid, doc->file, "$.DetectorIds", "missing"};
  }
  return string_array(*doc, doc->root, "$", "DetectorIds");
}

Result<model::Detector> read_get_detector(const Location& region, const std::string& detector_file) {
  const std::string name = path_below_scope(File::kGetDetector, detector_file);
  auto doc = load_json(region.path(name), region.name(name));
  if (!doc) {
    return doc.error();
  }
  auto status = require_string(*doc, doc->root, "$", "Status");
  if (!status) {
    return status.error();
  }
  return model::Detector{detector_file, *status};
}

Result<std::vector<model::GuardDutyFinding>> read_get_findings(const Location& region) {
  const std::string name = path_below_scope(File::kGetFindings);
  auto doc = load_json(region.path(name), region.name(name));
  if (!doc) {
    return doc.error();
  }
  auto list = require_member(*doc, doc->root, "$", "Findings", nlohmann::json::value_t::array);
  if (!list) {
    return list.error();
  }
  std::vector<model::GuardDutyFinding> findings;
  size_t index = 0;
  for (const auto& item : **list) {
    const std::string path = fmt::format("$.Findings[{}]", index++);
    auto type = require_string(*doc, item, path, "Type");
    auto id = require_string(*doc, item, path, "Id");
    auto severity = optional_number(*doc, item, path, "Severity");
    if (!type) {
      return type.error();
    }
    if (!id) {
      return id.error();
    }
    if (!severity) {
      return severity.error();
    }
    model::GuardDutyFinding finding;
    finding.id = *id;
    finding.arn = nested_string(item, {"Arn"});
    finding.type = *type;
    finding.severity = severity->value_or(0);
    finding.user_type = nested_string(item, {"Resource", "AccessKeyDetails", "UserType"});
    finding.api = nested_string(item, {"Service", "Action", "AwsApiCallAction", "Api"});
    finding.remote_ip =
        nested_string(item, {"Service", "Action", "AwsApiCallAction", "RemoteIpDetails", "IpAddressV4"});
    finding.first_seen = nested_string(item, {"Service", "EventFirstSeen"});
    finding.last_seen = nested_string(item, {"Service", "EventLastSeen"});
    if (item.contains("Service") && item["Service"].is_object() && item["Service"].contains("Count") &&
        item["Service"]["Count"].is_number_unsigned() &&
        item["Service"]["Count"].get<std::uint64_t>() <= std::uint64_t{1} << 40) {
      finding.count = static_cast<long>(item["Service"]["Count"].get<std::uint64_t>());
    }
    findings.push_back(std::move(finding));
  }
  return findings;
}

} // namespace rg::snapshot
