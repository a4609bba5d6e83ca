#pragma once
// The AWS CLI's shared files: ~/.aws/config ("[profile x]", "[default]") and ~/.aws/credentials ("[x]"),
// moved by AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE; the profile chosen as the CLI chooses it; the
// region resolved as the CLI resolves it.
#include "aws/environment.hpp"

#include <map>
#include <optional>
#include <string>

namespace rg::aws {

using Profile = std::map<std::string, std::string, std::less<>>;

struct SharedFiles {
  std::map<std::string, Profile, std::less<>> config;      // by profile name ("default", "x")
  std::map<std::string, Profile, std::less<>> credentials; // by profile name
};

// Missing files are empty; a line that is not "key = value" or a section is ignored, as botocore does.
SharedFiles load_shared_files(const Environment& env);

// Parses one INI text; `config_style` strips the "profile " prefix of config-file sections.
std::map<std::string, Profile, std::less<>> parse_ini(std::string_view text, bool config_style);

// --profile, else AWS_PROFILE, else AWS_DEFAULT_PROFILE, else "default".
std::string selected_profile(const Environment& env, const std::optional<std::string>& explicit_profile);

// One profile's settings: the credentials file's keys win over the config file's (as botocore merges).
Profile merged_profile(const SharedFiles& files, std::string_view name);

// --region, else AWS_REGION, else AWS_DEFAULT_REGION, else the profile's region.
std::optional<std::string> resolve_region(const Environment& env,
                                          const std::optional<std::string>& explicit_region,
                                          const SharedFiles& files, std::string_view profile);

} // namespace rg::aws
