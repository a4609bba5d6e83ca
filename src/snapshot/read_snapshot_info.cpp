#include "snapshot/json_document.hpp"
#include "snapshot/readers.hpp"

namespace rg::snapshot {

Result<SnapshotInfo> read_snapshot_info(const Location& snapshot) {
  auto doc = load_json(snapshot.path("snapshot.json"), snapshot.name("snapshot.json"));
  if (!doc) {
    return doc.error();
  }
  auto collected = require_string(*doc, doc->root, "$", "collected_at");
  if (!collected) {
    return collected.error();
  }
  SnapshotInfo info;
  const auto time = parse_iso8601(*collected);
  if (!time) {
    return Problem{ProblemKind::kInvalid, doc->file, "$.collected_at", "not an ISO 8601 time: " + *collected};
  }
  info.collected_at = *time;
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
