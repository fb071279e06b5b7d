#include "server/RecordRoutes.h"

#include "domain/Customer.h"
#include "server/ApiSupport.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <QUuid>

namespace gongdan {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponse::StatusCode;
using namespace api;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QList<RecordRoutes::Kind> kinds()
{
    using T = QJsonValue::Type;
    const RecordRoutes::Kind customers {QStringLiteral("customer"), QStringLiteral("customers"),
        QStringLiteral("customers"), QStringLiteral("customer"), QStringLiteral("customer.upsert"),
        {{QStringLiteral("name"), T::String}, {QStringLiteral("number"), T::String},
            {QStringLiteral("phones"), T::Array}, {QStringLiteral("level"), T::String},
            {QStringLiteral("region"), T::String}, {QStringLiteral("tags"), T::Array},
            {QStringLiteral("notes"), T::String}, {QStringLiteral("id_card"), T::String},
            {QStringLiteral("bank_card"), T::String}},
        {QStringLiteral("phones"), QStringLiteral("tags")}, {QStringLiteral("name")},
        [](const QString& id, const QDateTime& now) {
            return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("level"), Customer::levelKey({})},
                {QStringLiteral("created_at"), now.toString(Qt::ISODateWithMs)}};
        }};
    const RecordRoutes::Kind fields {QStringLiteral("field"), QStringLiteral("field-definitions"),
        QStringLiteral("field_definitions"), QStringLiteral("definition"), QStringLiteral("field.upsert"),
        {{QStringLiteral("key"), T::String}, {QStringLiteral("type"), T::String},
            {QStringLiteral("label_zh"), T::String}, {QStringLiteral("label_en"), T::String},
            {QStringLiteral("help_zh"), T::String}, {QStringLiteral("help_en"), T::String},
            {QStringLiteral("required"), T::Bool}, {QStringLiteral("required_to_close"), T::Bool},
            {QStringLiteral("default"), T::Undefined}, {QStringLiteral("options"), T::Array},
            {QStringLiteral("categories"), T::Array}, {QStringLiteral("edit_roles"), T::Array},
            {QStringLiteral("order"), T::Double}, {QStringLiteral("active"), T::Bool},
            {QStringLiteral("sensitive"), T::Bool}, {QStringLiteral("text_format"), T::String},
            {QStringLiteral("precision"), T::Double}, {QStringLiteral("max_length"), T::Double},
            {QStringLiteral("pattern"), T::String}, {QStringLiteral("pattern_message_zh"), T::String},
            {QStringLiteral("pattern_message_en"), T::String}, {QStringLiteral("min"), T::Double},
            {QStringLiteral("max"), T::Double}},
        {QStringLiteral("categories"), QStringLiteral("edit_roles")},
        {QStringLiteral("key"), QStringLiteral("type"), QStringLiteral("label_zh"), QStringLiteral("label_en")},
        [](const QString& id, const QDateTime&) {
            return QJsonObject {{QStringLiteral("id"), id}};
        }};
    const RecordRoutes::Kind categories {QStringLiteral("category"), QStringLiteral("categories"),
        QStringLiteral("categories"), QStringLiteral("category"), QStringLiteral("category.upsert"),
        {{QStringLiteral("parent_id"), T::String}, {QStringLiteral("name_zh"), T::String},
            {QStringLiteral("name_en"), T::String}, {QStringLiteral("order"), T::Double},
            {QStringLiteral("active"), T::Bool}, {QStringLiteral("group_id"), T::String}},
        {}, {QStringLiteral("name_zh")}, [](const QString& id, const QDateTime&) {
            return QJsonObject {{QStringLiteral("id"), id}};
        }};
    const RecordRoutes::Kind calendars {QStringLiteral("calendar"), QStringLiteral("calendars"),
        QStringLiteral("calendars"), QStringLiteral("calendar"), QStringLiteral("calendar.upsert"),
        {{QStringLiteral("name"), T::String}, {QStringLiteral("timezone"), T::String},
            {QStringLiteral("weekly"), T::Object}, {QStringLiteral("holidays"), T::Object},
            {QStringLiteral("workdays"), T::Object}},
        {}, {QStringLiteral("name"), QStringLiteral("timezone")}, [](const QString& id, const QDateTime&) {
            return QJsonObject {{QStringLiteral("id"), id}};
        }};
    const RecordRoutes::Kind policies {QStringLiteral("sla_policy"), QStringLiteral("sla-policies"),
        QStringLiteral("sla_policies"), QStringLiteral("policy"), QStringLiteral("sla_policy.upsert"),
        {{QStringLiteral("name"), T::String}, {QStringLiteral("position"), T::Double},
            {QStringLiteral("enabled"), T::Bool}, {QStringLiteral("match"), T::Object},
            {QStringLiteral("calendar_id"), T::String}, {QStringLiteral("targets"), T::Object},
            {QStringLiteral("warn"), T::Object}, {QStringLiteral("pause_first_response"), T::Bool},
            {QStringLiteral("status_behavior"), T::Object}},
        {}, {QStringLiteral("name")}, [](const QString& id, const QDateTime&) {
            return QJsonObject {{QStringLiteral("id"), id}};
        }};
    const RecordRoutes::Kind escalations {QStringLiteral("escalation_rule"), QStringLiteral("escalation-rules"),
        QStringLiteral("escalation_rules"), QStringLiteral("rule"), QStringLiteral("escalation_rule.upsert"),
        {{QStringLiteral("name"), T::String}, {QStringLiteral("enabled"), T::Bool},
            {QStringLiteral("policy_id"), T::String}, {QStringLiteral("metric"), T::String},
            {QStringLiteral("levels"), T::Array}},
        {}, {QStringLiteral("metric")}, [](const QString& id, const QDateTime&) {
            return QJsonObject {{QStringLiteral("id"), id}};
        }};
    const RecordRoutes::Kind dispatch {QStringLiteral("dispatch_setting"), QStringLiteral("dispatch-settings"),
        QStringLiteral("dispatch_settings"), QStringLiteral("setting"), QStringLiteral("dispatch_setting.upsert"),
        {{QStringLiteral("group_id"), T::String}, {QStringLiteral("enabled"), T::Bool},
            {QStringLiteral("strategy"), T::String}, {QStringLiteral("capacity"), T::Double},
            {QStringLiteral("capacity_overrides"), T::Object}, {QStringLiteral("counts_toward_load"), T::Array},
            {QStringLiteral("accept_timeout_min"), T::Double}, {QStringLiteral("max_misses"), T::Double},
            {QStringLiteral("overflow_after_min"), T::Double}, {QStringLiteral("overflow_group_id"), T::String},
            {QStringLiteral("vip_fallback_min"), T::Double}, {QStringLiteral("skill_fallback_min"), T::Double},
            {QStringLiteral("skill_rules"), T::Object}},
        {QStringLiteral("counts_toward_load")}, {QStringLiteral("group_id")}, [](const QString& id, const QDateTime&) {
            return QJsonObject {{QStringLiteral("id"), id}};
        }};
    // Saved report definitions (domain/ReportDefinition); the built-in examples are not records (ReportRoutes runs
    // them by their ids).
    const RecordRoutes::Kind reports {QStringLiteral("report"), QStringLiteral("reports"), QStringLiteral("reports"),
        QStringLiteral("report"), QStringLiteral("report.upsert"),
        {{QStringLiteral("name"), T::String}, {QStringLiteral("period"), T::Object},
            {QStringLiteral("match"), T::Object}, {QStringLiteral("grouping"), T::String},
            {QStringLiteral("measures"), T::Array}},
        {QStringLiteral("measures")}, {QStringLiteral("name"), QStringLiteral("grouping")},
        [](const QString& id, const QDateTime&) {
            return QJsonObject {{QStringLiteral("id"), id}};
        }};
    return {customers, fields, categories, calendars, policies, escalations, dispatch, reports};
}

/// A record as REST shows it: its data and its version on the server.
QJsonObject shown(const TeamRecord& record)
{
    QJsonObject data = record.data;
    data.insert(QStringLiteral("version"), record.version);
    return data;
}

Error notFound(const RecordRoutes::Kind& kind, const QString& id)
{
    return Error {kind.kind + QStringLiteral(".not_found"), QStringLiteral("There is no %1 \"%2\".").arg(kind.kind, id),
        QStringLiteral("id")};
}

} // namespace

RecordRoutes::RecordRoutes(AuthService& auth, SyncService& sync) : m_auth(auth), m_sync(sync), m_kinds(kinds()) { }

void RecordRoutes::install(QHttpServer& http)
{
    for (const Kind& kind : std::as_const(m_kinds)) {
        const QString base = QStringLiteral("/api/v1/") + kind.path;
        const Kind* k = &kind; // m_kinds does not change after construction
        http.route(base, Method::Get, [this, k](const QHttpServerRequest& request) { return list(*k, request); });
        http.route(
            base, Method::Post, [this, k](const QHttpServerRequest& request) { return write(*k, QString(), request); });
        http.route(base + QStringLiteral("/<arg>"), Method::Get,
            [this, k](const QString& id, const QHttpServerRequest& request) { return one(*k, id, request); });
        http.route(base + QStringLiteral("/<arg>"), Method::Patch,
            [this, k](const QString& id, const QHttpServerRequest& request) { return write(*k, id, request); });
    }
}

QHttpServerResponse RecordRoutes::list(const Kind& kind, const QHttpServerRequest& request)
{
    if (auto who = m_auth.authenticate(request); !who)
        return errorResponse(who.error());
    const QUrlQuery query = request.query();
    auto limit = limitParameter(request, 100, 1000);
    if (!limit)
        return errorResponse(limit.error());
    auto records = m_sync.applier().records().list(kind.kind,
        query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded).trimmed(),
        query.queryItemValue(QStringLiteral("after"), QUrl::FullyDecoded), limit.value());
    if (!records)
        return errorResponse(records.error());
    QJsonArray items;
    for (const TeamRecord& record : records.value())
        items.append(shown(record));
    QJsonObject body {{kind.listKey, items}};
    if (records.value().size() == limit.value())
        body.insert(QStringLiteral("next_after"), records.value().last().id);
    return jsonResponse(body);
}

QHttpServerResponse RecordRoutes::one(const Kind& kind, const QString& id, const QHttpServerRequest& request)
{
    if (auto who = m_auth.authenticate(request); !who)
        return errorResponse(who.error());
    const std::optional<TeamRecord> record = m_sync.applier().records().find(kind.kind, id);
    return record ? jsonResponse(shown(*record)) : errorResponse(notFound(kind, id));
}

QHttpServerResponse RecordRoutes::write(const Kind& kind, const QString& id, const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    QStringList allowed;
    for (const auto& field : kind.writable)
        allowed.append(field.first);
    auto body = parseBody(request, allowed);
    if (!body)
        return errorResponse(body.error());
    QList<std::pair<QString, QJsonValue::Type>> typed;
    for (const auto& field : kind.writable) {
        if (field.second != QJsonValue::Undefined)
            typed.append(field);
    }
    if (Status types = checkTypes(body.value(), typed); !types)
        return errorResponse(types.error());
    for (const QString& key : kind.stringArrays) {
        if (auto list = optionalStringList(body.value(), key); !list)
            return errorResponse(list.error());
    }
    const bool create = id.isEmpty();
    QJsonObject record;
    if (create) {
        for (const QString& key : kind.required) {
            if (auto present = requiredString(body.value(), key); !present)
                return errorResponse(present.error());
        }
        record = kind.fresh(newId(), m_sync.clock().now());
    } else {
        const std::optional<TeamRecord> existing = m_sync.applier().records().find(kind.kind, id);
        if (!existing)
            return errorResponse(notFound(kind, id));
        record = existing->data;
        record.remove(QStringLiteral("version")); // the server counts versions
    }
    for (auto it = body.value().begin(); it != body.value().end(); ++it)
        record.insert(it.key(), it.value());
    const QString recordId = record.value(QStringLiteral("id")).toString();
    const Mutation mutation {0, newId(), kind.mutation, recordId, {{kind.argKey, record}}};
    if (auto applied = m_sync.applyOne(who.value().user, mutation); !applied)
        return errorResponse(applied.error());
    const std::optional<TeamRecord> stored = m_sync.applier().records().find(kind.kind, recordId);
    if (!stored)
        return errorResponse(notFound(kind, recordId));
    return jsonResponse(shown(*stored), create ? StatusCode::Created : StatusCode::Ok);
}

} // namespace gongdan
