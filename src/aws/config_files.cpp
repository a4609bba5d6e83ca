#include "aws/config_files.hpp"

#include "util/strings.hpp"

#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace rg::aws {

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return {};
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string home_path(const Environment& env, std::string_view rest) {
  return fmt::format("{}/{}", env("HOME").value_or(""), rest);
}

std::string expand_home(const Environment& env, std::string path) {
  if (path.starts_with("~/")) {
    return home_path(env, std::string_view(path).substr(2));
  }
  return path;
}

} // namespace

std::map<std::string, Profile, std::less<>> parse_ini(std::string_view text, bool config_style) {
  std::map<std::string, Profile, std::less<>> out;
  Profile* section = nullptr;
  std::string parent_key; // a "key =" line with no value opens nested settings (s3 = \n  x = y)
  for (const auto raw_line : split(text, '\n')) {
    std::string_view line = raw_line;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    const bool indented = !line.empty() && (line.front() == ' ' || line.front() == '\t');
    const std::string_view content = trim(line);
    if (content.empty() || content.front() == '#' || content.front() == ';') {
      continue;
    }
    if (!indented && content.front() == '[' && content.back() == ']') {
      std::string name(trim(content.substr(1, content.size() - 2)));
      if (config_style && name.starts_with("profile ")) {
        name = std::string(trim(std::string_view(name).substr(8)));
      }
      // Config-file sections other than profiles ([sso-session x], [services x]) keep their full name.
      section = &out[name];
      parent_key.clear();
      continue;
    }
    const size_t equals = content.find('=');
    if (section == nullptr || equals == std::string_view::npos) {
      continue;
    }
    const std::string key(trim(content.substr(0, equals)));
    const std::string value(trim(content.substr(equals + 1)));
    if (indented && !parent_key.empty()) {
      (*section)[fmt::format("{}.{}", parent_key, key)] = value;
      continue;
    }
    parent_key = value.empty() ? key : "";
    (*section)[key] = value;
  }
  return out;
}

SharedFiles load_shared_files(const Environment& env) {
  SharedFiles files;
  const std::string config = expand_home(env, env("AWS_CONFIG_FILE").value_or(home_path(env, ".aws/config")));
  const std::string creds =
      expand_home(env, env("AWS_SHARED_CREDENTIALS_FILE").value_or(home_path(env, ".aws/credentials")));
  files.config = parse_ini(read_file(config), true);
  files.credentials = parse_ini(read_file(creds), false);
  return files;
}

std::string selected_profile(const Environment& env, const std::optional<std::string>& explicit_profile) {
  if (explicit_profile && !explicit_profile->empty()) {
    return *explicit_profile;
  }
  return env("AWS_PROFILE").value_or(env("AWS_DEFAULT_PROFILE").value_or("default"));
}

Profile merged_profile(const SharedFiles& files, std::string_view name) {
  Profile out;
  if (const auto found = files.config.find(name); found != files.config.end()) {
    out = found->second;
  }
  if (const auto found = files.credentials.find(name); found != files.credentials.end()) {
    for (const auto& [key, value] : found->second) {
      out[key] = value;
    }
  }
  return out;
}

std::optional<std::string> resolve_region(const Environment& env,
                                          const std::optional<std::string>& explicit_region,
                                          const SharedFiles& files, std::string_view profile) {
  if (explicit_region && !explicit_region->empty()) {
    return explicit_region;
  }
  if (auto region = env("AWS_REGION")) {
    return region;
  }
  if (auto region = env("AWS_DEFAULT_REGION")) {
    return region;
  }
  const Profile settings = merged_profile(files, profile);
  if (const auto found = settings.find("region"); found != settings.end() && !found->second.empty()) {
    return found->second;
  }
  return std::nullopt;
}

} // namespace rg::aws
