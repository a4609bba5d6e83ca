#pragma once
// The one list of output formats: --format names, file names under --output-dir, and how to split a
// format into several files. Commands (scan, trail) take their choices from here.
#include "report/report.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rg::report {

using Renderer = std::string (*)(const Report&, const RenderOptions&);
using BatchRenderer = std::vector<std::string> (*)(const Report&, const RenderOptions&);
using StreamRenderer = void (*)(const Report&, const RenderOptions&, const TextSink&);

struct Format {
  std::string_view name;      // --format value
  std::string_view file_name; // under --output-dir: "<command>.<file_name>"
  Renderer render;
  BatchRenderer batches; // null unless the format is split into several files under --output-dir
  std::string_view batch_pattern = {}; // "asff-{:04}.json"
  StreamRenderer stream = nullptr;     // when set, used instead of `render`: the output never whole in memory
};

std::span<const Format> formats();
const Format* find_format(std::string_view name);
std::vector<std::string> format_names();

} // namespace rg::report
