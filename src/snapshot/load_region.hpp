#pragma once
// Reads one regions/<region>/ folder of an account: every per-region response the monitoring controls use.
#include "model/region.hpp"
#include "snapshot/readers.hpp"

#include <filesystem>
#include <vector>

namespace rg::snapshot {

model::Region load_region(const Location& region, const std::string& name, std::vector<Problem>& problems);

} // namespace rg::snapshot
