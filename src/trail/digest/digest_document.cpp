#include "trail/digest/digest_document.hpp"

#include <array>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rg::trail::digest {
namespace {

using Json = nlohmann::json;

Problem invalid(const std::string& file, std::string where, std::string message) {
  return {ProblemKind::kInvalid, file, std::move(where), std::move(message)};
}

// A required string field; `nullable` allows JSON null (returned as nullopt).
Result<std::optional<std::string>> string_field(const Json& object, const char* name, bool nullable,
                                                const std::string& file) {
  const auto it = object.find(name);
  if (it == object.end()) {
    return invalid(file, fmt::format("$.{}", name), "missing (a digest file always has it)");
  }
  if (it->is_null() && nullable) {
    return std::optional<std::string>{};
  }
  if (!it->is_string()) {
    return invalid(file, fmt::format("$.{}", name), "not a string");
  }
  return std::optional<std::string>{it->get<std::string>()};
}

std::string optional_string(const Json& object, const char* name) {
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<TimePoint> optional_time(const Json& object, const char* name) {
  const auto text = optional_string(object, name);
  return text.empty() ? std::nullopt : parse_iso8601(text);
}

Result<ListedLogFile> log_file(const Json& item, std::size_t index, const std::string& file) {
  const std::string where = fmt::format("$.logFiles[{}]", index);
  if (!item.is_object()) {
    return invalid(file, where, "not an object");
  }
  ListedLogFile log;
  for (const auto& [name, target] : {std::pair{"s3Bucket", &log.bucket}, std::pair{"s3Object", &log.object},
                                     std::pair{"hashValue", &log.hash_value}}) {
    const auto it = item.find(name);
    if (it == item.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
      return invalid(file, fmt::format("{}.{}", where, name), "missing or not a string");
    }
    *target = it->get<std::string>();
  }
  log.hash_algorithm = optional_string(item, "hashAlgorithm");
  log.oldest_event = optional_time(item, "oldestEventTime");
  log.newest_event = optional_time(item, "newestEventTime");
  return log;
}

} // namespace

Result<DigestDocument> parse_digest_document(std::string_view json, const std::string& file) {
  // Digests are small (a few KB per hour and region), so a DOM is fine; no exception escapes.
  const Json doc = Json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    return Problem{ProblemKind::kUnreadable, file, "", "not JSON"};
  }
  if (!doc.is_object()) {
    return invalid(file, "$", "not a JSON object");
  }
  DigestDocument out;
  struct Field {
    const char* name;
    bool nullable;
    std::optional<std::string>* target;
  };
  std::optional<std::string> start;
  std::optional<std::string> end;
  std::optional<std::string> bucket;
  std::optional<std::string> object;
  std::optional<std::string> fingerprint;
  const std::array<Field, 6> fields{{{"digestStartTime", false, &start},
                                     {"digestEndTime", false, &end},
                                     {"digestS3Bucket", false, &bucket},
                                     {"digestS3Object", false, &object},
                                     {"digestPublicKeyFingerprint", false, &fingerprint},
                                     {"previousDigestSignature", true, &out.previous_signature}}};
  for (const auto& field : fields) {
    auto value = string_field(doc, field.name, field.nullable, file);
    if (!value) {
      return value.error();
    }
    *field.target = std::move(*value);
  }
  const auto start_time = parse_iso8601(*start);
  const auto end_time = parse_iso8601(*end);
  if (!start_time || !end_time) {
    return invalid(file, start_time ? "$.digestEndTime" : "$.digestStartTime", "not an ISO 8601 time");
  }
  out.start_time_text = *start;
  out.end_time_text = *end;
  out.start_time = *start_time;
  out.end_time = *end_time;
  out.bucket = *bucket;
  out.object = *object;
  out.fingerprint = *fingerprint;
  out.account_id = optional_string(doc, "awsAccountId");
  out.signature_algorithm = optional_string(doc, "digestSignatureAlgorithm");
  for (const auto& [name, target] : {std::pair{"previousDigestS3Bucket", &out.previous_bucket},
                                     std::pair{"previousDigestS3Object", &out.previous_object}}) {
    const auto it = doc.find(name);
    if (it != doc.end() && it->is_string()) {
      *target = it->get<std::string>();
    } else if (it != doc.end() && !it->is_null()) {
      return invalid(file, fmt::format("$.{}", name), "neither a string nor null");
    }
  }
  out.previous_hash_value = optional_string(doc, "previousDigestHashValue");
  const auto logs = doc.find("logFiles");
  if (logs == doc.end() || !logs->is_array()) {
    return invalid(file, "$.logFiles", "missing or not an array");
  }
  out.log_files.reserve(logs->size());
  for (std::size_t i = 0; i < logs->size(); ++i) {
    auto log = log_file((*logs)[i], i, file);
    if (!log) {
      return log.error();
    }
    out.log_files.push_back(std::move(*log));
  }
  return out;
}

} // namespace rg::trail::digest
