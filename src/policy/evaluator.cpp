#include "policy/evaluator.hpp"

#include "policy/condition_eval.hpp"
#include "policy/variables.hpp"
#include "policy/wildcard.hpp"

#include <algorithm>

namespace rg::policy {
namespace {

bool action_listed(const MatchList& list, const std::string& action) {
  return std::any_of(list.values.begin(), list.values.end(),
                     [&](const auto& pattern) { return action_matches(pattern, action); });
}

bool resource_listed(const MatchList& list, const RequestContext& context, bool variables) {
  return std::any_of(list.values.begin(), list.values.end(), [&](const std::string& pattern) {
    if (!variables) {
      return arn_matches(pattern, context.resource);
    }
    const auto substituted = substitute_variables(pattern, context);
    return substituted && arn_matches(*substituted, context.resource);
  });
}

// Resource-policy principals: "*", an account id or its :root ARN (meaning every principal of that
// account, root included), or an exact principal ARN.
bool principal_listed(const PrincipalBlock& block, const RequestContext& context) {
  if (block.wildcard) {
    return true;
  }
  const auto* arn = context.find("aws:PrincipalArn");
  const auto* account = context.find("aws:PrincipalAccount");
  for (const auto& [type, ids] : block.entries) {
    if (type != "AWS") {
      continue; // Service, Federated and CanonicalUser principals are never an IAM root user
    }
    for (const auto& id : ids) {
      if (id == "*") {
        return true;
      }
      if (account != nullptr && !account->empty()) {
        const auto& acct = account->front();
        if (id == acct || (id.size() > acct.size() + 6 && id.ends_with(":" + acct + ":root") &&
                           id.starts_with("arn:") && id.find(":iam::") != std::string::npos)) {
          return true;
        }
      }
      if (arn != nullptr && !arn->empty() && id == arn->front()) {
        return true;
      }
    }
  }
  return false;
}

} // namespace

bool uses_variables(const Document& document) {
  return document.version && *document.version == "2012-10-17";
}

Truth statement_principal_truth(const Statement& statement, const Document& document, PolicyType type,
                                const RequestContext& context, std::vector<std::string>* unknown_operators) {
  if (!statement.well_formed || !statement.effect || !statement.action || !statement.resource) {
    return Truth::kFalse;
  }
  // Principal is part of resource policies and RCPs; elsewhere AWS rejects it (the validator says so).
  const bool has_principals = type == PolicyType::kResource || type == PolicyType::kRcp;
  if (statement.principal) {
    if (!has_principals) {
      return Truth::kFalse;
    }
    if (principal_listed(*statement.principal, context) == statement.principal->negated) {
      return Truth::kFalse;
    }
  } else if (has_principals) {
    return Truth::kFalse; // a resource policy or RCP statement without a principal is rejected by AWS
  }
  return conditions_truth(statement.conditions, context, {uses_variables(document)}, unknown_operators);
}

Truth statement_truth(const Statement& statement, const Document& document, PolicyType type,
                      const RequestContext& context, std::vector<std::string>* unknown_operators) {
  if (!statement.well_formed || !statement.effect || !statement.action || !statement.resource) {
    return Truth::kFalse;
  }
  if (action_listed(*statement.action, context.action) == statement.action->negated) {
    return Truth::kFalse;
  }
  if (resource_listed(*statement.resource, context, uses_variables(document)) ==
      statement.resource->negated) {
    return Truth::kFalse;
  }
  return statement_principal_truth(statement, document, type, context, unknown_operators);
}

bool statement_applies(const Statement& statement, const Document& document, PolicyType type,
                       const RequestContext& context, std::vector<std::string>* unknown_operators) {
  return statement_truth(statement, document, type, context, unknown_operators) == Truth::kTrue;
}

Evaluation evaluate(const Document& document, PolicyType type, const RequestContext& context) {
  Evaluation result;
  for (const auto& statement : document.statements) {
    const auto truth = statement_truth(statement, document, type, context, &result.unknown_operators);
    if (truth == Truth::kFalse) {
      continue;
    }
    const bool deny = *statement.effect == Effect::kDeny;
    if (truth == Truth::kTrue) {
      (deny ? result.denying : result.allowing).push_back(&statement);
    } else {
      (deny ? result.conditional_denying : result.conditional_allowing).push_back(&statement);
    }
  }
  result.decision = !result.denying.empty()    ? Decision::kExplicitDeny
                    : !result.allowing.empty() ? Decision::kAllow
                                               : Decision::kImplicitDeny;
  return result;
}

} // namespace rg::policy
