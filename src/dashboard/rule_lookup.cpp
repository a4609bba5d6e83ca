#include "dashboard/rule_lookup.hpp"

#include "controls/control.hpp"
#include "detections/catalog.hpp"
#include "pipeline/integrity_rules.hpp"

namespace rg::dashboard {

const RuleMetadata* find_rule(std::string_view id) {
  if (const auto* control = controls::find_control(id)) {
    return &control->rule;
  }
  if (const auto* detection = detections::find_detection(id)) {
    return &detection->metadata;
  }
  for (const auto* rule : {&pipeline::kTrailIntegrityRootPeriod, &pipeline::kTrailIntegrityFailure}) {
    if (rule->id == id) {
      return rule;
    }
  }
  return nullptr;
}

} // namespace rg::dashboard
