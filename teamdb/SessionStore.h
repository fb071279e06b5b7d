#pragma once

#include "teamdb/ServerDatabase.h"

#include <optional>

namespace gongdan {

/// A sign-in token as the server keeps it: only a hash of the token, never the token itself.
struct SessionRecord {
    QString tokenHash;
    QString userId;
    QString device;
    qint64 createdMs = 0;
    qint64 expiresMs = 0;
    std::optional<qint64> revokedMs;
};

/// Failed sign-ins in a row for one login (reset by a successful one).
struct SignInFailures {
    int failures = 0;
    qint64 lastFailureMs = 0;
};

/// Sign-in tokens and failed sign-ins in the team database.
class SessionStore {
public:
    explicit SessionStore(ServerDatabase& database);

    Status issue(const SessionRecord& session);
    std::optional<SessionRecord> find(const QString& tokenHash);
    /// Revokes one token; false when there was no live token with that hash.
    Result<bool> revoke(const QString& tokenHash, qint64 atMs);
    /// Revokes every live token of the user (password changed, user deactivated); how many.
    Result<int> revokeAllOf(const QString& userId, qint64 atMs);

    SignInFailures failures(const QString& login);
    Status recordFailure(const QString& login, qint64 atMs);
    Status clearFailures(const QString& login);

private:
    ServerDatabase& m_database;
};

} // namespace gongdan
