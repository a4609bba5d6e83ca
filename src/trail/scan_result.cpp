#include "trail/scan_result.hpp"

namespace rg::trail {

MatchedEvent MatchedEvents::view(const StoredEvent& event) const {
  const EvidencePool& pool = pools[event.pool];
  MatchedEvent out;
  out.event_id = pool.text(event.event_id);
  out.detections = pool.ids(event.detections);
  out.account_id = pool.text(event.account_id);
  out.event_time = pool.text(event.event_time);
  out.time = event.time;
  out.time_known = event.time_known;
  out.event_name = pool.text(event.event_name);
  out.event_source = pool.text(event.event_source);
  out.event_type = pool.text(event.event_type);
  out.source_ip = pool.text(event.source_ip);
  out.user_agent = pool.text(event.user_agent);
  out.region = pool.text(event.region);
  out.user_type = pool.text(event.user_type);
  out.user_arn = pool.text(event.user_arn);
  out.invoked_by = pool.text(event.invoked_by);
  out.assumed_root = event.assumed_root;
  out.error_code = pool.text(event.error_code);
  out.error_message = pool.text(event.error_message);
  out.console_login = pool.text(event.console_login);
  out.mfa_used = pool.text(event.mfa_used);
  out.mfa_authenticated = pool.text(event.mfa_authenticated);
  out.task_policy_arn = pool.text(event.task_policy_arn);
  out.target_principal = pool.text(event.target_principal);
  out.file = pool.text(event.file);
  return out;
}

} // namespace rg::trail
