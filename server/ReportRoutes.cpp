#include "server/ReportRoutes.h"

#include "server/ApiSupport.h"
#include "server/HttpApi.h"
#include "server/PendingReply.h"

namespace gongdan {

using Method = QHttpServerRequest::Method;
using namespace api;

namespace {

void answer(const std::shared_ptr<PendingReply>& reply, ReportRunner& runner, const ReportDefinition& definition,
    const UserRecord& who)
{
    runner.run(
        definition, who, [reply] { return reply->connected(); },
        [reply](Result<QByteArray> body) {
            if (!body)
                return reply->send(errorResponse(body.error()));
            reply->send(QHttpServerResponse(QByteArrayLiteral("application/x-ndjson"), body.value()));
        });
}

} // namespace

ReportRoutes::ReportRoutes(AuthService& auth, ReportRunner& runner) : m_auth(auth), m_runner(runner) { }

void ReportRoutes::install(HttpApi& api)
{
    m_api = &api;
    api.http().route(QStringLiteral("/api/v1/reports/run"), Method::Post,
        [this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            runPosted(request, std::move(responder));
        });
    api.http().route(QStringLiteral("/api/v1/reports/<arg>/rows"), Method::Get,
        [this](const QString& id, const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            runSaved(id, request, std::move(responder));
        });
}

void ReportRoutes::runPosted(const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    auto reply = std::make_shared<PendingReply>(request, std::move(responder), *m_api);
    auto who = m_auth.authenticate(request);
    if (!who)
        return reply->send(errorResponse(who.error()));
    if (!access::maySuperviseFloor(who.value().user.principal()))
        return reply->send(errorResponse(accessDenied(QStringLiteral("run reports"))));
    auto body = parseBody(request,
        {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("period"), QStringLiteral("match"),
            QStringLiteral("grouping"), QStringLiteral("measures"), QStringLiteral("version")});
    if (!body)
        return reply->send(errorResponse(body.error()));
    if (Status types = checkTypes(body.value(),
            {{QStringLiteral("id"), QJsonValue::String}, {QStringLiteral("name"), QJsonValue::String},
                {QStringLiteral("period"), QJsonValue::Object}, {QStringLiteral("match"), QJsonValue::Object},
                {QStringLiteral("grouping"), QJsonValue::String}, {QStringLiteral("measures"), QJsonValue::Array},
                {QStringLiteral("version"), QJsonValue::Double}});
        !types)
        return reply->send(errorResponse(types.error()));
    QJsonObject json = body.value();
    if (json.value(QStringLiteral("name")).toString().trimmed().isEmpty())
        json.insert(QStringLiteral("name"), QStringLiteral("report")); // a report run once needs no name
    auto definition = ReportDefinition::fromJson(json);
    if (!definition)
        return reply->send(errorResponse(definition.error()));
    answer(reply, m_runner, definition.value(), who.value().user);
}

void ReportRoutes::runSaved(const QString& id, const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    auto reply = std::make_shared<PendingReply>(request, std::move(responder), *m_api);
    auto who = m_auth.authenticate(request);
    if (!who)
        return reply->send(errorResponse(who.error()));
    if (!access::maySuperviseFloor(who.value().user.principal()))
        return reply->send(errorResponse(accessDenied(QStringLiteral("run reports"))));
    auto definition = m_runner.saved(id);
    if (!definition)
        return reply->send(errorResponse(definition.error()));
    answer(reply, m_runner, definition.value(), who.value().user);
}

} // namespace gongdan
