#include "sync/SnapshotFetcher.h"
#include "tests/support/ServerHarness.h"
#include "tests/support/SyncDevice.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>
#include <numeric>

using namespace gongdan;
using namespace gongdan::test;

/// sync/SnapshotFetcher against a real gongdan-server: a part's pages grow once its total is known, so
/// that a large first sync commits in fewer, larger pages, and every ticket still arrives once.
class TestSnapshotFetcher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void grownLimit_data();
    void grownLimit();
    void pagesGrowOnceThePartsTotalIsKnown();
};

void TestSnapshotFetcher::grownLimit_data()
{
    QTest::addColumn<qint64>("total");
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("largest");
    QTest::addColumn<int>("expected");
    QTest::newRow("a small part keeps its first size") << qint64(1500) << 500 << 2000 << 500;
    QTest::newRow("an empty part") << qint64(0) << 500 << 2000 << 500;
    QTest::newRow("twenty pages at least") << qint64(20000) << 500 << 2000 << 1000;
    QTest::newRow("never past the largest") << qint64(90000) << 500 << 2000 << 2000;
    QTest::newRow("a largest below the first") << qint64(90000) << 500 << 100 << 500;
}

void TestSnapshotFetcher::grownLimit()
{
    QFETCH(qint64, total);
    QFETCH(int, first);
    QFETCH(int, largest);
    QFETCH(int, expected);
    QCOMPARE(SnapshotFetcher::grownLimit(total, first, largest), expected);
}

void TestSnapshotFetcher::pagesGrowOnceThePartsTotalIsKnown()
{
    auto team = seededTeam(QStringLiteral("sqlite")); // the fetcher is the workstation's: one backend is enough
    ServerProcess server;
    QVERIFY2(server.start(team->location()), qPrintable(server.lastLog()));
    const QString token = signIn(server.baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password"));
    SyncDevice boss(server.baseUrl(), token);
    QJsonArray creates;
    QSet<QString> pushed;
    for (int i = 0; i < 300; ++i) {
        const Ticket t = newTicket(QStringLiteral("分页 %1").arg(i), QStringLiteral("service"), {});
        creates.append(boss.mutation(QStringLiteral("ticket.create"), t.id, createArgs(t)));
        pushed.insert(t.id);
    }
    QCOMPARE(boss.push(creates).status, 200);

    SnapshotFetcher fetcher;
    QSignalSpy pages(&fetcher, &SnapshotFetcher::pageReady);
    QList<qint64> sizes;
    QSet<QString> arrived;
    connect(&fetcher, &SnapshotFetcher::pageReady, this, [&](quint64, SnapshotPagePtr page) {
        QCOMPARE(page->status, 200);
        sizes.append(page->tickets);
        for (const PulledChange& change : page->changes)
            arrived.insert(change.id);
        fetcher.taken(page); // as the engine does once the page is stored
    });
    // Unassigned, the tickets are in boss's "rest" part: 300 of them, first pages of 4, at most 100.
    fetcher.fetch({QUrl(server.baseUrl()), token, QUuid::createUuid().toString(QUuid::WithoutBraces), {},
        QStringLiteral("rest"), QStringLiteral("none"), 4, 100, 1});
    QVERIFY(QTest::qWaitFor([&] { return arrived.size() == 300; }, 20000));
    QCOMPARE(arrived, pushed);
    // The second page is asked for before the first is read (the server reads it meanwhile), so it has
    // the first's size; from the third on, 300 / kFewestPages = 15.
    QCOMPARE(sizes.mid(0, 2), (QList<qint64> {4, 4}));
    for (qsizetype i = 2; i + 1 < sizes.size(); ++i)
        QCOMPARE(sizes.at(i), qint64(15));
    QCOMPARE(std::accumulate(sizes.begin(), sizes.end(), qint64(0)), qint64(300));
}

QTEST_GUILESS_MAIN(TestSnapshotFetcher)
#include "tst_snapshotfetcher.moc"
