#pragma once
// Reads a whole snapshot folder (layout in docs/snapshot-layout.md) into the model. Never throws for bad
// data: every unreadable file becomes a Problem in Snapshot::problems and UNKNOWN for the controls that
// needed it. Throws FatalError only when the folder itself is missing.
#include "model/snapshot.hpp"

#include <filesystem>

namespace rg::snapshot {

model::Snapshot load_snapshot(const std::filesystem::path& folder);

} // namespace rg::snapshot
