#pragma once

#include "domain/Clock.h"
#include "domain/Result.h"
#include "domain/Uuid.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <functional>
#include <memory>

struct sqlite3;

namespace gongdan {

/// How to open the local store.
struct DatabaseOptions {
    bool bulkLoad = false; ///< synchronous=OFF for seeding; never for agents' data
    int schemaTarget = -1; ///< migrate only this far (tests of old versions); -1: latest
    /// Another connection to a store this process already has open (a reader on a worker thread): no
    /// migration and no restoring of a bulk load, which may be running on the first connection.
    bool secondary = false;
};

/// One connection to the workstation's local store (a SQLite file in WAL mode): opens it, registers the
/// search tokenizer, migrates the schema, and hands out prepared queries and transactions. Not shared
/// between threads; each thread opens its own.
class Database {
public:
    using Options = DatabaseOptions;

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Opens (creating if missing) and migrates the store. A damaged file gives the code "storage.corrupt"
    /// and leaves the file untouched; CacheRecovery can then rebuild it.
    static Result<std::unique_ptr<Database>> open(const QString& path, const Clock& clock, Options options = {});

    QSqlDatabase& sql() { return m_db; }
    sqlite3* handle() const { return m_handle; }
    const QString& path() const { return m_path; }
    const Clock& clock() const { return m_clock; }
    UuidV7Generator& ids() { return m_ids; }
    /// The user signed in to the team server on this store (empty: nobody yet). Every intent queued is
    /// theirs (Outbox::append stamps it), and only theirs are pushed while they are signed in: another
    /// user signing in on the same store leaves them waiting for their owner.
    const QString& signedInUser() const { return m_signedInUser; }
    void setSignedInUser(const QString& userId) { m_signedInUser = userId; }
    int schemaVersion();

    /// A cached prepared statement; bind, exec, read, then finish() before the next use.
    QSqlQuery& prepared(const QString& sql);
    /// Runs one statement; the error as a value.
    Status exec(const QString& sql);

    /// Turns the last error of a query into an Error, marking corruption as "storage.corrupt".
    static Error errorOf(const QSqlQuery& query);

    // Used by SqlTransaction: BEGIN IMMEDIATE at the outer level, SAVEPOINTs inside.
    Status begin();
    Status commit();
    void rollback();
    int transactionDepth() const { return m_depth; }

    /// Rows inserted, updated or deleted through this connection since it was opened (sqlite3_total_changes64):
    /// what the sync engine's own connection writes is not counted here (test: the window's stays still).
    qint64 rowsWritten() const;

    /// PRAGMA integrity_check; ok or "storage.corrupt" with SQLite's first complaint.
    Status checkIntegrity();

    /// Calls `callback` whenever a row is inserted into `table` on this connection (an empty table or
    /// callback: stops). It runs inside the statement, so it must not touch the database: post work
    /// for later (WorkstationCore queues a push this way for every new outbox entry).
    void watchInserts(const QString& table, std::function<void()> callback);

private:
    Database(QString path, QString connectionName, const Clock& clock);
    Status configure(const Options& options);

    QString m_path;
    QString m_connectionName;
    const Clock& m_clock;
    UuidV7Generator m_ids;
    QString m_signedInUser;
    QSqlDatabase m_db;
    sqlite3* m_handle = nullptr;
    QHash<QString, QSqlQuery> m_statements;
    int m_depth = 0;
    QByteArray m_watchedTable;
    std::function<void()> m_onInsert;
};

/// RAII transaction: begins on construction, rolls back on destruction unless commit() succeeded.
/// Nests through savepoints, so a repository call can be part of a larger unit of work.
class SqlTransaction {
public:
    explicit SqlTransaction(Database& db);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction&) = delete;
    SqlTransaction& operator=(const SqlTransaction&) = delete;

    const Status& started() const { return m_started; }
    Status commit();

private:
    Database& m_db;
    Status m_started;
    bool m_open = false;
};

} // namespace gongdan
