#pragma once

#include "domain/Clock.h"
#include "server/PasswordHasher.h"
#include "teamdb/AuditLog.h"
#include "teamdb/SessionStore.h"
#include "teamdb/UserRepository.h"

#include <QObject>
#include <functional>

class QHttpServerRequest;

namespace gongdan {

struct AuthSettings {
    qint64 tokenLifetimeMs = 30LL * 24 * 3600 * 1000; ///< field staff stay offline for days
    int freeFailures = 3; ///< failed sign-ins in a row before each further try must wait
    qint64 firstDelayMs = 1000; ///< doubled for each failure after that …
    qint64 maxDelayMs = 15 * 60 * 1000; ///< … up to this
};

struct SignedIn {
    QString token; ///< handed out once; the server keeps only its hash
    qint64 expiresMs = 0;
    UserRecord user;
};

/// A sign-in between its two halves: the password is checked against `passwordHash` meanwhile, off the request
/// thread (AccountRoutes, HashWorkers).
struct SignInAttempt {
    QString login; ///< normalized
    QString passwordHash; ///< the user's, or a dummy one for an unknown login (the check takes as long)
    bool known = false;
    AuditActor actor; ///< who asked (their address), for the audit entry of the outcome
};

struct Authenticated {
    UserRecord user;
    QString tokenHash;
};

/// Sign-in, tokens and their checks. Wrong passwords are counted per login; after `freeFailures` each
/// further try must wait twice as long as the one before (auth.throttled with the wait), so guessing a
/// password gets slow, while the real user is never locked out for good. Whatever ends a sign-in or
/// changes what a user may see is announced (accountChanged), so open sockets end or re-scope at once.
class AuthService : public QObject {
    Q_OBJECT

public:
    AuthService(UserRepository& users, SessionStore& sessions, const PasswordHasher& hasher, const Clock& clock,
        AuthSettings settings = {}, QObject* parent = nullptr);

    /// Sign-ins, failed sign-ins and sign-outs are appended to this audit trail, with what they change; and
    /// the audit trail is told who each request is from (beginRequest, authenticate). None by default.
    void setAuditLog(AuditLog* audit) { m_audit = audit; }
    /// Who the audit trail says the current request is from; a reply finished later (after a password was
    /// hashed on a worker, other requests answered meanwhile) puts it back before it writes.
    AuditActor auditActor() const { return m_audit ? m_audit->actor() : AuditActor(); }
    void setAuditActor(const AuditActor& actor)
    {
        if (m_audit)
            m_audit->setActor(actor);
    }
    /// A request is being answered: the audit trail's actor is its address, nobody signed in yet.
    void beginRequest(const QHttpServerRequest& request);
    /// beginRequest(), then the request's bearer token checked; the audit trail's actor is its user.
    Result<Authenticated> authenticate(const QHttpServerRequest& request);

    /// Both halves below in one go, on the calling thread (the admin tool, tests).
    Result<SignedIn> signIn(const QString& login, const QString& password, const QString& device);
    /// The first half: the login's own delay (auth.throttled; unknown logins are counted too) and the hash to
    /// check the password against.
    Result<SignInAttempt> beginSignIn(const QString& login);
    /// The second half, once PasswordHasher::verify said whether the password `matches`: counts a failure, or
    /// issues the token (the user must still be active and have the same password hash).
    Result<SignedIn> finishSignIn(const SignInAttempt& attempt, bool matches, const QString& device);
    const PasswordHasher& hasher() const { return m_hasher; }
    Result<Authenticated> authenticate(const QString& token);
    /// The same check for a token known only by its hash (an open socket re-checked).
    Result<Authenticated> authenticateHash(const QString& tokenHash);
    Status signOut(const QString& token);
    /// Sets a new password and revokes every sign-in of the user.
    Result<UserRecord> setPassword(const QString& userId, const QString& password);
    /// Deactivating a user or setting a new password hash also revokes their sign-ins.
    Result<UserRecord> update(const QString& userId, const UserChange& change);

    /// How long the next try for this login must wait; 0 when it may try now.
    qint64 waitMs(const QString& login);
    const Clock& clock() const { return m_clock; }

Q_SIGNALS:
    /// One of the user's sign-ins ended, or the user changed (role, groups, active, password): whoever
    /// holds a sign-in of theirs checks it again.
    void accountChanged(const QString& userId);

private:
    /// `change`, and its audit entry for the login tried (`userId`: whose it is, when known), in one
    /// transaction; without an audit trail, `change` alone.
    /// A failed sign-in: `change` (its count) and its audit entry in one transaction, then `error`.
    Result<SignedIn> failedSignIn(const Error& error, const QString& key, const QString& userId, const QString& device,
        const std::function<Status()>& change);
    Status audited(const std::function<Status()>& change, const QString& kind, const QString& login,
        const QString& userId, const QJsonObject& detail);

    AuditLog* m_audit = nullptr;
    UserRepository& m_users;
    SessionStore& m_sessions;
    const PasswordHasher& m_hasher;
    const Clock& m_clock;
    AuthSettings m_settings;
    QString m_dummyHash; ///< verified against for unknown logins, so they take as long as known ones
};

} // namespace gongdan
