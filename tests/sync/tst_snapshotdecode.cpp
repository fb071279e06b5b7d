#include "JsonCodec.h"
#include "SnapshotFetcher.h"
#include "SyncCache.h"
#include "TempStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

namespace {

Ticket sample(TempStore& store, const QString& subject)
{
    return serverTicket(store, subject, QStringLiteral("G20231001%1").arg(subject.size(), 3, 10, QLatin1Char('0')));
}

} // namespace

/// Snapshot pages decoded ahead of the store (sync/SnapshotFetcher): what the decoder makes of a page,
/// and that the store writes the decoded values it is given.
class TestSnapshotDecode : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decodesTicketsCommentsAndConflicts();
    void leavesWhatDoesNotDecodeToTheStore();
    void storeWritesTheDecodedValues();
    void decodesAPageOfConversations();
};

void TestSnapshotDecode::decodesTicketsCommentsAndConflicts()
{
    TempStore store;
    const Ticket t = sample(store, QString::fromUtf8("宽带掉线"));
    const Comment c {store.db().ids().next(), t.id, QStringLiteral("u1"), CommentVisibility::Internal,
        QString::fromUtf8("已派师傅"), {}, store.clock.now()};
    const QJsonObject conflict {{QStringLiteral("id"), QStringLiteral("k1")}, {QStringLiteral("ticket_id"), t.id},
        {QStringLiteral("field"), QStringLiteral("subject")}};
    const QJsonObject page {{QStringLiteral("cursor"), 41}, {QStringLiteral("epoch"), QStringLiteral("e1")},
        {QStringLiteral("total"), 7}, {QStringLiteral("has_more"), true}, {QStringLiteral("next_after"), t.id},
        {QStringLiteral("tickets"),
            QJsonArray {QJsonObject {{QStringLiteral("id"), t.id}, {QStringLiteral("server_seq"), 40},
                {QStringLiteral("ticket"), JsonCodec::toJson(t)},
                {QStringLiteral("aliases"), QJsonArray {QStringLiteral("ABC-0001")}},
                {QStringLiteral("comments"), QJsonArray {JsonCodec::toJson(c)}},
                {QStringLiteral("conflicts"), QJsonArray {conflict}}}}}};
    const SnapshotPage decoded = decodeSnapshotPage(QJsonDocument(page).toJson());
    QCOMPARE(decoded.status, 200);
    QCOMPARE(decoded.cursor, 41);
    QCOMPARE(decoded.epoch, QStringLiteral("e1"));
    QCOMPARE(decoded.total, 7);
    QVERIFY(decoded.more);
    QCOMPARE(decoded.nextAfter, t.id);
    QCOMPARE(decoded.tickets, 1);
    QCOMPARE(decoded.changes.size(), 3);
    const PulledChange& ticket = decoded.changes.at(0);
    QCOMPARE(ticket.entity, QStringLiteral("ticket"));
    QCOMPARE(ticket.serverSeq, 40);
    QVERIFY(ticket.ticket.has_value());
    QCOMPARE(ticket.ticket->subject, t.subject);
    QCOMPARE(ticket.ticket->number, t.number);
    QCOMPARE(ticket.data.value(QStringLiteral("aliases")).toArray().first().toString(), QStringLiteral("ABC-0001"));
    QVERIFY(!ticket.data.contains(QStringLiteral("ticket"))); // decoded: the JSON stays with the decoder
    const PulledChange& comment = decoded.changes.at(1);
    QCOMPARE(comment.entity, QStringLiteral("comment"));
    QVERIFY(comment.comment.has_value());
    QCOMPARE(comment.comment->body, c.body);
    QCOMPARE(comment.comment->ticketId, t.id);
    QVERIFY(comment.data.isEmpty());
    QCOMPARE(decoded.changes.at(2).entity, QStringLiteral("conflict"));
    QCOMPARE(decoded.changes.at(2).data, conflict);
}

void TestSnapshotDecode::leavesWhatDoesNotDecodeToTheStore()
{
    // A copy the codec refuses is passed on undecoded: the store refuses the page with the codec's reason
    // instead of the decoder dropping the ticket silently.
    QJsonObject broken {{QStringLiteral("id"), QStringLiteral("t1")}, {QStringLiteral("status"), QStringLiteral("?")}};
    const QJsonObject page {{QStringLiteral("tickets"),
        QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("t1")}, {QStringLiteral("ticket"), broken}}}}};
    const SnapshotPage decoded = decodeSnapshotPage(QJsonDocument(page).toJson());
    QCOMPARE(decoded.changes.size(), 1);
    QVERIFY(!decoded.changes.first().ticket.has_value());
    TempStore store;
    SyncCache cache(store.db(), store.tickets());
    QVERIFY(!cache.applyPage(decoded.changes, 0, QStringLiteral("e1"), 5).ok());
    QCOMPARE(scalar(store.db(), QStringLiteral("SELECT count(*) FROM ticket")), 0); // nothing half-written
}

void TestSnapshotDecode::storeWritesTheDecodedValues()
{
    TempStore store;
    SyncCache cache(store.db(), store.tickets());
    const Ticket t = sample(store, QString::fromUtf8("服务器的副本"));
    const Comment c {store.db().ids().next(), t.id, QStringLiteral("u1"), CommentVisibility::Public,
        QStringLiteral("ok"), {}, store.clock.now()};
    PulledChange ticket {3, QStringLiteral("ticket"), t.id, QStringLiteral("upsert"),
        {{QStringLiteral("ticket"), JsonCodec::toJson(t)}, {QStringLiteral("aliases"), QJsonArray()}}};
    // The decoded values differ from `data` on purpose: the store must take them as they are.
    Ticket decodedTicket = t;
    decodedTicket.subject = QString::fromUtf8("解码后的值");
    ticket.ticket = decodedTicket;
    PulledChange comment {3, QStringLiteral("comment"), c.id, QStringLiteral("upsert"), JsonCodec::toJson(c)};
    Comment decodedComment = c;
    decodedComment.body = QStringLiteral("decoded body");
    comment.comment = decodedComment;
    QVERIFY(cache.applyPage({ticket, comment}, 0, QStringLiteral("e1"), 3).ok());
    QCOMPARE(store.tickets().find(t.id)->subject, decodedTicket.subject);
    QSqlQuery q(store.db().sql());
    QVERIFY(q.exec(QStringLiteral("SELECT body FROM comment")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("decoded body"));
}

void TestSnapshotDecode::decodesAPageOfConversations()
{
    // comments=only: each entry is a ticket's comments, without the ticket (stored before): no ticket
    // change is made of it, so the stored copy stays as it is.
    TempStore store;
    const Ticket t = sample(store, QString::fromUtf8("对话稍后到"));
    const Comment c {store.db().ids().next(), t.id, QStringLiteral("u1"), CommentVisibility::Public,
        QString::fromUtf8("已联系客户"), {}, store.clock.now()};
    const QJsonObject page {{QStringLiteral("cursor"), 9}, {QStringLiteral("epoch"), QStringLiteral("e1")},
        {QStringLiteral("has_more"), false}, {QStringLiteral("next_after"), t.id},
        {QStringLiteral("tickets"),
            QJsonArray {QJsonObject {{QStringLiteral("id"), t.id}, {QStringLiteral("server_seq"), 8},
                {QStringLiteral("comments"), QJsonArray {JsonCodec::toJson(c)}}}}}};
    const SnapshotPage decoded = decodeSnapshotPage(QJsonDocument(page).toJson());
    QCOMPARE(decoded.tickets, 1);
    QCOMPARE(decoded.changes.size(), 1);
    QCOMPARE(decoded.changes.at(0).entity, QStringLiteral("comment"));
    QCOMPARE(decoded.changes.at(0).comment->body, c.body);
}

QTEST_GUILESS_MAIN(TestSnapshotDecode)
#include "tst_snapshotdecode.moc"
