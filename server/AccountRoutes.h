#pragma once

#include "server/AuthService.h"

#include <QHttpServer>

namespace gongdan {

/// /api/v1/session (sign in, sign out), /api/v1/me, /api/v1/users and /api/v1/groups. Users and groups
/// are changed by admins only; everyone signed in may read the group list and their own user.
class AccountRoutes {
public:
    AccountRoutes(AuthService& auth, UserRepository& users, const PasswordHasher& hasher);
    void install(QHttpServer& http);
    /// The sign-in answer carries it as attachment_limit_bytes (0: left out).
    void announceAttachmentLimit(qint64 bytes) { m_attachmentLimit = bytes; }

    /// The signed-in person behind a request, or why there is none (auth.* → 401).
    Result<Authenticated> caller(const QHttpServerRequest& request);

private:
    QHttpServerResponse signIn(const QHttpServerRequest& request);
    QHttpServerResponse signOut(const QHttpServerRequest& request);
    QHttpServerResponse me(const QHttpServerRequest& request);
    QHttpServerResponse listUsers(const QHttpServerRequest& request);
    QHttpServerResponse getUser(const QString& id, const QHttpServerRequest& request);
    QHttpServerResponse createUser(const QHttpServerRequest& request);
    QHttpServerResponse updateUser(const QString& id, const QHttpServerRequest& request);
    QHttpServerResponse listGroups(const QHttpServerRequest& request);
    QHttpServerResponse createGroup(const QHttpServerRequest& request);

    AuthService& m_auth;
    UserRepository& m_users;
    const PasswordHasher& m_hasher;
    qint64 m_attachmentLimit = 0;
};

} // namespace gongdan
