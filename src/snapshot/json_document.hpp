#pragma once
// Loads an AWS CLI JSON response with errors located by line and column, and typed field access
// whose errors name the JSON path: the snapshot readers never see a raw nlohmann exception.
#include "util/files.hpp"
#include "util/result.hpp"
#include "util/time.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace rg::snapshot {

// clang-tidy 14 reports bugprone-exception-escape on the implicit noexcept members of a struct holding a
// nlohmann::json; those of nlohmann::json are themselves noexcept (an allocation failure inside its
// destructor terminates, by its design), so there is nothing to catch.
struct JsonDocument { // NOLINT(bugprone-exception-escape): see above
  std::string file;   // as shown to the user
  nlohmann::json root;
};

// Absent file -> kAbsent; unparseable -> kUnreadable with "line L, column C".
// `max_bytes`: the file-type cap (decision 0008); the default suits every response but the largest.
Result<JsonDocument> load_json(const std::filesystem::path& path, const std::string& display_name,
                               size_t max_bytes = kDefaultReadLimit);

// Field access with located type errors. `path` is the JSON path of `object` ("$", "$.SummaryMap").
Result<const nlohmann::json*> require_member(const JsonDocument& doc, const nlohmann::json& object,
                                             const std::string& path, const char* key,
                                             nlohmann::json::value_t type);
Result<std::string> require_string(const JsonDocument& doc, const nlohmann::json& object,
                                   const std::string& path, const char* key);
// nullopt when absent; a Problem when present with another type.
Result<std::optional<std::string>> optional_string(const JsonDocument& doc, const nlohmann::json& object,
                                                   const std::string& path, const char* key);

// Absent -> `fallback`; present with another type -> Problem.
Result<bool> optional_bool(const JsonDocument& doc, const nlohmann::json& object, const std::string& path,
                           const char* key, bool fallback);
Result<std::optional<double>> optional_number(const JsonDocument& doc, const nlohmann::json& object,
                                              const std::string& path, const char* key);
// A timestamp in either form the AWS CLI generations print (ISO 8601 text with any offset, or epoch
// seconds as a number: util/time's parse_aws_timestamp). nullopt when absent or null; a located Problem
// when present but not a time, so a bad value is reported, never read as 1970.
Result<std::optional<TimePoint>> optional_timestamp(const JsonDocument& doc, const nlohmann::json& object,
                                                    const std::string& path, const char* key);
// The same, with absence a Problem.
Result<TimePoint> require_timestamp(const JsonDocument& doc, const nlohmann::json& object,
                                    const std::string& path, const char* key);
// The array under `key`, or an empty array when absent; a Problem when it is something else.
Result<const nlohmann::json*> optional_array(const JsonDocument& doc, const nlohmann::json& object,
                                             const std::string& path, const char* key);
// Array of strings under `key` (absent -> empty).
Result<std::vector<std::string>> string_array(const JsonDocument& doc, const nlohmann::json& object,
                                              const std::string& path, const char* key);

std::string json_type_name(const nlohmann::json& value);

} // namespace rg::snapshot
