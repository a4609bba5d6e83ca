#include "trail/digest/integrity_result.hpp"

#include <algorithm>

namespace rg::trail::digest {

std::string_view to_string(DigestStatus status) {
  switch (status) {
  case DigestStatus::kValid:
    return "valid";
  case DigestStatus::kUnsigned:
    return "signature-not-checked";
  case DigestStatus::kBadSignature:
    return "bad-signature";
  case DigestStatus::kModified:
    return "modified";
  case DigestStatus::kDeleted:
    return "deleted";
  case DigestStatus::kMoved:
    return "moved";
  case DigestStatus::kMalformed:
    return "malformed";
  case DigestStatus::kUnknownKey:
    return "unknown-key";
  case DigestStatus::kOtherBucket:
    return "other-bucket";
  case DigestStatus::kNotInChain:
    return "not-in-chain";
  case DigestStatus::kUnreadable:
    return "unreadable";
  }
  return "unknown";
}

std::string_view to_string(LogStatus status) {
  switch (status) {
  case LogStatus::kValid:
    return "valid";
  case LogStatus::kModified:
    return "modified";
  case LogStatus::kDeleted:
    return "deleted";
  case LogStatus::kMoved:
    return "moved";
  case LogStatus::kNotCovered:
    return "not-covered";
  case LogStatus::kUnchecked:
    return "unchecked";
  }
  return "unknown";
}

std::string_view to_string(GapKind kind) {
  switch (kind) {
  case GapKind::kRestarted:
    return "restarted";
  case GapKind::kMissingLink:
    return "missing-link";
  case GapKind::kBrokenLink:
    return "broken-link";
  case GapKind::kOtherBucket:
    return "other-bucket";
  }
  return "unknown";
}

bool is_failure(DigestStatus status) {
  switch (status) {
  case DigestStatus::kBadSignature:
  case DigestStatus::kModified:
  case DigestStatus::kDeleted:
  case DigestStatus::kMoved:
  case DigestStatus::kMalformed:
  case DigestStatus::kUnknownKey:
  case DigestStatus::kNotInChain:
    return true;
  case DigestStatus::kValid:
  case DigestStatus::kUnsigned:
  case DigestStatus::kOtherBucket:
  case DigestStatus::kUnreadable:
    return false;
  }
  return true;
}

bool is_failure(LogStatus status) {
  return status == LogStatus::kModified || status == LogStatus::kDeleted || status == LogStatus::kMoved;
}

bool IntegrityResult::complete() const {
  if (digests.empty() || !problems.empty()) {
    return false;
  }
  const bool digests_decided = std::none_of(digests.begin(), digests.end(), [](const DigestEntry& d) {
    return d.status == DigestStatus::kUnsigned || d.status == DigestStatus::kOtherBucket ||
           d.status == DigestStatus::kUnknownKey || d.status == DigestStatus::kUnreadable;
  });
  const bool logs_decided = std::none_of(logs.begin(), logs.end(), [](const LogEntry& l) {
    return l.status == LogStatus::kUnchecked || l.status == LogStatus::kNotCovered;
  });
  return digests_decided && logs_decided;
}

bool IntegrityResult::clean() const {
  return complete() && gaps.empty() &&
         std::none_of(digests.begin(), digests.end(), [](const auto& d) { return is_failure(d.status); }) &&
         std::none_of(logs.begin(), logs.end(), [](const auto& l) { return is_failure(l.status); });
}

void IntegrityResult::count() {
  const std::uint64_t hashed = summary.bytes_hashed;
  summary = {};
  summary.bytes_hashed = hashed;
  summary.digests = digests.size();
  for (const auto& d : digests) {
    summary.backfill_digests += d.backfill ? 1 : 0;
    if (d.status == DigestStatus::kValid) {
      ++summary.digests_valid;
    } else if (d.status == DigestStatus::kUnsigned) {
      ++summary.digests_unsigned;
    } else if (d.status == DigestStatus::kOtherBucket) {
      ++summary.digests_unchecked;
    } else if (d.status == DigestStatus::kUnreadable) {
      ++summary.digests_unreadable;
    } else {
      ++summary.digests_failed;
    }
  }
  summary.logs = logs.size();
  for (const auto& l : logs) {
    switch (l.status) {
    case LogStatus::kValid:
      ++summary.logs_valid;
      break;
    case LogStatus::kModified:
      ++summary.logs_modified;
      break;
    case LogStatus::kDeleted:
      ++summary.logs_deleted;
      break;
    case LogStatus::kMoved:
      ++summary.logs_moved;
      break;
    case LogStatus::kNotCovered:
      ++summary.logs_not_covered;
      break;
    case LogStatus::kUnchecked:
      ++summary.logs_unchecked;
      break;
    }
  }
  summary.gaps = gaps.size();
}

} // namespace rg::trail::digest
