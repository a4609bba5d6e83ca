// Writes the bad-input report in every format into DIR, for the schema validators registered in ctest.
#include "report/bad_input_report.hpp"
#include "report/formats.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fputs("usage: write_bad_input DIR\n", stderr);
    return 2;
  }
  const std::filesystem::path dir(argv[1]);
  std::filesystem::create_directories(dir);
  const auto report = rg::testing::bad_input_report();
  for (const auto lang : {rg::Lang::kEn, rg::Lang::kJa}) {
    const rg::report::RenderOptions options{lang, false, "ap-northeast-1"};
    for (const auto& format : rg::report::formats()) {
      std::ofstream(dir / (std::string(rg::to_string(lang)) + "." + std::string(format.file_name)),
                    std::ios::binary)
          << format.render(report, options);
    }
  }
  return 0;
}
