#pragma once
// The dashboard's page, script and style, compiled into the binary (cmake/EmbedAssets.cmake writes
// embedded_files.cpp from src/dashboard/assets/ at build time): serve needs no files beside the binary
// and never fetches anything (decision 0021).
#include <span>
#include <string_view>

namespace rg::dashboard {

struct EmbeddedFile {
  std::string_view path; // "/app.js"
  std::span<const unsigned char> bytes;
};

// Every embedded file (generated).
std::span<const EmbeddedFile> embedded_files();

struct Asset {
  std::string_view content_type; // "text/javascript; charset=utf-8"
  std::string_view body;
};

// The embedded file at this request path ("/" is index.html), or nullptr.
const Asset* find_asset(std::string_view path);

} // namespace rg::dashboard
