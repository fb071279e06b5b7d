// The workstation's composition root: every committed change reaches the one change stream, and a
// queued change starts a push — without a window.
#include "sync/WorkstationCore.h"
#include "tests/support/TempStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

class TestWorkstationCore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aLocalChangeIsToldBeforeAndAfter();
    void queuedChangesAskForOnePushPerTurn();
    void pulledTicketsAndTheTeamReachTheStream();
};

void TestWorkstationCore::aLocalChangeIsToldBeforeAndAfter()
{
    TempStore store;
    WorkstationCore core(store.db());
    QSignalSpy before(&core.changes(), &ChangeStream::ticketsAboutToChange);
    QSignalSpy after(&core.changes(), &ChangeStream::changed);
    const Principal agent = store.agent(QStringLiteral("a-01"));
    auto created = core.tickets().create(draftTicket(QStringLiteral("洗衣机漏水")), agent);
    QVERIFY(created.ok());
    QCOMPARE(before.count(), 0); // a new ticket was in no view before
    QCOMPARE(after.count(), 1);
    auto told = after.takeFirst().at(0).value<StoreChange>();
    QVERIFY(told.has(StoreChange::Kind::Tickets));
    QVERIFY(!told.has(StoreChange::Kind::Pulled));
    QCOMPARE(told.ticketIds, QStringList {created.value().id});
    QVERIFY(core.tickets()
                .patch(created.value().id, QJsonObject {{QStringLiteral("subject"), QStringLiteral("滚筒漏水")}}, agent)
                .ok());
    QCOMPARE(before.count(), 1);
    QCOMPARE(before.first().at(0).toStringList(), QStringList {created.value().id});
    QCOMPARE(after.count(), 1);
}

void TestWorkstationCore::queuedChangesAskForOnePushPerTurn()
{
    TempStore store;
    WorkstationCore core(store.db());
    QSignalSpy told(&core.changes(), &ChangeStream::changed);
    const Principal agent = store.agent(QStringLiteral("a-01"));
    QVERIFY(core.tickets().create(draftTicket(QStringLiteral("一")), agent).ok());
    QVERIFY(core.tickets().create(draftTicket(QStringLiteral("二")), agent).ok());
    const auto queued = [&told] {
        int count = 0;
        for (const QList<QVariant>& args : told)
            count += args.at(0).value<StoreChange>().has(StoreChange::Kind::Queued) ? 1 : 0;
        return count;
    };
    QCOMPARE(queued(), 0); // posted: told once the writes of this turn are done
    QTRY_COMPARE(queued(), 1);
    QTest::qWait(20);
    QCOMPARE(queued(), 1); // two entries, one push
}

void TestWorkstationCore::pulledTicketsAndTheTeamReachTheStream()
{
    TempStore store;
    WorkstationCore core(store.db());
    QSignalSpy told(&core.changes(), &ChangeStream::changed);
    Q_EMIT core.engine().ticketsChanged({QStringLiteral("t-1")});
    QCOMPARE(told.count(), 1);
    auto pulled = told.takeFirst().at(0).value<StoreChange>();
    QVERIFY(pulled.has(StoreChange::Kind::Tickets));
    QVERIFY(pulled.has(StoreChange::Kind::Pulled)); // no "before": counts are taken again
    QVERIFY(pulled.has(StoreChange::Kind::Counts));
    QCOMPARE(pulled.ticketIds, QStringList {QStringLiteral("t-1")});
    Q_EMIT core.engine().teamChanged();
    QCOMPARE(told.count(), 1);
    QVERIFY(told.takeFirst().at(0).value<StoreChange>().has(StoreChange::Kind::Team));
    Q_EMIT core.engine().queueReady();
    QCOMPARE(told.count(), 1);
    QVERIFY(told.takeFirst().at(0).value<StoreChange>().has(StoreChange::Kind::Counts));
}

QTEST_GUILESS_MAIN(TestWorkstationCore)
#include "tst_workstationcore.moc"
