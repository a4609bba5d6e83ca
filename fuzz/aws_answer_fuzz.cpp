// libFuzzer entry for what AWS (or anything answering in its place) sends back: any bytes as the answer
// of every operation in the generated model, and as an error answer of every protocol.
#include "aws/aws_error.hpp"
#include "aws/request_builder.hpp"
#include "aws/service_model.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  for (const char* name : {"iam", "sts", "sns", "cloudwatch", "organizations", "cloudtrail", "logs",
                           "guardduty", "account", "sso"}) {
    const auto* service = rg::aws::find_service(name);
    for (const auto& [operation, model] : service->operations->items()) {
      (void)rg::aws::parse_output(*service, model, body);
    }
  }
  for (const auto protocol :
       {rg::aws::Protocol::kQuery, rg::aws::Protocol::kJson, rg::aws::Protocol::kRestJson}) {
    rg::aws::HttpResponse response{400, {{"x-amzn-errortype", body.substr(0, 64)}}, body};
    (void)rg::aws::parse_error(protocol, response).describe();
  }
  return 0;
}
