// Hostile values in every snapshot field that can reach a generated fix (tests/corpus/fix/: one case
// per field, each tried with every payload in payloads.json): rootguard fix either refuses to write
// anything, naming the value, or writes files that are inert: fix.sh passes shellcheck and bash -n,
// running it (dry, and --apply against the stub CLI where the payload reached it) creates no `pwned` file, no
// Terraform template or Markdown markup comes from input.
#include "cli/fix_support.hpp"

#include <gtest/gtest.h>

namespace rg::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kCorpus = fs::path(RG_TEST_DATA_DIR) / ".." / "corpus" / "fix";

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// The payload as it appears inside a JSON string literal.
std::string json_inside_string(const std::string& payload) {
  const auto quoted = json(payload).dump();
  return quoted.substr(1, quoted.size() - 2);
}

std::vector<std::string> payloads() {
  std::vector<std::string> out;
  const auto file = json::parse(read_all(kCorpus / "payloads.json")); // named: a view of a temporary dangles
  for (const auto& payload : file["payloads"]) {
    out.push_back(payload);
  }
  return out;
}

void build_snapshot(const json& spec, const std::string& payload, const fs::path& snapshot) {
  fs::copy(fs::path(RG_SOURCE_DIR) / "examples" / "example-org", snapshot, fs::copy_options::recursive);
  for (const auto& edit : spec.value("edits", json::array())) {
    for (const auto& file : edit["files"]) {
      const auto path = snapshot / file.get<std::string>();
      ASSERT_TRUE(fs::exists(path)) << path;
      const auto to = replace_all(edit["to"], "{PAYLOAD}", json_inside_string(payload));
      write_all(path, replace_all(read_all(path), edit["from"], to));
    }
  }
  for (const auto& rename : spec.value("renames", json::array())) {
    const auto from = snapshot / rename[0].get<std::string>();
    ASSERT_TRUE(fs::exists(from)) << from;
    fs::rename(from, snapshot / replace_all(rename[1], "{PAYLOAD}", payload));
  }
}

bool any_pwned(const fs::path& dir) {
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().filename().string().find("pwned") != std::string::npos &&
        entry.path().string().find("snapshot") == std::string::npos) {
      return true;
    }
  }
  return fs::exists("/tmp/pwned");
}

// A `${` or `%{` in generated HCL that is not ours (${var.assume_role_name}) nor escaped ($${, %%{).
std::string template_from_input(const std::string& hcl) {
  for (size_t at = 0; at + 1 < hcl.size(); ++at) {
    if ((hcl[at] == '$' || hcl[at] == '%') && hcl[at + 1] == '{') {
      if (at > 0 && hcl[at - 1] == hcl[at]) {
        continue; // escaped
      }
      if (hcl.compare(at, 6, "${var.") == 0) {
        continue;
      }
      return hcl.substr(at, 40);
    }
  }
  return {};
}

class FixCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(FixCorpus, EveryPayloadIsRejectedOrInert) {
  const auto spec = json::parse(read_all(kCorpus / (GetParam() + ".json")));
  size_t index = 0;
  const auto all = payloads();
  ASSERT_GE(all.size(), 8U);
  for (const auto& payload : all) {
    SCOPED_TRACE(spec["field"].get<std::string>() + " with payload " + json(payload).dump());
    TempDir dir("fix-corpus-" + GetParam() + "-" + std::to_string(index++));
    const auto snapshot = dir.path() / "snapshot";
    build_snapshot(spec, payload, snapshot);
    const auto out = dir.path() / "out";
    const auto result = run_rootguard({"fix", "--snapshot", snapshot.string(), "--output-dir", out.string()});
    if (result.err.find("refusing to write fixes") != std::string::npos) {
      EXPECT_EQ(result.exit_code, 1);
      EXPECT_FALSE(fs::exists(out / "fix.sh")) << "a refused run wrote a script";
      EXPECT_NE(result.err.find("(from "), std::string::npos) << result.err; // says where it came from
      continue;
    }
    ASSERT_TRUE(fs::exists(out / "fix.sh")) << result.exit_code << result.err;
    EXPECT_EQ(lint_script(out / "fix.sh"), "");
    const auto dry = run_fix_script(out / "fix.sh", dir.path() / "state", {});
    EXPECT_EQ(dry.exit_code, 0) << dry.err;
    // --apply too when the payload reached the script (a value the readers dropped cannot run).
    if (read_all(out / "fix.sh").find(payload) != std::string::npos) {
      (void)run_fix_script(out / "fix.sh", dir.path() / "state", {"--apply"},
                           {"ROOTGUARD_ALERT_EMAIL=security@example.org"});
    }
    EXPECT_FALSE(any_pwned(dir.path())) << "a payload ran";
    for (const auto& entry : fs::recursive_directory_iterator(out)) {
      if (entry.path().extension() == ".tf") {
        EXPECT_EQ(template_from_input(read_all(entry.path())), "") << entry.path();
      }
    }
    const auto checklist = read_all(out / "CHECKLIST.md");
    if (payload.find_first_of("`<\n|[") != std::string::npos) {
      EXPECT_EQ(checklist.find(payload), std::string::npos) << "raw Markdown from input in CHECKLIST.md";
    }
  }
}

std::vector<std::string> cases() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCorpus)) {
    const auto name = entry.path().stem().string();
    if (entry.path().extension() == ".json" && name != "payloads") {
      names.push_back(name);
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Fix, FixCorpus, ::testing::ValuesIn(cases()),
                         [](const auto& test) { return replace_all(test.param, "-", "_"); });

} // namespace
} // namespace rg::testing
