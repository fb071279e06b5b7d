#include "teamdb/SessionStore.h"

#include <QSqlError>
#include <QSqlQuery>

namespace gongdan {

SessionStore::SessionStore(ServerDatabase& database) : m_database(database) { }

Status SessionStore::issue(const SessionRecord& session)
{
    QSqlQuery query(m_database.sql());
    query.prepare(QStringLiteral("INSERT INTO session_token(token_hash, user_id, device, created_ms, expires_ms) "
                                 "VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(session.tokenHash);
    query.addBindValue(session.userId);
    query.addBindValue(session.device.isNull() ? QStringLiteral("") : session.device); // a null QString binds NULL
    query.addBindValue(session.createdMs);
    query.addBindValue(session.expiresMs);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot keep the sign-in"));
    return {};
}

std::optional<SessionRecord> SessionStore::find(const QString& tokenHash)
{
    // Kept prepared: every authenticated request looks its token up.
    QSqlQuery& query = m_database.prepared(QStringLiteral(
        "SELECT user_id, device, created_ms, expires_ms, revoked_ms FROM session_token WHERE token_hash = ?"));
    query.addBindValue(tokenHash);
    if (!query.exec() || !query.next()) {
        query.finish();
        return std::nullopt;
    }
    SessionRecord session {tokenHash, query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong(),
        query.value(3).toLongLong(), std::nullopt};
    if (!query.value(4).isNull())
        session.revokedMs = query.value(4).toLongLong();
    query.finish();
    return session;
}

Result<bool> SessionStore::revoke(const QString& tokenHash, qint64 atMs)
{
    QSqlQuery query(m_database.sql());
    query.prepare(
        QStringLiteral("UPDATE session_token SET revoked_ms = ? WHERE token_hash = ? AND revoked_ms IS NULL"));
    query.addBindValue(atMs);
    query.addBindValue(tokenHash);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot revoke the sign-in"));
    return query.numRowsAffected() > 0;
}

Result<int> SessionStore::revokeAllOf(const QString& userId, qint64 atMs)
{
    QSqlQuery query(m_database.sql());
    query.prepare(QStringLiteral("UPDATE session_token SET revoked_ms = ? WHERE user_id = ? AND revoked_ms IS NULL"));
    query.addBindValue(atMs);
    query.addBindValue(userId);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot revoke the sign-ins"));
    return query.numRowsAffected();
}

SignInFailures SessionStore::failures(const QString& login)
{
    QSqlQuery query(m_database.sql());
    query.prepare(QStringLiteral("SELECT failures, last_failure_ms FROM sign_in_failure WHERE login = ?"));
    query.addBindValue(login);
    if (!query.exec() || !query.next())
        return {};
    return {query.value(0).toInt(), query.value(1).toLongLong()};
}

Status SessionStore::recordFailure(const QString& login, qint64 atMs)
{
    // Portable upsert: SQLite 3.24+ and PostgreSQL 9.5+ both take ON CONFLICT … DO UPDATE.
    QSqlQuery query(m_database.sql());
    query.prepare(QStringLiteral("INSERT INTO sign_in_failure(login, failures, last_failure_ms) VALUES (?, 1, ?) "
                                 "ON CONFLICT(login) DO UPDATE SET failures = sign_in_failure.failures + 1, "
                                 "last_failure_ms = excluded.last_failure_ms"));
    query.addBindValue(login);
    query.addBindValue(atMs);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot count the failed sign-in"));
    return {};
}

Status SessionStore::clearFailures(const QString& login)
{
    QSqlQuery query(m_database.sql());
    query.prepare(QStringLiteral("DELETE FROM sign_in_failure WHERE login = ?"));
    query.addBindValue(login);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot reset failed sign-ins"));
    return {};
}

} // namespace gongdan
