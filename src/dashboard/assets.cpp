#include "dashboard/assets.hpp"

#include <map>
#include <string>

namespace rg::dashboard {
namespace {

// By extension: the browser must not guess (X-Content-Type-Options: nosniff makes it take these as said).
std::string_view content_type(std::string_view path) {
  const auto dot = path.rfind('.');
  const auto ext = dot == std::string_view::npos ? std::string_view() : path.substr(dot);
  if (ext == ".html") {
    return "text/html; charset=utf-8";
  }
  if (ext == ".js") {
    return "text/javascript; charset=utf-8";
  }
  if (ext == ".css") {
    return "text/css; charset=utf-8";
  }
  if (ext == ".svg") {
    return "image/svg+xml";
  }
  return "application/octet-stream";
}

using AssetTable = std::map<std::string, Asset, std::less<>>;

const AssetTable& assets() {
  static const AssetTable kTable = [] {
    AssetTable built;
    for (const auto& file : embedded_files()) {
      const std::string_view body(reinterpret_cast<const char*>(file.bytes.data()), file.bytes.size());
      built.emplace(std::string(file.path), Asset{content_type(file.path), body});
    }
    return built;
  }();
  return kTable;
}

} // namespace

const Asset* find_asset(std::string_view path) {
  if (path == "/") {
    path = "/index.html";
  }
  const auto found = assets().find(path);
  return found == assets().end() ? nullptr : &found->second;
}

} // namespace rg::dashboard
