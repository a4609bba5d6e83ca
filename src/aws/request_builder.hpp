#pragma once
// Turns (operation, CLI-style input) into the unsigned HTTP request each protocol sends, and an answer
// back into CLI-style output.
#include "aws/endpoints.hpp"
#include "aws/service_model.hpp"
#include "aws/sigv4.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace rg::aws {

struct UnsignedRequest {
  std::string scheme_and_host; // "https://iam.amazonaws.com"
  SignableRequest request;
};

UnsignedRequest build_request(const ServiceModel& service, std::string_view operation_name,
                              const nlohmann::json& operation, const nlohmann::json& input,
                              const Endpoint& endpoint);

// nullopt when the body cannot be parsed (the caller reports it as an error of its own).
std::optional<nlohmann::json> parse_output(const ServiceModel& service, const nlohmann::json& operation,
                                           const std::string& body);

} // namespace rg::aws
