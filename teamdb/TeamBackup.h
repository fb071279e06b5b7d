#pragma once

#include "domain/Result.h"

#include <QString>
#include <QStringList>

namespace gongdan {

/// Backup and restore of the team database while gongdan-server runs (docs/ARCHITECTURE.md, "Backup and
/// restore"). Attachment bytes live in the database (attachment_blob), so a copy of it is the whole backup.
///
/// SQLite: backupSqlite() copies through SQLite's online backup API in one step, a consistent snapshot while the
/// server writes. restoreSqlite() prepares the backup in a temporary copy (a new epoch, the live sessions and
/// devices carried over, ticket numbers never handed out twice), then writes it over the live database with the
/// backup API in one write transaction: the running server sees the old database or the restored one, never a
/// mix. PostgreSQL: pg_dump (custom format) and a restore script run by psql in one transaction (restoreScript()),
/// which BackupCommand drives.
///
/// Failures come back as Errors whose code says how the command ends: "backup.bad_target" (the path exists,
/// its folder cannot be written), "backup.unreachable" (the database cannot be opened or is not a team database),
/// "backup.not_a_backup", "backup.schema_differs", "backup.failed".
class TeamBackup {
public:
    /// Is `location` a PostgreSQL one (as the server's --database takes it)?
    static bool isPostgres(const QString& location);
    /// The SQLite file of a `location`.
    static QString sqlitePath(const QString& location);

    /// Checks that `path` does not exist and its folder can be written; the temporary name to write first.
    static Result<QString> prepareTarget(const QString& path);
    /// Gives `temporary` its final name `path`, never over an existing file; removes `temporary` on failure.
    static Status publish(const QString& temporary, const QString& path);

    /// Copies the live SQLite team database at `databasePath` into the new file `temporaryPath`.
    static Status backupSqlite(const QString& databasePath, const QString& temporaryPath);
    /// Restores the SQLite backup `backupPath` over the team database at `databasePath` (made when missing).
    static Status restoreSqlite(const QString& databasePath, const QString& backupPath);

    /// What a PostgreSQL team database holds now: its schema version (0: an empty database) and its tables.
    struct PostgresTeam {
        int schemaVersion = 0;
        QStringList tables;
    };
    /// backup.unreachable when the database cannot be reached.
    static Result<PostgresTeam> postgresTeam(const QString& location);
    /// The SQL psql runs around pg_restore's script, in one transaction: `prologue` locks every table at once
    /// (requests wait, and no deadlock with a push half-way through), keeps the live sessions, devices and
    /// counters in temporary tables (empty when the database held no team yet); `epilogue`
    /// checks the restored schema, carries them over and names a new epoch.
    struct RestoreScript {
        QString prologue;
        QString epilogue;
    };
    static RestoreScript restoreScript(const PostgresTeam& live);
    /// pg_dump, pg_restore or psql: on PATH, else in /usr/lib/postgresql/*/bin; empty when not found.
    static QString postgresTool(const QString& name);
    /// The connection arguments for the PostgreSQL tools (the password goes in PGPASSWORD, not the arguments).
    static QStringList postgresArguments(const QString& location);
    static QString postgresPassword(const QString& location);

    /// The server_meta rows restore leaves for each device: "restore.gap.<client id>" = its last applied seq in the
    /// restored database. SyncStore::restoreGap reads them.
    static QString gapMarker(const QString& clientId);

private:
    static Status copySqlite(const QString& databasePath, const QString& temporaryPath);
    /// The statements that make a restored database take over from the live one; `kept` prefixes the live
    /// tables ("live." on SQLite), `target` the restored ones.
    static QString carryOver(const QString& kept, const QString& target, bool withLive);
};

} // namespace gongdan
