// Tickets over the REST API against a real gongdan-server on both backends: each role sees exactly its
// scope (list, one, comments), by id, number or provisional reference; a comment added over REST goes
// through the sync rules and reaches the devices' pulls; every refusal is a 4xx that changes nothing.
#include "tests/support/SyncDevice.h"

#include <QJsonDocument>
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
    void ticketsAreWrittenThroughTheSyncRules_data() { addBackendRows(); }
    void ticketsAreWrittenThroughTheSyncRules();

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
        QFAIL(qPrintable(why));
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
    QVERIFY(isFinalNumber(m_number));
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
    // Another group's agent and field staff not assigned: not in their lists, and unknown to them by id (as
    // on their workstations, which never hold the ticket).
    QVERIFY(zhang.get(QStringLiteral("/api/v1/tickets")).body.value(QStringLiteral("tickets")).toArray().isEmpty());
    QVERIFY(wang.get(QStringLiteral("/api/v1/tickets")).body.value(QStringLiteral("tickets")).toArray().isEmpty());
    for (HttpClient* outsider : {&zhang, &wang}) {
        const HttpResult hidden = outsider->get(QStringLiteral("/api/v1/tickets/") + m_ticketId);
        QCOMPARE(hidden.code(), QStringLiteral("ticket.not_found"));
        QCOMPARE(hidden.body.value(QStringLiteral("field")).toString(), QStringLiteral("id"));
        QCOMPARE(
            outsider->get(QStringLiteral("/api/v1/tickets/") + m_ticketId + QStringLiteral("/comments")).status, 404);
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
        {{{QStringLiteral("visibility"), QStringLiteral("public")}}, QStringLiteral("request.missing_field")},
        {{{QStringLiteral("body"), QStringLiteral("  ")}}, QStringLiteral("comment.empty")}, // the rules' answer
        {{{QStringLiteral("body"), QStringLiteral("x")}, {QStringLiteral("visibility"), QStringLiteral("secret")}},
            QStringLiteral("comment.visibility")},
    };
    for (const auto& [body, code] : bad)
        QCOMPARE(li.post(path, body).code(), code);
    QCOMPARE(zhang.post(path, {{QStringLiteral("body"), QStringLiteral("我来插一句")}}).status, 404);
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

void TestTicketApi::ticketsAreWrittenThroughTheSyncRules()
{
    auto liClient = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    auto zhangClient = as(QStringLiteral("zhang"), QStringLiteral("zhang-password"));
    HttpClient& li = *liClient;
    HttpClient& zhang = *zhangClient;
    const QString tickets = QStringLiteral("/api/v1/tickets");
    const auto listed = [&] { return QJsonDocument(li.get(tickets).body).toJson(QJsonDocument::Compact); };
    const QByteArray before = listed();
    const QList<QPair<QJsonObject, QString>> bad {
        {{{QStringLiteral("description"), QStringLiteral("没有标题")}}, QStringLiteral("request.missing_field")},
        {{{QStringLiteral("subject"), 3}}, QStringLiteral("request.wrong_type")},
        {{{QStringLiteral("subject"), QStringLiteral("  ")}}, QStringLiteral("ticket.subject_required")},
        {{{QStringLiteral("subject"), QStringLiteral("x")}, {QStringLiteral("status"), QStringLiteral("closed")}},
            QStringLiteral("request.unknown_field")},
        {{{QStringLiteral("subject"), QStringLiteral("x")}, {QStringLiteral("priority"), QStringLiteral("asap")}},
            QStringLiteral("json.invalid")},
        {{{QStringLiteral("subject"), QStringLiteral("x")}, {QStringLiteral("group_id"), QStringLiteral("nowhere")}},
            QStringLiteral("ticket.unknown_group")},
    };
    expectRefusals(li, tickets, bad);
    QCOMPARE(listed(), before);

    const HttpResult created = li.post(tickets,
        {{QStringLiteral("subject"), QStringLiteral("网页表单报修")},
            {QStringLiteral("group_id"), QStringLiteral("service")},
            {QStringLiteral("priority"), QStringLiteral("urgent")}});
    QCOMPARE(created.status, 201);
    const QJsonObject ticket = created.body.value(QStringLiteral("ticket")).toObject();
    const QString id = ticket.value(QStringLiteral("id")).toString();
    QVERIFY(isFinalNumber(ticket.value(QStringLiteral("number")).toString())); // numbered by the server
    QCOMPARE(ticket.value(QStringLiteral("status")).toString(), QStringLiteral("new"));
    QCOMPARE(ticket.value(QStringLiteral("channel")).toString(), QStringLiteral("api"));
    const QString path = tickets + QLatin1Char('/') + ticket.value(QStringLiteral("number")).toString();

    // A PATCH is decided by the ticket rules, as a pushed ticket.patch is.
    QCOMPARE(li.patch(path, {{QStringLiteral("number"), QStringLiteral("G1")}}).code(),
        QStringLiteral("patch.unknown_field"));
    QCOMPARE(li.patch(path, {{QStringLiteral("tags"), QStringLiteral("VIP")}}).code(), QStringLiteral("patch.type"));
    QCOMPARE(zhang.patch(path, {{QStringLiteral("subject"), QStringLiteral("改")}}).status, 404);
    const HttpResult patched = li.patch(path, {{QStringLiteral("subject"), QStringLiteral("网页表单报修：洗衣机")}});
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.body.value(QStringLiteral("ticket"))[QStringLiteral("subject")].toString(),
        QStringLiteral("网页表单报修：洗衣机"));

    // The state machine decides: a new ticket cannot be reopened; accepting it is fine.
    const QString transitions = path + QStringLiteral("/transitions");
    const HttpResult illegal = li.post(transitions, {{QStringLiteral("action"), QStringLiteral("reopen")}});
    QVERIFY2(illegal.status >= 400 && illegal.status < 500, illegal.raw.constData());
    QCOMPARE(li.post(transitions, {{QStringLiteral("action"), QStringLiteral("teleport")}}).status, 400);
    QCOMPARE(li.post(transitions, {{QStringLiteral("note"), QStringLiteral("x")}}).code(),
        QStringLiteral("request.missing_field"));
    QCOMPARE(li.get(path).body.value(QStringLiteral("ticket"))[QStringLiteral("status")].toString(),
        QStringLiteral("new")); // refused ones changed nothing
    const HttpResult accepted = li.post(transitions, {{QStringLiteral("action"), QStringLiteral("accept")}});
    QCOMPARE(accepted.status, 200);
    QCOMPARE(accepted.body.value(QStringLiteral("ticket"))[QStringLiteral("status")].toString(),
        QStringLiteral("in_progress"));

    // Devices see what REST wrote, in the same change log.
    SyncDevice boss(
        m_fixture->baseUrl(), signIn(m_fixture->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    QString seenSubject;
    for (const QJsonValue& change : boss.pullAll(1000)) {
        if (change[QStringLiteral("id")].toString() == id)
            seenSubject
                = change[QStringLiteral("data")][QStringLiteral("ticket")][QStringLiteral("subject")].toString();
    }
    QCOMPARE(seenSubject, QStringLiteral("网页表单报修：洗衣机"));
}

QTEST_GUILESS_MAIN(TestTicketApi)
#include "tst_ticketapi.moc"
