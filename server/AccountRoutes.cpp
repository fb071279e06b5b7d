#include "server/AccountRoutes.h"

#include "server/ApiSupport.h"
#include "server/HttpApi.h"
#include "server/PendingReply.h"

#include <QJsonArray>
#include <QScopeGuard>
#include <QTimer>

namespace gongdan {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponse::StatusCode;
using namespace api;

namespace {

const QStringList kUserFields {QStringLiteral("login"), QStringLiteral("name"), QStringLiteral("role"),
    QStringLiteral("password"), QStringLiteral("groups"), QStringLiteral("skills"), QStringLiteral("active")};

Result<std::optional<Role>> roleOf(const QJsonObject& body)
{
    auto name = optionalString(body, QStringLiteral("role"));
    if (!name)
        return name.error();
    if (!name.value())
        return std::optional<Role>();
    const std::optional<Role> role = roleFromName(*name.value());
    if (!role)
        return Error {QStringLiteral("user.role_unknown"),
            QStringLiteral("\"%1\" is not a role; roles: %2.")
                .arg(*name.value(), roleNames().join(QStringLiteral(", "))),
            QStringLiteral("role")};
    return std::optional<Role>(role);
}

/// Reads every optional user field of a body into a change; the first bad one is the error.
Result<UserChange> userChange(const QJsonObject& body)
{
    UserChange change;
    auto name = optionalString(body, QStringLiteral("name"));
    auto role = roleOf(body);
    auto active = optionalBool(body, QStringLiteral("active"));
    auto groups = optionalStringList(body, QStringLiteral("groups"));
    auto skills = optionalStringList(body, QStringLiteral("skills"));
    for (const Error* error :
        {name ? nullptr : &name.error(), role ? nullptr : &role.error(), active ? nullptr : &active.error(),
            groups ? nullptr : &groups.error(), skills ? nullptr : &skills.error()}) {
        if (error)
            return *error;
    }
    change.name = name.value();
    change.role = role.value();
    change.active = active.value();
    change.groupIds = groups.value();
    change.skills = skills.value();
    return change;
}

/// A 429 (or any refusal) with the seconds to wait in Retry-After, at least 1.
QHttpServerResponse withRetryAfter(const Error& error, qint64 waitMs)
{
    QHttpServerResponse response = errorResponse(error);
    response.addHeader(
        QByteArrayLiteral("Retry-After"), QByteArray::number(std::max<qint64>(1, (waitMs + 999) / 1000)));
    return response;
}

QHttpServerResponse busy()
{
    return withRetryAfter(Error {QStringLiteral("auth.busy"),
                              QStringLiteral("The server is checking too many passwords just now; try again in a "
                                             "moment."),
                              QString()},
        1000);
}

} // namespace

AccountRoutes::AccountRoutes(AuthService& auth, UserRepository& users, const SignInSettings& settings)
    : m_auth(auth)
    , m_users(users)
    , m_limiter(auth.clock(), settings.limits)
    , m_workers(settings.hashThreads, settings.hashQueue)
{
}

AccountRoutes::~AccountRoutes() = default;

void AccountRoutes::install(HttpApi& api)
{
    m_api = &api;
    QHttpServer& http = api.http();
    // These answer through a PendingReply (password work runs on HashWorkers): never a QFuture route, which in
    // Qt 6.4 keeps the request by reference after the route returned.
    http.route(QStringLiteral("/api/v1/session"), Method::Post,
        [this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            signIn(request, std::move(responder));
        });
    http.route(QStringLiteral("/api/v1/session"), Method::Delete,
        [this](const QHttpServerRequest& request) { return signOut(request); });
    http.route(
        QStringLiteral("/api/v1/me"), Method::Get, [this](const QHttpServerRequest& request) { return me(request); });
    http.route(QStringLiteral("/api/v1/users"), Method::Get,
        [this](const QHttpServerRequest& request) { return listUsers(request); });
    http.route(QStringLiteral("/api/v1/users"), Method::Post,
        [this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            createUser(request, std::make_shared<PendingReply>(request, std::move(responder), *m_api));
        });
    http.route(QStringLiteral("/api/v1/users/<arg>"), Method::Get,
        [this](const QString& id, const QHttpServerRequest& request) { return getUser(id, request); });
    http.route(QStringLiteral("/api/v1/users/<arg>"), Method::Patch,
        [this](const QString& id, const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            updateUser(id, request, std::make_shared<PendingReply>(request, std::move(responder), *m_api));
        });
    http.route(QStringLiteral("/api/v1/groups"), Method::Get,
        [this](const QHttpServerRequest& request) { return listGroups(request); });
    http.route(QStringLiteral("/api/v1/groups"), Method::Post,
        [this](const QHttpServerRequest& request) { return createGroup(request); });
}

Result<Authenticated> AccountRoutes::caller(const QHttpServerRequest& request)
{
    return m_auth.authenticate(request);
}

void AccountRoutes::signIn(const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    m_auth.beginRequest(request); // a sign-in, failed or not, is audited with the address it came from
    // Everything needed is copied out of the request here; the check finishes after this returns.
    auto reply = std::make_shared<PendingReply>(request, std::move(responder), *m_api);
    auto body = parseBody(request, {QStringLiteral("login"), QStringLiteral("password"), QStringLiteral("device")});
    if (!body)
        return reply->send(errorResponse(body.error()));
    auto login = requiredString(body.value(), QStringLiteral("login"));
    auto password = requiredString(body.value(), QStringLiteral("password"));
    auto device = optionalString(body.value(), QStringLiteral("device"));
    if (!login || !password || !device)
        return reply->send(errorResponse(!login ? login.error() : !password ? password.error() : device.error()));
    const QHostAddress peer = reply->line().peer;
    qint64 waitMs = 0;
    if (Status allowed = m_limiter.take(peer, &waitMs); !allowed) {
        // Answered after a pause (at most 1 s, never past Retry-After): a flood that sends again as soon as it is
        // answered then costs the server a few answers a second per connection, not thousands.
        auto response = std::make_shared<QHttpServerResponse>(withRetryAfter(allowed.error(), waitMs));
        QTimer::singleShot(
            std::min<qint64>(waitMs, 1000), &m_workers, [reply, response] { reply->send(std::move(*response)); });
        return;
    }
    auto attempt = m_auth.beginSignIn(login.value());
    if (!attempt) {
        m_limiter.release(peer, false); // a try all the same
        if (attempt.error().code == QLatin1String("auth.throttled"))
            return reply->send(withRetryAfter(attempt.error(), m_auth.waitMs(login.value())));
        return reply->send(errorResponse(attempt.error()));
    }
    auto matches = std::make_shared<bool>(false); // written by the worker before `done` runs
    const PasswordHasher& hasher = m_auth.hasher();
    const bool queued = m_workers.submit([&hasher, matches, hash = attempt.value().passwordHash,
                                             password = password.value()] { *matches = hasher.verify(hash, password); },
        [this, reply, matches, attempt = attempt.value(), device = device.value().value_or(QString())] {
            if (*matches && !reply->connected()) { // nobody to hand a token to: none is issued
                m_limiter.release(reply->line().peer, true);
                return;
            }
            const Result<SignedIn> signedIn = m_auth.finishSignIn(attempt, *matches, device);
            // People who know their password are not counted.
            m_limiter.release(reply->line().peer, signedIn.ok());
            reply->send(signInAnswer(signedIn, attempt.login));
        });
    if (!queued) {
        m_limiter.release(peer, true); // nothing was tried
        reply->send(busy());
    }
}

QHttpServerResponse AccountRoutes::signInAnswer(const Result<SignedIn>& signedIn, const QString& login)
{
    if (!signedIn) {
        if (signedIn.error().code == QLatin1String("auth.throttled"))
            return withRetryAfter(signedIn.error(), m_auth.waitMs(login));
        return errorResponse(signedIn.error());
    }
    QJsonObject answer {{QStringLiteral("token"), signedIn.value().token},
        {QStringLiteral("expires_ms"), signedIn.value().expiresMs},
        {QStringLiteral("user"), signedIn.value().user.toJson()}};
    if (m_attachmentLimit > 0) // what the desk may upload (AttachmentRoutes), told before it tries
        answer.insert(QStringLiteral("attachment_limit_bytes"), m_attachmentLimit);
    return jsonResponse(answer, StatusCode::Created);
}

void AccountRoutes::hashThen(const QString& password, std::shared_ptr<PendingReply> reply,
    std::function<QHttpServerResponse(const QString& hash)> then)
{
    auto hashed = std::make_shared<std::optional<Result<QString>>>();
    const PasswordHasher& hasher = m_auth.hasher();
    const bool queued = m_workers.submit([&hasher, hashed, password] { *hashed = hasher.hash(password); },
        [this, reply, hashed, then = std::move(then), actor = m_auth.auditActor()] {
            m_auth.setAuditActor(actor); // the change is audited as the request's, not the last one's
            const Result<QString>& hash = **hashed;
            reply->send(hash ? then(hash.value()) : errorResponse(hash.error()));
        });
    if (!queued)
        reply->send(busy());
}

QHttpServerResponse AccountRoutes::signOut(const QHttpServerRequest& request)
{
    auto who = caller(request);
    if (!who)
        return errorResponse(who.error());
    if (Status ended = m_auth.signOut(bearerToken(request)); !ended)
        return errorResponse(ended.error());
    return QHttpServerResponse(StatusCode::NoContent);
}

QHttpServerResponse AccountRoutes::me(const QHttpServerRequest& request)
{
    auto who = caller(request);
    if (!who)
        return errorResponse(who.error());
    return jsonResponse(who.value().user.toJson());
}

QHttpServerResponse AccountRoutes::listUsers(const QHttpServerRequest& request)
{
    auto who = caller(request);
    if (!who)
        return errorResponse(who.error());
    if (!access::mayManageUsers(who.value().user.principal()))
        return errorResponse(accessDenied(QStringLiteral("list users")));
    QJsonArray users;
    for (const UserRecord& user : m_users.list())
        users.append(user.toJson());
    return jsonResponse({{QStringLiteral("users"), users}});
}

QHttpServerResponse AccountRoutes::getUser(const QString& id, const QHttpServerRequest& request)
{
    auto who = caller(request);
    if (!who)
        return errorResponse(who.error());
    if (who.value().user.id != id && !access::mayManageUsers(who.value().user.principal()))
        return errorResponse(accessDenied(QStringLiteral("see other users")));
    const std::optional<UserRecord> user = m_users.find(id);
    if (!user)
        return errorResponse(
            Error {QStringLiteral("user.not_found"), QStringLiteral("There is no such user."), QStringLiteral("id")});
    return jsonResponse(user->toJson());
}

void AccountRoutes::createUser(const QHttpServerRequest& request, std::shared_ptr<PendingReply> reply)
{
    auto who = caller(request);
    if (!who)
        return reply->send(errorResponse(who.error()));
    if (!access::mayManageUsers(who.value().user.principal()))
        return reply->send(errorResponse(accessDenied(QStringLiteral("add users"))));
    auto body = parseBody(request, kUserFields);
    if (!body)
        return reply->send(errorResponse(body.error()));
    auto login = requiredString(body.value(), QStringLiteral("login"));
    auto password = requiredString(body.value(), QStringLiteral("password"));
    auto change = userChange(body.value());
    if (!login || !password || !change)
        return reply->send(errorResponse(!login ? login.error() : !password ? password.error() : change.error()));
    if (!change.value().name)
        return reply->send(errorResponse(Error {
            QStringLiteral("request.missing_field"), QStringLiteral("\"name\" is required."), QStringLiteral("name")}));
    if (!change.value().role)
        return reply->send(errorResponse(Error {
            QStringLiteral("request.missing_field"), QStringLiteral("\"role\" is required."), QStringLiteral("role")}));
    UserRecord user;
    user.login = login.value();
    user.name = *change.value().name;
    user.role = *change.value().role;
    user.active = change.value().active.value_or(true);
    user.groupIds = change.value().groupIds.value_or(QStringList());
    user.skills = change.value().skills.value_or(QStringList());
    hashThen(password.value(), reply, [this, user, actor = who.value().user.id](const QString& hash) mutable {
        user.passwordHash = hash;
        m_users.setActor(actor); // the change log says which admin did it
        const auto acted = qScopeGuard([this] { m_users.setActor({}); });
        auto created = m_users.create(user);
        if (!created)
            return errorResponse(created.error());
        return jsonResponse(created.value().toJson(), StatusCode::Created);
    });
}

void AccountRoutes::updateUser(
    const QString& id, const QHttpServerRequest& request, std::shared_ptr<PendingReply> reply)
{
    auto who = caller(request);
    if (!who)
        return reply->send(errorResponse(who.error()));
    auto body = parseBody(request, kUserFields);
    if (!body)
        return reply->send(errorResponse(body.error()));
    // Anyone may change their own password; everything else about users is for admins.
    const bool ownPasswordOnly
        = who.value().user.id == id && body.value().size() == 1 && body.value().contains(QStringLiteral("password"));
    if (!ownPasswordOnly && !access::mayManageUsers(who.value().user.principal()))
        return reply->send(errorResponse(accessDenied(QStringLiteral("change users"))));
    if (body.value().contains(QStringLiteral("login")))
        return reply->send(errorResponse(Error {QStringLiteral("user.login_fixed"),
            QStringLiteral("A login cannot be changed."), QStringLiteral("login")}));
    auto change = userChange(body.value());
    auto password = optionalString(body.value(), QStringLiteral("password"));
    if (!change || !password)
        return reply->send(errorResponse(!change ? change.error() : password.error()));
    const auto apply = [this, id, actor = who.value().user.id](const UserChange& wanted) {
        m_users.setActor(actor); // the change log says which admin did it
        const auto acted = qScopeGuard([this] { m_users.setActor({}); });
        auto updated = m_auth.update(id, wanted);
        if (!updated)
            return errorResponse(updated.error());
        return jsonResponse(updated.value().toJson());
    };
    if (!password.value())
        return reply->send(apply(change.value()));
    // Hashed before anything is written, so a refused password changes nothing.
    hashThen(*password.value(), reply, [apply, change = change.value()](const QString& hash) mutable {
        change.passwordHash = hash;
        return apply(change);
    });
}

QHttpServerResponse AccountRoutes::listGroups(const QHttpServerRequest& request)
{
    auto who = caller(request);
    if (!who)
        return errorResponse(who.error());
    QJsonArray groups;
    for (const GroupRecord& group : m_users.groups())
        groups.append(group.toJson());
    return jsonResponse({{QStringLiteral("groups"), groups}});
}

QHttpServerResponse AccountRoutes::createGroup(const QHttpServerRequest& request)
{
    auto who = caller(request);
    if (!who)
        return errorResponse(who.error());
    if (!access::mayManageUsers(who.value().user.principal()))
        return errorResponse(accessDenied(QStringLiteral("add groups")));
    auto body = parseBody(request, {QStringLiteral("id"), QStringLiteral("name_zh"), QStringLiteral("name_en")});
    if (!body)
        return errorResponse(body.error());
    auto id = requiredString(body.value(), QStringLiteral("id"));
    auto nameZh = requiredString(body.value(), QStringLiteral("name_zh"));
    auto nameEn = optionalString(body.value(), QStringLiteral("name_en"));
    if (!id || !nameZh || !nameEn)
        return errorResponse(!id ? id.error() : !nameZh ? nameZh.error() : nameEn.error());
    m_users.setActor(who.value().user.id); // the change log says which admin did it
    const auto acted = qScopeGuard([this] { m_users.setActor({}); });
    auto created = m_users.createGroup({id.value(), nameZh.value(), nameEn.value().value_or(QString()), true});
    if (!created)
        return errorResponse(created.error());
    return jsonResponse(created.value().toJson(), StatusCode::Created);
}

} // namespace gongdan
