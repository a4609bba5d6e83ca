#pragma once
// What every control (posture) and detection (CloudTrail activity) declares once: identity, words in
// both languages, severity, framework mappings and remediation. Lives in constinit tables.
#include "findings/severity.hpp"
#include "i18n/text.hpp"

#include <array>
#include <span>
#include <string_view>

namespace rg {

enum class RuleKind { kPosture, kActivity };

// CIS AWS Foundations Benchmark item numbers, one field per run of versions that share numbering
// (see docs/controls.md). Empty means "not in that version".
struct CisItems {
  std::string_view v1_2 = {};
  std::string_view v1_4_to_v4_0 = {}; // 1.4.0, 1.5.0, 2.0.0, 3.0.0, 4.0.0
  std::string_view v5_0 = {};
  std::string_view v6_0 = {};
  std::string_view v7_0 = {};
};

struct Mappings {
  std::string_view security_hub = {};         // "IAM.4"; empty when Security Hub has no control
  std::string_view security_hub_retired = {}; // "IAM.20"; a retired control articles still cite
  CisItems cis = {};
  std::string_view guardduty_type = {}; // "Policy:IAMUser/RootCredentialUsage" for detections
};

struct Remediation {
  Text console = {};               // numbered console steps
  std::string_view cli = {};       // AWS CLI commands, ${ACCOUNT_ID}-style placeholders
  std::string_view terraform = {}; // empty when Terraform cannot express the fix
  Text limits = {};                // what no API can do, when that matters ("root MFA needs root sign-in")
};

struct RuleMetadata {
  std::string_view id = {}; // stable: used in every output, mutelist and history
  RuleKind kind = RuleKind::kPosture;
  Severity severity = Severity::kMedium;
  Text title = {};
  Text risk = {};
  Text explanation = {}; // why the rule is shaped this way, what peers and articles get wrong
  Mappings mappings = {};
  Remediation remediation = {};
};

// One row per CIS version that has the item: {"1.4.0", "1.7"}, ... in version order.
struct CisReference {
  std::string_view version = {};
  std::string_view item = {};
};
struct CisReferences {
  std::array<CisReference, 9> rows{};
  size_t count = 0;
  // Iterate the value itself (`for (row : expand_cis(items))`): a view of a temporary would dangle,
  // so view() is only available on named objects.
  std::span<const CisReference> view() const& { return {rows.data(), count}; }
  std::span<const CisReference> view() const&& = delete;
  const CisReference* begin() const { return rows.data(); }
  const CisReference* end() const { return rows.data() + count; }
};
CisReferences expand_cis(const CisItems& items);

} // namespace rg
