#include "detections/catalog.hpp"

#include <array>

namespace rg::detections {
namespace {

// Adding a detection: its own file, a line in catalog.hpp, a line here, and tests.
constinit const std::array<const Detection*, 13> kCatalog = {
    &kRootActivityCis,
    &kRootConsoleActionCisBlindSpot,
    &kRootConsoleSigninSuccess,
    &kRootConsoleSigninFailure,
    &kRootConsoleSigninWithoutMfa,
    &kRootAccessKeyCreated,
    &kRootMfaDeviceRemoved,
    &kRootPasswordChanged,
    &kRootPasswordRecovery,
    &kRootSigningCertificateCreated,
    &kRootSessionStarted,
    &kRootSessionAction,
    &kRootApiCallDenied,
};

} // namespace

std::span<const Detection* const> catalog() {
  return kCatalog;
}

const Detection* find_detection(std::string_view id) {
  for (const Detection* detection : kCatalog) {
    if (detection->metadata.id == id) {
      return detection;
    }
  }
  return nullptr;
}

} // namespace rg::detections
