#pragma once

#include "server/AuthService.h"
#include "server/HashWorkers.h"
#include "server/SignInLimiter.h"
#include "server/SignInOptions.h"

#include <QHttpServer>
#include <memory>

namespace gongdan {

class HttpApi;
class PendingReply;

/// /api/v1/session (sign in, sign out), /api/v1/me, /api/v1/users and /api/v1/groups. Users and groups
/// are changed by admins only; everyone signed in may read the group list and their own user.
/// Passwords are checked and hashed off the request thread (HashWorkers, a bounded queue: 503 auth.busy when
/// full), so a flood of sign-ins never holds other requests; sign-in attempts are limited per address and for the
/// whole server (SignInLimiter, 429) on top of AuthService's per-login delay. Those routes answer later through
/// a PendingReply, which keeps copies of the request only.
class AccountRoutes {
public:
    AccountRoutes(AuthService& auth, UserRepository& users, const SignInSettings& settings = {});
    ~AccountRoutes();
    void install(HttpApi& api);
    /// The sign-in answer carries it as attachment_limit_bytes (0: left out).
    void announceAttachmentLimit(qint64 bytes) { m_attachmentLimit = bytes; }

    /// The signed-in person behind a request, or why there is none (auth.* → 401).
    Result<Authenticated> caller(const QHttpServerRequest& request);

private:
    void signIn(const QHttpServerRequest& request, QHttpServerResponder&& responder);
    QHttpServerResponse signOut(const QHttpServerRequest& request);
    QHttpServerResponse me(const QHttpServerRequest& request);
    QHttpServerResponse listUsers(const QHttpServerRequest& request);
    QHttpServerResponse getUser(const QString& id, const QHttpServerRequest& request);
    void createUser(const QHttpServerRequest& request, std::shared_ptr<PendingReply> reply);
    void updateUser(const QString& id, const QHttpServerRequest& request, std::shared_ptr<PendingReply> reply);
    /// Hashes `password` on a worker, then `then` (on the request thread) with the hash; answers 503 when the
    /// queue is full, and the error when the password is refused.
    void hashThen(const QString& password, std::shared_ptr<PendingReply> reply,
        std::function<QHttpServerResponse(const QString& hash)> then);
    QHttpServerResponse signInAnswer(const Result<SignedIn>& signedIn, const QString& login);
    QHttpServerResponse listGroups(const QHttpServerRequest& request);
    QHttpServerResponse createGroup(const QHttpServerRequest& request);

    AuthService& m_auth;
    UserRepository& m_users;
    SignInLimiter m_limiter;
    HashWorkers m_workers;
    HttpApi* m_api = nullptr;
    qint64 m_attachmentLimit = 0;
};

} // namespace gongdan
