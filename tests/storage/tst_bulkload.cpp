#include "storage/BulkLoad.h"
#include "storage/SearchIndexer.h"
#include "storage/TicketRows.h"
#include "storage/TicketSearch.h"
#include "tests/support/TempStore.h"

#include <QSqlQuery>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

namespace {

QStringList schemaObjects(Database& db)
{
    QStringList names;
    QSqlQuery q(db.sql());
    q.exec(QStringLiteral("SELECT type || ':' || name FROM sqlite_master WHERE sql IS NOT NULL ORDER BY 1"));
    while (q.next())
        names.append(q.value(0).toString());
    return names;
}

void insertDirectly(TempStore& store, const QString& subject, const QString& comment = {})
{
    TicketRowWriter writer(store.db());
    Ticket t = draftTicket(subject);
    t.id = store.db().ids().next();
    t.createdAt = t.updatedAt = store.clock.now();
    auto rowid = writer.insertTicket(t);
    QVERIFY(rowid.ok());
    if (comment.isEmpty())
        return;
    const Comment c {
        store.db().ids().next(), t.id, QStringLiteral("a"), CommentVisibility::Public, comment, {}, store.clock.now()};
    QVERIFY(writer.insertComment(rowid.value(), c).ok());
}

} // namespace

class TestBulkLoad : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dropsAndRestoresIndexesAndSearch();
    void interruptedLoadIsFinishedOnOpen();
    void secondConnectionLeavesARunningLoadAlone();
    void sortIndexesComeBehindTheQueue();
    void sortIndexesLeftParkedAreBuiltOnOpen();
    void commentsComeInASecondStage();
    void aLoadKilledBetweenTheStagesIsFinishedOnOpen();
    void aPendingTableOfAnOlderVersionIsTakenOver();
    void anEventStoredTwiceKeepsItsNewestCopy_data();
    void anEventStoredTwiceKeepsItsNewestCopy();
    void unsyncedLoadsSkipTheDiskUntilFinished_data();
    void unsyncedLoadsSkipTheDiskUntilFinished();
};

namespace {

int synchronousOf(Database& db)
{
    QSqlQuery mode(db.sql());
    return mode.exec(QStringLiteral("PRAGMA synchronous")) && mode.next() ? mode.value(0).toInt() : -1;
}

} // namespace

void TestBulkLoad::unsyncedLoadsSkipTheDiskUntilFinished_data()
{
    QTest::addColumn<BulkLoad::Durability>("durability");
    QTest::addColumn<int>("during"); // PRAGMA synchronous: 0 OFF, 1 NORMAL
    QTest::newRow("synced (queued changes in the cache)") << BulkLoad::Durability::Synced << 1;
    QTest::newRow("unsynced (nothing queued)") << BulkLoad::Durability::Unsynced << 0;
}

void TestBulkLoad::unsyncedLoadsSkipTheDiskUntilFinished()
{
    QFETCH(BulkLoad::Durability, durability);
    QFETCH(int, during);
    TempStore store;
    QCOMPARE(synchronousOf(store.db()), 1); // the store's own setting: NORMAL in WAL mode
    {
        BulkLoad bulk(store.db(), durability);
        QVERIFY(bulk.started().ok());
        QCOMPARE(synchronousOf(store.db()), during);
        insertDirectly(store, QString::fromUtf8("首次同步的工单"), QString::fromUtf8("已受理"));
        QVERIFY(bulk.finishQueue().ok());
        QCOMPARE(synchronousOf(store.db()), during); // still loading: the conversations come next
        QVERIFY(bulk.finish().ok());
        QCOMPARE(synchronousOf(store.db()), 1); // durable again from here on
    }
    QCOMPARE(synchronousOf(store.db()), 1);
    QVERIFY(store.db().checkIntegrity().ok());
}

void TestBulkLoad::dropsAndRestoresIndexesAndSearch()
{
    TempStore store;
    const QStringList before = schemaObjects(store.db());
    QVERIFY(before.contains(QStringLiteral("trigger:ticket_fts_ai")));
    QVERIFY(before.contains(QStringLiteral("index:ticket_customer")));
    BulkLoad bulk(store.db());
    QVERIFY(bulk.started().ok());
    const QStringList during = schemaObjects(store.db());
    QVERIFY(!during.contains(QStringLiteral("trigger:ticket_fts_ai")));
    QVERIFY(!during.contains(QStringLiteral("index:comment_ticket")));
    insertDirectly(store, QString::fromUtf8("批量导入的退款工单"));
    QVERIFY(bulk.finish().ok());
    QStringList after = schemaObjects(store.db());
    QCOMPARE(after, before);
    QCOMPARE(TicketSearch(store.db()).search(QString::fromUtf8("退款")).value().size(), 1);
    QVERIFY(store.db().checkIntegrity().ok());
}

void TestBulkLoad::interruptedLoadIsFinishedOnOpen()
{
    TempStore store;
    const QStringList before = schemaObjects(store.db());
    {
        auto* abandoned = new BulkLoad(store.db()); // the process "dies": finish() never runs
        QVERIFY(abandoned->started().ok());
        insertDirectly(store, QString::fromUtf8("物流异常"));
        Q_UNUSED(abandoned);
    }
    QVERIFY(store.reopen());
    QStringList after = schemaObjects(store.db());
    QCOMPARE(after, before);
    QCOMPARE(TicketSearch(store.db()).search(QString::fromUtf8("物流")).value().size(), 1);
    // Rows written after the restore are indexed by the restored triggers.
    QVERIFY(
        store.tickets().create(draftTicket(QString::fromUtf8("新的物流问题")), store.agent(QStringLiteral("a"))).ok());
    QCOMPARE(TicketSearch(store.db()).search(QString::fromUtf8("物流")).value().size(), 2);
}

void TestBulkLoad::secondConnectionLeavesARunningLoadAlone()
{
    // A first sync's bulk load runs on the workstation's connection while a worker thread opens a
    // reader (the view counts): the reader must not take the load for an interrupted one and restore it.
    TempStore store;
    BulkLoad bulk(store.db());
    QVERIFY(bulk.started().ok());
    insertDirectly(store, QString::fromUtf8("同步中的工单"));
    const QStringList during = schemaObjects(store.db());
    {
        auto reader = Database::open(store.path(), store.clock, Database::Options {false, -1, true});
        QVERIFY(reader.ok());
        QCOMPARE(scalar(*reader.value(), QStringLiteral("SELECT count(*) FROM ticket")), 1);
    }
    QCOMPARE(schemaObjects(store.db()), during); // still dropped, still pending
    QVERIFY(!during.contains(QStringLiteral("trigger:ticket_fts_ai")));
    // Nor does the indexer build a sort index the load is keeping back.
    auto built = BulkLoad::restoreNextParked(store.db());
    QVERIFY(built.ok() && !built.value());
    QCOMPARE(schemaObjects(store.db()), during);
    QVERIFY(bulk.finish(BulkLoad::FullText::Later).ok());
    QCOMPARE(scalar(store.db(), QStringLiteral("SELECT min(upto) FROM fts_progress")), 0); // search: later
}

void TestBulkLoad::sortIndexesComeBehindTheQueue()
{
    // After a first sync (Later) the queue has its default indexes at once; the sort-by-column ones are
    // built by the search indexer, before search, one per turn.
    TempStore store;
    const QStringList before = schemaObjects(store.db());
    BulkLoad bulk(store.db());
    QVERIFY(bulk.started().ok());
    insertDirectly(store, QString::fromUtf8("排序索引稍后建立"));
    QVERIFY(bulk.finish(BulkLoad::FullText::Later).ok());
    const QStringList usable = schemaObjects(store.db());
    for (const char* index : {"ticket_status_created", "ticket_status_due", "ticket_status_group_id",
             "ticket_assignee_status", "ticket_customer", "comment_ticket"})
        QVERIFY2(usable.contains(QStringLiteral("index:") + QLatin1String(index)), index);
    QVERIFY(!usable.contains(QStringLiteral("index:ticket_status_subject")));
    QVERIFY(usable.contains(QStringLiteral("trigger:ticket_fts_ai")));
    SearchIndexer indexer(store.db());
    QVERIFY(indexer.pending());
    auto first = indexer.step();
    QVERIFY(first.ok() && first.value());
    QCOMPARE(schemaObjects(store.db()).size(), usable.size() + 1); // one index per step
    int steps = 1;
    for (auto more = indexer.step(); more.ok() && more.value() && steps < 100; more = indexer.step())
        ++steps;
    QVERIFY(!indexer.pending());
    QCOMPARE(schemaObjects(store.db()), before);
    QCOMPARE(TicketSearch(store.db()).search(QString::fromUtf8("排序")).value().size(), 1);
    QVERIFY(store.db().checkIntegrity().ok());
}

void TestBulkLoad::sortIndexesLeftParkedAreBuiltOnOpen()
{
    TempStore store;
    const QStringList before = schemaObjects(store.db());
    {
        BulkLoad bulk(store.db());
        insertDirectly(store, QString::fromUtf8("关闭前未建完"));
        QVERIFY(bulk.finish(BulkLoad::FullText::Later).ok());
    }
    QVERIFY(store.reopen()); // quit before the indexer built them
    QCOMPARE(schemaObjects(store.db()), before);
    // Search was not rebuilt on open: it is still the indexer's to finish.
    QCOMPARE(scalar(store.db(), QStringLiteral("SELECT min(upto) FROM fts_progress")), 0);
}

void TestBulkLoad::commentsComeInASecondStage()
{
    // A first sync stores every ticket, makes the queue usable, then stores the comments: their
    // indexes and triggers stay dropped until then, and so do the sort indexes and search.
    TempStore store;
    const QStringList before = schemaObjects(store.db());
    BulkLoad bulk(store.db());
    QVERIFY(bulk.started().ok());
    insertDirectly(store, QString::fromUtf8("先到的工单"));
    QVERIFY(bulk.finishQueue().ok());
    const QStringList queue = schemaObjects(store.db());
    for (const char* object : {"index:ticket_status_created", "index:ticket_assignee_status", "trigger:ticket_fts_ai"})
        QVERIFY2(queue.contains(QLatin1String(object)), object);
    for (const char* object :
        {"index:comment_ticket", "trigger:comment_fts_ai", "index:ticket_customer", "index:ticket_status_subject"})
        QVERIFY2(!queue.contains(QLatin1String(object)), object);
    auto parked = BulkLoad::restoreNextParked(store.db()); // the load is still running
    QVERIFY(parked.ok() && !parked.value());
    insertDirectly(store, QString::fromUtf8("后到的工单"), QString::fromUtf8("客户回电确认退款到账"));
    QVERIFY(bulk.finish(BulkLoad::FullText::Later).ok());
    QVERIFY(schemaObjects(store.db()).contains(QStringLiteral("index:comment_ticket")));
    SearchIndexer indexer(store.db());
    for (int steps = 0; indexer.pending() && steps < 100; ++steps)
        QVERIFY(indexer.step().ok());
    QCOMPARE(schemaObjects(store.db()), before);
    QCOMPARE(TicketSearch(store.db()).search(QString::fromUtf8("退款到账")).value().size(), 1);
    QVERIFY(store.db().checkIntegrity().ok());
}

void TestBulkLoad::aLoadKilledBetweenTheStagesIsFinishedOnOpen()
{
    TempStore store;
    const QStringList before = schemaObjects(store.db());
    {
        auto* abandoned = new BulkLoad(store.db()); // the process "dies" while the comments arrive
        QVERIFY(abandoned->finishQueue().ok());
        insertDirectly(store, QString::fromUtf8("物流异常"), QString::fromUtf8("包裹滞留在中转站"));
        Q_UNUSED(abandoned);
    }
    QVERIFY(store.reopen());
    QCOMPARE(schemaObjects(store.db()), before);
    QCOMPARE(TicketSearch(store.db()).search(QString::fromUtf8("中转站")).value().size(), 1);
}

void TestBulkLoad::anEventStoredTwiceKeepsItsNewestCopy_data()
{
    QTest::addColumn<bool>("killed");
    QTest::newRow("the load finishes") << false;
    QTest::newRow("the load is killed, finished on open") << true;
}

void TestBulkLoad::anEventStoredTwiceKeepsItsNewestCopy()
{
    // A first sync's events are appended while the event id's unique index is dropped (a resync brings
    // every event again): building the index back keeps the newest copy of each instead of failing.
    QFETCH(bool, killed);
    TempStore store;
    const QStringList before = schemaObjects(store.db());
    TicketRowWriter writer(store.db());
    Ticket t = draftTicket(QString::fromUtf8("重复的事件"));
    t.id = store.db().ids().next();
    auto rowid = writer.insertTicket(t);
    QVERIFY(rowid.ok());
    TicketEvent e;
    e.kind = QStringLiteral("field");
    e.at = store.clock.now();
    e.eventId = QStringLiteral("m1:0");
    e.newValue = QStringLiteral("kept before");
    QVERIFY(writer.appendEvent(rowid.value(), e).ok());
    auto* load = new BulkLoad(store.db());
    QVERIFY(load->started().ok());
    e.newValue = QStringLiteral("fetched again");
    QVERIFY(writer.appendEvent(rowid.value(), e).ok());
    e.eventId = QStringLiteral("m2:0");
    QVERIFY(writer.appendEvent(rowid.value(), e).ok());
    QCOMPARE(scalar(store.db(), QStringLiteral("SELECT count(*) FROM ticket_event")), 3);
    if (killed) {
        QVERIFY(store.reopen()); // (`load` "died" with its process)
    } else {
        QVERIFY(load->finish().ok());
        delete load;
    }
    QCOMPARE(schemaObjects(store.db()), before);
    QCOMPARE(scalar(store.db(), QStringLiteral("SELECT count(*) FROM ticket_event")), 2);
    QCOMPARE(scalar(store.db(),
                 QStringLiteral("SELECT count(*) FROM ticket_event WHERE event_id = 'm1:0' AND new_value = 'fetched "
                                "again'")),
        1);
    QVERIFY(store.db().checkIntegrity().ok());
}

void TestBulkLoad::aPendingTableOfAnOlderVersionIsTakenOver()
{
    // Killed during a load by a version whose table had no tbl_name column: the next load adds it, and
    // everything is restored at its end.
    TempStore store;
    const QStringList before = schemaObjects(store.db());
    QVERIFY(store.db().exec(QStringLiteral("CREATE TABLE bulk_load_pending(name TEXT PRIMARY KEY, type TEXT NOT "
                                           "NULL, sql TEXT NOT NULL)")));
    QVERIFY(store.db().exec(QStringLiteral("INSERT INTO bulk_load_pending(name, type, sql) SELECT name, type, sql "
                                           "FROM sqlite_master WHERE name = 'comment_ticket'")));
    QVERIFY(store.db().exec(QStringLiteral("DROP INDEX comment_ticket")));
    BulkLoad bulk(store.db());
    QVERIFY(bulk.started().ok());
    insertDirectly(store, QString::fromUtf8("旧版本留下的"), QString::fromUtf8("已回电"));
    QVERIFY(bulk.finishQueue().ok());
    QVERIFY(bulk.finish().ok());
    QCOMPARE(schemaObjects(store.db()), before);
}

QTEST_GUILESS_MAIN(TestBulkLoad)
#include "tst_bulkload.moc"
