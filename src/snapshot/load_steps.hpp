#pragma once
// The load step of each layout row (snapshot_layout.cpp): the row's reader, its result put in the row's
// model slot, its problems noted. A step reads one row's file, or for a per-item row every item, or for
// the organization's first file the files read with it (the walk from the roots; the SCPs with their
// per-policy files).
#include "snapshot/snapshot_layout.hpp"

namespace rg::snapshot {

bool load_snapshot_info(const Location& folder, LoadTarget& target);
bool load_caller_identity(const Location& folder, LoadTarget& target);
bool load_credential_report(const Location& folder, LoadTarget& target);
bool load_account_summary(const Location& folder, LoadTarget& target);
bool load_virtual_mfa_devices(const Location& folder, LoadTarget& target);
bool load_organizations_features(const Location& folder, LoadTarget& target);
bool load_describe_trails(const Location& folder, LoadTarget& target);
bool load_trail_status(const Location& folder, LoadTarget& target);
bool load_event_selectors(const Location& folder, LoadTarget& target);
bool load_metric_filters(const Location& folder, LoadTarget& target);
bool load_alarms(const Location& folder, LoadTarget& target);
bool load_subscriptions(const Location& folder, LoadTarget& target);
bool load_list_detectors(const Location& folder, LoadTarget& target);
bool load_detectors(const Location& folder, LoadTarget& target);
bool load_findings(const Location& folder, LoadTarget& target);
bool load_organization(const Location& folder, LoadTarget& target);
bool load_service_control_policies_step(const Location& folder, LoadTarget& target);
bool load_resource_control_policies_step(const Location& folder, LoadTarget& target);

} // namespace rg::snapshot
