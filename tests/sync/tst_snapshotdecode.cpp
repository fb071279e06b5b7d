#include "domain/JsonCodec.h"
#include "storage/SyncCache.h"
#include "sync/SnapshotFetcher.h"
#include "tests/support/TempStore.h"

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
    void readsWhatQJsonDocumentReads_data();
    void readsWhatQJsonDocumentReads();
    void refusesWhatIsNotASnapshotPage_data();
    void refusesWhatIsNotASnapshotPage();
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

void TestSnapshotDecode::readsWhatQJsonDocumentReads_data()
{
    QTest::addColumn<QByteArray>("ticket");
    const QByteArray base = R"({"id":"t1","number":"G20261123001","subject":"%1","description":"%2",)"
                            R"("need_type":"repair","channel":"phone","priority":"high","status":"new",)"
                            R"("created_at":"2026-11-23T08:00:00.123Z","updated_at":"2026-11-23T09:30:00.000Z",)"
                            R"("version":3,"call_seconds":%3,"tags":%4,"custom_fields":%5,"accepted_at":null})";
    const auto ticket = [&base](const char* subject, const char* description, const char* seconds, const char* tags,
                            const char* custom) {
        QByteArray out = base;
        return out.replace("%1", subject)
            .replace("%2", description)
            .replace("%3", seconds)
            .replace("%4", tags)
            .replace("%5", custom);
    };
    QTest::newRow("plain") << ticket("宽带掉线", "", "65", "[]", "{}");
    QTest::newRow("escapes") << ticket(R"(\"引号\" \\ \u4e2d \ud83d\ude00\n)", R"(tab\there)", "0",
        R"(["宽带","上门",""])", R"({"address":"张江路 700 号"})");
    QTest::newRow("numbers") << ticket("数字", "x", "2.5", "[1,\"a\",null]",
        R"({"n":12,"d":1.5,"e":1e3,"big":18446744073709551615,"neg":-7,"b":true,)"
        R"("z":null,"list":[1,{"k":"v"}],"nested":{"a":{"b":[]}}})");
    QTest::newRow("missing and null") << QByteArray(R"({"id":"t2","subject":"缺字段","need_type":"repair",)"
                                                    R"("channel":"phone","priority":"low","status":"new",)"
                                                    R"("created_at":"2026-11-23T08:00:00Z","number":null,)"
                                                    R"("tags":null,"custom_fields":[],"version":"3"})");
    QTest::newRow("does not decode") << ticket("坏状态", "", "0", "[]", "{}").replace("\"new\"", "\"gone\"");
}

void TestSnapshotDecode::readsWhatQJsonDocumentReads()
{
    // The snapshot decoder (simdjson) and the rest of the workstation (QJsonDocument) must read the same
    // ticket the same way, down to empty and missing text.
    QFETCH(QByteArray, ticket);
    const QByteArray comment = R"({"id":"c1","ticket_id":"t1","author_id":"u1","visibility":"internal",)"
                               R"("body":"已派师傅\n明天到","attachments":[],"created_at":"2026-11-23T10:00:00.000Z"})";
    const QByteArray body = R"({"cursor":5,"epoch":"e","has_more":false,"next_after":"t1","tickets":[)"
                            R"({"id":"t1","server_seq":4,"ticket":)"
        + ticket + R"(,"aliases":["K7Q-0001"],"comments":[)" + comment + R"(],"conflicts":[{"id":"k1","n":1}]}]})";
    const SnapshotPage decoded = decodeSnapshotPage(body);
    QCOMPARE(decoded.status, 200);
    QCOMPARE(decoded.changes.size(), 3);
    const QJsonObject entry = QJsonDocument::fromJson(body).object()[QStringLiteral("tickets")][0].toObject();
    const QJsonObject copy = entry[QStringLiteral("ticket")].toObject();
    QVERIFY(!copy.isEmpty());
    const auto expected = JsonCodec::ticketFromJson(copy);
    const PulledChange& got = decoded.changes.at(0);
    QCOMPARE(got.ticket.has_value(), expected.ok());
    if (expected.ok()) {
        const Ticket& a = *got.ticket;
        const Ticket& b = expected.value();
        QCOMPARE(JsonCodec::toJson(a), JsonCodec::toJson(b));
        for (const auto& [x, y] : {std::pair {a.number, b.number}, {a.description, b.description},
                 {a.categoryId, b.categoryId}, {a.customerId, b.customerId}, {a.resolution, b.resolution}})
            QCOMPARE(x.isNull(), y.isNull());
        QCOMPARE(a.customFields, b.customFields);
        QCOMPARE(a.tags, b.tags);
    } else {
        QCOMPARE(got.data.value(QStringLiteral("ticket")).toObject(), copy); // for the store to refuse
    }
    QCOMPARE(got.data.value(QStringLiteral("aliases")), entry[QStringLiteral("aliases")]);
    const auto expectedComment = JsonCodec::commentFromJson(entry[QStringLiteral("comments")][0].toObject());
    QVERIFY(expectedComment.ok() && decoded.changes.at(1).comment);
    QCOMPARE(JsonCodec::toJson(*decoded.changes.at(1).comment), JsonCodec::toJson(expectedComment.value()));
    QCOMPARE(decoded.changes.at(2).data, entry[QStringLiteral("conflicts")][0].toObject());
}

void TestSnapshotDecode::refusesWhatIsNotASnapshotPage_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not JSON") << QByteArray("<html>proxy error</html>");
    QTest::newRow("cut short") << QByteArray(R"({"cursor":5,"tickets":[{"id":"t1")");
    QTest::newRow("an array") << QByteArray("[]");
    QTest::newRow("no tickets") << QByteArray(R"({"cursor":5})");
    QTest::newRow("an entry that is not an object") << QByteArray(R"({"cursor":5,"tickets":[7]})");
}

void TestSnapshotDecode::refusesWhatIsNotASnapshotPage()
{
    QFETCH(QByteArray, body);
    const SnapshotPage decoded = decodeSnapshotPage(body);
    QCOMPARE(decoded.status, 502); // a refusal the engine retries: nothing of it is stored
    QVERIFY(decoded.changes.isEmpty());
    QCOMPARE(QJsonDocument::fromJson(decoded.errorBody).object().value(QStringLiteral("code")).toString(),
        QStringLiteral("sync.bad_snapshot_page"));
}

QTEST_GUILESS_MAIN(TestSnapshotDecode)
#include "tst_snapshotdecode.moc"
