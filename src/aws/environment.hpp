#pragma once
// The process environment behind a function, so every AWS_* lookup can be replaced in tests.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace rg::aws {

using Environment = std::function<std::optional<std::string>(std::string_view name)>;

// getenv; an empty value counts as unset, as botocore treats most AWS_* variables.
Environment process_environment();

// A fixed map (tests, and callers that want no environment at all).
Environment fixed_environment(std::map<std::string, std::string, std::less<>> values);

} // namespace rg::aws
