#include "server/CalendarRoutes.h"

#include "domain/BusinessCalendar.h"
#include "server/ApiSupport.h"
#include "server/CalendarCommand.h"

#include <QJsonArray>

namespace gongdan {

using namespace api;

namespace {

constexpr qint64 kMaxMinutes = 366LL * 24 * 60; ///< a year of minutes (the calendar is searched ten years ahead)
constexpr qsizetype kMaxPauses = 1000;

} // namespace

CalendarRoutes::CalendarRoutes(AuthService& auth, SlaRecompute& recompute) : m_auth(auth), m_recompute(recompute) { }

void CalendarRoutes::install(QHttpServer& http)
{
    http.route(QStringLiteral("/api/v1/calendars/due"), QHttpServerRequest::Method::Post,
        [this](const QHttpServerRequest& request) { return due(request); });
    http.route(QStringLiteral("/api/v1/calendars/shipped/<arg>"), QHttpServerRequest::Method::Get,
        [this](const QString& name, const QHttpServerRequest& request) { return shipped(name, request); });
    http.route(QStringLiteral("/api/v1/sla/recompute"), QHttpServerRequest::Method::Get,
        [this](const QHttpServerRequest& request) { return recomputeProgress(request); });
}

QHttpServerResponse CalendarRoutes::recomputeProgress(const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    if (who.value().user.role != Role::Admin)
        return errorResponse(accessDenied(QStringLiteral("see the SLA recompute")));
    return jsonResponse(m_recompute.progress());
}

QHttpServerResponse CalendarRoutes::due(const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    auto body = parseBody(request,
        {QStringLiteral("calendar"), QStringLiteral("from"), QStringLiteral("minutes"), QStringLiteral("pauses")});
    if (!body)
        return errorResponse(body.error());
    const QJsonObject& json = body.value();
    if (Status typed = checkTypes(json,
            {{QStringLiteral("calendar"), QJsonValue::Object}, {QStringLiteral("minutes"), QJsonValue::Double},
                {QStringLiteral("pauses"), QJsonValue::Array}});
        !typed)
        return errorResponse(typed.error());
    if (!json.contains(QStringLiteral("calendar")))
        return errorResponse(Error {QStringLiteral("request.missing_field"),
            QStringLiteral("\"calendar\" is required."), QStringLiteral("calendar")});
    auto calendar = BusinessCalendar::fromJson(json.value(QStringLiteral("calendar")).toObject());
    if (!calendar) {
        Error error = calendar.error();
        error.field = QStringLiteral("calendar.") + error.field;
        return errorResponse(error);
    }
    auto fromText = requiredString(json, QStringLiteral("from"));
    if (!fromText)
        return errorResponse(fromText.error());
    auto from = instant::parse(fromText.value(), QStringLiteral("from"));
    if (!from)
        return errorResponse(from.error());
    const double minutes = json.value(QStringLiteral("minutes")).toDouble(-1);
    if (!json.contains(QStringLiteral("minutes")) || minutes < 0 || minutes > kMaxMinutes
        || minutes != static_cast<double>(static_cast<qint64>(minutes)))
        return errorResponse(Error {QStringLiteral("calendar.bad_minutes"),
            QStringLiteral("\"minutes\" is a whole number of business minutes from 0 to %1.").arg(kMaxMinutes),
            QStringLiteral("minutes")});
    const QJsonArray pauseList = json.value(QStringLiteral("pauses")).toArray();
    if (pauseList.size() > kMaxPauses)
        return errorResponse(Error {QStringLiteral("request.too_many"),
            QStringLiteral("At most %1 pauses.").arg(kMaxPauses), QStringLiteral("pauses")});
    QList<InstantSpan> pauses;
    for (qsizetype i = 0; i < pauseList.size(); ++i) {
        const QString field = QStringLiteral("pauses[%1]").arg(i);
        const QJsonObject pause = pauseList.at(i).toObject();
        if (!pauseList.at(i).isObject() || !pause.value(QStringLiteral("from")).isString()
            || !pause.value(QStringLiteral("to")).isString() || pause.size() != 2)
            return errorResponse(Error {QStringLiteral("request.wrong_type"),
                QStringLiteral("A pause is {\"from\": INSTANT, \"to\": INSTANT}."), field});
        auto pauseFrom
            = instant::parse(pause.value(QStringLiteral("from")).toString(), field + QStringLiteral(".from"));
        if (!pauseFrom)
            return errorResponse(pauseFrom.error());
        auto pauseTo = instant::parse(pause.value(QStringLiteral("to")).toString(), field + QStringLiteral(".to"));
        if (!pauseTo)
            return errorResponse(pauseTo.error());
        if (pauseTo.value() < pauseFrom.value())
            return errorResponse(Error {QStringLiteral("calendar.bad_pause"),
                QStringLiteral("A pause ends after it starts."), field + QStringLiteral(".to")});
        pauses.append({pauseFrom.value(), pauseTo.value()});
    }
    auto due = calendar.value().addBusinessSeconds(from.value(), static_cast<qint64>(minutes) * 60, pauses);
    if (!due)
        return errorResponse(due.error());
    return jsonResponse(QJsonObject {{QStringLiteral("due"), instant::format(due.value())},
        {QStringLiteral("business_minutes"), static_cast<qint64>(minutes)}});
}

QHttpServerResponse CalendarRoutes::shipped(const QString& name, const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    auto calendar = shippedCalendar(name);
    if (!calendar)
        return errorResponse(
            Error {QStringLiteral("calendar.not_found"), calendar.error().message, QStringLiteral("name")});
    return jsonResponse(calendar.value());
}

} // namespace gongdan
