// Attachment bytes on the team server against a real gongdan-server on both backends: uploaded once by their
// SHA-256 with the type sniffed from the bytes, answered to HEAD and GET for whoever uploaded them or may read a
// ticket whose comment (over REST or a sync push) or attachment field refers to them, 404 to everyone else;
// bodies above the server's limit refused with 413 (the limit told at sign-in and registration), while the
// other routes keep their 1 MiB.
#include "domain/JsonCodec.h"
#include "teamdb/ServerDatabase.h"
#include "tests/support/SyncDevice.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>
#include <memory>

using namespace gongdan;
using namespace gongdan::test;

namespace {

const QString kUpload = QStringLiteral("/api/v1/attachments");

QString shaOf(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString pathOf(const QByteArray& bytes)
{
    return kUpload + QLatin1Char('/') + shaOf(bytes);
}

/// A PNG's first bytes (enough for the sniffer), then `tail` so each file is different.
QByteArray png(const QByteArray& tail)
{
    return QByteArray::fromHex("89504e470d0a1a0a0000000d49484452") + tail;
}

QJsonObject refOf(const QByteArray& bytes, const QString& name)
{
    return AttachmentRef {shaOf(bytes), name, QStringLiteral("image/png"), bytes.size()}.toJson();
}

HttpResult upload(HttpClient& http, const QByteArray& bytes, const QByteArray& type = "application/octet-stream")
{
    return http.send("POST", kUpload, bytes, type);
}

/// One chunk of a resumable upload: bytes [start, start + length) of `file` (a different `body` when given).
HttpResult putChunk(HttpClient& http, const QString& sha256, const QByteArray& file, qint64 start, qint64 length,
    const QByteArray& range = {})
{
    const QByteArray chunk = file.mid(start, length);
    const QByteArray header = range.isEmpty() ? "bytes " + QByteArray::number(start) + '-'
            + QByteArray::number(start + chunk.size() - 1) + '/' + QByteArray::number(file.size())
                                              : range;
    return http.send("PUT", kUpload + QLatin1Char('/') + sha256, chunk, "application/octet-stream",
        {{"Content-Range", header}, {"X-File-Name", "scan.png"}});
}

qint64 uploadOffset(HttpClient& http, const QString& sha256)
{
    const HttpResult head = http.send("HEAD", kUpload + QLatin1Char('/') + sha256, {});
    if (head.status != 404)
        return -head.status;
    bool ok = false;
    const qint64 offset = head.header("Upload-Offset").toLongLong(&ok);
    return ok ? offset : -1;
}

} // namespace

class TestAttachmentApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        m_server.reset(); // before its database is dropped
        m_team.reset();
    }
    void uploadIsStoredOnceBySniffedType_data() { addBackendRows(); }
    void uploadIsStoredOnceBySniffedType();
    void limitIsToldAndKept_data() { addBackendRows(); }
    void limitIsToldAndKept();
    void readersOfAReferringTicketMayDownload_data() { addBackendRows(); }
    void readersOfAReferringTicketMayDownload();
    void referencesSurvivePullAndSnapshot_data() { addBackendRows(); }
    void referencesSurvivePullAndSnapshot();
    void earlierReferencesAreIndexed_data() { addBackendRows(); }
    void earlierReferencesAreIndexed();
    void resumableUploadAppendsChunks_data() { addBackendRows(); }
    void resumableUploadAppendsChunks();
    void resumableUploadRefusals_data() { addBackendRows(); }
    void resumableUploadRefusals();

private:
    /// The seeded team on this row's backend and a server on it with `arguments`.
    bool start(const QStringList& arguments = {});
    std::unique_ptr<HttpClient> as(const QString& login, const QString& password);
    /// li.na's device pushes a ticket for the service group; its id.
    QString serviceTicket(SyncDevice& li);

    std::unique_ptr<TeamDatabase> m_team;
    std::unique_ptr<ServerProcess> m_server;
};

bool TestAttachmentApi::start(const QStringList& arguments)
{
    QFETCH(QString, backend);
    m_server.reset();
    m_team = seededTeam(backend);
    if (!m_team->available()) {
        qWarning("%s", qPrintable(m_team->why()));
        return false;
    }
    m_server = std::make_unique<ServerProcess>();
    if (!m_server->start(m_team->location(), arguments)) {
        qWarning("%s", qPrintable(m_server->lastLog()));
        return false;
    }
    return true;
}

std::unique_ptr<HttpClient> TestAttachmentApi::as(const QString& login, const QString& password)
{
    auto http = std::make_unique<HttpClient>(m_server->baseUrl());
    http->setToken(signIn(m_server->baseUrl(), login, password));
    return http;
}

QString TestAttachmentApi::serviceTicket(SyncDevice& li)
{
    const Ticket ticket
        = newTicket(QStringLiteral("打印机卡纸"), QStringLiteral("service"), QStringLiteral("K7Q-0009"));
    const HttpResult pushed = li.push({li.mutation(QStringLiteral("ticket.create"), ticket.id, createArgs(ticket))});
    if (pushed.status != 200)
        qWarning("%s", pushed.raw.constData());
    return ticket.id;
}

void TestAttachmentApi::uploadIsStoredOnceBySniffedType()
{
    QVERIFY(start());
    auto li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    const QByteArray bytes = png("first");
    // A PNG sent as text is still a PNG: the type comes from the bytes, never from the client.
    const HttpResult first = upload(*li, bytes, "text/plain");
    QCOMPARE(first.status, 201);
    QCOMPARE(first.body.value(QStringLiteral("sha256")).toString(), shaOf(bytes));
    QCOMPARE(first.body.value(QStringLiteral("size")).toInteger(), bytes.size());
    QCOMPARE(first.body.value(QStringLiteral("mime_type")).toString(), QStringLiteral("image/png"));
    const HttpResult again = upload(*li, bytes, "text/plain"); // stored once: the second is "already here"
    QCOMPARE(again.status, 200);
    QCOMPARE(again.body, first.body);

    const HttpResult head = li->send("HEAD", pathOf(bytes), {});
    QCOMPARE(head.status, 200);
    QVERIFY(head.raw.isEmpty());
    QCOMPARE(head.header("Content-Type"), QByteArray("image/png"));
    QCOMPARE(head.header("Content-Length"), QByteArray::number(bytes.size()));
    const HttpResult got = li->get(pathOf(bytes));
    QCOMPARE(got.status, 200);
    QCOMPARE(got.raw, bytes);
    QCOMPARE(got.header("Content-Type"), QByteArray("image/png"));
    QCOMPARE(got.header("ETag"), '"' + shaOf(bytes).toLatin1() + '"');

    // Above the general 1 MiB body limit, within the attachment limit (25 MB by default).
    const QByteArray large(2 * 1024 * 1024 + 5, 'x');
    const HttpResult big = upload(*li, large);
    QCOMPARE(big.status, 201);
    QCOMPARE(big.body.value(QStringLiteral("mime_type")).toString(), QStringLiteral("text/plain"));
    QCOMPARE(li->get(pathOf(large)).raw, large);

    QCOMPARE(upload(*li, {}).code(), QStringLiteral("attachment.empty"));
    QCOMPARE(upload(*li, {}).status, 400);
    for (const QString& bad :
        QStringList {QStringLiteral("abc"), shaOf(bytes).toUpper(), shaOf(bytes) + QLatin1Char('0')}) {
        QCOMPARE(li->get(kUpload + QLatin1Char('/') + bad).status, 400);
        QCOMPARE(li->get(kUpload + QLatin1Char('/') + bad).code(), QStringLiteral("attachment.bad_hash"));
        QCOMPARE(li->send("HEAD", kUpload + QLatin1Char('/') + bad, {}).status, 400);
    }
    HttpClient anonymous(m_server->baseUrl());
    QCOMPARE(upload(anonymous, bytes).status, 401);
    QCOMPARE(anonymous.get(pathOf(bytes)).status, 401);
}

void TestAttachmentApi::limitIsToldAndKept()
{
    QVERIFY(start({QStringLiteral("--attachment-limit-bytes"), QStringLiteral("1000")}));
    auto li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    const HttpResult session = HttpClient(m_server->baseUrl())
                                   .post(QStringLiteral("/api/v1/session"),
                                       {{QStringLiteral("login"), QStringLiteral("li.na")},
                                           {QStringLiteral("password"), QStringLiteral("agent-password")}});
    QCOMPARE(session.body.value(QStringLiteral("attachment_limit_bytes")).toInteger(), 1000);
    SyncDevice device(m_server->baseUrl(), li->token()); // registered: the register answer tells it too
    const HttpResult registered
        = device.http.post(QStringLiteral("/v1/sync/register"), {{QStringLiteral("client_id"), device.clientId}});
    QCOMPARE(registered.body.value(QStringLiteral("attachment_limit_bytes")).toInteger(), 1000);

    QCOMPARE(upload(*li, QByteArray(1000, 'a')).status, 201);
    const HttpResult refused = upload(*li, QByteArray(1001, 'b'));
    QCOMPARE(refused.status, 413);
    QCOMPARE(refused.code(), QStringLiteral("attachment.too_large"));
    QCOMPARE(refused.body.value(QStringLiteral("limit")).toInteger(), 1000);
    QVERIFY2(refused.body.value(QStringLiteral("message")).toString().contains(QLatin1String("MB")), refused.raw);
    QCOMPARE(li->get(pathOf(QByteArray(1001, 'b'))).status, 404); // nothing stored
    // Refused from its Content-Length before the body is read (server/ConnectionGuard): the connection closes
    // after the answer; an 8 MB body gets the same answer, and the client's next request is served.
    QCOMPARE(refused.header("Connection"), QByteArray("close"));
    const HttpResult huge = upload(*li, QByteArray(8 * 1024 * 1024, 'h'));
    QCOMPARE(huge.status, 413);
    QCOMPARE(huge.code(), QStringLiteral("attachment.too_large"));
    QCOMPARE(huge.body.value(QStringLiteral("limit")).toInteger(), 1000);
    QCOMPARE(li->get(pathOf(QByteArray(1000, 'a'))).status, 200);

    // In MB (MiB) as an operator writes it; 25 unless told.
    QVERIFY(start({QStringLiteral("--attachment-limit-mb"), QStringLiteral("2")}));
    const HttpResult two = HttpClient(m_server->baseUrl())
                               .post(QStringLiteral("/api/v1/session"),
                                   {{QStringLiteral("login"), QStringLiteral("li.na")},
                                       {QStringLiteral("password"), QStringLiteral("agent-password")}});
    QCOMPARE(two.body.value(QStringLiteral("attachment_limit_bytes")).toInteger(), 2 * 1024 * 1024);
    auto again = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    QCOMPARE(upload(*again, QByteArray(2 * 1024 * 1024 + 1, 'c')).status, 413);
    // The other routes keep their own limit: a 2 MiB JSON comment is still refused.
    SyncDevice liDevice(m_server->baseUrl(), again->token());
    const QString ticketId = serviceTicket(liDevice);
    const QByteArray hugeComment
        = HttpClient::jsonBytes({{QStringLiteral("body"), QString(2 * 1024 * 1024, QLatin1Char('x'))}});
    QCOMPARE(again->send("POST", QStringLiteral("/api/v1/tickets/%1/comments").arg(ticketId), hugeComment).code(),
        QStringLiteral("request.too_large"));
    QVERIFY(start());
    const HttpResult fallback = HttpClient(m_server->baseUrl())
                                    .post(QStringLiteral("/api/v1/session"),
                                        {{QStringLiteral("login"), QStringLiteral("li.na")},
                                            {QStringLiteral("password"), QStringLiteral("agent-password")}});
    QCOMPARE(fallback.body.value(QStringLiteral("attachment_limit_bytes")).toInteger(), 25 * 1024 * 1024);
}

void TestAttachmentApi::readersOfAReferringTicketMayDownload()
{
    QVERIFY(start());
    auto li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    auto zhang = as(QStringLiteral("zhang"), QStringLiteral("zhang-password")); // another group's agent
    auto boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    auto wang = as(QStringLiteral("wang"), QStringLiteral("field-password")); // field staff, not assigned
    SyncDevice liDevice(m_server->baseUrl(), li->token());
    const QString ticketId = serviceTicket(liDevice);
    const QString comments = QStringLiteral("/api/v1/tickets/%1/comments").arg(ticketId);

    // Uploaded, referred to by nothing: only its uploader reads it; to the others it does not exist.
    const QByteArray viaRest = png("rest");
    QCOMPARE(upload(*li, viaRest).status, 201);
    QCOMPARE(li->get(pathOf(viaRest)).status, 200);
    for (HttpClient* other : {boss.get(), zhang.get()}) {
        QCOMPARE(other->get(pathOf(viaRest)).status, 404);
        QCOMPARE(other->get(pathOf(viaRest)).code(), QStringLiteral("attachment.not_found"));
        QCOMPARE(other->send("HEAD", pathOf(viaRest), {}).status, 404);
    }
    // A comment over REST refers to it: whoever may read the ticket may read the file.
    QCOMPARE(li->post(comments, {{QStringLiteral("attachments"), QJsonArray {QJsonValue(42)}}}).code(),
        QStringLiteral("request.wrong_type"));
    const HttpResult added = li->post(
        comments, {{QStringLiteral("attachments"), QJsonArray {refOf(viaRest, QStringLiteral("卡纸.png"))}}});
    QCOMPARE(added.status, 201); // files alone make a comment
    QCOMPARE(added.body.value(QStringLiteral("attachments")).toArray().size(), 1);
    QCOMPARE(boss->get(pathOf(viaRest)).raw, viaRest);
    QCOMPARE(boss->send("HEAD", pathOf(viaRest), {}).status, 200);
    QCOMPARE(zhang->get(pathOf(viaRest)).status, 404);
    QCOMPARE(wang->get(pathOf(viaRest)).status, 404);

    // A pushed comment may refer to bytes not uploaded yet (an offline desk pushes first): 404 until they are.
    const QByteArray viaPush = png("push");
    Comment note {QUuid::createUuid().toString(QUuid::WithoutBraces), ticketId, QString(), CommentVisibility::Internal,
        QStringLiteral("现场照片"),
        {AttachmentRef {shaOf(viaPush), QStringLiteral("现场.png"), QStringLiteral("image/png"), viaPush.size()}},
        QDateTime::currentDateTimeUtc()};
    const HttpResult pushed = liDevice.push({liDevice.mutation(
        QStringLiteral("comment.add"), ticketId, {{QStringLiteral("comment"), JsonCodec::toJson(note)}})});
    QCOMPARE(pushed.status, 200);
    QCOMPARE(pushed.body[QStringLiteral("results")][0][QStringLiteral("status")].toString(), QStringLiteral("applied"));
    QCOMPARE(boss->get(pathOf(viaPush)).status, 404);
    QCOMPARE(boss->send("HEAD", pathOf(viaPush), {}).status, 404);
    QCOMPARE(upload(*li, viaPush).status, 201);
    QCOMPARE(boss->get(pathOf(viaPush)).raw, viaPush);
    QCOMPARE(zhang->get(pathOf(viaPush)).status, 404);

    // An attachment custom field refers to its files the same way.
    const HttpResult field = boss->post(QStringLiteral("/api/v1/field-definitions"),
        {{QStringLiteral("key"), QStringLiteral("photos")}, {QStringLiteral("type"), QStringLiteral("attachment")},
            {QStringLiteral("label_zh"), QStringLiteral("照片")},
            {QStringLiteral("label_en"), QStringLiteral("Photos")}});
    QCOMPARE(field.status, 201);
    const QByteArray viaField = png("field");
    QCOMPARE(upload(*li, viaField).status, 201);
    const QString ticketPath = QStringLiteral("/api/v1/tickets/") + ticketId;
    const auto photos = [](const QJsonValue& value) {
        return QJsonObject {{QStringLiteral("custom_fields"), QJsonObject {{QStringLiteral("photos"), value}}}};
    };
    QCOMPARE(li->patch(ticketPath, photos(QStringLiteral("not a list"))).status, 400);
    QCOMPARE(li->patch(ticketPath, photos(QJsonArray {QJsonObject {{QStringLiteral("sha256"), QStringLiteral("xyz")}}}))
                 .status,
        400);
    QCOMPARE(boss->get(pathOf(viaField)).status, 404);
    const HttpResult patched = li->patch(ticketPath, photos(QJsonArray {refOf(viaField, QStringLiteral("a.png"))}));
    QVERIFY2(patched.status == 200, patched.raw.constData());
    QCOMPARE(boss->get(pathOf(viaField)).raw, viaField);
    QCOMPARE(zhang->get(pathOf(viaField)).status, 404);
}

void TestAttachmentApi::referencesSurvivePullAndSnapshot()
{
    QVERIFY(start());
    auto li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    SyncDevice liDevice(m_server->baseUrl(), li->token());
    const QString ticketId = serviceTicket(liDevice);
    const QByteArray bytes = png("pulled");
    const QJsonObject ref = refOf(bytes, QStringLiteral("照片.png"));
    QCOMPARE(
        li->post(QStringLiteral("/api/v1/tickets/%1/comments").arg(ticketId),
              {{QStringLiteral("body"), QStringLiteral("见附件")}, {QStringLiteral("attachments"), QJsonArray {ref}}})
            .status,
        201);
    const QJsonArray expected {ref};
    const QJsonArray listed = li->get(QStringLiteral("/api/v1/tickets/%1/comments").arg(ticketId))
                                  .body.value(QStringLiteral("comments"))
                                  .toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0)[QStringLiteral("attachments")].toArray(), expected);

    SyncDevice boss(
        m_server->baseUrl(), signIn(m_server->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    QJsonArray pulled;
    for (const QJsonValue& change : boss.pullAll(1000)) {
        if (change[QStringLiteral("entity")].toString() == QLatin1String("comment"))
            pulled = change[QStringLiteral("data")][QStringLiteral("attachments")].toArray();
    }
    QCOMPARE(pulled, expected);
    const HttpResult snapshot = boss.http.get(QStringLiteral("/v1/sync/snapshot?part=rest"));
    QCOMPARE(snapshot.status, 200);
    const QJsonArray tickets = snapshot.body.value(QStringLiteral("tickets")).toArray();
    QCOMPARE(tickets.size(), 1);
    QCOMPARE(tickets.at(0)[QStringLiteral("comments")][0][QStringLiteral("attachments")].toArray(), expected);
}

void TestAttachmentApi::earlierReferencesAreIndexed()
{
    QVERIFY(start());
    auto li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    SyncDevice liDevice(m_server->baseUrl(), li->token());
    const QString ticketId = serviceTicket(liDevice);
    const QByteArray bytes = png("before");
    QCOMPARE(li->post(QStringLiteral("/api/v1/tickets/%1/comments").arg(ticketId),
                   {{QStringLiteral("attachments"), QJsonArray {refOf(bytes, QStringLiteral("旧.png"))}}})
                 .status,
        201);
    QCOMPARE(m_server->terminate(), 0);
    { // the database as a server before attachments (the audit trail, the sensitive values) left it: the comment's
      // reference, no index
        auto database = ServerDatabase::open(m_team->location());
        QVERIFY(database);
        QSqlQuery query(database.value()->sql());
        for (const char* statement : {"DROP TABLE attachment_ref", "DROP TABLE attachment_upload",
                 "DROP TABLE attachment_blob", "DROP TABLE audit_entry",
                 "DELETE FROM server_meta WHERE name = 'audit_head'", "DROP TABLE sensitive_value",
                 "DROP TABLE escalation_firing", "DROP TABLE notification", "DROP TABLE agent_presence",
                 "DROP TABLE dispatch_offer", "UPDATE server_meta SET value = '7' WHERE name = 'schema_version'"})
            QVERIFY2(query.exec(QString::fromLatin1(statement)), statement);
    }
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(m_team->location()), qPrintable(m_server->lastLog()));
    auto liAgain = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    auto boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    auto zhang = as(QStringLiteral("zhang"), QStringLiteral("zhang-password"));
    QCOMPARE(upload(*liAgain, bytes).status, 201);
    QCOMPARE(boss->get(pathOf(bytes)).raw, bytes); // a reader of the ticket, through the earlier comment
    QCOMPARE(zhang->get(pathOf(bytes)).status, 404);
}

void TestAttachmentApi::resumableUploadAppendsChunks()
{
    QVERIFY(start());
    auto li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    auto zhang = as(QStringLiteral("zhang"), QStringLiteral("zhang-password"));
    constexpr qint64 kMiB = 1024 * 1024;
    QByteArray file = png(QByteArray());
    while (file.size() < 2 * kMiB + 12345)
        file += QByteArray::number(file.size()) + ',';
    const QString sha = shaOf(file);
    QCOMPARE(uploadOffset(*li, sha), 0); // nothing here yet

    const HttpResult first = putChunk(*li, sha, file, 0, kMiB);
    QCOMPARE(first.status, 202);
    QCOMPARE(first.body.value(QStringLiteral("offset")).toInteger(), kMiB);
    QCOMPARE(first.body.value(QStringLiteral("size")).toInteger(), file.size());
    QCOMPARE(first.header("Upload-Offset"), QByteArray::number(kMiB));
    QCOMPARE(uploadOffset(*li, sha), kMiB);
    QCOMPARE(li->send("HEAD", pathOf(file), {}).header("Upload-Length"), QByteArray::number(file.size()));
    QCOMPARE(uploadOffset(*zhang, sha), 0); // each user's own partial upload
    QCOMPARE(li->get(pathOf(file)).status, 404); // not a file until it is whole

    // The partial file outlives the server: a restart (same database) resumes where it was.
    m_server->terminate();
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->start(m_team->location()));
    HttpClient again(m_server->baseUrl());
    again.setToken(li->token());
    QCOMPARE(uploadOffset(again, sha), kMiB);

    // A chunk from the wrong place (one sent twice, or a gap) is refused with where to go on.
    const HttpResult gap = putChunk(again, sha, file, 2 * kMiB, 100);
    QCOMPARE(gap.status, 409);
    QCOMPARE(gap.code(), QStringLiteral("attachment.offset_mismatch"));
    QCOMPARE(gap.body.value(QStringLiteral("offset")).toInteger(), kMiB);
    QCOMPARE(gap.header("Upload-Offset"), QByteArray::number(kMiB));
    QCOMPARE(putChunk(again, sha, file, 0 + 10, 10).code(), QStringLiteral("attachment.offset_mismatch"));
    QCOMPARE(uploadOffset(again, sha), kMiB);

    QCOMPARE(putChunk(again, sha, file, kMiB, kMiB).status, 202);
    const HttpResult last = putChunk(again, sha, file, 2 * kMiB, kMiB);
    QCOMPARE(last.status, 201);
    QCOMPARE(last.body.value(QStringLiteral("sha256")).toString(), sha);
    QCOMPARE(last.body.value(QStringLiteral("size")).toInteger(), file.size());
    QCOMPARE(last.body.value(QStringLiteral("mime_type")).toString(), QStringLiteral("image/png"));
    QCOMPARE(last.body.value(QStringLiteral("file_name")).toString(), QStringLiteral("scan.png"));
    QCOMPARE(again.get(pathOf(file)).raw, file);
    QCOMPARE(again.send("HEAD", pathOf(file), {}).status, 200);
    // The same bytes by someone else's resumable upload: stored once (200), now theirs to read too.
    HttpClient zhangAgain(m_server->baseUrl());
    zhangAgain.setToken(zhang->token());
    QCOMPARE(zhangAgain.get(pathOf(file)).status, 404);
    QCOMPARE(putChunk(zhangAgain, sha, file, 0, kMiB).status, 202);
    QCOMPARE(putChunk(zhangAgain, sha, file, kMiB, kMiB).status, 202);
    QCOMPARE(putChunk(zhangAgain, sha, file, 2 * kMiB, kMiB).status, 200);
    QCOMPARE(zhangAgain.get(pathOf(file)).raw, file);
    // The old whole-file POST goes on working beside it.
    QCOMPARE(upload(again, png("old client")).status, 201);
}

void TestAttachmentApi::resumableUploadRefusals()
{
    QVERIFY(start({QStringLiteral("--attachment-limit-bytes"), QStringLiteral("3000000")}));
    auto li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    const QByteArray file = png(QByteArray(5000, 'r'));
    const QString sha = shaOf(file);

    // The whole file's size is refused before a byte is kept, with the limit.
    const QByteArray big(3000001, 'b');
    const HttpResult tooLarge = putChunk(*li, shaOf(big), big, 0, 1000);
    QCOMPARE(tooLarge.status, 413);
    QCOMPARE(tooLarge.code(), QStringLiteral("attachment.too_large"));
    QCOMPARE(tooLarge.body.value(QStringLiteral("limit")).toInteger(), 3000000);
    QVERIFY2(tooLarge.body.value(QStringLiteral("message")).toString().contains(QLatin1String("MB")), tooLarge.raw);
    QCOMPARE(uploadOffset(*li, shaOf(big)), 0);
    // A chunk over 1 MiB, though the file is allowed: refused from its Content-Length.
    const QByteArray two(2 * 1024 * 1024, 't');
    const HttpResult chunk = putChunk(*li, shaOf(two), two, 0, two.size());
    QCOMPARE(chunk.status, 413);
    QCOMPARE(chunk.code(), QStringLiteral("attachment.chunk_too_large"));
    QCOMPARE(uploadOffset(*li, shaOf(two)), 0);

    // Content-Range missing, malformed, past the end, or not the body's length.
    for (const QByteArray& range : {QByteArray("bytes=0-99/5016"), QByteArray("bytes 0-99"),
             QByteArray("bytes 99-0/5016"), QByteArray("bytes 0-5016/5016"), QByteArray("bytes 0-49/5016")}) {
        const HttpResult bad = putChunk(*li, sha, file, 0, 100, range);
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.code(), QStringLiteral("attachment.bad_range"));
    }
    QCOMPARE(li->send("PUT", pathOf(file), file.left(100), "application/octet-stream").code(),
        QStringLiteral("attachment.bad_range"));
    QCOMPARE(putChunk(*li, QStringLiteral("abc"), file, 0, 100).code(), QStringLiteral("attachment.bad_hash"));
    HttpClient anonymous(m_server->baseUrl());
    QCOMPARE(putChunk(anonymous, sha, file, 0, 100).status, 401);
    QCOMPARE(uploadOffset(*li, sha), 0);

    // Bytes that are not the named file: found out at the end, discarded, nothing stored.
    QByteArray forged = file;
    forged[3000] = 'X';
    QCOMPARE(putChunk(*li, sha, forged, 0, 2500).status, 202);
    const HttpResult mismatch = putChunk(*li, sha, forged, 2500, 5000);
    QCOMPARE(mismatch.status, 400);
    QCOMPARE(mismatch.code(), QStringLiteral("attachment.digest_mismatch"));
    QCOMPARE(uploadOffset(*li, sha), 0);
    QCOMPARE(li->get(pathOf(file)).status, 404);
    // Sent again correctly, in one chunk.
    QCOMPARE(putChunk(*li, sha, file, 0, file.size()).status, 201);
    QCOMPARE(li->get(pathOf(file)).raw, file);
}

QTEST_GUILESS_MAIN(TestAttachmentApi)
#include "tst_attachmentapi.moc"
