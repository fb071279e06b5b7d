#include "BulkLoad.h"
#include "SearchIndexer.h"
#include "TempStore.h"
#include "TicketRows.h"
#include "TicketSearch.h"

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

void insertDirectly(TempStore& store, const QString& subject)
{
    TicketRowWriter writer(store.db());
    Ticket t = draftTicket(subject);
    t.id = store.db().ids().next();
    t.createdAt = t.updatedAt = store.clock.now();
    QVERIFY(writer.insertTicket(t).ok());
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
};

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
    QVERIFY(store.tickets().create(draftTicket(QString::fromUtf8("新的物流问题")), QStringLiteral("a")).ok());
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

QTEST_GUILESS_MAIN(TestBulkLoad)
#include "tst_bulkload.moc"
