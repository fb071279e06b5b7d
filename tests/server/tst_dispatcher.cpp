// Automatic dispatch on the server (workflows.md §9.3) with a manual clock, on both backends: the rows that need time
// and a database — T-DSP-05 (queued while everyone is full, out when a slot frees, within 2 s of the commit), T-DSP-09
// (not accepted in time → the next candidate, both offers in the history; repeated misses → 离开), T-DSP-11 (an agent
// back online takes queue heads) — the explanation in the ticket's events, dispatch settings as supervisor-only team
// records, presence changes (audited when a supervisor makes them), and two dispatchers on one database racing for
// the same queue: no ticket is offered twice.
#include "domain/Intents.h"
#include "domain/JsonCodec.h"
#include "domain/Uuid.h"
#include "server/Dispatcher.h"
#include "tests/support/ServerHarness.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <memory>

using namespace gongdan;
using namespace gongdan::test;

namespace {

const QString kGroup = QStringLiteral("after-sales");

} // namespace

class TestDispatcher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void queuedUntilASlotFrees_data() { addBackendRows(); }
    void queuedUntilASlotFrees();
    void unacceptedOfferGoesToTheNextCandidate_data() { addBackendRows(); }
    void unacceptedOfferGoesToTheNextCandidate();
    void agentBackOnlineTakesQueueHeads_data() { addBackendRows(); }
    void agentBackOnlineTakesQueueHeads();
    void goneDeskIsOfflineAfterGrace_data() { addBackendRows(); }
    void goneDeskIsOfflineAfterGrace();
    void settingsAndPresenceRules_data() { addBackendRows(); }
    void settingsAndPresenceRules();
    void twoDispatchersNeverOfferTwice_data() { addBackendRows(); }
    void twoDispatchersNeverOfferTwice();

private:
    bool open();
    UserRecord user(const QString& login, const QString& name, Role role, const QStringList& skills = {});
    void settings(const QJsonObject& values);
    QString ticket(const QString& subject, Priority priority = Priority::Normal);
    Result<QJsonObject> transition(const UserRecord& who, const QString& ticketId, const QJsonObject& args);
    Ticket stored(const QString& id) { return m_store->ticket(id).value(); }
    /// The ticket's dispatch events: "offer: …", "reclaim: …".
    QStringList dispatchEvents(const QString& ticketId);
    void online(const UserRecord& who) { QVERIFY(m_dispatcher->setPresence(who, who.id, Presence::Online).ok()); }

    std::unique_ptr<TeamDatabase> m_team;
    std::unique_ptr<ServerDatabase> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<UserRepository> m_users;
    std::unique_ptr<SyncStore> m_store;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<Dispatcher> m_dispatcher;
    UserRecord m_sup, m_a, m_b, m_c;
};

void TestDispatcher::cleanup()
{
    m_dispatcher.reset();
    m_sync.reset();
    m_store.reset();
    m_users.reset();
    m_db.reset();
    m_team.reset();
}

bool TestDispatcher::open()
{
    QFETCH(QString, backend);
    m_team = std::make_unique<TeamDatabase>(backend);
    if (!m_team->available())
        return false;
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC));
    auto db = ServerDatabase::open(m_team->location());
    if (!db)
        qFatal("%s", qPrintable(db.error().message));
    m_db = std::move(db.value());
    m_users = std::make_unique<UserRepository>(*m_db, *m_clock);
    m_store = std::make_unique<SyncStore>(*m_db, *m_clock);
    m_sync = std::make_unique<SyncService>(*m_store, *m_users, *m_clock);
    m_dispatcher = std::make_unique<Dispatcher>(*m_store, *m_sync, *m_users, *m_clock);
    if (!m_users->createGroup({kGroup, QStringLiteral("售后服务部"), QStringLiteral("After-sales"), true}))
        qFatal("group");
    if (!m_users->createGroup({QStringLiteral("overflow"), QStringLiteral("综合组"), QStringLiteral("General"), true}))
        qFatal("group");
    m_sup = user(QStringLiteral("sup"), QStringLiteral("主管"), Role::Supervisor);
    m_a = user(QStringLiteral("agent.a"), QStringLiteral("王晓明"), Role::Agent);
    m_clock->advanceMs(1); // ids and joining times in this order
    m_b = user(QStringLiteral("agent.b"), QStringLiteral("李娜"), Role::Agent, {QStringLiteral("英语:2")});
    m_clock->advanceMs(1);
    m_c = user(QStringLiteral("agent.c"), QStringLiteral("张伟"), Role::Agent);
    m_clock->set(QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC));
    return true;
}

UserRecord TestDispatcher::user(const QString& login, const QString& name, Role role, const QStringList& skills)
{
    UserRecord u;
    u.login = login;
    u.name = name;
    u.role = role;
    u.groupIds = {kGroup};
    u.skills = skills;
    u.passwordHash = QStringLiteral("not-used");
    auto created = m_users->create(u);
    if (!created)
        qFatal("%s", qPrintable(created.error().message));
    return created.value();
}

void TestDispatcher::settings(const QJsonObject& values)
{
    QJsonObject setting = values;
    setting.insert(QStringLiteral("id"), QStringLiteral("dispatch-after-sales"));
    setting.insert(QStringLiteral("group_id"), kGroup);
    const Mutation m {0, UuidV7Generator(*m_clock).next(), QStringLiteral("dispatch_setting.upsert"),
        QStringLiteral("dispatch-after-sales"), {{QStringLiteral("setting"), setting}}};
    auto applied = m_sync->applyOne(m_sup, m);
    QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));
}

QString TestDispatcher::ticket(const QString& subject, Priority priority)
{
    Ticket t;
    t.id = UuidV7Generator(*m_clock).next();
    t.subject = subject;
    t.groupId = kGroup;
    t.priority = priority;
    t.contactPhone = QStringLiteral("13800000000");
    t.createdAt = t.updatedAt = m_clock->now();
    const Mutation m {0, UuidV7Generator(*m_clock).next(), intent::TicketCreate, t.id,
        {{QStringLiteral("ticket"), JsonCodec::toJson(t)}}};
    auto applied = m_sync->applyOne(m_sup, m);
    if (!applied)
        qFatal("create: %s", qPrintable(applied.error().message));
    m_clock->advanceMs(10); // created in this order
    return t.id;
}

Result<QJsonObject> TestDispatcher::transition(const UserRecord& who, const QString& ticketId, const QJsonObject& args)
{
    const Mutation m {0, UuidV7Generator(*m_clock).next(), intent::TicketTransition, ticketId, args};
    return m_sync->applyOne(who, m);
}

QStringList TestDispatcher::dispatchEvents(const QString& ticketId)
{
    QStringList out;
    for (const QJsonObject& e : m_store->events(ticketId)) {
        if (e.value(QStringLiteral("kind")).toString() == QLatin1String("dispatch"))
            out.append(e.value(QStringLiteral("field")).toString() + QStringLiteral(": ")
                + e.value(QStringLiteral("new_value")).toString());
    }
    return out;
}

void TestDispatcher::queuedUntilASlotFrees()
{
    if (!open())
        QSKIP("no PostgreSQL cluster (GONGDAN_TEST_POSTGRES)");
    settings({{QStringLiteral("capacity"), 1}});
    online(m_a);
    online(m_b);
    const QString t1 = ticket(QStringLiteral("一"));
    const QString t2 = ticket(QStringLiteral("二"));
    QCOMPARE(m_dispatcher->run().value(), 2);
    const QString first = stored(t1).assigneeId;
    QCOMPARE(first, m_a.id); // equal spare, equally idle: the smaller id
    QCOMPARE(stored(t2).assigneeId, m_b.id);
    QCOMPARE(stored(t1).status, TicketStatus::New); // offered, not accepted yet
    QVERIFY(transition(m_a, t1, {{QStringLiteral("action"), QStringLiteral("accept")}}).ok());
    QVERIFY(transition(m_b, t2, {{QStringLiteral("action"), QStringLiteral("accept")}}).ok());

    // T-DSP-05: everyone at cap — the new ticket waits.
    const QString t3 = ticket(QStringLiteral("三"));
    QCOMPARE(m_dispatcher->run().value(), 0);
    QVERIFY(stored(t3).assigneeId.isEmpty());

    // B solves one (待客户确认 does not count toward load): t3 goes to B within 2 s of that commit.
    m_dispatcher->start(600000);
    QSignalSpy offered(m_dispatcher.get(), &Dispatcher::offered);
    QVERIFY(transition(m_b, t2,
        {{QStringLiteral("action"), QStringLiteral("request_confirmation")},
            {QStringLiteral("resolution"), QStringLiteral("已更换配件")}})
                .ok());
    QTRY_COMPARE_WITH_TIMEOUT(offered.size(), 1, 2000);
    QCOMPARE(offered.at(0).at(0).toString(), t3);
    QCOMPARE(offered.at(0).at(1).toString(), m_b.id);
    QCOMPARE(stored(t3).assigneeId, m_b.id);
    const QStringList events = dispatchEvents(t3);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first(), QStringLiteral("offer: assigned to 李娜: least loaded 0/1 in 售后服务部"));
}

void TestDispatcher::unacceptedOfferGoesToTheNextCandidate()
{
    if (!open())
        QSKIP("no PostgreSQL cluster (GONGDAN_TEST_POSTGRES)");
    settings({{QStringLiteral("accept_timeout_min"), 5}, {QStringLiteral("max_misses"), 2}});
    online(m_a);
    online(m_b);
    const QString t1 = ticket(QStringLiteral("未接的单"));
    m_clock->set(QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC));
    QCOMPARE(m_dispatcher->run().value(), 1);
    QCOMPARE(stored(t1).assigneeId, m_a.id); // 10:00

    m_clock->set(QDateTime(QDate(2026, 3, 2), QTime(10, 4, 59), Qt::UTC));
    QCOMPARE(m_dispatcher->run().value(), 0);
    QCOMPARE(stored(t1).assigneeId, m_a.id);

    m_clock->set(QDateTime(QDate(2026, 3, 2), QTime(10, 5), Qt::UTC)); // T-DSP-09: reclaimed, offered to B
    QCOMPARE(m_dispatcher->run().value(), 1);
    QCOMPARE(stored(t1).assigneeId, m_b.id);
    QCOMPARE(stored(t1).status, TicketStatus::New);
    const QStringList events = dispatchEvents(t1);
    QCOMPARE(events.size(), 3);
    QVERIFY2(events.at(0).startsWith(QStringLiteral("offer: assigned to 王晓明")), qPrintable(events.at(0)));
    QCOMPARE(events.at(1),
        QStringLiteral("reclaim: offer to 王晓明 not accepted within 5 min; back in the queue of 售后服务部"));
    QVERIFY2(events.at(2).startsWith(QStringLiteral("offer: assigned to 李娜")), qPrintable(events.at(2)));
    const QList<DispatchOffer> offers = m_dispatcher->store().offersOf(t1);
    QCOMPARE(offers.size(), 2);
    QCOMPARE(offers.at(0).state, QStringLiteral("missed"));
    QCOMPARE(offers.at(1).state, QStringLiteral("open"));
    QCOMPARE(m_dispatcher->store().presence(m_a.id)->misses, 1);

    // B accepts: the offer is settled as accepted.
    QVERIFY(transition(m_b, t1, {{QStringLiteral("action"), QStringLiteral("accept")}}).ok());
    m_dispatcher->run();
    QCOMPARE(m_dispatcher->store().offersOf(t1).at(1).state, QStringLiteral("accepted"));

    // A misses a second offer in a row: 离开, said by the system, and the ticket goes to B.
    const QString t2 = ticket(QStringLiteral("又没接"));
    QCOMPARE(m_dispatcher->run().value(), 1);
    QCOMPARE(stored(t2).assigneeId, m_a.id);
    m_clock->advanceSeconds(5 * 60);
    QCOMPARE(m_dispatcher->run().value(), 1);
    QCOMPARE(stored(t2).assigneeId, m_b.id);
    const PresenceRecord a = m_dispatcher->store().presence(m_a.id).value();
    QCOMPARE(a.presence, Presence::Away);
    QCOMPARE(a.changedBy, QStringLiteral("system"));
    QVERIFY(dispatchEvents(t2).at(1).endsWith(QStringLiteral("; 王晓明 missed 2 offers in a row and is now away")));
}

void TestDispatcher::agentBackOnlineTakesQueueHeads()
{
    if (!open())
        QSKIP("no PostgreSQL cluster (GONGDAN_TEST_POSTGRES)");
    settings({{QStringLiteral("capacity"), 3}});
    online(m_a);
    QStringList tickets;
    for (int i = 0; i < 5; ++i)
        tickets.append(ticket(QStringLiteral("单 %1").arg(i), i == 4 ? Priority::Critical : Priority::Normal));
    QCOMPARE(m_dispatcher->run().value(), 3);
    QCOMPARE(stored(tickets.at(4)).assigneeId, m_a.id); // 特急 first
    QCOMPARE(stored(tickets.at(0)).assigneeId, m_a.id);
    QCOMPARE(stored(tickets.at(1)).assigneeId, m_a.id);
    QVERIFY(stored(tickets.at(2)).assigneeId.isEmpty());
    QCOMPARE(m_dispatcher->run().value(), 0); // A is full: the rest waits

    // T-DSP-11: C (away) comes online with room: gets the queue's heads, one after another.
    QVERIFY(m_dispatcher->setPresence(m_c, m_c.id, Presence::Online).ok());
    QCOMPARE(m_dispatcher->run().value(), 2);
    QCOMPARE(stored(tickets.at(2)).assigneeId, m_c.id);
    QCOMPARE(stored(tickets.at(3)).assigneeId, m_c.id);
}

void TestDispatcher::goneDeskIsOfflineAfterGrace()
{
    if (!open())
        QSKIP("no PostgreSQL cluster (GONGDAN_TEST_POSTGRES)");
    settings({});
    online(m_a);
    online(m_b);
    const QString t1 = ticket(QStringLiteral("桌面断线"));
    m_clock->set(QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC));
    QCOMPARE(m_dispatcher->run().value(), 1);
    QCOMPARE(stored(t1).assigneeId, m_a.id);

    // A's desk goes away; back within the grace period: nothing happens.
    m_dispatcher->userLeft(m_a.id);
    m_clock->advanceSeconds(60);
    m_dispatcher->userArrived(m_a.id);
    m_dispatcher->userLeft(m_a.id); // 10:01
    m_clock->advanceSeconds(119);
    QCOMPARE(m_dispatcher->run().value(), 0);
    QCOMPARE(m_dispatcher->store().presence(m_a.id)->presence, Presence::Online);

    // Two minutes without a connection: 离线 (by the system), and the open offer goes to B without counting a miss.
    m_clock->advanceSeconds(1);
    QCOMPARE(m_dispatcher->run().value(), 1);
    const PresenceRecord a = m_dispatcher->store().presence(m_a.id).value();
    QCOMPARE(a.presence, Presence::Offline);
    QCOMPARE(a.changedBy, QStringLiteral("system"));
    QCOMPARE(a.misses, 0);
    QCOMPARE(stored(t1).assigneeId, m_b.id);
    QCOMPARE(dispatchEvents(t1).at(1),
        QStringLiteral("reclaim: 王晓明 is no longer online; back in the queue of 售后服务部"));
    QCOMPARE(m_dispatcher->store().offersOf(t1).at(0).state, QStringLiteral("withdrawn"));
}

void TestDispatcher::settingsAndPresenceRules()
{
    if (!open())
        QSKIP("no PostgreSQL cluster (GONGDAN_TEST_POSTGRES)");
    // Agents may not change dispatch settings.
    const Mutation m {0, UuidV7Generator(*m_clock).next(), QStringLiteral("dispatch_setting.upsert"),
        QStringLiteral("d1"),
        {{QStringLiteral("setting"),
            QJsonObject {{QStringLiteral("id"), QStringLiteral("d1")}, {QStringLiteral("group_id"), kGroup}}}}};
    auto refused = m_sync->applyOne(m_a, m);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("access.denied"));
    // A bad setting names its field.
    const Mutation bad {0, UuidV7Generator(*m_clock).next(), QStringLiteral("dispatch_setting.upsert"),
        QStringLiteral("d1"),
        {{QStringLiteral("setting"),
            QJsonObject {{QStringLiteral("id"), QStringLiteral("d1")}, {QStringLiteral("group_id"), kGroup},
                {QStringLiteral("strategy"), QStringLiteral("random")}}}}};
    auto wrong = m_sync->applyOne(m_sup, bad);
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().field, QStringLiteral("strategy"));
    // No settings: nobody is dispatched to.
    online(m_a);
    const QString t1 = ticket(QStringLiteral("手工派单"));
    QCOMPARE(m_dispatcher->run().value(), 0);
    QVERIFY(stored(t1).assigneeId.isEmpty());

    // An agent sets their own presence, not another's; a supervisor sets anyone's.
    auto other = m_dispatcher->setPresence(m_a, m_b.id, Presence::Online);
    QVERIFY(!other.ok());
    QCOMPARE(other.error().code, QStringLiteral("access.denied"));
    auto bySupervisor = m_dispatcher->setPresence(m_sup, m_b.id, Presence::Busy);
    QVERIFY(bySupervisor.ok());
    QCOMPARE(m_dispatcher->store().presence(m_b.id)->presence, Presence::Busy);
    QCOMPARE(m_dispatcher->store().presence(m_b.id)->changedBy, m_sup.id);
}

void TestDispatcher::twoDispatchersNeverOfferTwice()
{
    if (!open())
        QSKIP("no PostgreSQL cluster (GONGDAN_TEST_POSTGRES)");
    settings({{QStringLiteral("capacity"), 100}});
    online(m_a);
    online(m_b);
    online(m_c);
    QStringList tickets;
    for (int i = 0; i < 40; ++i)
        tickets.append(ticket(QStringLiteral("并发 %1").arg(i)));
    // Two server processes: each its own connection, store and dispatcher, racing over the same queue.
    const QString location = m_team->location();
    const QDateTime now = m_clock->now();
    std::atomic<int> made {0};
    const auto worker = [&] {
        ManualClock clock(now);
        auto db = ServerDatabase::open(location);
        if (!db)
            return;
        UserRepository users(*db.value(), clock);
        SyncStore store(*db.value(), clock);
        SyncService sync(store, users, clock);
        Dispatcher dispatcher(store, sync, users, clock);
        for (int round = 0; round < 5; ++round) {
            if (auto n = dispatcher.run())
                made += n.value();
        }
    };
    std::unique_ptr<QThread> one(QThread::create(worker));
    std::unique_ptr<QThread> two(QThread::create(worker));
    one->start();
    two->start();
    QVERIFY(one->wait(60000));
    QVERIFY(two->wait(60000));
    QCOMPARE(made.load(), 40);
    for (const QString& id : std::as_const(tickets)) {
        QVERIFY(!stored(id).assigneeId.isEmpty());
        QCOMPARE(m_dispatcher->store().offersOf(id).size(), 1);
        QCOMPARE(dispatchEvents(id).size(), 1);
    }
}

QTEST_GUILESS_MAIN(TestDispatcher)
#include "tst_dispatcher.moc"
