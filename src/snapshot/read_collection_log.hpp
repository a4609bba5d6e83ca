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

// Relative file path -> reason, from the failed calls of collection.json. A collection.json that cannot
// be read or is not the log rootguard writes is a problem (it was meant to be there), and explains nothing.
std::map<std::string, std::string> read_absence_reasons(const std::filesystem::path& folder,
                                                        std::vector<Problem>& problems);

} // namespace rg::snapshot
