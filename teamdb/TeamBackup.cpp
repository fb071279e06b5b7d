#include "teamdb/TeamBackup.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>
#include <QUuid>
#include <cerrno>
#include <cstring>
#include <optional>
#include <sqlite3.h>
#include <unistd.h>

namespace gongdan {

namespace {

Error failure(const QString& code, const QString& message)
{
    return Error {code, message, QString()};
}

/// One SQLite connection of the C API, closed when this ends.
class Sqlite {
public:
    ~Sqlite()
    {
        if (m_db)
            sqlite3_close_v2(m_db);
    }
    Status open(const QString& path, int flags, const QString& code)
    {
        const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr);
        if (rc != SQLITE_OK)
            return failure(code, QStringLiteral("Cannot open %1: %2").arg(path, lastError()));
        sqlite3_busy_timeout(m_db, 30000);
        return {};
    }
    Status exec(const QString& sql, const QString& code, const QString& what)
    {
        char* message = nullptr;
        if (sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message) == SQLITE_OK)
            return {};
        const QString text = QString::fromUtf8(message ? message : "");
        sqlite3_free(message);
        return failure(code, QStringLiteral("%1: %2").arg(what, text));
    }
    /// The first column of the first row, or nullopt (no row, or the statement fails).
    std::optional<QString> scalar(const QString& sql)
    {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.toUtf8().constData(), -1, &statement, nullptr) != SQLITE_OK)
            return std::nullopt;
        std::optional<QString> value;
        if (sqlite3_step(statement) == SQLITE_ROW)
            value = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
        sqlite3_finalize(statement);
        return value;
    }
    QString lastError() const
    {
        return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("out of memory");
    }
    sqlite3* handle() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
};

/// The schema version of a team database, nullopt when it is none.
std::optional<int> schemaOf(Sqlite& db)
{
    const auto version = db.scalar(QStringLiteral("SELECT value FROM server_meta WHERE name = 'schema_version'"));
    const auto epoch = db.scalar(QStringLiteral("SELECT value FROM server_meta WHERE name = 'epoch'"));
    if (!version || !epoch)
        return std::nullopt;
    return version->toInt();
}

/// Copies the whole of `from` into `to` with the online backup API, in one step: one read transaction on the
/// source (a consistent snapshot; in WAL mode writers go on meanwhile), one write transaction on the
/// destination (its other connections see all of it or none). Busy databases are waited for, up to ~30 s.
Status copyDatabase(Sqlite& from, Sqlite& to, const QString& what)
{
    sqlite3_backup* backup = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
    if (!backup)
        return failure(QStringLiteral("backup.failed"), QStringLiteral("%1: %2").arg(what, to.lastError()));
    int rc = SQLITE_OK;
    for (int attempt = 0; attempt < 1500; ++attempt) {
        rc = sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            sqlite3_sleep(20);
            continue;
        }
        if (rc != SQLITE_OK)
            break;
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return failure(QStringLiteral("backup.failed"),
            QStringLiteral("%1: %2").arg(what,
                rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? QStringLiteral("the database stayed busy")
                                                         : QString::fromUtf8(sqlite3_errstr(rc))));
    if (sqlite3_errcode(to.handle()) != SQLITE_OK && sqlite3_errcode(to.handle()) != SQLITE_DONE)
        return failure(QStringLiteral("backup.failed"), QStringLiteral("%1: %2").arg(what, to.lastError()));
    return {};
}

void removeSqliteFiles(const QString& path)
{
    for (const QString& suffix :
        {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
}

} // namespace

bool TeamBackup::isPostgres(const QString& location)
{
    const QString scheme = QUrl(location).scheme();
    return scheme == QLatin1String("postgresql") || scheme == QLatin1String("postgres");
}

QString TeamBackup::sqlitePath(const QString& location)
{
    return location.startsWith(QLatin1String("sqlite:")) ? location.mid(7) : location;
}

Result<QString> TeamBackup::prepareTarget(const QString& path)
{
    if (path.isEmpty())
        return failure(QStringLiteral("backup.bad_target"), QStringLiteral("Give the backup file with --to PATH."));
    const QFileInfo target(path);
    if (target.exists() || target.isSymLink())
        return failure(QStringLiteral("backup.bad_target"),
            QStringLiteral("%1 exists already; backup never writes over a file. Choose a new name.").arg(path));
    const QFileInfo folder(target.absolutePath());
    if (!folder.isDir())
        return failure(QStringLiteral("backup.bad_target"),
            QStringLiteral("The folder %1 does not exist.").arg(folder.filePath()));
    if (::access(QFile::encodeName(folder.filePath()).constData(), W_OK | X_OK) != 0)
        return failure(QStringLiteral("backup.bad_target"),
            QStringLiteral("The folder %1 cannot be written.").arg(folder.filePath()));
    const QString temporary = target.absoluteFilePath() + QStringLiteral(".partial-")
        + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    QFile probe(temporary); // made now: a folder that cannot take a file fails here, before any work
    if (!probe.open(QIODevice::NewOnly | QIODevice::WriteOnly))
        return failure(QStringLiteral("backup.bad_target"),
            QStringLiteral("Cannot write in the folder %1: %2").arg(folder.filePath(), probe.errorString()));
    probe.setPermissions(QFile::ReadOwner | QFile::WriteOwner); // the team's data: for the admin alone
    return temporary;
}

Status TeamBackup::publish(const QString& temporary, const QString& path)
{
    QFile written(temporary);
    if (written.open(QIODevice::ReadWrite)) { // on the disk before it has its name
        ::fsync(written.handle());
        written.close();
    }
    // link() never replaces: a file that appeared meanwhile under the final name is kept.
    const int linked = ::link(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData());
    const int error = errno;
    removeSqliteFiles(temporary);
    if (linked != 0)
        return failure(error == EEXIST ? QStringLiteral("backup.bad_target") : QStringLiteral("backup.failed"),
            QStringLiteral("Cannot name the backup %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(error))));
    return {};
}

Status TeamBackup::backupSqlite(const QString& databasePath, const QString& temporaryPath)
{
    Status copied = copySqlite(databasePath, temporaryPath);
    if (!copied)
        removeSqliteFiles(temporaryPath);
    return copied;
}

Status TeamBackup::copySqlite(const QString& databasePath, const QString& temporaryPath)
{
    if (!QFileInfo(databasePath).isFile())
        return failure(
            QStringLiteral("backup.unreachable"), QStringLiteral("There is no team database at %1.").arg(databasePath));
    Sqlite live;
    if (Status opened = live.open(databasePath, SQLITE_OPEN_READWRITE, QStringLiteral("backup.unreachable")); !opened)
        return opened;
    if (!schemaOf(live))
        return failure(QStringLiteral("backup.unreachable"),
            QStringLiteral("%1 is not a gongdan team database.").arg(databasePath));
    Status copied;
    {
        Sqlite copy;
        if (Status opened
            = copy.open(temporaryPath, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, QStringLiteral("backup.bad_target"));
            !opened)
            return opened;
        copied = copyDatabase(live, copy, QStringLiteral("Cannot copy the team database"));
        if (copied) // the copy stands alone: one file, no -wal beside it
            copied = copy.exec(QStringLiteral("PRAGMA journal_mode=DELETE"), QStringLiteral("backup.failed"),
                QStringLiteral("Cannot finish the copy"));
    }
    return copied;
}

Status TeamBackup::restoreSqlite(const QString& databasePath, const QString& backupPath)
{
    if (!QFileInfo(backupPath).isFile())
        return failure(QStringLiteral("backup.not_a_backup"), QStringLiteral("There is no file %1.").arg(backupPath));
    const QFileInfo live(databasePath);
    const QString staging = live.absoluteFilePath() + QStringLiteral(".restoring-")
        + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    if (!QFile::copy(backupPath, staging))
        return failure(QStringLiteral("backup.unreachable"),
            QStringLiteral("Cannot write beside the team database in %1.").arg(live.absolutePath()));
    const auto cleanup = qScopeGuard([&staging] { removeSqliteFiles(staging); });
    QFile::setPermissions(staging, QFile::ReadOwner | QFile::WriteOwner);

    Sqlite restored;
    if (Status opened = restored.open(staging, SQLITE_OPEN_READWRITE, QStringLiteral("backup.not_a_backup")); !opened)
        return opened;
    const std::optional<int> backupSchema = schemaOf(restored);
    if (!backupSchema)
        return failure(QStringLiteral("backup.not_a_backup"),
            QStringLiteral("%1 is not a gongdan team database backup.").arg(backupPath));
    bool withLive = live.exists();
    if (withLive) {
        Sqlite current;
        if (Status opened = current.open(databasePath, SQLITE_OPEN_READWRITE, QStringLiteral("backup.unreachable"));
            !opened)
            return opened;
        const std::optional<int> liveSchema = schemaOf(current);
        if (!liveSchema)
            return failure(QStringLiteral("backup.unreachable"),
                QStringLiteral("%1 is not a gongdan team database.").arg(databasePath));
        if (*liveSchema != *backupSchema)
            return failure(QStringLiteral("backup.schema_differs"),
                QStringLiteral("The backup has schema %1 and the team database %2: restore it with the server "
                               "stopped into a new database file, then start that server version.")
                    .arg(*backupSchema)
                    .arg(*liveSchema));
        char* attach = sqlite3_mprintf("ATTACH DATABASE %Q AS live", QFile::encodeName(databasePath).constData());
        Status attached = restored.exec(QString::fromUtf8(attach), QStringLiteral("backup.unreachable"),
            QStringLiteral("Cannot read the team database"));
        sqlite3_free(attach);
        if (!attached)
            return attached;
    }
    if (Status prepared = restored.exec(QStringLiteral("BEGIN IMMEDIATE;")
                + carryOver(QStringLiteral("live."), {}, withLive) + QStringLiteral("COMMIT;"),
            QStringLiteral("backup.failed"), QStringLiteral("Cannot prepare the restored database"));
        !prepared)
        return prepared;
    if (withLive)
        restored.exec(QStringLiteral("DETACH DATABASE live"), QStringLiteral("backup.failed"), QString());

    Sqlite target;
    if (Status opened
        = target.open(databasePath, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, QStringLiteral("backup.unreachable"));
        !opened)
        return opened;
    return copyDatabase(restored, target, QStringLiteral("Cannot write the team database"));
}

Result<TeamBackup::PostgresTeam> TeamBackup::postgresTeam(const QString& location)
{
    const QString connection = QStringLiteral("gongdan-backup-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<PostgresTeam> outcome = PostgresTeam {};
    {
        const QUrl url(location);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(url.host().isEmpty() ? QStringLiteral("localhost") : url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open()) {
            outcome = failure(QStringLiteral("backup.unreachable"),
                QStringLiteral("Cannot reach the team database %1: %2")
                    .arg(url.toString(QUrl::RemovePassword), db.lastError().text()));
        } else {
            PostgresTeam team;
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'public' "
                                          "ORDER BY tablename"))) {
                while (query.next())
                    team.tables.append(query.value(0).toString());
            }
            if (team.tables.contains(QStringLiteral("server_meta"))
                && query.exec(QStringLiteral("SELECT value FROM public.server_meta WHERE name = 'schema_version'"))
                && query.next())
                team.schemaVersion = query.value(0).toInt();
            outcome = team;
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return outcome;
}

TeamBackup::RestoreScript TeamBackup::restoreScript(const PostgresTeam& live)
{
    RestoreScript script;
    const int liveSchemaVersion = live.schemaVersion;
    const bool withLive = liveSchemaVersion > 0;
    if (!live.tables.isEmpty()) {
        QStringList quoted;
        for (const QString& table : live.tables)
            quoted.append(
                QStringLiteral("public.\"%1\"").arg(QString(table).replace(QLatin1Char('"'), QStringLiteral("\"\""))));
        script.prologue
            += QStringLiteral("LOCK TABLE %1 IN ACCESS EXCLUSIVE MODE;\n").arg(quoted.join(QStringLiteral(", ")));
    }
    if (withLive) {
        for (const char* table : {"session_token", "sync_client", "ticket_number", "seq_counter"})
            script.prologue += QStringLiteral("CREATE TEMP TABLE restore_%1 AS SELECT * FROM public.%1;\n")
                                   .arg(QLatin1String(table));
        script.epilogue += QStringLiteral(
            "DO $$ BEGIN IF (SELECT value FROM public.server_meta WHERE name = 'schema_version') "
            "IS DISTINCT FROM '%1' THEN RAISE EXCEPTION 'The backup has another schema version than the team "
            "database (%1): restore it with the server stopped into a new database.'; END IF; END $$;\n")
                               .arg(liveSchemaVersion);
    }
    script.epilogue += carryOver(QStringLiteral("pg_temp.restore_"), QStringLiteral("public."), withLive);
    return script;
}

QString TeamBackup::carryOver(const QString& kept, const QString& target, bool withLive)
{
    QString sql = QStringLiteral("UPDATE %1server_meta SET value = '%2' WHERE name = 'epoch';\n")
                      .arg(target, QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (withLive) {
        // Sessions as they are now (a sign-in after the backup holds, a sign-out after it stays signed out),
        // for the users the backup knows.
        sql += QStringLiteral(
            "DELETE FROM {t}session_token;\n"
            "INSERT INTO {t}session_token(token_hash, user_id, device, created_ms, expires_ms, revoked_ms) "
            "SELECT k.token_hash, k.user_id, k.device, k.created_ms, k.expires_ms, k.revoked_ms FROM "
            "{k}session_token k WHERE k.user_id IN (SELECT id FROM {t}app_user);\n"
            // Devices registered after the backup keep their device code (provisional references stay unique).
            "INSERT INTO {t}sync_client(client_id, user_id, device_code, last_seq_applied, last_seen_ms) "
            "SELECT k.client_id, k.user_id, k.device_code, 0, k.last_seen_ms FROM {k}sync_client k "
            "WHERE k.user_id IN (SELECT id FROM {t}app_user) AND NOT EXISTS (SELECT 1 FROM {t}sync_client c "
            "WHERE c.client_id = k.client_id OR c.device_code = k.device_code);\n"
            // The change counter goes on past the live one: the poke that tells the desks (server/EpochWatch) is
            // beyond every desk's cursor, so each pulls and hears of the new epoch.
            "UPDATE {t}seq_counter AS s SET value = (SELECT k.value + 1 FROM {k}seq_counter k WHERE k.name = s.name) "
            "WHERE EXISTS (SELECT 1 FROM {k}seq_counter k WHERE k.name = s.name AND k.value >= s.value);\n"
            // A ticket number handed out after the backup is never handed out again.
            "UPDATE {t}ticket_number AS n SET last = (SELECT k.last FROM {k}ticket_number k WHERE k.day = n.day) "
            "WHERE EXISTS (SELECT 1 FROM {k}ticket_number k WHERE k.day = n.day AND k.last > n.last);\n"
            "INSERT INTO {t}ticket_number(day, last) SELECT k.day, k.last FROM {k}ticket_number k "
            "WHERE NOT EXISTS (SELECT 1 FROM {t}ticket_number n WHERE n.day = k.day);\n");
    }
    // Each device may go on from any seq until it pushes again (SyncStore::restoreGap).
    sql += QStringLiteral("DELETE FROM {t}server_meta WHERE name LIKE 'restore.gap.%';\n"
                          "INSERT INTO {t}server_meta(name, value) SELECT 'restore.gap.' || client_id, "
                          "CAST(last_seq_applied AS TEXT) FROM {t}sync_client;\n");
    sql.replace(QStringLiteral("{t}"), target);
    sql.replace(QStringLiteral("{k}"), kept);
    return sql;
}

QString TeamBackup::gapMarker(const QString& clientId)
{
    return QStringLiteral("restore.gap.") + clientId;
}

QString TeamBackup::postgresTool(const QString& name)
{
    const QString onPath = QStandardPaths::findExecutable(name);
    if (!onPath.isEmpty())
        return onPath;
    const QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QStringList found = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
    for (const QString& version : found) {
        const QString candidate = versions.filePath(version + QStringLiteral("/bin/") + name);
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    }
    return {};
}

QStringList TeamBackup::postgresArguments(const QString& location)
{
    const QUrl url(location);
    QStringList arguments {QStringLiteral("--host"), url.host().isEmpty() ? QStringLiteral("localhost") : url.host(),
        QStringLiteral("--port"), QString::number(url.port(5432)), QStringLiteral("--dbname"), url.path().mid(1)};
    if (!url.userName().isEmpty())
        arguments << QStringLiteral("--username") << url.userName();
    return arguments;
}

QString TeamBackup::postgresPassword(const QString& location)
{
    return QUrl(location).password();
}

} // namespace gongdan
