#pragma once
// The dashboard's JSON API, read from the store (decision 0021). Every value goes into nlohmann::json,
// which escapes it, and json_body() escapes < > & as well, so no stored value can close a tag or start
// markup wherever the text ends up; the page inserts values with textContent only.
#include "i18n/text.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace rg::store {
class Database;
}

namespace rg::dashboard {

// Every run, oldest first, with its FAIL/PASS/UNKNOWN/muted counts.
nlohmann::json runs_json(const store::Database& db);
// One run and its findings with their rules' titles in `lang`; nullopt for an unknown run id.
std::optional<nlohmann::json> run_findings_json(const store::Database& db, std::int64_t run_id, Lang lang);
// One finding: its latest record, the rule's title, risk and explanation, the remediation (console, CLI,
// Terraform) filled in for it, and its history across runs; nullopt when no run recorded the id.
std::optional<nlohmann::json> finding_json(const store::Database& db, std::string_view finding_id, Lang lang);
// FAIL counts per run, one point per run, oldest first.
nlohmann::json trend_json(const store::Database& db);
// Root activity from the trail runs: one entry per event finding (the latest run's record of it), in
// event time order, at most `limit` of the latest (then "truncated" is true).
nlohmann::json timeline_json(const store::Database& db, Lang lang, std::size_t limit = 5000);

// The response body: invalid UTF-8 replaced, and < > & written as \u escapes.
std::string json_body(const nlohmann::json& value);

} // namespace rg::dashboard
