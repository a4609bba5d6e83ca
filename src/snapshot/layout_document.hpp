#pragma once
// The layout table (snapshot_layout.hpp) for people and tools: the Markdown section of
// docs/snapshot-layout.md between its "snapshot layout" markers, and JSON with every field of every row
// (fuzz/make_seeds.py places its seeds with it). `rootguard snapshot layout` prints either.
#include <string>

namespace rg::snapshot {

std::string render_layout_markdown();
std::string render_layout_json();

} // namespace rg::snapshot
