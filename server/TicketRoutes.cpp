#include "server/TicketRoutes.h"

#include "domain/Intents.h"
#include "domain/JsonCodec.h"
#include "domain/Uuid.h"
#include "server/ApiSupport.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <QUuid>
#include <cmath>

namespace gongdan {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponse::StatusCode;
using namespace api;

namespace {

// What a POST may set; the rest (status, times, number, version) follows from the rules. A PATCH takes what
// the rules' patch takes (Ticket::patchableFields).
const QList<std::pair<QString, QJsonValue::Type>> kWritable {{QStringLiteral("subject"), QJsonValue::String},
    {QStringLiteral("description"), QJsonValue::String}, {QStringLiteral("need_type"), QJsonValue::String},
    {QStringLiteral("channel"), QJsonValue::String}, {QStringLiteral("priority"), QJsonValue::String},
    {QStringLiteral("category_id"), QJsonValue::String}, {QStringLiteral("tags"), QJsonValue::Array},
    {QStringLiteral("group_id"), QJsonValue::String}, {QStringLiteral("assignee_id"), QJsonValue::String},
    {QStringLiteral("customer_id"), QJsonValue::String}, {QStringLiteral("contact_name"), QJsonValue::String},
    {QStringLiteral("contact_phone"), QJsonValue::String}, {QStringLiteral("custom_fields"), QJsonValue::Object}};

QStringList keysOf(const QList<std::pair<QString, QJsonValue::Type>>& fields)
{
    QStringList keys;
    for (const auto& field : fields)
        keys.append(field.first);
    return keys;
}

/// The body, refused when too large, malformed, with an unknown key or a value of the wrong type.
Result<QJsonObject> typedBody(
    const QHttpServerRequest& request, const QList<std::pair<QString, QJsonValue::Type>>& fields)
{
    auto body = parseBody(request, keysOf(fields));
    if (!body)
        return body.error();
    if (Status types = checkTypes(body.value(), fields); !types)
        return types.error();
    return body;
}

/// The comment's "attachments": references to bytes uploaded (or still to be uploaded) to /api/v1/attachments.
Result<QList<AttachmentRef>> attachmentsOf(const QJsonObject& body)
{
    const QJsonValue list = body.value(QStringLiteral("attachments"));
    QList<AttachmentRef> refs;
    if (list.isUndefined())
        return refs;
    const Error wrong {QStringLiteral("request.wrong_type"),
        QStringLiteral("\"attachments\" is a list of {sha256: 64 lowercase hex digits, name, mime, size}."),
        QStringLiteral("attachments")};
    if (!list.isArray())
        return wrong;
    for (const QJsonValue& item : list.toArray()) {
        std::optional<AttachmentRef> ref = AttachmentRef::fromJson(item);
        if (!ref)
            return wrong;
        refs.append(*ref);
    }
    return refs;
}

} // namespace

TicketRoutes::TicketRoutes(
    AuthService& auth, SyncStore& store, SyncService& sync, MutationApplier& applier, const Clock& clock)
    : m_auth(auth), m_store(store), m_sync(sync), m_applier(applier), m_clock(clock)
{
}

void TicketRoutes::install(QHttpServer& http)
{
    http.route(QStringLiteral("/api/v1/tickets"), Method::Get,
        [this](const QHttpServerRequest& request) { return list(request); });
    http.route(QStringLiteral("/api/v1/tickets/<arg>"), Method::Get,
        [this](const QString& key, const QHttpServerRequest& request) { return one(key, request); });
    http.route(QStringLiteral("/api/v1/tickets/<arg>/comments"), Method::Get,
        [this](const QString& id, const QHttpServerRequest& request) { return comments(id, request); });
    http.route(QStringLiteral("/api/v1/tickets/<arg>/comments"), Method::Post,
        [this](const QString& id, const QHttpServerRequest& request) { return addComment(id, request); });
    http.route(QStringLiteral("/api/v1/tickets/<arg>/events"), Method::Get,
        [this](const QString& key, const QHttpServerRequest& request) { return events(key, request); });
    http.route(QStringLiteral("/api/v1/tickets"), Method::Post,
        [this](const QHttpServerRequest& request) { return create(request); });
    http.route(QStringLiteral("/api/v1/tickets/<arg>"), Method::Patch,
        [this](const QString& key, const QHttpServerRequest& request) { return patch(key, request); });
    http.route(QStringLiteral("/api/v1/tickets/<arg>/transitions"), Method::Post,
        [this](const QString& key, const QHttpServerRequest& request) { return transition(key, request); });
    http.route(QStringLiteral("/api/v1/tickets/<arg>/satisfaction"), Method::Post,
        [this](const QString& key, const QHttpServerRequest& request) { return satisfaction(key, request); });
    http.route(QStringLiteral("/api/v1/tickets/<arg>/links"), Method::Post,
        [this](const QString& key, const QHttpServerRequest& request) { return link(key, {}, request); });
    http.route(QStringLiteral("/api/v1/tickets/<arg>/links/<arg>"), Method::Delete,
        [this](const QString& key, const QString& other, const QHttpServerRequest& request) {
            return link(key, other, request);
        });
}

Result<std::pair<UserRecord, Ticket>> TicketRoutes::readable(const QHttpServerRequest& request, const QString& key)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return who.error();
    const UserRecord& user = who.value().user;
    std::optional<Ticket> ticket = m_store.ticket(key);
    if (!ticket)
        ticket = m_store.ticketByNumberOrAlias(key);
    // A ticket the caller may not see is, to them, no ticket: the same answer as the ticket rules give (and
    // a workstation, which never holds it), and no hint which tickets other groups have.
    if (!ticket || !access::mayRead(user.principal(), ticket->groupId, ticket->assigneeId, ticket->createdBy))
        return Error {QStringLiteral("ticket.not_found"),
            QStringLiteral("There is no ticket \"%1\" among those you can see.").arg(key), QStringLiteral("id")};
    return std::pair {user, *ticket};
}

QHttpServerResponse TicketRoutes::list(const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    const QUrlQuery query = request.query();
    auto limit = limitParameter(request, 100, 1000);
    if (!limit)
        return errorResponse(limit.error());
    auto tickets
        = m_store.tickets(who.value().user.principal(), query.queryItemValue(QStringLiteral("before")), limit.value());
    if (!tickets)
        return errorResponse(tickets.error());
    QJsonArray list;
    for (const Ticket& ticket : tickets.value())
        list.append(JsonCodec::toJson(ticket));
    QJsonObject body {{QStringLiteral("tickets"), list}};
    if (tickets.value().size() == limit.value())
        body.insert(QStringLiteral("next_before"), tickets.value().last().id);
    return jsonResponse(body);
}

QHttpServerResponse TicketRoutes::one(const QString& key, const QHttpServerRequest& request)
{
    auto found = readable(request, key);
    if (!found)
        return errorResponse(found.error());
    const auto& [user, ticket] = found.value();
    QJsonArray conflicts;
    for (const QJsonObject& conflict : m_store.conflicts(ticket.id))
        conflicts.append(conflict);
    QJsonObject body = m_applier.ticketData(ticket);
    body.insert(QStringLiteral("conflicts"), conflicts);
    return jsonResponse(body);
}

QHttpServerResponse TicketRoutes::comments(const QString& id, const QHttpServerRequest& request)
{
    auto found = readable(request, id);
    if (!found)
        return errorResponse(found.error());
    const auto& [user, ticket] = found.value();
    QJsonArray list;
    for (const Comment& comment : m_store.comments(ticket.id))
        list.append(JsonCodec::toJson(comment));
    return jsonResponse({{QStringLiteral("comments"), list}});
}

QHttpServerResponse TicketRoutes::events(const QString& key, const QHttpServerRequest& request)
{
    auto found = readable(request, key);
    if (!found)
        return errorResponse(found.error());
    QJsonArray list;
    for (const QJsonObject& event : m_store.events(found.value().second.id))
        list.append(event);
    return jsonResponse({{QStringLiteral("events"), list}});
}

QHttpServerResponse TicketRoutes::addComment(const QString& id, const QHttpServerRequest& request)
{
    auto found = readable(request, id);
    if (!found)
        return errorResponse(found.error());
    const auto& [user, ticket] = found.value();
    auto body
        = parseBody(request, {QStringLiteral("body"), QStringLiteral("visibility"), QStringLiteral("attachments")});
    if (!body)
        return errorResponse(body.error());
    auto text = optionalString(body.value(), QStringLiteral("body"));
    auto visibility = optionalString(body.value(), QStringLiteral("visibility"));
    auto attachments = attachmentsOf(body.value());
    if (!text || !visibility || !attachments)
        return errorResponse(!text ? text.error() : !visibility ? visibility.error() : attachments.error());
    // A blank body is the rules' to refuse (comment.empty, unless files are attached), as for a pushed comment.
    if (!text.value() && attachments.value().isEmpty())
        return errorResponse(Error {
            QStringLiteral("request.missing_field"), QStringLiteral("\"body\" is required."), QStringLiteral("body")});
    const std::optional<CommentVisibility> kind
        = EnumText<CommentVisibility>::fromKey(visibility.value().value_or(QStringLiteral("public")));
    if (!kind)
        return errorResponse(Error {QStringLiteral("comment.visibility"),
            QStringLiteral("visibility is \"public\" or \"internal\"."), QStringLiteral("visibility")});
    const Comment comment {QUuid::createUuid().toString(QUuid::WithoutBraces), ticket.id, user.id, *kind,
        text.value().value_or(QString()), attachments.value(), m_clock.now()};
    const Mutation mutation {0, QUuid::createUuid().toString(QUuid::WithoutBraces), intent::CommentAdd, ticket.id,
        {{QStringLiteral("comment"), JsonCodec::toJson(comment)}}};
    if (auto applied = m_sync.applyOne(user, mutation); !applied)
        return errorResponse(applied.error());
    return jsonResponse(JsonCodec::toJson(comment), StatusCode::Created);
}

QHttpServerResponse TicketRoutes::write(
    const UserRecord& user, const Mutation& mutation, QHttpServerResponse::StatusCode status)
{
    if (auto applied = m_sync.applyOne(user, mutation); !applied)
        return errorResponse(applied.error());
    const std::optional<Ticket> ticket = m_store.ticket(mutation.entityId);
    if (!ticket)
        return errorResponse(
            Error {QStringLiteral("ticket.not_found"), QStringLiteral("The ticket is gone."), QStringLiteral("id")});
    return jsonResponse(m_applier.ticketData(*ticket), status);
}

QHttpServerResponse TicketRoutes::create(const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    auto body = typedBody(request, kWritable);
    if (!body)
        return errorResponse(body.error());
    if (!body.value().contains(QStringLiteral("subject"))) // a blank one is the rules' to refuse, as when pushed
        return errorResponse(Error {QStringLiteral("request.missing_field"), QStringLiteral("\"subject\" is required."),
            QStringLiteral("subject")});
    Ticket fresh;
    fresh.id = UuidV7Generator(m_clock).next(); // ids sort by creation: lists are newest first by id
    fresh.createdAt = fresh.updatedAt = m_clock.now();
    fresh.channel = Channel::Api;
    QJsonObject json = JsonCodec::toJson(fresh);
    for (auto it = body.value().begin(); it != body.value().end(); ++it)
        json.insert(it.key(), it.value());
    if (auto parsed = JsonCodec::ticketFromJson(json); !parsed)
        return errorResponse(parsed.error()); // a need type, channel or priority that does not exist
    return write(who.value().user,
        {0, QUuid::createUuid().toString(QUuid::WithoutBraces), intent::TicketCreate, fresh.id,
            {{QStringLiteral("ticket"), json}}},
        StatusCode::Created);
}

QHttpServerResponse TicketRoutes::patch(const QString& key, const QHttpServerRequest& request)
{
    auto found = readable(request, key);
    if (!found)
        return errorResponse(found.error());
    const auto& [user, ticket] = found.value();
    // Every key goes to the ticket rules, which refuse what may not be edited (patch.unknown_field) or has
    // the wrong type (patch.type): a PATCH is decided exactly as a pushed ticket.patch.
    auto body = parseObject(request);
    if (!body)
        return errorResponse(body.error());
    return write(user,
        {0, QUuid::createUuid().toString(QUuid::WithoutBraces), intent::TicketPatch, ticket.id,
            {{QStringLiteral("patch"), body.value()}}},
        StatusCode::Ok);
}

QHttpServerResponse TicketRoutes::transition(const QString& key, const QHttpServerRequest& request)
{
    auto found = readable(request, key);
    if (!found)
        return errorResponse(found.error());
    const auto& [user, ticket] = found.value();
    auto body = typedBody(request,
        {{QStringLiteral("action"), QJsonValue::String}, {QStringLiteral("resolution"), QJsonValue::String},
            {QStringLiteral("answer"), QJsonValue::String}, {QStringLiteral("note"), QJsonValue::String},
            {QStringLiteral("merge_target"), QJsonValue::String}, {QStringLiteral("target_group"), QJsonValue::String},
            {QStringLiteral("note_id"), QJsonValue::String}, {QStringLiteral("satisfaction"), QJsonValue::Double},
            {QStringLiteral("satisfaction_comment"), QJsonValue::String}});
    if (!body)
        return errorResponse(body.error());
    if (auto action = requiredString(body.value(), QStringLiteral("action")); !action)
        return errorResponse(action.error());
    return write(user,
        {0, QUuid::createUuid().toString(QUuid::WithoutBraces), intent::TicketTransition, ticket.id, body.value()},
        StatusCode::Ok);
}

QHttpServerResponse TicketRoutes::satisfaction(const QString& key, const QHttpServerRequest& request)
{
    // The customer's answer to a survey, from whatever channel asked: a "rate" transition (a low score reopens
    // the ticket for follow-up and tells its supervisors), decided exactly as one a desk pushes.
    auto found = readable(request, key);
    if (!found)
        return errorResponse(found.error());
    const auto& [user, ticket] = found.value();
    auto body = typedBody(
        request, {{QStringLiteral("score"), QJsonValue::Double}, {QStringLiteral("comment"), QJsonValue::String}});
    if (!body)
        return errorResponse(body.error());
    const QJsonValue score = body.value().value(QStringLiteral("score"));
    if (score.isUndefined())
        return errorResponse(Error {QStringLiteral("request.missing_field"),
            QStringLiteral("\"score\" (1 to 5) is required."), QStringLiteral("score")});
    if (const double value = score.toDouble(); value != std::floor(value) || value < 1 || value > 5)
        return errorResponse(Error {QStringLiteral("transition.bad_score"),
            QStringLiteral("\"score\" is a whole number from 1 to 5."), QStringLiteral("score")});
    const QJsonObject args {{QStringLiteral("action"), Lifecycle::actionKey(TicketAction::Rate)},
        {QStringLiteral("satisfaction"), body.value().value(QStringLiteral("score"))},
        {QStringLiteral("satisfaction_comment"), body.value().value(QStringLiteral("comment"))}};
    return write(user,
        {0, QUuid::createUuid().toString(QUuid::WithoutBraces), intent::TicketTransition, ticket.id, args},
        StatusCode::Ok);
}

QHttpServerResponse TicketRoutes::link(const QString& key, const QString& unlinkFrom, const QHttpServerRequest& request)
{
    auto found = readable(request, key);
    if (!found)
        return errorResponse(found.error());
    const auto& [user, ticket] = found.value();
    QString other = unlinkFrom;
    if (other.isEmpty()) { // POST {target_id}: link
        auto body = typedBody(request, {{QStringLiteral("target_id"), QJsonValue::String}});
        if (!body)
            return errorResponse(body.error());
        auto target = requiredString(body.value(), QStringLiteral("target_id"));
        if (!target)
            return errorResponse(target.error());
        other = target.value();
    }
    // The other ticket by id, number or provisional reference; one out of sight is the rules' to refuse
    // (ticket.link_target), exactly as a pushed link.
    if (!m_store.ticket(other)) {
        if (const std::optional<Ticket> named = m_store.ticketByNumberOrAlias(other))
            other = named->id;
    }
    const bool linked = unlinkFrom.isEmpty();
    return write(user,
        {0, QUuid::createUuid().toString(QUuid::WithoutBraces), intent::TicketLink, ticket.id,
            {{QStringLiteral("target_id"), other}, {QStringLiteral("linked"), linked}}},
        StatusCode::Ok);
}

} // namespace gongdan
