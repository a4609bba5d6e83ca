#include "aws/aws_error.hpp"

#include "aws/json_depth.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

namespace rg::aws {

namespace {

// "aws.protocoltests#Code", "Code:http://internal.amazon.com/...": the code is the middle part.
std::string clean_code(std::string code) {
  if (const size_t hash = code.rfind('#'); hash != std::string::npos) {
    code.erase(0, hash + 1);
  }
  if (const size_t colon = code.find(':'); colon != std::string::npos) {
    code.erase(colon);
  }
  return code;
}

void from_xml(const HttpResponse& response, AwsError& error) {
  pugi::xml_document document;
  if (!document.load_buffer(response.body.data(), response.body.size())) {
    return;
  }
  pugi::xml_node root = document.document_element();
  pugi::xml_node node = root.child("Error");
  if (!node) {
    node = root.child("Errors").child("Error"); // EC2's shape
  }
  if (!node && std::string_view(root.name()) == "Error") {
    node = root;
  }
  error.code = node.child_value("Code");
  error.message = node.child_value("Message");
  error.request_id = root.child_value("RequestId");
  if (error.request_id.empty()) {
    error.request_id = root.child_value("RequestID");
  }
}

void from_json(const HttpResponse& response, AwsError& error) {
  const auto body = json_depth_within(response.body) ? nlohmann::json::parse(response.body, nullptr, false)
                                                     : nlohmann::json(nlohmann::json::value_t::discarded);
  if (body.is_discarded() && response.body.starts_with("<")) {
    from_xml(response, error); // a proxy or an emulator answering a JSON service in XML
  }
  if (body.is_object()) {
    for (const char* key : {"__type", "code", "Code"}) {
      if (body.contains(key) && body[key].is_string()) {
        error.code = clean_code(body[key].get<std::string>());
        break;
      }
    }
    for (const char* key : {"message", "Message", "errorMessage"}) {
      if (body.contains(key) && body[key].is_string()) {
        error.message = body[key].get<std::string>();
        break;
      }
    }
  }
  // The header wins: rest-json services put the code there and may omit it from the body.
  if (const auto header = response.header("x-amzn-errortype")) {
    error.code = clean_code(*header);
  }
}

} // namespace

AwsError parse_error(Protocol protocol, const HttpResponse& response) {
  AwsError error;
  error.http_status = response.status;
  if (protocol == Protocol::kQuery || protocol == Protocol::kEc2) {
    from_xml(response, error);
  } else {
    from_json(response, error);
  }
  if (error.request_id.empty()) {
    error.request_id =
        response.header("x-amzn-requestid").value_or(response.header("x-amz-request-id").value_or(""));
  }
  if (error.code.empty()) {
    error.code = fmt::format("HTTP {}", response.status);
  }
  return error;
}

std::string AwsError::describe() const {
  const bool status_is_code = code == fmt::format("HTTP {}", http_status);
  const std::string status = http_status == 0 || status_is_code ? "" : fmt::format(" (HTTP {})", http_status);
  return message.empty() ? fmt::format("{}{}", code, status) : fmt::format("{}{}: {}", code, status, message);
}

} // namespace rg::aws
