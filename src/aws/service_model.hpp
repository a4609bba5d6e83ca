#pragma once
// Read access to the generated botocore subset (generated/service_models.cpp): a service's protocol
// metadata, its operations and the shapes that drive serialisation and parsing.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace rg::aws {

// kEc2 is the query protocol with EC2's own rules: input names from queryName or the capitalised
// locationName, every list flattened as Name.N, answers without a result wrapper.
enum class Protocol { kQuery, kEc2, kJson, kRestJson };

struct ServiceModel {
  std::string name; // "iam", the botocore service name
  Protocol protocol = Protocol::kQuery;
  std::string api_version;
  std::string service_id;
  std::string signing_name;
  std::string endpoint_prefix;
  std::string target_prefix; // JSON protocol only
  std::string json_version;  // JSON protocol only
  const nlohmann::json* operations = nullptr;
  const nlohmann::json* shapes = nullptr;

  // nullptr when the operation is not in the generated subset.
  const nlohmann::json* operation(std::string_view name) const;
  // The shape named; an empty object for an unknown name (generated data is checked by tests).
  const nlohmann::json& shape(std::string_view name) const;
};

// nullptr when the service is not in the generated subset.
const ServiceModel* find_service(std::string_view name);

} // namespace rg::aws
