// The adversarial suite, memory class (issue 17): bodies declared huge to every route are refused from their
// Content-Length before a byte is read, heads with too many or too long headers are refused, WebSocket frames and
// messages over the limit are refused before and after the hello (and a socket that never says hello is closed),
// and one user cannot fill the server's disk with unfinished resumable uploads (at most 8, their sizes together at
// most 4 times the attachment limit). A real gongdan-server on both backends; every answer held to openapi.yaml.
#include "tests/support/OpenApiContract.h"
#include "tests/support/PokeListener.h"
#include "tests/support/SyncDevice.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <map>
#include <memory>

using namespace gongdan;
using namespace gongdan::test;

namespace {

struct RawAnswer {
    int status = 0;
    QByteArray body;
    bool closed = false;
    qint64 sent = 0; ///< body bytes the client had written when the answer came
};

/// Sends `head`, then body bytes in 64 KiB pieces until the server answers (at most `bodyBytes`).
RawAnswer rawRequest(quint16 port, const QByteArray& head, qint64 bodyBytes = 0)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    RawAnswer out;
    if (!socket.waitForConnected(3000))
        return out;
    socket.write(head);
    QByteArray answer;
    const QByteArray piece(64 * 1024, 'x');
    (void)QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            if (out.sent < bodyBytes && answer.isEmpty() && socket.state() == QAbstractSocket::ConnectedState
                && socket.bytesToWrite() < 1024 * 1024) {
                socket.write(piece);
                out.sent += piece.size();
            }
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        8000);
    answer += socket.readAll();
    out.closed = socket.state() == QAbstractSocket::UnconnectedState;
    if (answer.startsWith("HTTP/1.1 "))
        out.status = answer.mid(9, 3).toInt();
    if (const qsizetype at = answer.indexOf("\r\n\r\n"); at >= 0)
        out.body = answer.mid(at + 4);
    return out;
}

// server/AttachmentRoutes: kMaxPartialUploads, kPartialBytesFactor, kDefaultLimitBytes (as docs/api/openapi.yaml says).
constexpr int kMaxPartialUploads = 8;
constexpr int kPartialBytesFactor = 4;
constexpr qint64 kAttachmentLimit = 25 * 1024 * 1024;

QString sha256Of(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestHostileMemory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanupTestCase();
    void hugeBodiesAreRefusedFromTheirLength_data();
    void hugeBodiesAreRefusedFromTheirLength();
    void oversizedHeadsAreRefused_data();
    void oversizedHeadsAreRefused();
    void webSocketLimitsHold_data();
    void webSocketLimitsHold();
    void unfinishedUploadsAreCappedPerUser_data();
    void unfinishedUploadsAreCappedPerUser();

private:
    SeededServer& server(const QString& backend);
    /// Empty when the answer is what docs/api/openapi.yaml says.
    QString contract(const QByteArray& verb, const QString& path, int status, const QByteArray& body) const;

    std::map<QString, std::unique_ptr<SeededServer>> m_servers;
    std::optional<OpenApiContract> m_contract = OpenApiContract::load();
};

SeededServer& TestHostileMemory::server(const QString& backend)
{
    auto& slot = m_servers[backend];
    if (!slot) {
        slot = std::make_unique<SeededServer>(backend);
        if (!slot->skipReason().isEmpty())
            qFatal("%s", qPrintable(slot->skipReason()));
        if (!slot->start())
            qFatal("%s", qPrintable(slot->server().lastLog()));
    }
    return *slot;
}

QString TestHostileMemory::contract(
    const QByteArray& verb, const QString& path, int status, const QByteArray& body) const
{
    return m_contract ? m_contract->check(verb, path, status, body) : QStringLiteral("openapi.yaml not read");
}

void TestHostileMemory::cleanupTestCase()
{
    for (auto& [backend, s] : m_servers) {
        s->server().terminate();
        for (const QString& line : s->server().lastLog().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QVERIFY2(
                QJsonDocument::fromJson(line.toUtf8()).isObject(), qPrintable(QStringLiteral("not JSON: ") + line));
    }
    m_servers.clear();
}

void TestHostileMemory::hugeBodiesAreRefusedFromTheirLength_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("code");
    const QString sha(64, QLatin1Char('a'));
    const QList<std::tuple<QByteArray, QString, QString>> routes {
        {"POST", QStringLiteral("/api/v1/session"), QStringLiteral("request.too_large")},
        {"POST", QStringLiteral("/api/v1/tickets"), QStringLiteral("request.too_large")},
        {"PATCH", QStringLiteral("/api/v1/tickets/G1"), QStringLiteral("request.too_large")},
        {"POST", QStringLiteral("/api/v1/tickets/G1/comments"), QStringLiteral("request.too_large")},
        {"POST", QStringLiteral("/api/v1/customers"), QStringLiteral("request.too_large")},
        {"POST", QStringLiteral("/api/v1/views"), QStringLiteral("request.too_large")},
        {"POST", QStringLiteral("/api/v1/calendars"), QStringLiteral("request.too_large")},
        {"POST", QStringLiteral("/api/v1/users"), QStringLiteral("request.too_large")},
        {"POST", QStringLiteral("/v1/sync/register"), QStringLiteral("request.too_large")},
        {"POST", QStringLiteral("/v1/sync/push"), QStringLiteral("request.too_large")},
        {"POST", QStringLiteral("/api/v1/attachments"), QStringLiteral("attachment.too_large")},
        {"PUT", QStringLiteral("/api/v1/attachments/") + sha, QStringLiteral("attachment.chunk_too_large")},
    };
    for (const char* backend : {"sqlite", "postgresql"}) {
        for (const auto& [verb, path, code] : routes)
            QTest::addRow("%s: 1 GiB %s %s", backend, verb.constData(), qPrintable(path))
                << QString::fromLatin1(backend) << verb << path << code;
    }
}

void TestHostileMemory::hugeBodiesAreRefusedFromTheirLength()
{
    QFETCH(QString, backend);
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QString, code);
    SeededServer& s = server(backend);
    // Not signed in, 1 GiB announced: the answer comes before the client could send 8 MiB of it.
    const RawAnswer answer = rawRequest(s.server().port(),
        verb + ' ' + path.toLatin1()
            + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n",
        8 * 1024 * 1024);
    QCOMPARE(answer.status, 413);
    QVERIFY2(answer.sent < 8 * 1024 * 1024, qPrintable(QString::number(answer.sent)));
    QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("code")).toString(), code);
    QVERIFY(answer.closed);
    const QString violation = contract(verb, path, answer.status, answer.body);
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
    QCOMPARE(HttpClient(s.baseUrl()).get(QStringLiteral("/health")).status, 200);
}

void TestHostileMemory::oversizedHeadsAreRefused_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("code");
    QByteArray many;
    for (int i = 0; i < 101; ++i)
        many += "X-H" + QByteArray::number(i) + ": 1\r\n";
    const QByteArray cookie = "Cookie: " + QByteArray(17 * 1024, 'c') + "\r\n";
    QByteArray hundredSmall; // 100 headers (allowed in number) of 200 bytes each: 20 KiB in all
    for (int i = 0; i < 99; ++i)
        hundredSmall += "X-" + QByteArray::number(i) + ": " + QByteArray(200, 'v') + "\r\n";
    for (const char* backend : {"sqlite", "postgresql"}) {
        const QString b = QString::fromLatin1(backend);
        QTest::addRow("%s: 101 headers to sign-in", backend) << b << "POST /api/v1/session HTTP/1.1\r\n" + many + "\r\n"
                                                             << QStringLiteral("request.too_many_headers");
        QTest::addRow("%s: 101 headers to push", backend) << b << "POST /v1/sync/push HTTP/1.1\r\n" + many + "\r\n"
                                                          << QStringLiteral("request.too_many_headers");
        QTest::addRow("%s: a 17 KiB cookie", backend) << b << "GET /api/v1/tickets HTTP/1.1\r\n" + cookie + "\r\n"
                                                      << QStringLiteral("request.head_too_large");
        QTest::addRow("%s: a 17 KiB token", backend)
            << b << "GET /api/v1/me HTTP/1.1\r\nAuthorization: Bearer " + QByteArray(17 * 1024, 't') + "\r\n\r\n"
            << QStringLiteral("request.head_too_large");
        QTest::addRow("%s: 20 KiB in 99 headers", backend) << b << "GET /health HTTP/1.1\r\n" + hundredSmall + "\r\n"
                                                           << QStringLiteral("request.head_too_large");
        QTest::addRow("%s: a 17 KiB path", backend)
            << b << "GET /api/v1/tickets/" + QByteArray(17 * 1024, 'G') + " HTTP/1.1\r\n\r\n"
            << QStringLiteral("request.head_too_large");
        QTest::addRow("%s: a 17 KiB WebSocket upgrade", backend)
            << b
            << "GET /v1/sync/ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: "
               "13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: "
                + QByteArray(17 * 1024, 'p') + "\r\n\r\n"
            << QStringLiteral("request.head_too_large");
    }
}

void TestHostileMemory::oversizedHeadsAreRefused()
{
    QFETCH(QString, backend);
    QFETCH(QByteArray, head);
    QFETCH(QString, code);
    SeededServer& s = server(backend);
    const RawAnswer answer = rawRequest(s.server().port(), head);
    QCOMPARE(answer.status, 431);
    QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("code")).toString(), code);
    QVERIFY(answer.closed);
    QCOMPARE(HttpClient(s.baseUrl()).get(QStringLiteral("/health")).status, 200);
}

void TestHostileMemory::webSocketLimitsHold_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("attack");
    for (const char* backend : {"sqlite", "postgresql"}) {
        for (const char* attack : {"8 MiB text before the hello", "8 MiB binary before the hello",
                 "a message just over 4 KiB", "64 KiB in 1 KiB fragments", "a big message after the hello",
                 "a hello with a wrong token", "a hello that is not JSON", "no hello at all"})
            QTest::addRow("%s: %s", backend, attack) << QString::fromLatin1(backend) << QString::fromLatin1(attack);
    }
}

void TestHostileMemory::webSocketLimitsHold()
{
    QFETCH(QString, backend);
    QFETCH(QString, attack);
    SeededServer& s = server(backend);
    const quint16 port = s.server().port();
    const auto closes = [](QWebSocket& socket, int ms) {
        return QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, ms);
    };
    if (attack == QLatin1String("a big message after the hello")) {
        PokeListener listener(port, signIn(s.baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password")));
        QVERIFY(listener.ready());
        listener.socket.sendTextMessage(QString(64 * 1024, QLatin1Char('x')));
        QVERIFY(listener.closed(10000));
        QCOMPARE(HttpClient(s.baseUrl()).get(QStringLiteral("/health")).status, 200);
        return;
    }
    QWebSocket socket;
    QStringList messages;
    connect(&socket, &QWebSocket::textMessageReceived, &socket, [&](const QString& m) { messages.append(m); });
    socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/sync/ws").arg(port)));
    QVERIFY(QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000));
    if (attack == QLatin1String("8 MiB text before the hello"))
        socket.sendTextMessage(QString(8 * 1024 * 1024, QLatin1Char('x')));
    else if (attack == QLatin1String("8 MiB binary before the hello"))
        socket.sendBinaryMessage(QByteArray(8 * 1024 * 1024, 'x'));
    else if (attack == QLatin1String("a message just over 4 KiB"))
        socket.sendTextMessage(
            QStringLiteral("{\"token\":\"") + QString(4100, QLatin1Char('t')) + QStringLiteral("\"}"));
    else if (attack == QLatin1String("64 KiB in 1 KiB fragments")) {
        socket.setOutgoingFrameSize(1024);
        socket.sendTextMessage(QString(64 * 1024, QLatin1Char('x')));
    } else if (attack == QLatin1String("a hello with a wrong token"))
        socket.sendTextMessage(QStringLiteral("{\"token\":\"not-a-token\"}"));
    else if (attack == QLatin1String("a hello that is not JSON"))
        socket.sendTextMessage(QStringLiteral("hello?"));
    // "no hello at all": the server closes a socket that does not say who it is within 10 s (plus a heartbeat).
    QVERIFY2(closes(socket, attack == QLatin1String("no hello at all") ? 45000 : 10000), qPrintable(attack));
    QVERIFY(!messages.contains(QStringLiteral("{\"ready\":true}")));
    for (const QString& message : messages) // a refusal says why, in the Error shape
        QVERIFY2(
            QJsonDocument::fromJson(message.toUtf8()).object().contains(QStringLiteral("code")), qPrintable(message));
    QCOMPARE(HttpClient(s.baseUrl()).get(QStringLiteral("/health")).status, 200);
}

void TestHostileMemory::unfinishedUploadsAreCappedPerUser_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("cap");
    for (const char* backend : {"sqlite", "postgresql"}) {
        QTest::addRow("%s: the number of files", backend) << QString::fromLatin1(backend) << QStringLiteral("count");
        QTest::addRow("%s: the bytes announced", backend) << QString::fromLatin1(backend) << QStringLiteral("bytes");
    }
}

void TestHostileMemory::unfinishedUploadsAreCappedPerUser()
{
    QFETCH(QString, backend);
    QFETCH(QString, cap);
    SeededServer& s = server(backend);
    const QString user = cap == QLatin1String("count") ? QStringLiteral("li.na") : QStringLiteral("zhang");
    const QString password
        = cap == QLatin1String("count") ? QStringLiteral("agent-password") : QStringLiteral("zhang-password");
    HttpClient http(s.baseUrl());
    http.setToken(signIn(s.baseUrl(), user, password));
    http.holdTo(m_contract ? &*m_contract : nullptr);
    const int files = cap == QLatin1String("count") ? kMaxPartialUploads : kPartialBytesFactor;
    const qint64 total = cap == QLatin1String("count") ? 1000 : kAttachmentLimit;
    const auto start = [&](int i, qint64 size) {
        const QString sha = sha256Of(cap.toUtf8() + backend.toUtf8() + QByteArray::number(i));
        return http.send("PUT", QStringLiteral("/api/v1/attachments/") + sha, "ab", "application/octet-stream",
            {{"Content-Range", "bytes 0-1/" + QByteArray::number(size)}});
    };
    for (int i = 0; i < files; ++i)
        QCOMPARE(start(i, total).status, 202);
    const HttpResult refused = start(files, 1000);
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.code(), QStringLiteral("attachment.partial_limit"));
    QCOMPARE(refused.body.value(QStringLiteral("field")).toString(), QStringLiteral("Content-Range"));
    // Starting one of the held files afresh is no new file; another user is not held by this one's uploads.
    QCOMPARE(start(0, total).status, 202);
    HttpClient boss(s.baseUrl());
    boss.setToken(signIn(s.baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    QCOMPARE(boss.send("PUT", QStringLiteral("/api/v1/attachments/") + sha256Of("boss" + cap.toUtf8()), "ab",
                     "application/octet-stream", {{"Content-Range", "bytes 0-1/1000"}})
                 .status,
        202);
    QVERIFY2(http.contractViolations().isEmpty(), qPrintable(http.contractViolations().join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestHostileMemory)
#include "tst_hostilememory.moc"
