#include "storage/BulkLoad.h"
#include "storage/FullText.h"
#include "storage/SearchIndexer.h"
#include "storage/TicketRows.h"
#include "storage/TicketSearch.h"
#include "tests/support/TempStore.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

namespace {

// A word the tokenizer keeps whole and no other ticket shares: "zq" and four letters from n.
QString word(int n)
{
    QString out = QStringLiteral("zq");
    for (int i = 0; i < 4; ++i, n /= 26)
        out.append(QLatin1Char(static_cast<char>('a' + n % 26)));
    return out;
}

QStringList found(Database& db, const QString& text)
{
    QStringList ids;
    const auto hits = TicketSearch(db).search(text, 1000);
    if (!hits)
        return {QStringLiteral("error: ") + hits.error().message};
    for (const SearchHit& hit : hits.value())
        ids.append(hit.id);
    return ids;
}

// Loads `count` tickets (subject: word(i)) with one comment each inside a bulk load that leaves search to
// the indexer; their ids in rowid order.
QStringList bulkLoad(TempStore& store, int count)
{
    QStringList ids;
    BulkLoad bulk(store.db());
    if (!bulk.started())
        return ids;
    TicketRowWriter writer(store.db());
    SqlTransaction transaction(store.db());
    for (int i = 0; i < count; ++i) {
        Ticket t = draftTicket(word(i));
        t.id = store.db().ids().next();
        t.createdAt = t.updatedAt = store.clock.now();
        auto rowid = writer.insertTicket(t);
        if (!rowid)
            return {};
        Comment c {store.db().ids().next(), t.id, {}, CommentVisibility::Public, word(i + 5000), {}, store.clock.now()};
        if (!writer.insertComment(rowid.value(), c))
            return {};
        ids.append(t.id);
    }
    if (!transaction.commit() || !bulk.finish(BulkLoad::FullText::Later))
        return {};
    return ids;
}

qint64 indexedTickets(Database& db)
{
    return scalar(db, QStringLiteral("SELECT count(*) FROM ticket_fts_docsize"));
}

} // namespace

class TestSearchIndexer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void laterLeavesSearchToTheIndexer();
    void writesDuringIndexingStayConsistent();
    void resumesAfterRestart();
    void signalsProgressToTheEnd();
    void rebuildNowIsComplete();
    void mergesWhatItWroteAfterwards();
};

void TestSearchIndexer::laterLeavesSearchToTheIndexer()
{
    TempStore store;
    SearchIndexer indexer(store.db());
    QVERIFY(!indexer.pending()); // a new store: everything (nothing) indexed
    const QStringList ids = bulkLoad(store, 300);
    QCOMPARE(ids.size(), 300);
    QVERIFY(indexer.pending());
    QCOMPARE(indexedTickets(store.db()), 0);
    QVERIFY(found(store.db(), word(7)).isEmpty()); // the queue is there, search is not yet
    QCOMPARE(scalar(store.db(), QStringLiteral("SELECT count(*) FROM ticket")), 300);
    int steps = 0;
    for (auto more = indexer.step(); more.value(); more = indexer.step()) {
        QVERIFY(more.ok());
        ++steps;
    }
    QVERIFY(steps >= 2); // tickets and comments at least
    QVERIFY(!indexer.pending());
    QCOMPARE(indexedTickets(store.db()), 300);
    for (int i : {0, 7, 150, 299}) {
        QCOMPARE(found(store.db(), word(i)), QStringList {ids.at(i)});
        QCOMPARE(found(store.db(), word(i + 5000)), QStringList {ids.at(i)}); // by its comment
    }
    QVERIFY(store.db().checkIntegrity().ok());
}

void TestSearchIndexer::writesDuringIndexingStayConsistent()
{
    TempStore store;
    const QStringList ids = bulkLoad(store, 3000);
    QCOMPARE(ids.size(), 3000);
    SearchIndexer indexer(store.db());
    // The parked sort indexes first (BulkLoad), one per step; then the first chunk: the oldest tickets only.
    qint64 upto = 0;
    for (int i = 0; i < 20 && upto == 0; ++i) {
        QVERIFY(indexer.step().value());
        upto = scalar(store.db(), QStringLiteral("SELECT upto FROM fts_progress WHERE name = 'ticket'"));
    }
    QVERIFY2(upto > 0 && upto < 3000, qPrintable(QString::number(upto)));
    const int covered = 0, uncovered = 2999; // rowids 1 and 3000
    auto setSubject = [&](const QString& id, const QString& subject) {
        QSqlQuery q(store.db().sql());
        q.prepare(QStringLiteral("UPDATE ticket SET subject = ? WHERE id = ?"));
        q.addBindValue(subject);
        q.addBindValue(id);
        return q.exec();
    };
    // Edits of an indexed and of a not yet indexed ticket, deletions of both kinds, a new ticket.
    QVERIFY(setSubject(ids.at(covered), word(9000)));
    QVERIFY(setSubject(ids.at(uncovered), word(9001)));
    QVERIFY(store.db()
                .exec(QStringLiteral("DELETE FROM ticket WHERE id IN ('%1', '%2')")
                          .arg(ids.at(covered + 1), ids.at(uncovered - 1)))
                .ok());
    Ticket added = draftTicket(word(9002));
    added.id = store.db().ids().next();
    added.createdAt = added.updatedAt = store.clock.now();
    QVERIFY(TicketRowWriter(store.db()).insertTicket(added).ok());
    QCOMPARE(found(store.db(), word(9000)), QStringList {ids.at(covered)}); // indexed rows follow at once
    QVERIFY(found(store.db(), word(covered)).isEmpty());
    while (indexer.step().value()) { }
    QCOMPARE(found(store.db(), word(9000)), QStringList {ids.at(covered)});
    QCOMPARE(found(store.db(), word(9001)), QStringList {ids.at(uncovered)});
    QCOMPARE(found(store.db(), word(9002)), QStringList {added.id});
    QVERIFY(found(store.db(), word(uncovered)).isEmpty());
    QVERIFY(found(store.db(), word(covered + 1)).isEmpty());
    QVERIFY(found(store.db(), word(uncovered - 1)).isEmpty());
    QCOMPARE(found(store.db(), word(1500)), QStringList {ids.at(1500)});
    // Exactly the rows of the table, each once: what 'delete' of a row never indexed would break.
    QCOMPARE(indexedTickets(store.db()), 2999);
    QCOMPARE(scalar(store.db(),
                 QStringLiteral("SELECT count(*) FROM ticket_fts_docsize d JOIN ticket t ON "
                                "t.rowid = d.id")),
        2999);
    QVERIFY(store.db().exec(QStringLiteral("INSERT INTO ticket_fts(ticket_fts) VALUES ('integrity-check')")).ok());
}

void TestSearchIndexer::resumesAfterRestart()
{
    TempStore store;
    QCOMPARE(bulkLoad(store, 2500).size(), 2500);
    {
        SearchIndexer indexer(store.db());
        QVERIFY(indexer.step().value());
    } // the workstation closes half way
    const qint64 upto = scalar(store.db(), QStringLiteral("SELECT upto FROM fts_progress WHERE name = 'ticket'"));
    QVERIFY(store.reopen());
    SearchIndexer indexer(store.db());
    QVERIFY(indexer.pending());
    QCOMPARE(scalar(store.db(), QStringLiteral("SELECT upto FROM fts_progress WHERE name = 'ticket'")), upto);
    while (indexer.step().value()) { }
    QCOMPARE(indexedTickets(store.db()), 2500);
    QCOMPARE(found(store.db(), word(2499)).size(), 1);
}

void TestSearchIndexer::signalsProgressToTheEnd()
{
    TempStore store;
    QCOMPARE(bulkLoad(store, 1200).size(), 1200);
    SearchIndexer indexer(store.db());
    QSignalSpy progress(&indexer, &SearchIndexer::progress);
    QSignalSpy finished(&indexer, &SearchIndexer::finished);
    // Done is said only once every row is searchable (the status bar hides on it): the first chunk
    // holds 1,000 of the 1,200 tickets.
    QStringList early;
    connect(&indexer, &SearchIndexer::progress, this, [&](qint64 done, qint64 all) {
        const qint64 comments = scalar(store.db(), QStringLiteral("SELECT count(*) FROM comment_fts_docsize"));
        if (done == all && (indexedTickets(store.db()) < 1200 || comments < 1200))
            early.append(QStringLiteral("%1 tickets, %2 comments").arg(indexedTickets(store.db())).arg(comments));
    });
    indexer.start();
    QVERIFY(indexer.running());
    QVERIFY(finished.wait(20000));
    QVERIFY2(early.isEmpty(), qPrintable(early.join(QStringLiteral("; "))));
    QVERIFY(!indexer.running());
    QCOMPARE(finished.size(), 1);
    QVERIFY(progress.size() >= 2);
    const qint64 total = progress.first().at(1).toLongLong();
    QCOMPARE(total, 2400); // 1,200 tickets and 1,200 comments (no customers)
    QCOMPARE(progress.first().at(0).toLongLong(), 0);
    qint64 last = -1;
    for (const QList<QVariant>& step : progress) {
        QVERIFY(step.at(0).toLongLong() >= last);
        last = step.at(0).toLongLong();
    }
    QCOMPARE(last, total);
    indexer.start(); // nothing pending: nothing runs
    QVERIFY(!indexer.running());
}

void TestSearchIndexer::rebuildNowIsComplete()
{
    TempStore store;
    QCOMPARE(bulkLoad(store, 50).size(), 50);
    {
        BulkLoad again(store.db());
        QVERIFY(again.finish(BulkLoad::FullText::Now).ok());
    }
    SearchIndexer indexer(store.db());
    QVERIFY(!indexer.pending());
    QCOMPARE(indexedTickets(store.db()), 50);
    QCOMPARE(found(store.db(), word(49)).size(), 1);
}

void TestSearchIndexer::mergesWhatItWroteAfterwards()
{
    // Written chunk by chunk, the index is in several segments; left so, FTS5 merges them during some
    // later save (a pause the agent feels). The indexer merges them once every row is in.
    TempStore store;
    QCOMPARE(bulkLoad(store, 6000).size(), 6000);
    SearchIndexer indexer(store.db());
    const auto segments = [&store](const char* fts) {
        return scalar(store.db(), QStringLiteral("SELECT count(DISTINCT segid) FROM %1_idx").arg(QLatin1String(fts)));
    };
    const auto indexed = [&store] {
        return scalar(store.db(), QStringLiteral("SELECT min(upto) FROM fts_progress")) == kFullTextComplete;
    };
    while (!indexed())
        QVERIFY(indexer.step().value());
    QVERIFY2(segments("ticket_fts") > 1, qPrintable(QString::number(segments("ticket_fts"))));
    int merges = 0;
    for (auto more = indexer.step(); more.value(); more = indexer.step())
        ++merges;
    QVERIFY(merges >= 2);
    QCOMPARE(segments("ticket_fts"), 1);
    QCOMPARE(segments("comment_fts"), 1);
    QCOMPARE(found(store.db(), word(4321)).size(), 1);
    QVERIFY(store.db().exec(QStringLiteral("INSERT INTO ticket_fts(ticket_fts) VALUES ('integrity-check')")).ok());
}

QTEST_GUILESS_MAIN(TestSearchIndexer)
#include "tst_searchindexer.moc"
