#pragma once

#include "domain/Result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <memory>

namespace gongdan {

/// The team database behind gongdan-server: one SQLite file by default, PostgreSQL in production,
/// through Qt Sql on both (QSQLITE, QPSQL). Everything above talks to it through repositories in
/// portable SQL; what differs between the two lives here. open() runs the server migrations.
class ServerDatabase {
public:
    enum class Backend { Sqlite, Postgresql };

    /// `location`: "postgresql://user[:password]@host[:port]/database", or the path of a SQLite file.
    static Result<std::unique_ptr<ServerDatabase>> open(const QString& location);
    ~ServerDatabase();
    ServerDatabase(const ServerDatabase&) = delete;
    ServerDatabase& operator=(const ServerDatabase&) = delete;

    Backend backend() const { return m_backend; }
    QString backendName() const
    {
        return m_backend == Backend::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
    }
    QSqlDatabase sql() const { return QSqlDatabase::database(m_connection); }
    /// A prepared statement kept for reuse (PostgreSQL would otherwise PREPARE and DEALLOCATE it on every
    /// call: two more round trips). Bind, exec, read, then finish() it before returning.
    QSqlQuery& prepared(const QString& sql);
    int schemaVersion() const;
    /// A random name given to this database's history when it was created; see SyncStore. Read on every call:
    /// a restore while the server runs (teamdb/TeamBackup) names a new one.
    QString epoch();
    /// The schema version found before open() migrated (equal to schemaVersion() when nothing ran).
    int migratedFrom() const { return m_migratedFrom; }
    /// A trivial round trip: the database answers.
    Status ping() const;

    /// The ServerTransaction open now, numbered from 1; 0 when none is. Something read under a lock
    /// taken in transaction N stays true while openTransaction() is still N (teamdb/AuditLog's head).
    quint64 openTransaction() const { return m_openTransaction; }

    /// A database failure as an Error (code "server.database"), naming what was being done.
    static Error failure(const QSqlError& error, const QString& what);

private:
    ServerDatabase(Backend backend, QString connection);
    Status migrate();

    Backend m_backend;
    QString m_connection;
    int m_migratedFrom = 0;
    QHash<QString, QSqlQuery> m_statements;
    quint64 m_transactions = 0;
    quint64 m_openTransaction = 0;
    friend class ServerTransaction;
};

/// One transaction on the team database: commit() or it rolls back when it goes out of scope.
class ServerTransaction {
public:
    explicit ServerTransaction(ServerDatabase& database);
    ~ServerTransaction();
    ServerTransaction(const ServerTransaction&) = delete;
    ServerTransaction& operator=(const ServerTransaction&) = delete;

    bool begun() const { return m_begun; }
    Status commit();

private:
    void ended();

    ServerDatabase& m_database;
    QSqlDatabase m_db;
    bool m_begun = false;
    bool m_done = false;
};

} // namespace gongdan
