#pragma once
// Declarations of every control, defined one per file; catalog.cpp lists them in order.
#include "controls/control.hpp"

namespace rg::controls {

extern const Control kRootAccessKeys;
extern const Control kRootMfa;
extern const Control kRootHardwareMfa;
extern const Control kRootRecentUse;
extern const Control kRootSigningCerts;
extern const Control kRootCredentialsRemoved;
extern const Control kOrgRootAccessManagement;
extern const Control kRootUsageAlarm;
extern const Control kGuardDutyEnabled;
extern const Control kGuardDutyRootFindings;
extern const Control kOrgRootScp;

} // namespace rg::controls
