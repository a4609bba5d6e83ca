#pragma once
// Shape-driven conversion between what the services put on the wire and the JSON the AWS CLI prints.
#include "aws/service_model.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace pugi {
class xml_node;
}

namespace rg::aws {

// JSON 1.1 and rest-json bodies: members renamed from their wire name (GuardDuty's "detectorIds") to
// the model's ("DetectorIds"), timestamps in the CLI's form, nulls and unmodelled keys dropped (as
// botocore's parser drops them).
nlohmann::json wire_json_to_cli(const ServiceModel& service, const nlohmann::json& shape,
                                const nlohmann::json& value);

// The reverse, for request bodies: model names to wire names, timestamps to epoch seconds.
nlohmann::json cli_to_wire_json(const ServiceModel& service, const nlohmann::json& shape,
                                const nlohmann::json& value);

// Query-protocol answers: lists from <member> (or flattened), maps from <entry><key/><value/>, numbers
// and booleans typed, timestamps in the CLI's form.
nlohmann::json xml_to_cli(const ServiceModel& service, const nlohmann::json& shape,
                          const pugi::xml_node& node);

// Query-protocol requests: "Name.member.1=...", "Map.entry.1.key=...", in input order.
void serialize_query(const ServiceModel& service, const nlohmann::json& shape, const nlohmann::json& value,
                     const std::string& prefix, std::vector<std::pair<std::string, std::string>>& out);

// A structure's members (an empty object when it has none), by reference: safe to iterate.
const nlohmann::json& members_of(const nlohmann::json& shape);

// A scalar as text for a query parameter, a URI label, a query string or a header.
std::string scalar_text(const nlohmann::json& shape, const nlohmann::json& value);

} // namespace rg::aws
