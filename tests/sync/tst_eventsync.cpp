// A ticket's event log reaching every desk through a real gongdan-server (SQLite and PostgreSQL): what an
// agent does on their desk is recorded by the server with who did it and reaches another user's desk, told
// in words with the agent's name; the desk that made the events keeps each once (the server's copy takes the
// place of its own); a REST change is recorded with the REST user; GET /api/v1/tickets/{key}/events lists
// the log with each actor's id and login, and answers 404 for a ticket out of the caller's sight; a new
// desk's first sync brings the log; an event the server did not make (its rules found nothing to change)
// leaves the desk that made it.
#include "models/TimelineModel.h"
#include "storage/TeamDirectory.h"
#include "tests/support/Desk.h"

#include <QJsonArray>
#include <QSet>
#include <QSqlQuery>

using namespace gongdan;
using namespace gongdan::test;

class TestEventSync : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aDesksEventsReachAnotherUsersDesk_data() { addBackendRows(); }
    void aDesksEventsReachAnotherUsersDesk();
    void restChangesAreRecordedWithTheirUser_data() { addBackendRows(); }
    void restChangesAreRecordedWithTheirUser();
    void theFirstSyncBringsTheLog_data() { addBackendRows(); }
    void theFirstSyncBringsTheLog();
    void anEventTheServerDidNotMakeGoes_data() { addBackendRows(); }
    void anEventTheServerDidNotMakeGoes();

private:
    /// GET /api/v1/tickets/{key}/events as `desk`'s user.
    HttpResult eventsOnServer(const QString& key, const QString& token);
    /// The ids of the ticket's events in a desk's store (with repeats, if any).
    static QStringList eventIds(Desk& desk, const QString& ticketId);
    /// The timeline's lines for the ticket on a desk.
    static QString timeline(Desk& desk, const QString& ticketId);

    std::unique_ptr<SeededServer> m_fixture;
};

void TestEventSync::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QFETCH(QString, backend);
    m_fixture = std::make_unique<SeededServer>(backend);
    if (const QString why = m_fixture->skipReason(); !why.isEmpty())
        QFAIL(qPrintable(why));
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->server().lastLog()));
}

void TestEventSync::cleanup()
{
    m_fixture.reset();
}

HttpResult TestEventSync::eventsOnServer(const QString& key, const QString& token)
{
    HttpClient http(m_fixture->baseUrl());
    http.setToken(token);
    return http.get(QStringLiteral("/api/v1/tickets/%1/events").arg(key));
}

QStringList TestEventSync::eventIds(Desk& desk, const QString& ticketId)
{
    QStringList ids;
    for (const TicketEvent& event : desk.tickets->events(ticketId))
        ids.append(event.eventId);
    return ids;
}

QString TestEventSync::timeline(Desk& desk, const QString& ticketId)
{
    TeamDirectory directory(*desk.db);
    TimelineModel model(directory);
    model.setEntries(desk.tickets->comments(ticketId), desk.tickets->events(ticketId));
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row)
        lines.append(model.index(row).data().toString());
    return lines.join(QLatin1Char('\n'));
}

namespace {

QStringList idsOf(const QJsonArray& events)
{
    QStringList ids;
    for (const QJsonValue& event : events)
        ids.append(event.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

} // namespace

void TestEventSync::aDesksEventsReachAnotherUsersDesk()
{
    Desk li(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    Desk boss(m_fixture->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password"));
    li.start();
    boss.start();
    QVERIFY(li.idle());
    QVERIFY(boss.idle());
    Ticket draft;
    draft.subject = QStringLiteral("空调不制冷");
    draft.needType = NeedType::Repair;
    draft.channel = Channel::Phone;
    draft.priority = Priority::Normal;
    auto created = li.tickets->create(draft, li.me);
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));
    const QString id = created.value().id;
    TransitionRequest accept;
    accept.action = TicketAction::Accept;
    QVERIFY(li.tickets->transition(id, accept, li.me));
    QVERIFY(li.tickets
                ->patch(id,
                    {{QStringLiteral("tags"), QJsonArray {QStringLiteral("上门")}},
                        {QStringLiteral("priority"), QStringLiteral("urgent")}},
                    li.me)
                .ok());
    li.engine->changesQueued();
    QVERIFY(li.idle());

    // The server recorded each event once, with li.na as the actor (id and login).
    const HttpResult onServer = eventsOnServer(id, boss.token);
    QCOMPARE(onServer.status, 200);
    const QJsonArray events = onServer.body.value(QStringLiteral("events")).toArray();
    QVERIFY2(events.size() >= 5, onServer.raw.constData()); // created, accept, assignee, tags, priority
    for (const QJsonValue& value : events) {
        const QJsonObject event = value.toObject();
        QCOMPARE(event.value(QStringLiteral("actor_id")).toString(), li.userId);
        QCOMPARE(event.value(QStringLiteral("actor_login")).toString(), QStringLiteral("li.na"));
        QCOMPARE(event.value(QStringLiteral("ticket_id")).toString(), id);
    }
    QStringList serverIds = idsOf(events);
    serverIds.sort();

    // The desk that made them holds each once: the server's copy took the place of its own.
    QVERIFY(QTest::qWaitFor([&] { return li.outbox() == 0; }, 10000));
    li.engine->syncNow();
    QVERIFY(li.idle());
    QStringList liIds = eventIds(li, id);
    liIds.sort();
    QCOMPARE(liIds, serverIds);
    for (const TicketEvent& event : li.tickets->events(id))
        QVERIFY2(event.mutationId.isEmpty(), qPrintable(event.eventId)); // delivered: the server's now

    // Another user's desk has them, told in words with li.na's name.
    boss.engine->syncNow();
    QVERIFY(QTest::qWaitFor(
        [&] {
            QStringList ids = eventIds(boss, id);
            ids.sort();
            return ids == serverIds;
        },
        10000));
    const QString text = timeline(boss, id);
    QVERIFY2(text.contains(QStringLiteral("李娜 created ticket")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("李娜 added tags: 上门")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("李娜 changed priority: Normal → Urgent")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("李娜 set assignee to 李娜")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("[")), qPrintable(text)); // no JSON
    QVERIFY2(!text.contains(li.userId), qPrintable(text)); // no ids
}

void TestEventSync::restChangesAreRecordedWithTheirUser()
{
    Desk li(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    li.start();
    QVERIFY(li.idle());
    HttpClient boss(m_fixture->baseUrl());
    boss.setToken(signIn(m_fixture->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    const HttpResult created = boss.post(QStringLiteral("/api/v1/tickets"),
        {{QStringLiteral("subject"), QStringLiteral("发票开错了")},
            {QStringLiteral("need_type"), QStringLiteral("complaint")},
            {QStringLiteral("group_id"), QStringLiteral("service")}});
    QVERIFY2(created.status == 201, created.raw.constData());
    const QJsonObject ticket = created.body.value(QStringLiteral("ticket")).toObject();
    const QString id = ticket.value(QStringLiteral("id")).toString();
    const QString number = ticket.value(QStringLiteral("number")).toString();
    const HttpResult patched = boss.patch(
        QStringLiteral("/api/v1/tickets/") + id, {{QStringLiteral("tags"), QJsonArray {QStringLiteral("加急")}}});
    QVERIFY2(patched.status == 200, patched.raw.constData());

    // Recorded with the REST user, listed by number as by id.
    const HttpResult listed = eventsOnServer(number, boss.token());
    QCOMPARE(listed.status, 200);
    const QJsonArray events = listed.body.value(QStringLiteral("events")).toArray();
    QCOMPARE(events.size(), 2);
    QStringList kinds;
    for (const QJsonValue& value : events) {
        const QJsonObject event = value.toObject();
        kinds.append(event.value(QStringLiteral("kind")).toString());
        QCOMPARE(event.value(QStringLiteral("actor_login")).toString(), QStringLiteral("boss"));
        QVERIFY(!event.value(QStringLiteral("actor_id")).toString().isEmpty());
        QVERIFY(!event.value(QStringLiteral("at")).toString().isEmpty());
    }
    QCOMPARE(kinds, (QStringList {QStringLiteral("created"), QStringLiteral("field")}));
    QCOMPARE(events.at(1).toObject().value(QStringLiteral("field")).toString(), QStringLiteral("tags"));

    // The same read permission as the ticket: an agent of another group gets no ticket (404), a signed-out
    // caller 401; the agent of its group reads it.
    const QString zhang = signIn(m_fixture->baseUrl(), QStringLiteral("zhang"), QStringLiteral("zhang-password"));
    const HttpResult hidden = eventsOnServer(id, zhang);
    QCOMPARE(hidden.status, 404);
    QCOMPARE(hidden.code(), QStringLiteral("ticket.not_found"));
    QCOMPARE(eventsOnServer(id, QString()).status, 401);
    QCOMPARE(eventsOnServer(QStringLiteral("G20000101999"), li.token).status, 404);
    QCOMPARE(eventsOnServer(id, li.token).status, 200);

    // li.na's desk gets them, with the REST user's name.
    li.engine->syncNow();
    QVERIFY(QTest::qWaitFor([&] { return eventIds(li, id).size() == 2; }, 10000));
    const QString text = timeline(li, id);
    QVERIFY2(text.contains(QStringLiteral("王经理 created ticket ") + number), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("王经理 added tags: 加急")), qPrintable(text));
}

void TestEventSync::theFirstSyncBringsTheLog()
{
    QString id;
    QStringList serverIds;
    {
        Desk li(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
        Ticket draft;
        draft.subject = QStringLiteral("洗衣机漏水");
        draft.needType = NeedType::Repair;
        draft.channel = Channel::Phone;
        draft.callStartedAt = li.clock.now().addSecs(-90);
        draft.callSeconds = 90;
        auto created = li.tickets->create(draft, li.me); // offline: a provisional reference
        QVERIFY(created);
        id = created.value().id;
        TransitionRequest accept;
        accept.action = TicketAction::Accept;
        QVERIFY(li.tickets->transition(id, accept, li.me));
        QVERIFY(li.tickets->addComment(id, CommentVisibility::Internal, QStringLiteral("约了明早上门"), {}, li.me));
        li.start();
        QVERIFY(li.idle());
        QVERIFY(QTest::qWaitFor([&] { return li.outbox() == 0; }, 10000));
        const HttpResult listed = eventsOnServer(id, li.token);
        QCOMPARE(listed.status, 200);
        serverIds = idsOf(listed.body.value(QStringLiteral("events")).toArray());
        serverIds.sort();
        QVERIFY(serverIds.size() >= 4); // created, call, accept, assignee, comment
        li.engine->syncNow();
        QVERIFY(li.idle());
        QStringList liIds = eventIds(li, id);
        liIds.sort();
        QCOMPARE(liIds, serverIds); // made offline, still once each
    }
    // A new desk of another user who may read the ticket, and a new desk of li.na's: their first sync (the
    // snapshot) brings the log after the tickets and their conversations.
    for (const auto& [login, password] : {std::pair {QStringLiteral("boss"), QStringLiteral("boss-password")},
             std::pair {QStringLiteral("li.na"), QStringLiteral("agent-password")}}) {
        Desk fresh(m_fixture->baseUrl(), login, password);
        fresh.start();
        QVERIFY(fresh.idle(30000));
        QStringList ids = eventIds(fresh, id);
        ids.sort();
        QCOMPARE(ids, serverIds);
        const QString text = timeline(fresh, id);
        QVERIFY2(text.contains(QStringLiteral("李娜 created ticket G")), qPrintable(text)); // the final number
        QVERIFY2(text.contains(QStringLiteral("Phone call at")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("约了明早上门")), qPrintable(text));
    }
}

void TestEventSync::anEventTheServerDidNotMakeGoes()
{
    // li.na raises the priority offline; meanwhile the boss raised it over REST. The server finds nothing
    // to change in hers: it logs no event for it, and her desk's own copy goes once the change is delivered.
    Desk li(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    Ticket draft;
    draft.subject = QStringLiteral("冰箱异响");
    draft.needType = NeedType::Repair;
    draft.channel = Channel::Phone;
    draft.priority = Priority::Normal;
    auto created = li.tickets->create(draft, li.me);
    QVERIFY(created);
    const QString id = created.value().id;
    li.start();
    QVERIFY(li.idle());
    li.engine->stop();
    HttpClient boss(m_fixture->baseUrl());
    boss.setToken(signIn(m_fixture->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    QCOMPARE(
        boss.patch(QStringLiteral("/api/v1/tickets/") + id, {{QStringLiteral("priority"), QStringLiteral("urgent")}})
            .status,
        200);
    QVERIFY(li.tickets->patch(id, {{QStringLiteral("priority"), QStringLiteral("urgent")}}, li.me).ok());
    QCOMPARE(li.tickets->events(id).size(), 2); // created, and her priority change (waiting)
    li.start();
    QVERIFY(li.idle());
    QVERIFY(QTest::qWaitFor([&] { return li.outbox() == 0; }, 10000));
    const HttpResult listed = eventsOnServer(id, li.token);
    QCOMPARE(listed.status, 200);
    QStringList serverIds = idsOf(listed.body.value(QStringLiteral("events")).toArray());
    serverIds.sort();
    QCOMPARE(serverIds.size(), 2); // created (li.na), priority (the boss)
    QVERIFY(QTest::qWaitFor(
        [&] {
            QStringList ids = eventIds(li, id);
            ids.sort();
            return ids == serverIds;
        },
        10000));
    const QString text = timeline(li, id);
    QVERIFY2(text.contains(QStringLiteral("王经理 changed priority: Normal → Urgent")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("李娜 changed priority")), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestEventSync)
#include "tst_eventsync.moc"
