#pragma once
// The store's schema and its migrations (decision 0019). PRAGMA user_version holds the schema version;
// each migration brings version N to N + 1 inside the caller's transaction.
//
// Version 0: the first layout (runs and findings, no mute expiry column), and any empty file.
// Version 1: findings.mute_expires; application_id set to kApplicationId.
// Version 2: findings.event_time (a trail finding's event time, for the dashboard's timeline).
#include <cstdint>

namespace rg::store {

class Database;

inline constexpr int kSchemaVersion = 2;
inline constexpr std::int32_t kApplicationId = 0x52475354; // "RGST"

// Creates or migrates the schema; throws FatalError naming both versions when the store was written by
// a newer rootguard, and when the file is a SQLite database that is not a rootguard store.
void ensure_schema(Database& db);
// For a store opened read-only (serve): nothing can be migrated, so the store must be at the current
// version; an older one is refused with the command that upgrades it, a newer one as ensure_schema does.
void check_schema_read_only(const Database& db);

// The version-0 layout, exactly as the first rootguard wrote it: kept for the migration tests.
extern const char* const kSchemaVersion0Sql;

} // namespace rg::store
