#pragma once
// collection.json (written by `rootguard collect`): why a file of the snapshot is absent. Every failed
// call is logged with the file it was to write; the loader hands these reasons to read_file
// (ExplainedAbsences), so an UNKNOWN verdict says "AccessDenied on logs DescribeMetricFilters" rather than
// only "file not found". A snapshot made by hand has no collection.json: nothing to explain, no problem.
#include "snapshot/readers.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace rg::snapshot {

struct CollectionLog {
  // Relative file path -> reason, from the failed calls; "accounts/<id>/" (a folder) for a member of the
  // organization that could not be reached at all (its role not assumed), which explains every file of it.
  std::map<std::string, std::string> absence_reasons;
  // Those members, sorted: the loader reports them as accounts whose every verdict is UNKNOWN, so an
  // account that could not be reached never vanishes from the report.
  std::vector<std::string> unreachable_accounts;
};

// What collection.json says is missing and why. A collection.json that cannot be read or is not the log
// rootguard writes is a problem (it was meant to be there), and explains nothing.
CollectionLog read_collection_log(const std::filesystem::path& folder, std::vector<Problem>& problems);

} // namespace rg::snapshot
