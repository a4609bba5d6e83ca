#include "controls/catalog_entries.hpp"

#include <array>

namespace rg::controls {
namespace {

// The one list: output order, `controls list` order, and what a scan evaluates.
constinit const std::array<const Control*, 11> kCatalog{
    // Root credentials
    &kRootAccessKeys,
    &kRootMfa,
    &kRootHardwareMfa,
    &kRootRecentUse,
    &kRootSigningCerts,
    &kRootCredentialsRemoved,
    // Organization and monitoring
    &kOrgRootAccessManagement,
    &kOrgRootScp,
    &kRootUsageAlarm,
    &kGuardDutyEnabled,
    &kGuardDutyRootFindings,
};

} // namespace

std::span<const Control* const> all_controls() {
  return kCatalog;
}

const Control* find_control(std::string_view id) {
  for (const auto* control : kCatalog) {
    if (control->rule.id == id) {
      return control;
    }
  }
  return nullptr;
}

} // namespace rg::controls
