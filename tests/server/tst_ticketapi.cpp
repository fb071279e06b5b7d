// Tickets over the REST API against a real gongdan-server on both backends: each role sees exactly its
// scope (list, one, comments), by id, number or provisional reference; a comment added over REST goes
// through the sync rules and reaches the devices' pulls; every refusal is a 4xx that changes nothing.
#include "SyncDevice.h"

#include <QTest>
#include <memory>

using namespace gongdan;
using namespace gongdan::test;

class TestTicketApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void eachRoleSeesItsScope_data() { addBackendRows(); }
    void eachRoleSeesItsScope();
    void commentsGoThroughTheSyncRules_data() { addBackendRows(); }
    void commentsGoThroughTheSyncRules();

private:
    std::unique_ptr<HttpClient> as(const QString& login, const QString& password);

    std::unique_ptr<SeededServer> m_fixture;
    QString m_ticketId;
    QString m_number;
};

void TestTicketApi::init()
{
    QFETCH(QString, backend);
    m_fixture = std::make_unique<SeededServer>(backend);
    if (const QString why = m_fixture->skipReason(); !why.isEmpty())
        QSKIP(qPrintable(why));
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->server().lastLog()));
    // li.na's workstation pushes a ticket for the service group.
    SyncDevice li(
        m_fixture->baseUrl(), signIn(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password")));
    const Ticket ticket
        = newTicket(QStringLiteral("打印机卡纸"), QStringLiteral("service"), QStringLiteral("K7Q-0009"));
    const HttpResult pushed = li.push({li.mutation(QStringLiteral("ticket.create"), ticket.id, createArgs(ticket))});
    m_ticketId = ticket.id;
    m_number = pushed.body.value(QStringLiteral("results"))
                   .toArray()
                   .at(0)
                   .toObject()
                   .value(QStringLiteral("number"))
                   .toString();
    QVERIFY(m_number.startsWith(QLatin1Char('G')));
}

void TestTicketApi::cleanup()
{
    m_fixture.reset();
}

std::unique_ptr<HttpClient> TestTicketApi::as(const QString& login, const QString& password)
{
    auto http = std::make_unique<HttpClient>(m_fixture->baseUrl());
    http->setToken(signIn(m_fixture->baseUrl(), login, password));
    return http;
}

void TestTicketApi::eachRoleSeesItsScope()
{
    auto liClient = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    auto zhangClient = as(QStringLiteral("zhang"), QStringLiteral("zhang-password"));
    auto wangClient = as(QStringLiteral("wang"), QStringLiteral("field-password"));
    auto bossClient = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    HttpClient& li = *liClient;
    HttpClient& zhang = *zhangClient;
    HttpClient& wang = *wangClient;
    HttpClient& boss = *bossClient;

    for (const QString& key : {m_ticketId, m_number, QStringLiteral("K7Q-0009")}) {
        const HttpResult found = li.get(QStringLiteral("/api/v1/tickets/") + key);
        QCOMPARE(found.status, 200);
        QCOMPARE(
            found.body.value(QStringLiteral("ticket")).toObject().value(QStringLiteral("id")).toString(), m_ticketId);
        QCOMPARE(found.body.value(QStringLiteral("aliases")).toArray(), QJsonArray {QStringLiteral("K7Q-0009")});
    }
    QCOMPARE(li.get(QStringLiteral("/api/v1/tickets")).body.value(QStringLiteral("tickets")).toArray().size(), 1);
    QCOMPARE(boss.get(QStringLiteral("/api/v1/tickets")).body.value(QStringLiteral("tickets")).toArray().size(), 1);
    // Another group's agent and field staff not assigned: not in their lists, and refused by id.
    QVERIFY(zhang.get(QStringLiteral("/api/v1/tickets")).body.value(QStringLiteral("tickets")).toArray().isEmpty());
    QVERIFY(wang.get(QStringLiteral("/api/v1/tickets")).body.value(QStringLiteral("tickets")).toArray().isEmpty());
    for (HttpClient* outsider : {&zhang, &wang}) {
        QCOMPARE(
            outsider->get(QStringLiteral("/api/v1/tickets/") + m_ticketId).code(), QStringLiteral("access.denied"));
        QCOMPARE(
            outsider->get(QStringLiteral("/api/v1/tickets/") + m_ticketId + QStringLiteral("/comments")).status, 403);
    }
    QCOMPARE(li.get(QStringLiteral("/api/v1/tickets/G19990101001")).status, 404);
    QCOMPARE(li.get(QStringLiteral("/api/v1/tickets?limit=0")).code(), QStringLiteral("request.wrong_type"));
    HttpClient anonymous(m_fixture->baseUrl());
    QCOMPARE(anonymous.get(QStringLiteral("/api/v1/tickets")).status, 401);
}

void TestTicketApi::commentsGoThroughTheSyncRules()
{
    auto liClient = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    auto zhangClient = as(QStringLiteral("zhang"), QStringLiteral("zhang-password"));
    HttpClient& li = *liClient;
    HttpClient& zhang = *zhangClient;
    const QString path = QStringLiteral("/api/v1/tickets/") + m_ticketId + QStringLiteral("/comments");
    const QList<QPair<QJsonObject, QString>> bad {
        {{{QStringLiteral("body"), 5}}, QStringLiteral("request.wrong_type")},
        {{{QStringLiteral("text"), QStringLiteral("x")}}, QStringLiteral("request.unknown_field")},
        {{{QStringLiteral("body"), QStringLiteral("  ")}}, QStringLiteral("request.missing_field")},
        {{{QStringLiteral("body"), QStringLiteral("x")}, {QStringLiteral("visibility"), QStringLiteral("secret")}},
            QStringLiteral("comment.visibility")},
    };
    for (const auto& [body, code] : bad)
        QCOMPARE(li.post(path, body).code(), code);
    QCOMPARE(zhang.post(path, {{QStringLiteral("body"), QStringLiteral("我来插一句")}}).status, 403);
    QVERIFY(li.get(path).body.value(QStringLiteral("comments")).toArray().isEmpty()); // none of them wrote

    const HttpResult added = li.post(path, {{QStringLiteral("body"), QStringLiteral("已电话回访")}});
    QCOMPARE(added.status, 201);
    const QJsonArray comments = li.get(path).body.value(QStringLiteral("comments")).toArray();
    QCOMPARE(comments.size(), 1);
    QCOMPARE(comments.at(0).toObject().value(QStringLiteral("body")).toString(), QStringLiteral("已电话回访"));
    // The same change reaches the devices' pulls, with the first-response time it set.
    SyncDevice boss(
        m_fixture->baseUrl(), signIn(m_fixture->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    int commentChanges = 0;
    QString firstResponse;
    for (const QJsonValue& change : boss.pullAll(1000)) {
        const QJsonObject c = change.toObject();
        commentChanges += c.value(QStringLiteral("entity")).toString() == QLatin1String("comment") ? 1 : 0;
        if (c.value(QStringLiteral("entity")).toString() == QLatin1String("ticket"))
            firstResponse = c.value(QStringLiteral("data"))
                                .toObject()
                                .value(QStringLiteral("ticket"))
                                .toObject()
                                .value(QStringLiteral("first_response_at"))
                                .toString();
    }
    QCOMPARE(commentChanges, 1);
    QVERIFY(!firstResponse.isEmpty());
}

QTEST_GUILESS_MAIN(TestTicketApi)
#include "tst_ticketapi.moc"
