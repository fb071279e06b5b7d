#include "BulkLoad.h"
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
    QVERIFY(bulk.finish(BulkLoad::FullText::Later).ok());
    QCOMPARE(scalar(store.db(), QStringLiteral("SELECT min(upto) FROM fts_progress")), 0); // search: later
}

QTEST_GUILESS_MAIN(TestBulkLoad)
#include "tst_bulkload.moc"
