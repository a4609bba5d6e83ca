#pragma once
// One policy against one request: which statements apply and the resulting decision. Explicit Deny
// wins over Allow; no applicable Allow is an implicit deny (for an SCP: the action is not permitted).
#include "policy/condition_eval.hpp"
#include "policy/document.hpp"
#include "policy/policy_type.hpp"
#include "policy/request_context.hpp"

#include <string>
#include <vector>

namespace rg::policy {

enum class Decision { kImplicitDeny, kAllow, kExplicitDeny };

struct Evaluation {
  Decision decision = Decision::kImplicitDeny;
  std::vector<const Statement*> denying;  // statements whose Deny applied
  std::vector<const Statement*> allowing; // statements whose Allow applied
  // Open-world contexts only: statements that apply or not depending on keys the context leaves unknown
  // (region, source IP, MFA...). They never make the decision.
  std::vector<const Statement*> conditional_denying;
  std::vector<const Statement*> conditional_allowing;
  std::vector<std::string> unknown_operators; // condition paths with an operator IAM does not know
};

// Principal/NotPrincipal are honoured only in resource policies; in an SCP or identity policy a
// statement carrying them never applies (AWS rejects such a document, so it restricts nothing).
// Principal and Condition only (and well-formedness): whether the statement applies to this principal's
// requests whatever their action and resource. The set reasoning (request_space) asks this once.
Truth statement_principal_truth(const Statement& statement, const Document& document, PolicyType type,
                                const RequestContext& context,
                                std::vector<std::string>* unknown_operators = nullptr);
// Only Version 2012-10-17 substitutes policy variables.
bool uses_variables(const Document& document);

Truth statement_truth(const Statement& statement, const Document& document, PolicyType type,
                      const RequestContext& context, std::vector<std::string>* unknown_operators = nullptr);
bool statement_applies(const Statement& statement, const Document& document, PolicyType type,
                       const RequestContext& context, std::vector<std::string>* unknown_operators = nullptr);

Evaluation evaluate(const Document& document, PolicyType type, const RequestContext& context);

} // namespace rg::policy
