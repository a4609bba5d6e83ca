#include "controls/control_test_support.hpp"

namespace rg::controls::testing {
namespace {

constexpr const char* kManagement = "111111111111";
constexpr const char* kMember = "222222222222";

class RootCredentialsRemoved : public ControlTest {
protected:
  void make_organization(std::vector<std::string> features) {
    model::Organization organization;
    organization.id = "o-test";
    organization.management_account_id = kManagement;
    organization.accounts = {{kManagement, "mgmt", "ACTIVE", "r-1"}, {kMember, "member", "ACTIVE", "r-1"}};
    snapshot_.organization = organization;
    account(kManagement).organizations_features =
        model::OrganizationsFeatures{"iam/ListOrganizationsFeatures.json", "o-test", std::move(features)};
  }
};

TEST_F(RootCredentialsRemoved, MemberWithPasswordFails) {
  make_organization({"RootCredentialsManagement"});
  set_summary({{"AccountPasswordPresent", 1},
               {"AccountAccessKeysPresent", 0},
               {"AccountSigningCertificatesPresent", 0}},
              kMember);
  const auto finding = only("root-credentials-removed", kMember);
  EXPECT_EQ(finding.status, Status::kFail);
  EXPECT_NE(finding.reason.en.find("password"), std::string::npos);
}

TEST_F(RootCredentialsRemoved, MemberWithoutCredentialsPasses) {
  make_organization({"RootCredentialsManagement", "RootSessions"});
  set_summary({{"AccountPasswordPresent", 0},
               {"AccountAccessKeysPresent", 0},
               {"AccountSigningCertificatesPresent", 0}},
              kMember);
  EXPECT_EQ(only("root-credentials-removed", kMember).status, Status::kPass);
}

TEST_F(RootCredentialsRemoved, ManagementAccountIsOutOfScope) {
  make_organization({"RootCredentialsManagement"});
  set_summary({{"AccountPasswordPresent", 1}}, kManagement);
  EXPECT_TRUE(evaluate("root-credentials-removed", kManagement).empty());
}

TEST_F(RootCredentialsRemoved, FeatureOffMeansNotApplicable) {
  make_organization({"RootSessions"});
  set_summary({{"AccountPasswordPresent", 1}}, kMember);
  EXPECT_TRUE(evaluate("root-credentials-removed", kMember).empty());
}

TEST_F(RootCredentialsRemoved, UnknownWhenTheManagementFeaturesWereNotCollected) {
  make_organization({});
  account(kManagement).organizations_features = model::not_collected("iam/ListOrganizationsFeatures.json");
  set_summary({{"AccountPasswordPresent", 1}}, kMember);
  EXPECT_EQ(only("root-credentials-removed", kMember).status, Status::kUnknown);
}

TEST_F(RootCredentialsRemoved, UnknownWhenTheMembersCredentialsCannotBeRead) {
  make_organization({"RootCredentialsManagement"});
  account(kMember);
  EXPECT_EQ(only("root-credentials-removed", kMember).status, Status::kUnknown);
}

TEST_F(RootCredentialsRemoved, StandaloneAccountIsOutOfScope) {
  set_summary({{"AccountPasswordPresent", 1}});
  EXPECT_TRUE(evaluate("root-credentials-removed").empty());
}

} // namespace
} // namespace rg::controls::testing
