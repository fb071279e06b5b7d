// Workstations syncing through a real gongdan-server (SQLite and PostgreSQL): a ticket made offline gets
// its number and reaches the other desk; two desks edit the same ticket offline and converge with the
// conflict shown on both; a server that is down is retried by the timer alone. Every test ends by
// comparing each desk's tickets and comments with the server's, byte for byte.
#include "domain/JsonCodec.h"
#include "domain/TicketTransition.h"
#include "storage/NeedsAttention.h"
#include "storage/TicketSearch.h"
#include "tests/support/Desk.h"
#include "tests/support/DeskView.h"

#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <iterator>
#include <memory>

using namespace gongdan;
using namespace gongdan::test;

namespace {

} // namespace

class TestSyncEngine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void offlineTicketGetsItsNumberAndReachesTheOtherDesk_data() { addBackendRows(); }
    void offlineTicketGetsItsNumberAndReachesTheOtherDesk();
    void twoDesksEditOfflineAndConverge_data() { addBackendRows(); }
    void twoDesksEditOfflineAndConverge();
    void clockSkewChangesNothing_data() { addBackendRows(); }
    void clockSkewChangesNothing();
    void aTicketThatLeavesTheScopeStaysUntilSeenAndTheEditIsSurfaced_data() { addBackendRows(); }
    void aTicketThatLeavesTheScopeStaysUntilSeenAndTheEditIsSurfaced();
    void fiveThousandOfflineChangesArePushedOnReconnect_data() { addBackendRows(); }
    void fiveThousandOfflineChangesArePushedOnReconnect();
    void aServerKilledAroundACommitLosesAndDuplicatesNothing_data();
    void aServerKilledAroundACommitLosesAndDuplicatesNothing();
    void aDeskKilledMidPullResumesInStep_data() { addBackendRows(); }
    void aDeskKilledMidPullResumesInStep();
    void aDeskKilledMidFirstSyncStartsOverInStep_data() { addBackendRows(); }
    void aDeskKilledMidFirstSyncStartsOverInStep();
    void firstSyncBringsTheOwnQueueFirst_data() { addBackendRows(); }
    void firstSyncBringsTheOwnQueueFirst();
    void aServerThatIsDownIsRetriedByTheTimer_data() { addBackendRows(); }
    void aServerThatIsDownIsRetriedByTheTimer();

private:
    bool startServer(quint16 port = 0);
    /// The test helper workstation on `store`, signed in with `token`; its exit code (70: a failpoint).
    int runDeskProcess(const QString& store, const QString& token, const QStringList& failpoints);
    /// `count` tickets for the service group, one comment each, pushed by the boss's device.
    void pushTickets(int count);

    std::unique_ptr<TeamDatabase> m_team;
    std::unique_ptr<ServerProcess> m_server;
};

void TestSyncEngine::init()
{
    QFETCH(QString, backend);
    m_team = seededTeam(backend);
    if (!m_team->available())
        QFAIL(qPrintable(m_team->why()));
}

void TestSyncEngine::cleanup()
{
    if (m_server)
        m_server->terminate();
    m_server.reset();
    m_team.reset();
}

bool TestSyncEngine::startServer(quint16 port)
{
    m_server = std::make_unique<ServerProcess>();
    return m_server->start(
        m_team->location(), port ? QStringList {QStringLiteral("--port"), QString::number(port)} : QStringList());
}

void TestSyncEngine::offlineTicketGetsItsNumberAndReachesTheOtherDesk()
{
    QVERIFY(startServer());
    Desk li(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    Desk boss(m_server->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password"));
    li.start();
    QVERIFY(li.idle()); // registered: it has a device code for provisional references
    li.engine->stop();

    Ticket draft;
    draft.subject = QStringLiteral("宽带断线");
    auto created = li.tickets->create(draft, li.me);
    QVERIFY(created);
    const QString provisional = created.value().number;
    QCOMPARE(provisional, li.cache->deviceCode() + QStringLiteral("-0001"));
    QVERIFY(
        li.tickets->addComment(created.value().id, CommentVisibility::Public, QStringLiteral("已联系客户"), {}, li.me));
    QCOMPARE(li.engine->waiting(), 2);

    boss.start();
    li.start();
    QVERIFY(li.idle());
    QVERIFY(QTest::qWaitFor([&] { return boss.ticketIds().contains(created.value().id); }, 10000));
    QVERIFY(boss.idle());
    const QString number = li.tickets->find(created.value().id)->number;
    QVERIFY2(isFinalNumber(number), qPrintable(number));
    QCOMPARE(boss.tickets->find(created.value().id)->number, number);
    QCOMPARE(li.tickets->findByNumber(provisional)->id, created.value().id); // still found by the old reference
    QCOMPARE(li.tickets->findByNumber(number)->id, created.value().id);
    // The search box finds it by the reference the customer was given, typed in any case.
    for (Desk* desk : {&li, &boss}) {
        const auto hits = TicketSearch(*desk->db).search(provisional.toLower());
        QVERIFY(hits);
        QCOMPARE(hits.value().size(), 1);
        QCOMPARE(hits.value().first().id, created.value().id);
    }
    QCOMPARE(boss.tickets->comments(created.value().id).size(), 1);
    QCOMPARE(li.outbox(), 0); // delivered and seen back: nothing left queued
    // The team came along: the boss's desk knows li.na by name, and her department.
    QSqlQuery agent(boss.db->sql());
    QVERIFY(agent.exec(QStringLiteral("SELECT name, group_id FROM agent WHERE login = 'li.na'")) && agent.next());
    QCOMPARE(agent.value(0).toString(), QStringLiteral("李娜"));
    QCOMPARE(agent.value(1).toString(), QStringLiteral("service"));
    QSqlQuery group(boss.db->sql());
    QVERIFY(group.exec(QStringLiteral("SELECT name_zh FROM team_group WHERE id = 'field-ops'")) && group.next());
    QCOMPARE(group.value(0).toString(), QStringLiteral("外勤组"));
    compareWithServer(li);
    compareWithServer(boss);
}

void TestSyncEngine::twoDesksEditOfflineAndConverge()
{
    QVERIFY(startServer());
    Desk li(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    Desk boss(m_server->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password"));
    li.start();
    boss.start();
    Ticket draft;
    draft.subject = QStringLiteral("原标题");
    const QString id = li.tickets->create(draft, li.me).value().id;
    li.engine->changesQueued();
    QVERIFY(QTest::qWaitFor([&] { return boss.ticketIds().contains(id); }, 10000));
    QVERIFY(li.idle());
    QVERIFY(boss.idle());

    // Both go offline and edit the same ticket.
    li.engine->stop();
    boss.engine->stop();
    QVERIFY(li.tickets->patch(id,
        {{QStringLiteral("subject"), QStringLiteral("李娜改的")},
            {QStringLiteral("priority"), QStringLiteral("urgent")}},
        li.me));
    QVERIFY(li.tickets->addComment(id, CommentVisibility::Internal, QStringLiteral("李娜的备注"), {}, li.me));
    TransitionRequest accept;
    accept.action = TicketAction::Accept;
    QVERIFY(li.tickets->transition(id, accept, li.me));
    QVERIFY(boss.tickets->patch(id, {{QStringLiteral("subject"), QStringLiteral("经理改的")}}, boss.me));
    QVERIFY(boss.tickets->addComment(id, CommentVisibility::Public, QStringLiteral("经理的回复"), {}, boss.me));

    li.start();
    QVERIFY(li.idle());
    boss.start(); // pushes after li.na: its subject wins, hers is kept as the conflict's lost value
    QVERIFY(boss.idle());
    QVERIFY(QTest::qWaitFor([&] { return li.tickets->find(id)->subject == QStringLiteral("经理改的"); }, 10000));
    QVERIFY(li.idle());
    for (Desk* desk : {&li, &boss}) {
        const Ticket ticket = *desk->tickets->find(id);
        QCOMPARE(ticket.subject, QStringLiteral("经理改的"));
        QCOMPARE(ticket.status, TicketStatus::InProgress);
        QCOMPARE(ticket.priority, Priority::Urgent);
        QCOMPARE(desk->tickets->comments(id).size(), 2);
        const QList<QJsonObject> conflicts = desk->cache->conflicts(id);
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.first().value(QStringLiteral("lost")).toString(), QStringLiteral("李娜改的"));
        compareWithServer(*desk);
    }
}

void TestSyncEngine::clockSkewChangesNothing()
{
    // li.na's clock runs 48 h ahead, the boss's 48 h behind. Order comes from the server alone: the
    // boss pushes later, so his subject wins although his clock says he edited four days earlier.
    QVERIFY(startServer());
    Desk li(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"), 48 * 3600);
    Desk boss(m_server->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password"), -48 * 3600);
    li.start();
    boss.start();
    Ticket draft;
    draft.subject = QStringLiteral("原标题");
    const QString id = li.tickets->create(draft, li.me).value().id;
    QVERIFY(QTest::qWaitFor([&] { return boss.ticketIds().contains(id); }, 10000));
    QVERIFY(li.idle());
    QVERIFY(boss.idle());
    li.engine->stop();
    boss.engine->stop();
    QVERIFY(li.tickets->patch(id, {{QStringLiteral("subject"), QStringLiteral("未来的李娜")}}, li.me));
    QVERIFY(li.tickets->addComment(id, CommentVisibility::Public, QStringLiteral("来自未来"), {}, li.me));
    QVERIFY(boss.tickets->patch(id, {{QStringLiteral("subject"), QStringLiteral("过去的经理")}}, boss.me));
    li.start();
    QVERIFY(li.idle());
    boss.start();
    QVERIFY(boss.idle());
    QVERIFY(QTest::qWaitFor([&] { return li.tickets->find(id)->subject == QStringLiteral("过去的经理"); }, 10000));
    QVERIFY(li.idle());
    // The comment from "the future" carries the server's time, not the skewed one, on both desks.
    const Comment comment = li.tickets->comments(id).first();
    QVERIFY(comment.createdAt <= QDateTime::currentDateTimeUtc());
    QCOMPARE(boss.tickets->comments(id).first().createdAt, comment.createdAt);
    compareWithServer(li);
    compareWithServer(boss);
}

void TestSyncEngine::aTicketThatLeavesTheScopeStaysUntilSeenAndTheEditIsSurfaced()
{
    QVERIFY(startServer());
    Desk li(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    // The boss's ticket in li.na's group (one she created herself would stay hers to see).
    SyncDevice boss(
        m_server->baseUrl(), signIn(m_server->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    const Ticket draft = newTicket(QStringLiteral("要转走的工单"), QStringLiteral("service"), {});
    const QString id = draft.id;
    QCOMPARE(boss.push({boss.mutation(QStringLiteral("ticket.create"), id, createArgs(draft))}).status, 200);
    li.start();
    QVERIFY(li.idle());
    QVERIFY(li.ticketIds().contains(id));
    li.engine->stop();
    QVERIFY(li.tickets->patch(id, {{QStringLiteral("subject"), QStringLiteral("离线时改的")}}, li.me));

    // Meanwhile the boss hands it to field-ops, which li.na cannot see.
    TransitionRequest transfer;
    transfer.action = TicketAction::Transfer;
    transfer.targetGroup = QStringLiteral("field-ops");
    transfer.note = QStringLiteral("转外勤");
    QCOMPARE(
        boss.push({boss.mutation(QStringLiteral("ticket.transition"), id, transitionToJson(transfer))}).status, 200);

    li.start();
    QVERIFY(QTest::qWaitFor([&] { return li.engine->state() == SyncEngine::State::Idle; }, 10000));
    QCOMPARE(li.engine->waiting(), 0);
    // Nothing is dropped silently: the ticket stays on her desk, saying where it went and who moved it,
    // and her edit stays, refused, with the server's reason.
    QVERIFY(li.ticketIds().contains(id));
    NeedsAttention attention(*li.db);
    const std::optional<Departure> gone = attention.departure(id);
    QVERIFY(gone);
    QCOMPARE(gone->groupId, QStringLiteral("field-ops"));
    QVERIFY(!gone->by.isEmpty() && gone->by != li.userId);
    const QList<RefusedChange> refused = attention.refused(id);
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().entry.name, QStringLiteral("ticket.patch"));
    QCOMPARE(refused.first().code, QStringLiteral("ticket.not_found"));
    QCOMPARE(attention.count(), 2);
    // She discards the edit and, having seen where the ticket went, removes it from her list.
    QVERIFY(attention.discard(refused.first().entry.seq));
    QVERIFY(li.ticketIds().contains(id)); // still there until she says so
    QVERIFY(attention.acknowledge(id));
    QVERIFY(!li.ticketIds().contains(id));
    QCOMPARE(attention.count(), 0);
    compareWithServer(li);
}

void TestSyncEngine::fiveThousandOfflineChangesArePushedOnReconnect()
{
    QVERIFY(startServer());
    Desk li(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    QStringList ids;
    for (int t = 0; t < 10; ++t) {
        Ticket draft;
        draft.subject = QStringLiteral("离线工单 %1").arg(t);
        ids.append(li.tickets->create(draft, li.me).value().id);
        for (int i = 0; i < 299; ++i)
            QVERIFY(li.tickets->patch(
                ids.last(), {{QStringLiteral("description"), QStringLiteral("第 %1 次修改").arg(i)}}, li.me));
        for (int i = 0; i < 200; ++i)
            QVERIFY(li.tickets->addComment(
                ids.last(), CommentVisibility::Internal, QStringLiteral("备注 %1").arg(i), {}, li.me));
    }
    QCOMPARE(li.engine->waiting(), 5000);
    li.start();
    QVERIFY(li.idle(120000));
    QCOMPARE(li.outbox(), 0);
    Desk boss(m_server->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password"));
    boss.start();
    QVERIFY(boss.idle(120000));
    QCOMPARE(boss.ticketIds().size(), 10);
    for (const QString& id : ids) {
        QCOMPARE(boss.tickets->find(id)->description, QStringLiteral("第 298 次修改"));
        QCOMPARE(boss.tickets->comments(id).size(), 200);
    }
    compareWithServer(li);
    compareWithServer(boss);
}

void TestSyncEngine::aServerKilledAroundACommitLosesAndDuplicatesNothing_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("failpoint");
    for (const char* backend : {"sqlite", "postgresql"}) {
        for (const char* failpoint : {"push.crash_before_commit", "push.crash_after_commit"})
            QTest::addRow("%s, %s", backend, failpoint)
                << QString::fromLatin1(backend) << QString::fromLatin1(failpoint);
    }
}

void TestSyncEngine::aServerKilledAroundACommitLosesAndDuplicatesNothing()
{
    // The desk's push dies with the server (before or after it committed); the server comes back on the
    // same port and the desk's retry timer finishes the job: every change exactly once.
    QFETCH(QString, failpoint);
    const quint16 port = freePort();
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->start(m_team->location(), {QStringLiteral("--port"), QString::number(port)}, {failpoint}));
    Desk li(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    Ticket draft;
    draft.subject = QStringLiteral("推送时服务器崩溃");
    const QString id = li.tickets->create(draft, li.me).value().id;
    for (int i = 0; i < 3; ++i)
        QVERIFY(li.tickets->addComment(id, CommentVisibility::Public, QStringLiteral("评论 %1").arg(i), {}, li.me));
    li.start();
    // The desk pushes while the test turns the event loop; the failpoint ends the server mid-push.
    QVERIFY(QTest::qWaitFor([&] { return !m_server->running(); }, 20000));
    QCOMPARE(m_server->waitForExit(0), 70);
    QVERIFY(QTest::qWaitFor([&] { return li.engine->state() == SyncEngine::State::Offline; }, 10000));
    QVERIFY(startServer(port));
    QVERIFY(li.idle(30000));
    QCOMPARE(li.outbox(), 0);
    Desk boss(m_server->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password"));
    boss.start();
    QVERIFY(boss.idle());
    QCOMPARE(boss.ticketIds(), QStringList {id});
    QCOMPARE(boss.tickets->comments(id).size(), 3);
    compareWithServer(li);
    compareWithServer(boss);
}

int TestSyncEngine::runDeskProcess(const QString& store, const QString& token, const QStringList& failpoints)
{
    QProcess desk;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("GONGDAN_FAILPOINTS"), failpoints.join(QLatin1Char(',')));
    desk.setProcessEnvironment(environment);
    desk.start(QStringLiteral(GONGDAN_DESK_HELPER), {store, m_server->baseUrl(), token});
    if (!desk.waitForFinished(90000))
        return -1;
    return desk.exitStatus() == QProcess::NormalExit ? desk.exitCode() : -1;
}

void TestSyncEngine::pushTickets(int count)
{
    SyncDevice boss(
        m_server->baseUrl(), signIn(m_server->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    for (int batch = 0; batch * 250 < count; ++batch) { // 500 intents a push at most
        QJsonArray creates;
        for (int i = batch * 250; i < std::min(count, (batch + 1) * 250); ++i) {
            const Ticket t = newTicket(QStringLiteral("批量 %1").arg(i), QStringLiteral("service"), {});
            creates.append(boss.mutation(QStringLiteral("ticket.create"), t.id, createArgs(t)));
            creates.append(
                boss.mutation(QStringLiteral("comment.add"), t.id, commentArgs(t.id, QStringLiteral("已受理"))));
        }
        QVERIFY(boss.push(creates).status == 200);
    }
}

void TestSyncEngine::aDeskKilledMidPullResumesInStep()
{
    QVERIFY(startServer());
    // li.na's workstation has synced once; then 1,500 tickets arrive and it pulls them in pages.
    Desk li(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    li.start();
    QVERIFY(li.idle());
    li.engine->stop();
    const qint64 before = li.cache->cursor();
    QVERIFY(before > 0);
    pushTickets(1500);
    // Run as its own process, it is killed inside the transaction of its second page.
    QCOMPARE(runDeskProcess(li.db->path(), li.token, {QStringLiteral("pull.crash_before_commit")}), 70);
    // The first page committed whole, the second not at all: cursor, server copies and rows agree.
    const qint64 cursor = li.cache->cursor();
    QVERIFY(cursor > before);
    QSqlQuery counts(li.db->sql());
    // Nothing is queued, so each row is the server's copy (marked with its server_seq), none kept apart.
    QVERIFY(counts.exec(QStringLiteral("SELECT (SELECT count(*) FROM ticket WHERE server_seq IS NOT NULL), "
                                       "(SELECT count(*) FROM ticket), (SELECT max(server_seq) FROM ticket), "
                                       "(SELECT count(*) FROM ticket_synced)"))
        && counts.next());
    QCOMPARE(counts.value(0).toLongLong(), counts.value(1).toLongLong());
    QCOMPARE(counts.value(3).toLongLong(), 0);
    QVERIFY(counts.value(0).toLongLong() > 0 && counts.value(0).toLongLong() < 1500);
    QVERIFY(counts.value(2).toLongLong() <= cursor);
    counts.finish();

    QCOMPARE(runDeskProcess(li.db->path(), li.token, {}), 0); // restarted, it carries on from its cursor
    QCOMPARE(li.ticketIds().size(), 1500);
    compareWithServer(li);
}

void TestSyncEngine::aDeskKilledMidFirstSyncStartsOverInStep()
{
    QVERIFY(startServer());
    pushTickets(1500);
    Desk li(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    QSignalSpy progress(li.engine, &SyncEngine::firstSyncProgress);
    QCOMPARE(runDeskProcess(li.db->path(), li.token, {QStringLiteral("pull.crash_before_commit")}), 70);
    // Killed in its second snapshot page: one page of tickets is whole (copies and rows agree; their
    // comments come after every ticket), and the cursor is still 0 — nothing claims the snapshot finished.
    QCOMPARE(li.cache->cursor(), 0);
    QSqlQuery counts(li.db->sql());
    QVERIFY(counts.exec(QStringLiteral("SELECT (SELECT count(*) FROM ticket WHERE server_seq IS NOT NULL), "
                                       "(SELECT count(*) FROM ticket), (SELECT count(*) FROM comment)"))
        && counts.next());
    QCOMPARE(counts.value(0).toLongLong(), counts.value(1).toLongLong());
    QCOMPARE(counts.value(0).toLongLong(), 500);
    QCOMPARE(counts.value(2).toLongLong(), 0);
    counts.finish();

    // Started again in this process: the snapshot starts over, the progress bar's figures reach the end.
    li.start();
    QVERIFY(li.idle(60000));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toLongLong(), 1500);
    QCOMPARE(progress.last().at(1).toLongLong(), 1500);
    QVERIFY(li.cache->cursor() > 0);
    compareWithServer(li);
}

void TestSyncEngine::firstSyncBringsTheOwnQueueFirst()
{
    QVERIFY(startServer());
    SyncDevice boss(
        m_server->baseUrl(), signIn(m_server->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    Desk li(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    QJsonArray batch;
    QStringList hers;
    for (int i = 0; i < 40; ++i) {
        Ticket t = newTicket(QStringLiteral("工单 %1").arg(i), QStringLiteral("service"), {});
        if (i % 10 == 9) {
            t.assigneeId = li.userId;
            hers.append(t.id);
        }
        batch.append(boss.mutation(QStringLiteral("ticket.create"), t.id, createArgs(t)));
        batch.append(boss.mutation(QStringLiteral("comment.add"), t.id, commentArgs(t.id, QStringLiteral("已受理"))));
    }
    QCOMPARE(boss.push(batch).status, 200);

    const auto commentCount = [&li] {
        QSqlQuery count(li.db->sql());
        return count.exec(QStringLiteral("SELECT count(*) FROM comment")) && count.next() ? count.value(0).toInt() : -1;
    };
    const auto waitingOf = [&li](const QStringList& ids) { // those the ticket view says wait for their comments
        QStringList waiting;
        std::copy_if(ids.begin(), ids.end(), std::back_inserter(waiting), [&li](const QString& id) {
            const auto arriving = li.tickets->conversationArriving(id, li.userId);
            return arriving.ok() && arriving.value();
        });
        return waiting;
    };
    QStringList atOwnQueue, waitingAtOwnQueue;
    int commentsAtOwnQueue = -1;
    connect(li.engine, &SyncEngine::ownQueueReady, this, [&] {
        atOwnQueue = li.ticketIds();
        commentsAtOwnQueue = commentCount();
        waitingAtOwnQueue = waitingOf(atOwnQueue);
    });
    int ticketsAtQueue = -1, commentsAtQueue = -1;
    QStringList waitingAtQueue; // which tickets the ticket view says still wait for their conversation
    connect(li.engine, &SyncEngine::queueReady, this, [&] {
        ticketsAtQueue = static_cast<int>(li.ticketIds().size());
        commentsAtQueue = commentCount();
        waitingAtQueue = waitingOf(li.ticketIds());
    });
    // The first conversations stored are hers: at the first progress, all of hers and none of the others'.
    int commentsAtFirstTalk = -1;
    QStringList waitingAtFirstTalk;
    QSignalSpy conversations(li.engine, &SyncEngine::conversationProgress);
    connect(li.engine, &SyncEngine::conversationProgress, this, [&] {
        if (commentsAtFirstTalk < 0) {
            commentsAtFirstTalk = commentCount();
            waitingAtFirstTalk = waitingOf(li.ticketIds());
        }
    });
    QList<bool> storing; // per page stored, storingQueue(): her tickets' page and the rest's, then none
    connect(li.engine, &SyncEngine::ticketsChanged, this, [&] { storing.append(li.engine->storingQueue()); });
    li.start(); // (which takes the user's sync identity on the window's connection)
    const qint64 writtenBefore = li.db->rowsWritten();
    QVERIFY(li.idle());
    // Every page was stored on the engine's own connection and thread: the window's wrote nothing.
    QCOMPARE(li.db->rowsWritten(), writtenBefore);
    QVERIFY(storing.count(true) == 2 && storing.first() && !storing.last() && !li.engine->storingQueue());
    hers.sort();
    QCOMPARE(atOwnQueue, hers); // her four tickets first, alone, without their conversations yet,
    QCOMPARE(commentsAtOwnQueue, 0);
    QCOMPARE(waitingAtOwnQueue, hers); // which the ticket view says are still arriving
    QCOMPARE(ticketsAtQueue, 40); // then the rest of her group's: the whole queue…
    QCOMPARE(commentsAtQueue, 0); // …before any comment,
    QCOMPARE(waitingAtQueue.size(), 40); // every ticket waiting for its conversation
    QCOMPARE(commentsAtFirstTalk, 4); // hers come first
    QCOMPARE(waitingAtFirstTalk.size(), 36);
    for (const QString& id : hers)
        QVERIFY(!waitingAtFirstTalk.contains(id));
    QVERIFY(!conversations.isEmpty()); // counted for the status bar
    QCOMPARE(conversations.first().at(1).toLongLong(), 40);
    QCOMPARE(conversations.last(), (QVariantList {qint64(40), qint64(40)}));
    QCOMPARE(commentCount(), 40);
    QVERIFY(waitingOf(li.ticketIds()).isEmpty());
    compareWithServer(li);
}

void TestSyncEngine::aServerThatIsDownIsRetriedByTheTimer()
{
    const quint16 port = freePort();
    Desk li(QStringLiteral("http://127.0.0.1:%1").arg(port), QStringLiteral("-"), QStringLiteral("-"));
    Ticket draft;
    draft.subject = QStringLiteral("服务器不在");
    QVERIFY(li.tickets->create(draft, Principal {QStringLiteral("someone"), Role::Agent, {}}));
    li.engine->start(QUrl(li.server), QStringLiteral("no-token-yet"));
    QVERIFY(QTest::qWaitFor([&] { return li.engine->state() == SyncEngine::State::Offline; }, 10000));
    QCOMPARE(li.engine->waiting(), 1);

    // The server comes up on that port; the desk signs in (a new token) and the retry timer does the rest.
    QVERIFY(startServer(port));
    Desk signIn(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    li.engine->stop();
    li.token = signIn.token;
    li.start();
    QVERIFY2(li.idle(20000),
        qPrintable(QStringLiteral("state %1, waiting %2: %3")
                       .arg(int(li.engine->state()))
                       .arg(li.engine->waiting())
                       .arg(li.engine->lastError()))); // no answer to the old token's requests counts
    QVERIFY(isFinalNumber(li.tickets->find(li.ticketIds().first())->number));
    compareWithServer(li);
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
