#include "sync/FirstSyncJob.h"
#include "sync/PullJob.h"
#include "sync/SnapshotFetcher.h"
#include "tests/support/JobRig.h"

#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace gongdan;
using namespace gongdan::test;

namespace {

/// The snapshot fetcher on a thread of its own, as the engine keeps it.
struct FetcherThread {
    FetcherThread()
    {
        fetcher = new SnapshotFetcher;
        fetcher->moveToThread(&thread);
        thread.start();
    }
    ~FetcherThread()
    {
        QMetaObject::invokeMethod(
            fetcher, [f = fetcher] { delete f; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
    QThread thread;
    SnapshotFetcher* fetcher = nullptr;
};

} // namespace

/// sync/FirstSyncJob alone against a real gongdan-server (SQLite and PostgreSQL): the phases in order —
/// the user's own tickets, the team, the rest, the own conversations, the others' — with progress that
/// only grows, the queue usable before any conversation, and the pull ready to go on where it read.
class TestFirstSyncJob : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_server.reset(); }
    void phasesInOrderWithProgressThatOnlyGrows_data() { addBackendRows(); }
    void phasesInOrderWithProgressThatOnlyGrows();
    void aRefusedTokenAsksForSignIn_data() { addBackendRows(); }
    void aRefusedTokenAsksForSignIn();
    void nothingMoreAfterStop_data() { addBackendRows(); }
    void nothingMoreAfterStop();

private:
    /// 12 tickets for the service group with one comment each, three of them assigned to `userId`; theirs.
    QStringList pushTickets(const QString& userId);
    static int comments(JobRig& rig);

    std::unique_ptr<SeededServer> m_server;
};

void TestFirstSyncJob::init()
{
    QFETCH(QString, backend);
    m_server = std::make_unique<SeededServer>(backend);
    if (!m_server->skipReason().isEmpty())
        QFAIL(qPrintable(m_server->skipReason()));
    QVERIFY2(m_server->start(), qPrintable(m_server->server().lastLog()));
}

QStringList TestFirstSyncJob::pushTickets(const QString& userId)
{
    SyncDevice boss(
        m_server->baseUrl(), signIn(m_server->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    QJsonArray batch;
    QStringList hers;
    for (int i = 0; i < 12; ++i) {
        Ticket t = newTicket(QStringLiteral("首次 %1").arg(i), QStringLiteral("service"), {});
        if (i % 4 == 3) {
            t.assigneeId = userId;
            hers.append(t.id);
        }
        batch.append(boss.mutation(QStringLiteral("ticket.create"), t.id, createArgs(t)));
        batch.append(boss.mutation(QStringLiteral("comment.add"), t.id, commentArgs(t.id, QStringLiteral("已受理"))));
    }
    if (boss.push(batch).status != 200)
        qFatal("push failed");
    hers.sort();
    return hers;
}

int TestFirstSyncJob::comments(JobRig& rig)
{
    QSqlQuery count(rig.desk.db->sql());
    return count.exec(QStringLiteral("SELECT count(*) FROM comment")) && count.next() ? count.value(0).toInt() : -1;
}

void TestFirstSyncJob::phasesInOrderWithProgressThatOnlyGrows()
{
    JobRig rig(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    const QStringList hers = pushTickets(rig.desk.userId);
    FetcherThread worker;
    FirstSyncJob job(rig.transport, rig.queue, rig.clientId, worker.fetcher);
    job.setSnapshotPages(2, 4); // several pages per part
    using Phase = FirstSyncJob::Phase;
    QList<Phase> phases;
    QStringList events;
    connect(&job, &FirstSyncJob::phaseChanged, this, [&](Phase phase) { phases.append(phase); });
    QStringList atOwnQueue;
    int commentsAtOwnQueue = -1, ticketsAtQueue = -1, commentsAtQueue = -1;
    bool storingAtOwnQueue = false;
    connect(&job, &FirstSyncJob::ownQueueReady, this, [&] {
        events.append(QStringLiteral("own"));
        atOwnQueue = rig.desk.ticketIds();
        commentsAtOwnQueue = comments(rig);
        storingAtOwnQueue = job.storingQueue();
    });
    connect(&job, &FirstSyncJob::queueReady, this, [&] {
        events.append(QStringLiteral("queue"));
        ticketsAtQueue = static_cast<int>(rig.desk.ticketIds().size());
        commentsAtQueue = comments(rig);
    });
    QList<QPair<qint64, qint64>> progress, talk;
    connect(&job, &FirstSyncJob::firstSyncProgress, this, [&](qint64 done, qint64 total) {
        progress.append({done, total});
        if (events.isEmpty() || events.last() != QLatin1String("tickets"))
            events.append(QStringLiteral("tickets"));
    });
    connect(&job, &FirstSyncJob::conversationProgress, this, [&](qint64 done, qint64 total) {
        talk.append({done, total});
        if (events.last() != QLatin1String("talk"))
            events.append(QStringLiteral("talk"));
    });
    const auto outcome = rig.run(job, 30000);
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, SyncFailure::Kind::None);

    QCOMPARE(phases,
        (QList<Phase> {
            Phase::Mine, Phase::Team, Phase::Rest, Phase::OwnConversations, Phase::Conversations, Phase::None}));
    QCOMPARE(events,
        (QStringList {QStringLiteral("tickets"), QStringLiteral("own"), QStringLiteral("tickets"),
            QStringLiteral("queue"), QStringLiteral("talk")}));
    QCOMPARE(atOwnQueue, hers); // her own tickets first, alone, without their conversations yet
    QCOMPARE(commentsAtOwnQueue, 0);
    QVERIFY(storingAtOwnQueue);
    QVERIFY(!job.storingQueue());
    QCOMPARE(ticketsAtQueue, 12); // every ticket before any conversation
    QCOMPARE(commentsAtQueue, 0);
    QVERIFY(progress.size() >= 5); // pages of 2 to 4
    QVERIFY(talk.size() >= 4);
    for (const auto& list : {progress, talk}) {
        for (qsizetype i = 0; i < list.size(); ++i) {
            QVERIFY2(list.at(i).first <= list.at(i).second, qPrintable(QString::number(i)));
            if (i > 0) {
                QVERIFY2(list.at(i).first >= list.at(i - 1).first, qPrintable(QString::number(i)));
                QVERIFY2(list.at(i).second >= list.at(i - 1).second, qPrintable(QString::number(i)));
            }
        }
        QCOMPARE(list.last(), (QPair<qint64, qint64>(12, 12)));
    }
    QCOMPARE(rig.desk.ticketIds().size(), 12);
    QCOMPARE(comments(rig), 12);
    QVERIFY(rig.desk.cache->cursor() > 0);
    // The pull goes on from there: no second first sync.
    PullJob pull(rig.transport, rig.queue, rig.clientId);
    const auto pulled = rig.run(pull);
    QVERIFY(pulled);
    QCOMPARE(pulled->kind, SyncFailure::Kind::None);
    QVERIFY(!pull.needsFirstSync());
    QCOMPARE(rig.desk.ticketIds().size(), 12);
}

void TestFirstSyncJob::aRefusedTokenAsksForSignIn()
{
    JobRig rig(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    pushTickets(rig.desk.userId);
    rig.transport.setServer(QUrl(m_server->baseUrl()), QStringLiteral("not-a-token"));
    FetcherThread worker;
    FirstSyncJob job(rig.transport, rig.queue, rig.clientId, worker.fetcher);
    int progress = 0;
    connect(&job, &FirstSyncJob::firstSyncProgress, this, [&] { ++progress; });
    const auto outcome = rig.run(job);
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, SyncFailure::Kind::SignInRequired);
    QCOMPARE(outcome->status, 401);
    QCOMPARE(progress, 0);
    QVERIFY(rig.desk.ticketIds().isEmpty());
}

void TestFirstSyncJob::nothingMoreAfterStop()
{
    JobRig rig(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    pushTickets(rig.desk.userId);
    FetcherThread worker;
    FirstSyncJob job(rig.transport, rig.queue, rig.clientId, worker.fetcher);
    job.setSnapshotPages(2, 2);
    int finished = 0, after = 0;
    bool stopped = false;
    connect(&job, &SyncJob::finished, this, [&] { ++finished; });
    connect(&job, &FirstSyncJob::firstSyncProgress, this, [&] {
        if (std::exchange(stopped, true)) {
            ++after;
            return;
        }
        rig.queue.advance(); // what SyncEngine::stop() does after the first page
        QMetaObject::invokeMethod(worker.fetcher, [f = worker.fetcher] { f->cancel(); });
    });
    job.start();
    QVERIFY(QTest::qWaitFor([&] { return stopped; }, 20000));
    QTest::qWait(1500);
    QCOMPARE(after, 0);
    QCOMPARE(finished, 0);
    // At most her own part (a page read ahead may have gone to the store already); never the team or the rest.
    QVERIFY2(rig.desk.ticketIds().size() <= 3, qPrintable(QString::number(rig.desk.ticketIds().size())));
}

QTEST_GUILESS_MAIN(TestFirstSyncJob)
#include "tst_firstsyncjob.moc"
