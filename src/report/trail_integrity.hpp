#pragma once
// The integrity part of the trail documents (--verify-digests), shared by the JSON and table writers.
#include "report/report.hpp"
#include "trail/digest/integrity_result.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace rg::report {

nlohmann::ordered_json integrity_json(const trail::digest::IntegrityResult& integrity);
std::string render_integrity_table(const trail::digest::IntegrityResult& integrity,
                                   const RenderOptions& options);

} // namespace rg::report
