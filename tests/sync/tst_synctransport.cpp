#include "sync/SyncTransport.h"
#include "tests/support/ServerHarness.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <optional>

using namespace gongdan;
using namespace gongdan::test;

Q_DECLARE_METATYPE(gongdan::SyncFailure::Kind)

namespace {

/// A tiny HTTP peer on loopback: answers every request with `answer` (raw bytes), or says nothing, or
/// closes the connection; keeps the last request it read.
class FakePeer : public QObject {
public:
    enum class Mode { Answer, Silent, Close };

    explicit FakePeer(Mode mode, QByteArray answer = {}) : m_mode(mode), m_answer(std::move(answer))
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    QByteArray request;

private:
    void read(QTcpSocket* socket)
    {
        request += socket->readAll();
        const qsizetype end = request.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = request.left(end).toLower();
        const qsizetype length = head.indexOf("content-length:");
        const int bodyLength
            = length < 0 ? 0 : head.mid(length + 15, head.indexOf('\r', length) - length - 15).trimmed().toInt();
        if (request.size() < end + 4 + bodyLength)
            return;
        if (m_mode == Mode::Answer)
            socket->write(m_answer);
        if (m_mode == Mode::Close)
            socket->close();
    }

    Mode m_mode;
    QByteArray m_answer;
    QTcpServer m_server;
};

QByteArray http(int status, const QByteArray& body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

std::optional<SyncReply> ask(
    SyncTransport& transport, const QByteArray& verb, const QString& path, const QJsonObject& body = {}, int ms = 10000)
{
    std::optional<SyncReply> reply;
    QObject context;
    transport.send(verb, path, body, &context, [&](const SyncReply& answer) { reply = answer; });
    (void)QTest::qWaitFor([&] { return reply.has_value(); }, ms); // (nullopt when nothing came)
    return reply;
}

} // namespace

/// sync/SyncTransport alone: the request it sends, and how every kind of answer (or none) maps to what
/// the engine acts on — 401 sign in, no answer or 5xx retried, another status with the server's code.
class TestSyncTransport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void statusMapping_data();
    void statusMapping();
    void sendsTheTokenPathAndJson();
    void aSilentServerTimesOut();
    void aClosedConnectionIsUnreachable();
    void aRefusedConnectionIsUnreachable();
    void anAnswerForAnObjectGoneIsDropped();
};

void TestSyncTransport::statusMapping_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<SyncFailure::Kind>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    using K = SyncFailure::Kind;
    QTest::newRow("200 ok") << 200 << QByteArray(R"({"device_code":"ABC"})") << K::None << QString() << QString();
    QTest::newRow("401 sign in again") << 401
                                       << QByteArray(R"({"code":"auth.token_expired","message":"expired; sign in"})")
                                       << K::SignInRequired << QStringLiteral("auth.token_expired")
                                       << QStringLiteral("expired; sign in");
    QTest::newRow("401 without a body") << 401 << QByteArray() << K::SignInRequired << QString() << QString();
    QTest::newRow("500 retried") << 500 << QByteArray(R"({"code":"server.internal","message":"boom"})")
                                 << K::ServerError << QStringLiteral("server.internal") << QStringLiteral("boom");
    QTest::newRow("503 retried") << 503 << QByteArray(R"({"code":"server.database_unavailable","message":"down"})")
                                 << K::ServerError << QStringLiteral("server.database_unavailable")
                                 << QStringLiteral("down");
    QTest::newRow("502 from a proxy, no JSON")
        << 502 << QByteArray("<html>bad gateway</html>") << K::ServerError << QString() << QString();
    QTest::newRow("409 resync with the server's code")
        << 409 << QByteArray(R"({"code":"sync.resync_required","message":"another history"})") << K::Refused
        << QStringLiteral("sync.resync_required") << QStringLiteral("another history");
    QTest::newRow("400 wrapped in error")
        << 400 << QByteArray(R"({"error":{"code":"request.bad","message":"no client"}})") << K::Refused
        << QStringLiteral("request.bad") << QStringLiteral("no client");
    QTest::newRow("403 denied") << 403 << QByteArray(R"({"code":"access.denied","message":"no"})") << K::Refused
                                << QStringLiteral("access.denied") << QStringLiteral("no");
}

void TestSyncTransport::statusMapping()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(SyncFailure::Kind, kind);
    QFETCH(QString, code);
    QFETCH(QString, message);
    FakePeer peer(FakePeer::Mode::Answer, http(status, body));
    SyncTransport transport;
    transport.setServer(peer.url(), QStringLiteral("t0k3n"));
    const auto reply = ask(transport, "GET", QStringLiteral("/v1/sync/pull?cursor=1"));
    QVERIFY(reply);
    QCOMPARE(reply->status, status);
    QCOMPARE(reply->body, body);
    QCOMPARE(reply->failure.kind, kind);
    QCOMPARE(reply->ok(), kind == SyncFailure::Kind::None);
    QCOMPARE(reply->failure.error.code, code);
    QCOMPARE(reply->failure.error.message, message);
    QCOMPARE(reply->failure.status, kind == SyncFailure::Kind::None ? 0 : status);
}

void TestSyncTransport::sendsTheTokenPathAndJson()
{
    FakePeer peer(FakePeer::Mode::Answer, http(200, R"({"results":[]})"));
    SyncTransport transport;
    transport.setServer(peer.url(), QStringLiteral("t0k3n"));
    const auto reply = ask(transport, "POST", QStringLiteral("/v1/sync/push?x=1%202"),
        {{QStringLiteral("client_id"), QStringLiteral("c1")}});
    QVERIFY(reply);
    QVERIFY(reply->ok());
    QCOMPARE(reply->json().value(QStringLiteral("results")).toArray().size(), 0);
    QVERIFY2(peer.request.startsWith("POST /v1/sync/push?x=1%202 HTTP/1.1\r\n"), peer.request.constData());
    QVERIFY(peer.request.contains("Authorization: Bearer t0k3n\r\n"));
    QVERIFY(peer.request.toLower().contains("content-type: application/json\r\n"));
    QVERIFY(peer.request.endsWith(R"({"client_id":"c1"})"));
}

void TestSyncTransport::aSilentServerTimesOut()
{
    FakePeer peer(FakePeer::Mode::Silent);
    SyncTransport transport;
    transport.setServer(peer.url(), QStringLiteral("t"));
    transport.setTimeout(300);
    QElapsedTimer clock;
    clock.start();
    const auto reply = ask(transport, "GET", QStringLiteral("/v1/sync/pull"));
    QVERIFY(reply);
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(reply->status, 0);
    QCOMPARE(reply->failure.kind, SyncFailure::Kind::Unreachable);
    QCOMPARE(reply->failure.error.code, QStringLiteral("sync.unreachable"));
    QVERIFY2(reply->failure.error.message.contains(QStringLiteral("did not answer")),
        qPrintable(reply->failure.error.message));
}

void TestSyncTransport::aClosedConnectionIsUnreachable()
{
    FakePeer peer(FakePeer::Mode::Close);
    SyncTransport transport;
    transport.setServer(peer.url(), QStringLiteral("t"));
    const auto reply = ask(
        transport, "POST", QStringLiteral("/v1/sync/register"), {{QStringLiteral("client_id"), QStringLiteral("c")}});
    QVERIFY(reply);
    QCOMPARE(reply->status, 0);
    QCOMPARE(reply->failure.kind, SyncFailure::Kind::Unreachable);
    QVERIFY2(reply->failure.error.message.contains(QStringLiteral("closed the connection")),
        qPrintable(reply->failure.error.message));
}

void TestSyncTransport::aRefusedConnectionIsUnreachable()
{
    SyncTransport transport;
    transport.setServer(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(freePort())), QStringLiteral("t"));
    const auto reply = ask(transport, "GET", QStringLiteral("/v1/sync/pull"));
    QVERIFY(reply);
    QCOMPARE(reply->failure.kind, SyncFailure::Kind::Unreachable);
    QVERIFY2(reply->failure.error.message.contains(QStringLiteral("refused the connection")),
        qPrintable(reply->failure.error.message));
}

void TestSyncTransport::anAnswerForAnObjectGoneIsDropped()
{
    FakePeer peer(FakePeer::Mode::Answer, http(200, "{}"));
    SyncTransport transport;
    transport.setServer(peer.url(), QStringLiteral("t"));
    int called = 0;
    auto* context = new QObject;
    transport.send("GET", QStringLiteral("/v1/sync/pull"), {}, context, [&](const SyncReply&) { ++called; });
    delete context; // (a job abandoned before its answer came)
    QVERIFY(QTest::qWaitFor([&] { return !peer.request.isEmpty(); }, 5000));
    QTest::qWait(300);
    QCOMPARE(called, 0);
}

QTEST_GUILESS_MAIN(TestSyncTransport)
#include "tst_synctransport.moc"
