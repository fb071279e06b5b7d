#include "server/AuthService.h"

#include "server/ApiSupport.h"

#include <QHttpServerRequest>

namespace gongdan {

namespace {

Error invalidCredentials()
{
    return Error {
        QStringLiteral("auth.invalid"), QStringLiteral("The login or password is wrong."), QStringLiteral("password")};
}

} // namespace

AuthService::AuthService(UserRepository& users, SessionStore& sessions, const PasswordHasher& hasher,
    const Clock& clock, AuthSettings settings, QObject* parent)
    : QObject(parent), m_users(users), m_sessions(sessions), m_hasher(hasher), m_clock(clock), m_settings(settings)
{
    m_dummyHash = m_hasher.hash(PasswordHasher::newToken()).value();
}

qint64 AuthService::waitMs(const QString& login)
{
    const SignInFailures failures = m_sessions.failures(UserRepository::normalizedLogin(login));
    if (failures.failures < m_settings.freeFailures)
        return 0;
    const int doublings = std::min(failures.failures - m_settings.freeFailures, 30);
    const qint64 delay = std::min(m_settings.firstDelayMs << doublings, m_settings.maxDelayMs);
    return std::max<qint64>(0, failures.lastFailureMs + delay - m_clock.nowMs());
}

void AuthService::beginRequest(const QHttpServerRequest& request)
{
    if (m_audit)
        m_audit->setActor({QString(), QString(), request.remoteAddress().toString(), QStringLiteral("api")});
}

Result<Authenticated> AuthService::authenticate(const QHttpServerRequest& request)
{
    beginRequest(request);
    auto who = authenticate(api::bearerToken(request));
    if (who && m_audit) {
        AuditActor actor = m_audit->actor();
        actor.userId = who.value().user.id;
        actor.login = who.value().user.login;
        m_audit->setActor(actor);
    }
    return who;
}

Status AuthService::audited(const std::function<Status()>& change, const QString& kind, const QString& login,
    const QString& userId, const QJsonObject& detail)
{
    if (!m_audit)
        return change();
    ServerTransaction transaction(m_audit->database());
    if (Status changed = change(); !changed)
        return changed;
    AuditActor actor = m_audit->actor();
    actor.userId = userId;
    actor.login = login;
    if (Status appended = m_audit->append(actor, kind, QStringLiteral("user"), userId, detail); !appended)
        return appended;
    return transaction.commit();
}

Result<SignedIn> AuthService::signIn(const QString& login, const QString& password, const QString& device)
{
    auto attempt = beginSignIn(login);
    if (!attempt)
        return attempt.error();
    return finishSignIn(attempt.value(), m_hasher.verify(attempt.value().passwordHash, password), device);
}

Result<SignInAttempt> AuthService::beginSignIn(const QString& login)
{
    const QString key = UserRepository::normalizedLogin(login);
    if (key.isEmpty())
        return Error {
            QStringLiteral("auth.login_required"), QStringLiteral("Enter your login."), QStringLiteral("login")};
    // Who asks (their address), for the audit entry the second half writes after the password check.
    const AuditActor actor = m_audit ? m_audit->actor() : AuditActor();
    if (const qint64 wait = waitMs(key); wait > 0) {
        const Result<SignedIn> refused
            = failedSignIn(Error {QStringLiteral("auth.throttled"),
                               QStringLiteral("Too many failed sign-ins; try again in %1 s.").arg((wait + 999) / 1000),
                               QStringLiteral("login")},
                key, QString(), QString(), [] { return Status(); });
        return refused.error();
    }
    const std::optional<UserRecord> user = m_users.findByLogin(key);
    return SignInAttempt {key, user ? user->passwordHash : m_dummyHash, user.has_value(), actor};
}

Result<SignedIn> AuthService::failedSignIn(const Error& error, const QString& key, const QString& userId,
    const QString& device, const std::function<Status()>& change)
{
    const QJsonObject detail {{QStringLiteral("reason"), error.code}, {QStringLiteral("device"), device.left(100)}};
    if (Status recorded = audited(change, QStringLiteral("sign_in_failed"), key.left(100), userId, detail); !recorded)
        return recorded.error();
    return error;
}

Result<SignedIn> AuthService::finishSignIn(const SignInAttempt& attempt, bool matches, const QString& device)
{
    const QString& key = attempt.login;
    if (m_audit) // other requests were answered while the password was checked
        m_audit->setActor(attempt.actor);
    // The user as it is now: a password changed while this one was checked does not count.
    const std::optional<UserRecord> user = attempt.known ? m_users.findByLogin(key) : std::nullopt;
    if (!user || !matches || user->passwordHash != attempt.passwordHash)
        return failedSignIn(invalidCredentials(), key, user ? user->id : QString(), device,
            [&] { return m_sessions.recordFailure(key, m_clock.nowMs()); });
    if (!user->active)
        return failedSignIn(Error {QStringLiteral("auth.inactive"),
                                QStringLiteral("This account is switched off; ask an admin."), QStringLiteral("login")},
            key, user->id, device, [] { return Status(); });
    SignedIn result {PasswordHasher::newToken(), m_clock.nowMs() + m_settings.tokenLifetimeMs, *user};
    const SessionRecord session {PasswordHasher::tokenHash(result.token), user->id, device.trimmed().left(100),
        m_clock.nowMs(), result.expiresMs, std::nullopt};
    const auto issue = [&]() -> Status {
        if (Status cleared = m_sessions.clearFailures(key); !cleared)
            return cleared;
        return m_sessions.issue(session);
    };
    if (Status issued = audited(issue, QStringLiteral("sign_in"), user->login, user->id,
            {{QStringLiteral("device"), session.device}, {QStringLiteral("expires_ms"), result.expiresMs}});
        !issued)
        return issued.error();
    return result;
}

Result<Authenticated> AuthService::authenticate(const QString& token)
{
    if (token.isEmpty())
        return Error {QStringLiteral("auth.required"), QStringLiteral("Sign in first.")};
    return authenticateHash(PasswordHasher::tokenHash(token));
}

Result<Authenticated> AuthService::authenticateHash(const QString& hash)
{
    const std::optional<SessionRecord> session = m_sessions.find(hash);
    if (!session)
        return Error {
            QStringLiteral("auth.token_invalid"), QStringLiteral("This sign-in is not known; sign in again.")};
    if (session->revokedMs)
        return Error {QStringLiteral("auth.token_revoked"), QStringLiteral("This sign-in was ended; sign in again.")};
    if (session->expiresMs <= m_clock.nowMs())
        return Error {QStringLiteral("auth.token_expired"), QStringLiteral("This sign-in has expired; sign in again.")};
    std::optional<UserRecord> user = m_users.find(session->userId);
    if (!user || !user->active)
        return Error {QStringLiteral("auth.inactive"), QStringLiteral("This account is switched off; ask an admin.")};
    return Authenticated {*user, hash};
}

Status AuthService::signOut(const QString& token)
{
    const QString hash = PasswordHasher::tokenHash(token);
    const std::optional<SessionRecord> session = m_sessions.find(hash);
    const std::optional<UserRecord> user = session ? m_users.find(session->userId) : std::nullopt;
    const auto revoke = [&]() -> Status {
        auto revoked = m_sessions.revoke(hash, m_clock.nowMs());
        return revoked ? Status() : Status(revoked.error());
    };
    if (Status ended = audited(revoke, QStringLiteral("sign_out"), user ? user->login : QString(),
            session ? session->userId : QString(), {{QStringLiteral("device"), session ? session->device : QString()}});
        !ended)
        return ended;
    if (session)
        Q_EMIT accountChanged(session->userId);
    return {};
}

Result<UserRecord> AuthService::setPassword(const QString& userId, const QString& password)
{
    auto hashed = m_hasher.hash(password);
    if (!hashed)
        return hashed.error();
    UserChange change;
    change.passwordHash = hashed.value();
    return update(userId, change);
}

Result<UserRecord> AuthService::update(const QString& userId, const UserChange& change)
{
    auto updated = m_users.update(userId, change);
    if (updated && (!updated.value().active || change.passwordHash)) {
        if (auto revoked = m_sessions.revokeAllOf(userId, m_clock.nowMs()); !revoked)
            return revoked.error();
    }
    if (updated)
        Q_EMIT accountChanged(userId);
    return updated;
}

} // namespace gongdan
