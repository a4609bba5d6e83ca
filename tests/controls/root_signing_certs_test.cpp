#include "controls/control_test_support.hpp"

namespace rg::controls::testing {
namespace {

using RootSigningCerts = ControlTest;

TEST_F(RootSigningCerts, ActiveSecondCertificateFails) {
  set_root_report({{"cert_2_active", "true"}, {"cert_2_last_rotated", "2020-01-01T00:00:00+00:00"}});
  EXPECT_EQ(only("root-signing-certs").status, Status::kFail);
}

TEST_F(RootSigningCerts, NoActiveCertificatePasses) {
  set_root_report({});
  EXPECT_EQ(only("root-signing-certs").status, Status::kPass);
}

TEST_F(RootSigningCerts, InactiveCertificatePassesWithANote) {
  set_root_report({{"cert_1_active", "false"}, {"cert_1_last_rotated", "2020-01-01T00:00:00+00:00"}});
  const auto finding = only("root-signing-certs");
  EXPECT_EQ(finding.status, Status::kPass);
  EXPECT_NE(finding.reason.en.find("inactive one remains"), std::string::npos) << finding.reason.en;
}

TEST_F(RootSigningCerts, SummaryZeroIsEnoughWithoutTheReport) {
  set_summary({{"AccountSigningCertificatesPresent", 0}});
  EXPECT_EQ(only("root-signing-certs").status, Status::kPass);
}

TEST_F(RootSigningCerts, SummaryOneWithoutTheReportIsUnknown) {
  set_summary({{"AccountSigningCertificatesPresent", 1}});
  EXPECT_EQ(only("root-signing-certs").status, Status::kUnknown);
}

} // namespace
} // namespace rg::controls::testing
