#pragma once
// Policy variables (${aws:PrincipalAccount}, ${aws:username, 'default'}, ${*} ${?} ${$}) in Resource
// and condition values. Only policies with Version 2012-10-17 substitute them.
#include "policy/request_context.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace rg::policy {

// nullopt when a variable names a key absent from the context and has no default: IAM then treats
// that value as matching nothing. The escapes ${*} ${?} ${$} become the characters themselves.
std::optional<std::string> substitute_variables(std::string_view text, const RequestContext& context);

bool has_variables(std::string_view text);

} // namespace rg::policy
