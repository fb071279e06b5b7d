#include "tests/support/SyncDevice.h"

#include "domain/JsonCodec.h"

#include <QUuid>

namespace gongdan::test {

QString signIn(const QString& baseUrl, const QString& login, const QString& password)
{
    HttpClient http(baseUrl);
    const HttpResult signedIn = http.post(
        QStringLiteral("/api/v1/session"), {{QStringLiteral("login"), login}, {QStringLiteral("password"), password}});
    if (signedIn.status != 201)
        qFatal("sign-in failed: %s", signedIn.raw.constData());
    return signedIn.body.value(QStringLiteral("token")).toString();
}

SyncDevice::SyncDevice(const QString& baseUrl, const QString& token)
    : http(baseUrl), clientId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    http.setToken(token);
}

QJsonObject SyncDevice::mutation(const QString& name, const QString& entityId, const QJsonObject& args)
{
    return {{QStringLiteral("seq"), ++nextSeq},
        {QStringLiteral("mutation_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("name"), name}, {QStringLiteral("entity_id"), entityId}, {QStringLiteral("args"), args}};
}

HttpResult SyncDevice::push(const QJsonArray& mutations)
{
    return http.post(QStringLiteral("/v1/sync/push"),
        {{QStringLiteral("client_id"), clientId}, {QStringLiteral("mutations"), mutations}});
}

QJsonArray SyncDevice::pullAll(int pageSize, bool withTeam)
{
    QJsonArray all;
    for (;;) {
        const HttpResult page = http.get(
            QStringLiteral("/v1/sync/pull?client_id=%1&cursor=%2&limit=%3").arg(clientId).arg(cursor).arg(pageSize));
        if (page.status != 200) {
            lastError = QString::fromUtf8(page.raw);
            return all;
        }
        for (const QJsonValue& change : page.body.value(QStringLiteral("changes")).toArray()) {
            const QString entity = change.toObject().value(QStringLiteral("entity")).toString();
            if (withTeam || (entity != QLatin1String("user") && entity != QLatin1String("group")))
                all.append(change);
        }
        cursor = page.body.value(QStringLiteral("next_cursor")).toInteger();
        if (!page.body.value(QStringLiteral("has_more")).toBool())
            return all;
    }
}

Ticket newTicket(const QString& subject, const QString& group, const QString& provisional)
{
    Ticket t;
    t.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    t.number = provisional;
    t.subject = subject;
    t.groupId = group;
    t.priority = Priority::Urgent;
    t.createdAt = t.updatedAt = QDateTime::currentDateTimeUtc();
    return t;
}

QJsonObject createArgs(const Ticket& ticket)
{
    return {{QStringLiteral("ticket"), JsonCodec::toJson(ticket)}};
}

QJsonObject commentArgs(const QString& ticketId, const QString& body)
{
    const Comment c {QUuid::createUuid().toString(QUuid::WithoutBraces), ticketId, QString(), CommentVisibility::Public,
        body, {}, QDateTime::currentDateTimeUtc()};
    return {{QStringLiteral("comment"), JsonCodec::toJson(c)}};
}

} // namespace gongdan::test
