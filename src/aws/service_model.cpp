#include "aws/service_model.hpp"

#include "aws/generated/service_models.hpp"

#include <map>

namespace rg::aws {

namespace {

Protocol protocol_of(std::string_view name) {
  if (name == "json") {
    return Protocol::kJson;
  }
  if (name == "rest-json") {
    return Protocol::kRestJson;
  }
  if (name == "ec2") {
    return Protocol::kEc2;
  }
  return Protocol::kQuery;
}

// clang-tidy 14 reports bugprone-exception-escape on the implicit noexcept members of a struct holding a
// nlohmann::json (as for snapshot::JsonDocument); those of nlohmann::json are themselves noexcept (an
// allocation failure inside its destructor terminates, by its design), so there is nothing to catch.
struct Registry { // NOLINT(bugprone-exception-escape): see above
  nlohmann::json document;
  std::map<std::string, ServiceModel, std::less<>> services;
};

const Registry& registry() {
  static const Registry kInstance = [] {
    Registry r;
    r.document = nlohmann::json::parse(service_models_json());
    for (const auto& [name, service] : r.document.at("services").items()) {
      ServiceModel model;
      model.name = name;
      model.protocol = protocol_of(service.at("protocol").get<std::string>());
      model.api_version = service.at("apiVersion");
      model.service_id = service.at("serviceId");
      model.signing_name = service.at("signingName");
      model.endpoint_prefix = service.at("endpointPrefix");
      model.target_prefix = service.value("targetPrefix", "");
      model.json_version = service.value("jsonVersion", "");
      r.services.emplace(name, std::move(model));
    }
    // Pointers into the document, taken once it no longer moves.
    for (auto& [name, model] : r.services) {
      model.operations = &r.document.at("services").at(name).at("operations");
      model.shapes = &r.document.at("services").at(name).at("shapes");
    }
    return r;
  }();
  return kInstance;
}

} // namespace

const nlohmann::json* ServiceModel::operation(std::string_view operation_name) const {
  const auto found = operations->find(operation_name);
  return found == operations->end() ? nullptr : &*found;
}

const nlohmann::json& ServiceModel::shape(std::string_view shape_name) const {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  const auto found = shapes->find(shape_name);
  return found == shapes->end() ? kEmpty : *found;
}

const ServiceModel* find_service(std::string_view name) {
  const auto& services = registry().services;
  const auto found = services.find(name);
  return found == services.end() ? nullptr : &found->second;
}

} // namespace rg::aws
