#include "sync/PullJob.h"
#include "tests/support/JobRig.h"

#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

/// sync/PullJob alone against a real gongdan-server (SQLite and PostgreSQL): an empty cache is left to the
/// first sync; otherwise pages are pulled until caught up, every change stored and the cursor with them.
class TestPullJob : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_server.reset(); }
    void anEmptyCacheNeedsAFirstSync_data() { addBackendRows(); }
    void anEmptyCacheNeedsAFirstSync();
    void pagesUntilCaughtUpAndTheCursorIsStored_data() { addBackendRows(); }
    void pagesUntilCaughtUpAndTheCursorIsStored();
    void aRefusedTokenAsksForSignIn_data() { addBackendRows(); }
    void aRefusedTokenAsksForSignIn();

private:
    /// `count` tickets for the service group (li.na's), pushed by the boss's device.
    QStringList pushTickets(int count);
    /// Makes `rig`'s cache pull from `cursor` (as the end of a first sync does).
    static void startFrom(JobRig& rig, qint64 cursor);

    std::unique_ptr<SeededServer> m_server;
};

void TestPullJob::init()
{
    QFETCH(QString, backend);
    m_server = std::make_unique<SeededServer>(backend);
    if (!m_server->skipReason().isEmpty())
        QFAIL(qPrintable(m_server->skipReason()));
    QVERIFY2(m_server->start(), qPrintable(m_server->server().lastLog()));
}

QStringList TestPullJob::pushTickets(int count)
{
    SyncDevice boss(
        m_server->baseUrl(), signIn(m_server->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    QJsonArray creates;
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        const Ticket t = newTicket(QStringLiteral("拉取 %1").arg(i), QStringLiteral("service"), {});
        creates.append(boss.mutation(QStringLiteral("ticket.create"), t.id, createArgs(t)));
        ids.append(t.id);
    }
    if (boss.push(creates).status != 200)
        qFatal("push failed");
    return ids;
}

void TestPullJob::startFrom(JobRig& rig, qint64 cursor)
{
    bool done = false;
    rig.queue.store(
        &rig.transport, [cursor](SyncWriter& writer) { return writer.startFrom(cursor, {}); },
        [&](const Status& started) {
            QVERIFY(started);
            done = true;
        });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 5000));
}

void TestPullJob::anEmptyCacheNeedsAFirstSync()
{
    pushTickets(2);
    JobRig rig(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    PullJob job(rig.transport, rig.queue, rig.clientId);
    const auto outcome = rig.run(job);
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, SyncFailure::Kind::None);
    QVERIFY(job.needsFirstSync());
    QCOMPARE(job.pages(), 0);
    QVERIFY(rig.desk.ticketIds().isEmpty());
    QCOMPARE(rig.desk.cache->cursor(), qint64(0));
}

void TestPullJob::pagesUntilCaughtUpAndTheCursorIsStored()
{
    JobRig rig(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    startFrom(rig, 1);
    QStringList ids = pushTickets(7);
    ids.sort();
    PullJob job(rig.transport, rig.queue, rig.clientId, 3);
    QStringList changed;
    connect(&job, &SyncJob::ticketsChanged, this, [&](const QStringList& tickets) { changed += tickets; });
    const auto outcome = rig.run(job);
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, SyncFailure::Kind::None);
    QVERIFY(!job.needsFirstSync());
    QVERIFY2(job.pages() >= 3, qPrintable(QString::number(job.pages()))); // 7 tickets (and the team) in pages of 3
    QCOMPARE(rig.desk.ticketIds(), ids);
    changed.removeDuplicates();
    changed.sort();
    QCOMPARE(changed, ids);
    // The cursor is the server's: where another client of the same user stands after reading everything.
    SyncDevice probe(m_server->baseUrl(), rig.desk.token);
    probe.pullAll(1000, true);
    QVERIFY(probe.cursor > 1);
    QCOMPARE(rig.desk.cache->cursor(), probe.cursor);

    // Caught up: the next pull reads one empty page and changes nothing.
    PullJob again(rig.transport, rig.queue, rig.clientId, 3);
    QStringList changedAgain;
    connect(&again, &SyncJob::ticketsChanged, this, [&](const QStringList& tickets) { changedAgain += tickets; });
    QVERIFY(rig.run(again));
    QCOMPARE(again.pages(), 1);
    QVERIFY(changedAgain.isEmpty());
    QCOMPARE(rig.desk.cache->cursor(), probe.cursor);
}

void TestPullJob::aRefusedTokenAsksForSignIn()
{
    JobRig rig(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    startFrom(rig, 1);
    rig.transport.setServer(QUrl(m_server->baseUrl()), QStringLiteral("not-a-token"));
    PullJob job(rig.transport, rig.queue, rig.clientId);
    const auto outcome = rig.run(job);
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, SyncFailure::Kind::SignInRequired);
    QCOMPARE(job.pages(), 0);
    QCOMPARE(rig.desk.cache->cursor(), qint64(1));
}

QTEST_GUILESS_MAIN(TestPullJob)
#include "tst_pulljob.moc"
