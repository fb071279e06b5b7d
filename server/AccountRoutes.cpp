#include "server/AccountRoutes.h"

#include "server/ApiSupport.h"

#include <QJsonArray>
#include <QScopeGuard>

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

} // namespace

AccountRoutes::AccountRoutes(AuthService& auth, UserRepository& users, const PasswordHasher& hasher)
    : m_auth(auth), m_users(users), m_hasher(hasher)
{
}

void AccountRoutes::install(QHttpServer& http)
{
    http.route(QStringLiteral("/api/v1/session"), Method::Post,
        [this](const QHttpServerRequest& request) { return signIn(request); });
    http.route(QStringLiteral("/api/v1/session"), Method::Delete,
        [this](const QHttpServerRequest& request) { return signOut(request); });
    http.route(
        QStringLiteral("/api/v1/me"), Method::Get, [this](const QHttpServerRequest& request) { return me(request); });
    http.route(QStringLiteral("/api/v1/users"), Method::Get,
        [this](const QHttpServerRequest& request) { return listUsers(request); });
    http.route(QStringLiteral("/api/v1/users"), Method::Post,
        [this](const QHttpServerRequest& request) { return createUser(request); });
    http.route(QStringLiteral("/api/v1/users/<arg>"), Method::Get,
        [this](const QString& id, const QHttpServerRequest& request) { return getUser(id, request); });
    http.route(QStringLiteral("/api/v1/users/<arg>"), Method::Patch,
        [this](const QString& id, const QHttpServerRequest& request) { return updateUser(id, request); });
    http.route(QStringLiteral("/api/v1/groups"), Method::Get,
        [this](const QHttpServerRequest& request) { return listGroups(request); });
    http.route(QStringLiteral("/api/v1/groups"), Method::Post,
        [this](const QHttpServerRequest& request) { return createGroup(request); });
}

Result<Authenticated> AccountRoutes::caller(const QHttpServerRequest& request)
{
    return m_auth.authenticate(request);
}

QHttpServerResponse AccountRoutes::signIn(const QHttpServerRequest& request)
{
    m_auth.beginRequest(request); // a sign-in, failed or not, is audited with the address it came from
    auto body = parseBody(request, {QStringLiteral("login"), QStringLiteral("password"), QStringLiteral("device")});
    if (!body)
        return errorResponse(body.error());
    auto login = requiredString(body.value(), QStringLiteral("login"));
    auto password = requiredString(body.value(), QStringLiteral("password"));
    auto device = optionalString(body.value(), QStringLiteral("device"));
    if (!login || !password || !device)
        return errorResponse(!login ? login.error() : !password ? password.error() : device.error());
    auto signedIn = m_auth.signIn(login.value(), password.value(), device.value().value_or(QString()));
    if (!signedIn) {
        QHttpServerResponse response = errorResponse(signedIn.error());
        if (signedIn.error().code == QLatin1String("auth.throttled"))
            response.addHeader(
                QByteArrayLiteral("Retry-After"), QByteArray::number((m_auth.waitMs(login.value()) + 999) / 1000));
        return response;
    }
    QJsonObject answer {{QStringLiteral("token"), signedIn.value().token},
        {QStringLiteral("expires_ms"), signedIn.value().expiresMs},
        {QStringLiteral("user"), signedIn.value().user.toJson()}};
    if (m_attachmentLimit > 0) // what the desk may upload (AttachmentRoutes), told before it tries
        answer.insert(QStringLiteral("attachment_limit_bytes"), m_attachmentLimit);
    return jsonResponse(answer, StatusCode::Created);
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

QHttpServerResponse AccountRoutes::createUser(const QHttpServerRequest& request)
{
    auto who = caller(request);
    if (!who)
        return errorResponse(who.error());
    if (!access::mayManageUsers(who.value().user.principal()))
        return errorResponse(accessDenied(QStringLiteral("add users")));
    auto body = parseBody(request, kUserFields);
    if (!body)
        return errorResponse(body.error());
    auto login = requiredString(body.value(), QStringLiteral("login"));
    auto password = requiredString(body.value(), QStringLiteral("password"));
    auto change = userChange(body.value());
    if (!login || !password || !change)
        return errorResponse(!login ? login.error() : !password ? password.error() : change.error());
    if (!change.value().name)
        return errorResponse(Error {
            QStringLiteral("request.missing_field"), QStringLiteral("\"name\" is required."), QStringLiteral("name")});
    if (!change.value().role)
        return errorResponse(Error {
            QStringLiteral("request.missing_field"), QStringLiteral("\"role\" is required."), QStringLiteral("role")});
    auto hashed = m_hasher.hash(password.value());
    if (!hashed)
        return errorResponse(hashed.error());
    UserRecord user;
    user.login = login.value();
    user.name = *change.value().name;
    user.role = *change.value().role;
    user.active = change.value().active.value_or(true);
    user.groupIds = change.value().groupIds.value_or(QStringList());
    user.skills = change.value().skills.value_or(QStringList());
    user.passwordHash = hashed.value();
    m_users.setActor(who.value().user.id); // the change log says which admin did it
    const auto acted = qScopeGuard([this] { m_users.setActor({}); });
    auto created = m_users.create(user);
    if (!created)
        return errorResponse(created.error());
    return jsonResponse(created.value().toJson(), StatusCode::Created);
}

QHttpServerResponse AccountRoutes::updateUser(const QString& id, const QHttpServerRequest& request)
{
    auto who = caller(request);
    if (!who)
        return errorResponse(who.error());
    auto body = parseBody(request, kUserFields);
    if (!body)
        return errorResponse(body.error());
    // Anyone may change their own password; everything else about users is for admins.
    const bool ownPasswordOnly
        = who.value().user.id == id && body.value().size() == 1 && body.value().contains(QStringLiteral("password"));
    if (!ownPasswordOnly && !access::mayManageUsers(who.value().user.principal()))
        return errorResponse(accessDenied(QStringLiteral("change users")));
    if (body.value().contains(QStringLiteral("login")))
        return errorResponse(Error {
            QStringLiteral("user.login_fixed"), QStringLiteral("A login cannot be changed."), QStringLiteral("login")});
    auto change = userChange(body.value());
    auto password = optionalString(body.value(), QStringLiteral("password"));
    if (!change || !password)
        return errorResponse(!change ? change.error() : password.error());
    if (password.value()) { // hashed before anything is written, so a refused password changes nothing
        auto hashed = m_hasher.hash(*password.value());
        if (!hashed)
            return errorResponse(hashed.error());
        change.value().passwordHash = hashed.value();
    }
    m_users.setActor(who.value().user.id); // the change log says which admin did it
    const auto acted = qScopeGuard([this] { m_users.setActor({}); });
    auto updated = m_auth.update(id, change.value());
    if (!updated)
        return errorResponse(updated.error());
    return jsonResponse(updated.value().toJson());
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
