#pragma once
// Builds small in-memory snapshots for control tests: a credential report from named overrides, a
// summary map, virtual MFA devices, and an organization.
#include "controls/control.hpp"
#include "snapshot/credential_report_parser.hpp"

#include <gtest/gtest.h>
#include <map>
#include <string>
#include <vector>

namespace rg::controls::testing {

inline const std::vector<std::string> kReportColumns{"user",
                                                     "arn",
                                                     "user_creation_time",
                                                     "password_enabled",
                                                     "password_last_used",
                                                     "password_last_changed",
                                                     "password_next_rotation",
                                                     "mfa_active",
                                                     "access_key_1_active",
                                                     "access_key_1_last_rotated",
                                                     "access_key_1_last_used_date",
                                                     "access_key_1_last_used_region",
                                                     "access_key_1_last_used_service",
                                                     "access_key_2_active",
                                                     "access_key_2_last_rotated",
                                                     "access_key_2_last_used_date",
                                                     "access_key_2_last_used_region",
                                                     "access_key_2_last_used_service",
                                                     "cert_1_active",
                                                     "cert_1_last_rotated",
                                                     "cert_2_active",
                                                     "cert_2_last_rotated"};

// A root row with every credential absent; `overrides` sets named cells.
inline std::string root_report_csv(const std::string& account_id,
                                   const std::map<std::string, std::string>& overrides,
                                   const std::string& newline = "\n") {
  std::map<std::string, std::string> cells;
  for (const auto& column : kReportColumns) {
    cells[column] = "N/A";
  }
  cells["user"] = "<root_account>";
  cells["arn"] = "arn:aws:iam::" + account_id + ":root";
  cells["user_creation_time"] = "2019-04-01T00:00:00+00:00";
  cells["password_enabled"] = "not_supported";
  cells["mfa_active"] = "false";
  for (const auto* column :
       {"access_key_1_active", "access_key_2_active", "cert_1_active", "cert_2_active"}) {
    cells[column] = "false";
  }
  for (const auto& [key, value] : overrides) {
    cells[key] = value;
  }
  std::string header;
  std::string row;
  for (const auto& column : kReportColumns) {
    header += (header.empty() ? "" : ",") + column;
    row += (row.empty() ? "" : ",") + cells[column];
  }
  return header + newline + row + newline;
}

class ControlTest : public ::testing::Test {
protected:
  ControlTest() {
    snapshot_.collected_at = parse_iso8601("2026-11-28T09:00:00Z");
    options_.as_of = snapshot_.collected_at;
  }

  model::Account& account(const std::string& id = "123456789012") {
    for (auto& existing : snapshot_.accounts) {
      if (existing.id == id) {
        return existing;
      }
    }
    snapshot_.accounts.push_back(model::Account{});
    snapshot_.accounts.back().id = id;
    return snapshot_.accounts.back();
  }

  void set_summary(const std::map<std::string, long>& values, const std::string& id = "123456789012") {
    model::AccountSummary summary;
    summary.source = "iam/GetAccountSummary.json";
    summary.values.insert(values.begin(), values.end());
    account(id).account_summary = summary;
  }

  void set_report(const std::string& csv, const std::string& id = "123456789012",
                  std::optional<std::string> generated = "2026-11-28T08:00:00Z") {
    auto report = snapshot::parse_credential_report_csv(csv, "iam/GetCredentialReport.json");
    ASSERT_TRUE(report) << report.error().describe();
    if (generated) {
      report->generated_time = parse_iso8601(*generated);
    }
    account(id).credential_report = *report;
  }

  void set_root_report(const std::map<std::string, std::string>& overrides,
                       const std::string& id = "123456789012") {
    set_report(root_report_csv(id, overrides), id);
  }

  void set_virtual_mfa(const std::vector<model::VirtualMfaDevice>& devices,
                       const std::string& id = "123456789012") {
    account(id).virtual_mfa_devices = model::VirtualMfaDevices{"iam/ListVirtualMFADevices.json", devices};
  }

  std::vector<Finding> evaluate(const std::string& control_id, const std::string& id = "123456789012") {
    const auto* control = find_control(control_id);
    EXPECT_NE(control, nullptr) << control_id;
    const EvaluationInput input{snapshot_, account(id), options_};
    return control->evaluate(*control, input);
  }

  // The single finding of `control_id` for the account; fails the test when there is not exactly one.
  Finding only(const std::string& control_id, const std::string& id = "123456789012") {
    auto findings = evaluate(control_id, id);
    EXPECT_EQ(findings.size(), 1U) << control_id;
    return findings.empty() ? Finding{} : findings.front();
  }

  model::Snapshot snapshot_;
  ScanOptions options_;
};

} // namespace rg::controls::testing
