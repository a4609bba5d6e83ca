#include "report/formats.hpp"

#include <array>

namespace rg::report {
namespace {

constexpr std::array<Format, 8> kFormats{{
    {"table", "txt", render_table, nullptr},
    {"json", "json", render_json, nullptr, {}, write_json},
    {"jsonl", "jsonl", render_json_lines, nullptr, {}, write_json_lines},
    {"asff", "asff.json", render_asff, render_asff_batches, "asff-{:04}.json"},
    {"ocsf", "ocsf.json", render_ocsf, nullptr},
    {"sarif", "sarif", render_sarif, nullptr},
    {"csv", "csv", render_csv, nullptr},
    {"html", "html", render_html, nullptr},
}};

} // namespace

std::span<const Format> formats() {
  return kFormats;
}

const Format* find_format(std::string_view name) {
  for (const auto& format : kFormats) {
    if (format.name == name) {
      return &format;
    }
  }
  return nullptr;
}

std::vector<std::string> format_names() {
  std::vector<std::string> names;
  names.reserve(kFormats.size());
  for (const auto& format : kFormats) {
    names.emplace_back(format.name);
  }
  return names;
}

} // namespace rg::report
