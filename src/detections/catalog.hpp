#pragma once
// The one list of CloudTrail detections, in report order.
#include "detections/detection.hpp"

#include <span>

namespace rg::detections {

extern const Detection kRootActivityCis;
extern const Detection kRootConsoleActionCisBlindSpot;
extern const Detection kRootConsoleSigninSuccess;
extern const Detection kRootConsoleSigninFailure;
extern const Detection kRootConsoleSigninWithoutMfa;
extern const Detection kRootAccessKeyCreated;
extern const Detection kRootMfaDeviceRemoved;
extern const Detection kRootPasswordChanged;
extern const Detection kRootPasswordRecovery;
extern const Detection kRootSigningCertificateCreated;
extern const Detection kRootSessionStarted;
extern const Detection kRootSessionAction;
extern const Detection kRootApiCallDenied;

std::span<const Detection* const> catalog();
const Detection* find_detection(std::string_view id);

} // namespace rg::detections
