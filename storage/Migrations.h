#pragma once

#include "domain/Result.h"

namespace gongdan {

class Database;

/// The local store's schema, as numbered steps recorded in PRAGMA user_version. Each step runs in its own
/// transaction; a store at any older version is brought up step by step. Steps are never edited once
/// released: a change is a new step.
namespace Migrations {
int latest();
/// Migrates to `target` (default: latest). Refuses a store newer than this build understands.
Status migrate(Database& db, int target = -1);
} // namespace Migrations

} // namespace gongdan
