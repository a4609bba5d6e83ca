#include "pipeline/integrity_findings.hpp"

#include "pipeline/integrity_rules.hpp"

#include <fmt/format.h>

namespace rg::pipeline {
namespace {

using namespace trail::digest;

Finding make(std::size_t root_events, const std::string& account, const std::string& region,
             std::string resource, const std::string& what_en, const std::string& what_ja,
             std::string reason) {
  Finding finding;
  finding.rule = root_events > 0 ? &kTrailIntegrityRootPeriod : &kTrailIntegrityFailure;
  finding.account_id = account;
  finding.region = region.empty() ? std::string("global") : region;
  finding.resource = std::move(resource);
  finding.status = Status::kFail;
  const std::string root_en =
      root_events > 0 ? fmt::format("; {} root events of the account within an hour of it", root_events) : "";
  const std::string root_ja =
      root_events > 0 ? fmt::format("。前後 1 時間にこのアカウントのルートユーザーのイベントが {} 件あります",
                                    root_events)
                      : "";
  finding.reason = {fmt::format("{}: {}{}.", what_en, reason, root_en),
                    fmt::format("{}: {}{}。", what_ja, reason, root_ja)};
  finding.evidence = {{"reason", std::move(reason)}, {"root_events_nearby", std::to_string(root_events)}};
  return finding;
}

std::string window(const std::optional<TimePoint>& from, const std::optional<TimePoint>& to) {
  return fmt::format("{} .. {}", from ? format_iso8601(*from) : "?", to ? format_iso8601(*to) : "?");
}

} // namespace

void add_integrity_findings(const IntegrityResult& integrity, std::vector<Finding>& findings) {
  for (const auto& d : integrity.digests) {
    if (is_failure(d.status)) {
      auto finding = make(d.root_events, d.account_id, d.region, d.file.empty() ? d.key : d.file,
                          fmt::format("Digest file {}", to_string(d.status)),
                          fmt::format("ダイジェストファイル ({})", to_string(d.status)), d.reason);
      finding.discriminator = fmt::format("digest:{}", d.file.empty() ? d.key : d.file);
      finding.evidence.push_back({"window", window(d.start, d.end)});
      findings.push_back(std::move(finding));
    }
  }
  for (const auto& l : integrity.logs) {
    if (is_failure(l.status)) {
      auto finding =
          make(l.root_events, l.account_id, l.region, l.file, fmt::format("Log file {}", to_string(l.status)),
               fmt::format("ログファイル ({})", to_string(l.status)), l.reason);
      finding.discriminator = fmt::format("log:{}", l.file);
      finding.evidence.push_back({"digest", l.digest});
      findings.push_back(std::move(finding));
    }
  }
  for (const auto& g : integrity.gaps) {
    if (g.kind == GapKind::kOtherBucket) {
      continue; // not checked, not failed: it makes the validation incomplete instead
    }
    auto finding =
        make(g.root_events, g.account_id, g.region, g.after,
             fmt::format("Digest chain {} ({})", to_string(g.kind), window(g.from, g.to)),
             fmt::format("ダイジェストのチェーンの切れ目 {} ({})", to_string(g.kind), window(g.from, g.to)),
             g.message);
    finding.discriminator = fmt::format("gap:{}:{}", to_string(g.kind), g.after);
    findings.push_back(std::move(finding));
  }
}

} // namespace rg::pipeline
