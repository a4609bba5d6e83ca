// Keeps the arrows pointing one way: a folder under src/ may include only itself and folders before it
// in the data-flow order below (the order of src/CMakeLists.txt).
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::vector<std::string> layer_order() {
  // Read the order from src/CMakeLists.txt so the test follows the build.
  std::ifstream in(fs::path(RG_SOURCE_DIR) / "src" / "CMakeLists.txt");
  std::vector<std::string> order;
  const std::regex line(R"(^\s*add_subdirectory\((\w+)\))");
  std::string text;
  while (std::getline(in, text)) {
    std::smatch match;
    if (std::regex_search(text, match, line)) {
      order.push_back(match[1]);
    }
  }
  return order;
}

TEST(Layering, IncludesPointOnlyToEarlierFolders) {
  const auto order = layer_order();
  ASSERT_GE(order.size(), 5U);
  const auto rank = [&](const std::string& folder) {
    const auto found = std::find(order.begin(), order.end(), folder);
    return found == order.end() ? -1 : static_cast<int>(found - order.begin());
  };
  const std::regex include(R"(^\s*#\s*include\s+"(\w+)/)");
  size_t checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(RG_SOURCE_DIR) / "src")) {
    const auto ext = entry.path().extension();
    if (ext != ".cpp" && ext != ".hpp") {
      continue;
    }
    const auto folder = fs::relative(entry.path(), fs::path(RG_SOURCE_DIR) / "src").begin()->string();
    const int own = rank(folder);
    ASSERT_GE(own, 0) << folder << " is not listed in src/CMakeLists.txt";
    std::ifstream in(entry.path());
    std::string text;
    int line_number = 0;
    while (std::getline(in, text)) {
      ++line_number;
      std::smatch match;
      if (!std::regex_search(text, match, include)) {
        continue;
      }
      const int target = rank(match[1]);
      if (target < 0) {
        continue; // a generated header such as version.hpp
      }
      ++checked;
      EXPECT_LE(target, own) << entry.path().string() << ":" << line_number << " includes " << match[1]
                             << "/, which comes after " << folder << "/";
    }
  }
  EXPECT_GT(checked, 20U);
}

} // namespace
