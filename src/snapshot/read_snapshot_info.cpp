#include "snapshot/json_document.hpp"
#include "snapshot/readers.hpp"
#include "snapshot/snapshot_layout.hpp"

namespace rg::snapshot {

Result<SnapshotInfo> read_snapshot_info(const Location& snapshot) {
  const std::string name = path_below_scope(File::kSnapshotInfo);
  auto doc = load_json(snapshot.path(name), snapshot.name(name));
  if (!doc) {
    return doc.error();
  }
  // Written by rootguard collect or by hand (`date -u +%Y-%m-%dT%H:%M:%SZ`); a script built on botocore
  // may write epoch seconds. Both are read; anything else is a problem, never the epoch.
  auto collected = require_timestamp(*doc, doc->root, "$", "collected_at");
  if (!collected) {
    return collected.error();
  }
  SnapshotInfo info;
  info.collected_at = *collected;
  auto partition = optional_string(*doc, doc->root, "$", "partition");
  if (!partition) {
    return partition.error();
  }
  if (*partition) {
    info.partition = **partition;
  }
  return info;
}

} // namespace rg::snapshot
