#include "snapshot/read_collection_log.hpp"

#include "model/aws_ids.hpp"
#include "snapshot/snapshot_layout.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rg::snapshot {

namespace {

// A call log for 3,000 accounts x 17 regions is ~100 MB; past that the file is not rootguard's log.
constexpr std::size_t kCollectionLogLimit = std::size_t{256} << 20;

// Values quoted into a verdict come from a file: only what an AWS name or error code can be.
std::string token_or(const nlohmann::json& value, std::string_view fallback) {
  if (!value.is_string()) {
    return std::string(fallback);
  }
  const auto& text = value.get_ref<const std::string&>();
  const bool token = !text.empty() && text.size() <= 128 && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-' || c == ':';
  });
  return token ? text : std::string(fallback);
}

// organization.accounts_failed of an organization collection: the members whose role could not be
// assumed (or whose session was in another account). Entries that do not name an account id are skipped:
// the id becomes a folder name and a finding's account.
void read_unreachable_accounts(const nlohmann::json& log, CollectionLog& out) {
  const auto organization = log.find("organization");
  if (organization == log.end() || !organization->is_object()) {
    return;
  }
  const auto failed = organization->find("accounts_failed");
  if (failed == organization->end() || !failed->is_array()) {
    return;
  }
  for (const auto& entry : *failed) {
    if (!entry.is_object()) {
      continue;
    }
    const std::string account = token_or(entry.value("account", nlohmann::json()), "");
    if (!model::is_account_id(account)) {
      continue;
    }
    out.absence_reasons.emplace(
        fmt::format("accounts/{}/", account),
        fmt::format(
            "not collected: the account could not be reached ({} failed with {}; see collection.json)",
            token_or(entry.value("step", nlohmann::json()), "?"),
            token_or(entry.value("error_code", nlohmann::json()), "an error")));
    out.unreachable_accounts.push_back(account);
  }
  std::sort(out.unreachable_accounts.begin(), out.unreachable_accounts.end());
  out.unreachable_accounts.erase(
      std::unique(out.unreachable_accounts.begin(), out.unreachable_accounts.end()),
      out.unreachable_accounts.end());
}

} // namespace

CollectionLog read_collection_log(const std::filesystem::path& folder, std::vector<Problem>& problems) {
  CollectionLog out;
  auto& reasons = out.absence_reasons;
  const std::string name(layout_row(File::kCollectionLog).path);
  auto text = read_file(folder / name, kCollectionLogLimit);
  if (!text) {
    if (text.error().kind != ProblemKind::kAbsent) {
      auto problem = text.error();
      problem.file = name;
      problems.push_back(std::move(problem));
    }
    return out;
  }
  const auto log = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!log.is_object() || !log.contains("calls") || !log["calls"].is_array()) {
    problems.push_back(Problem{ProblemKind::kInvalid, name, "$.calls",
                               "not the call log rootguard collect writes (no \"calls\" list); not used"});
    return out;
  }
  for (const auto& call : log["calls"]) {
    if (!call.is_object() || call.value("outcome", "") != "error" || !call.contains("file") ||
        !call["file"].is_string()) {
      continue;
    }
    const auto status = call.value("http_status", nlohmann::json());
    const std::string http = status.is_number_integer() ? fmt::format("HTTP {}", status.get<long long>())
                                                        : std::string("no answer");
    reasons.emplace(call["file"].get<std::string>(),
                    fmt::format("not collected: {} {} failed with {} ({}; see collection.json)",
                                token_or(call.value("service", nlohmann::json()), "?"),
                                token_or(call.value("operation", nlohmann::json()), "?"),
                                token_or(call.value("error_code", nlohmann::json()), "an error"), http));
  }
  read_unreachable_accounts(log, out);
  return out;
}

} // namespace rg::snapshot
