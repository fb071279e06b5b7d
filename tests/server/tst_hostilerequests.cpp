// A hostile client against a real gongdan-server: requests that break a limit are refused before the
// server spends memory or time on them, strict JSON, text the database cannot hold refused with the field
// named (both backends, REST and pushed intents), and a 5xx that carries nothing internal.
#include "tests/support/SyncDevice.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <memory>

using namespace gongdan;
using namespace gongdan::test;

namespace {

struct RawAnswer {
    int status = 0;
    QJsonObject body;
    bool closed = false;
};

/// Sends `bytes` on a fresh connection and reads the answer; `closed` when the server then closed it.
RawAnswer rawRequest(quint16 port, const QByteArray& bytes, int waitMs = 5000)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(3000))
        return {};
    socket.write(bytes);
    QByteArray answer;
    (void)QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        waitMs);
    answer += socket.readAll();
    RawAnswer out;
    out.closed = socket.state() == QAbstractSocket::UnconnectedState;
    if (answer.startsWith("HTTP/1.1 "))
        out.status = answer.mid(9, 3).toInt();
    const qsizetype bodyAt = answer.indexOf("\r\n\r\n");
    if (bodyAt >= 0)
        out.body = QJsonDocument::fromJson(answer.mid(bodyAt + 4)).object();
    return out;
}

qint64 rssKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

class TestHostileRequests : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void brokenRequestsAreRefusedAtTheDoor_data();
    void brokenRequestsAreRefusedAtTheDoor();
    void hugeBodiesCostNoMemory();
    void slowAndIdleConnectionsAreCutOff();
    void oneAddressMayNotHoldEveryConnection();
    void bigWebSocketMessagesAreRefused();
    void bodiesAreStrictJson_data();
    void bodiesAreStrictJson();
    void aBadIntentIsRefusedAloneAndTheQueueGoesOn_data() { addBackendRows(); }
    void aBadIntentIsRefusedAloneAndTheQueueGoesOn();
    void serverErrorsCarryNothingInternal();

private:
    void startServer(const QString& backend, const QStringList& arguments = {});

    std::unique_ptr<TeamDatabase> m_team;
    std::unique_ptr<ServerProcess> m_server;
};

void TestHostileRequests::startServer(const QString& backend, const QStringList& arguments)
{
    m_team = seededTeam(backend);
    if (!m_team->available())
        QFAIL(qPrintable(m_team->why()));
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(m_team->location(), arguments), qPrintable(m_server->lastLog()));
}

void TestHostileRequests::cleanup()
{
    if (m_server && m_server->running())
        m_server->terminate();
    // Whatever the hostile requests made Qt or PostgreSQL say, the log stays JSON lines only.
    if (m_server) {
        for (const QString& line : m_server->lastLog().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QVERIFY2(
                QJsonDocument::fromJson(line.toUtf8()).isObject(), qPrintable(QStringLiteral("not JSON: ") + line));
    }
    m_server.reset();
    m_team.reset();
}

void TestHostileRequests::brokenRequestsAreRefusedAtTheDoor_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const QByteArray head = "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
    QTest::newRow("256 MiB declared to sign-in") << head + "Content-Length: 268435456\r\n\r\n"
                                                 << 413 << QStringLiteral("request.too_large");
    QTest::newRow("1 MiB + 1 declared") << head + "Content-Length: 1048577\r\n\r\n"
                                        << 413 << QStringLiteral("request.too_large");
    QTest::newRow("two different Content-Lengths") << head + "Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}" << 400
                                                   << QStringLiteral("request.content_length");
    QTest::newRow("the same Content-Length twice")
        << head + "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}" << 400 << QStringLiteral("request.content_length");
    QTest::newRow("negative Content-Length") << head + "Content-Length: -1\r\n\r\n"
                                             << 400 << QStringLiteral("request.content_length");
    QTest::newRow("signed Content-Length")
        << head + "Content-Length: +2\r\n\r\n{}" << 400 << QStringLiteral("request.content_length");
    QTest::newRow("Content-Length not a number")
        << head + "Content-Length: 2x\r\n\r\n{}" << 400 << QStringLiteral("request.content_length");
    QTest::newRow("chunked body") << head + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
                                  << 411 << QStringLiteral("request.length_required");
    QTest::newRow("headers over 16 KiB") << "GET /health HTTP/1.1\r\nX-Filler: " + QByteArray(17000, 'a') + "\r\n\r\n"
                                         << 431 << QStringLiteral("request.head_too_large");
    QByteArray many = "GET /health HTTP/1.1\r\n";
    for (int i = 0; i < 101; ++i)
        many += "X-H" + QByteArray::number(i) + ": 1\r\n";
    QTest::newRow("101 headers") << many + "\r\n" << 431 << QStringLiteral("request.too_many_headers");
    QTest::newRow("%00 in the path") << QByteArray("GET /api/v1/tickets/G1%00 HTTP/1.1\r\nHost: x\r\n\r\n") << 400
                                     << QStringLiteral("request.bad_target");
    QTest::newRow("%00 in the query") << QByteArray("GET /api/v1/customers?q=a%00b HTTP/1.1\r\nHost: x\r\n\r\n") << 400
                                      << QStringLiteral("request.bad_target");
    QTest::newRow("a newline in the query") << QByteArray("GET /api/v1/tickets?q=%0D%0AX:1 HTTP/1.1\r\nHost: x\r\n\r\n")
                                            << 400 << QStringLiteral("request.bad_target");
    QTest::newRow("a folded header") << QByteArray("GET /health HTTP/1.1\r\nHost: x\r\n  folded\r\n\r\n") << 400
                                     << QStringLiteral("request.malformed");
    QTest::newRow("not HTTP") << QByteArray("HELLO THERE\r\n\r\n") << 400 << QStringLiteral("request.malformed");
}

void TestHostileRequests::brokenRequestsAreRefusedAtTheDoor()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QString, code);
    if (!m_server)
        startServer(QStringLiteral("sqlite"));
    const RawAnswer answer = rawRequest(m_server->port(), request);
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.body.value(QStringLiteral("code")).toString(), code);
    QVERIFY(answer.closed);
    // The server goes on answering everyone else.
    QCOMPARE(HttpClient(m_server->baseUrl()).get(QStringLiteral("/health")).status, 200);
}

void TestHostileRequests::hugeBodiesCostNoMemory()
{
    startServer(QStringLiteral("sqlite"));
    const qint64 before = rssKb(m_server->pid());
    QVERIFY(before > 0);
    // Eight clients at once each declare 1 GiB and send 32 MiB of it anyway; one lies about its length.
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    const QByteArray chunk(1024 * 1024, 'x');
    for (int i = 0; i < 8; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(socket->waitForConnected(3000));
        const QByteArray length = i == 7 ? "10" : "1073741824";
        socket->write("POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
            + length + "\r\n\r\n");
        sockets.push_back(std::move(socket));
    }
    for (int round = 0; round < 32; ++round) {
        for (auto& socket : sockets) {
            if (socket->state() == QAbstractSocket::ConnectedState)
                socket->write(chunk);
        }
        QTest::qWait(5);
    }
    (void)QTest::qWaitFor( // a refused socket is closed; the check is the memory below
        [&] {
            return std::all_of(sockets.begin(), sockets.end(),
                [](const auto& s) { return s->state() == QAbstractSocket::UnconnectedState; });
        },
        10000);
    const qint64 after = rssKb(m_server->pid());
    QVERIFY2(
        after - before < 40 * 1024, qPrintable(QStringLiteral("RSS grew from %1 to %2 kB").arg(before).arg(after)));
    QCOMPARE(HttpClient(m_server->baseUrl()).get(QStringLiteral("/health")).status, 200);
}

void TestHostileRequests::slowAndIdleConnectionsAreCutOff()
{
    startServer(QStringLiteral("sqlite"),
        {QStringLiteral("--header-timeout"), QStringLiteral("1"), QStringLiteral("--idle-timeout"),
            QStringLiteral("1")});
    QElapsedTimer clock;
    clock.start();
    RawAnswer slowHead = rawRequest(m_server->port(), "GET /health HTTP/1.1\r\nHost: x\r\n", 4000);
    QCOMPARE(slowHead.status, 408);
    QVERIFY(slowHead.closed);
    QVERIFY(clock.elapsed() < 3500);

    const RawAnswer stalled = rawRequest(m_server->port(),
        "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
        "100\r\n\r\n{\"lo",
        4000);
    QCOMPARE(stalled.status, 408);
    QCOMPARE(stalled.body.value(QStringLiteral("code")).toString(), QStringLiteral("request.timeout"));

    // A TLS hello on the plain port is closed at once, with nothing written back.
    clock.restart();
    const RawAnswer tls = rawRequest(m_server->port(), QByteArray::fromHex("16030100a5010000a10303"), 4000);
    QVERIFY(tls.closed);
    QCOMPARE(tls.status, 0);
    QVERIFY(clock.elapsed() < 1500);

    // A kept-alive connection that asks nothing more is closed after the idle timeout.
    QTcpSocket idle;
    idle.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
    QVERIFY(idle.waitForConnected(3000));
    idle.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(QTest::qWaitFor([&] { return idle.bytesAvailable() > 0; }, 3000));
    QVERIFY(idle.readAll().startsWith("HTTP/1.1 200"));
    QVERIFY(QTest::qWaitFor([&] { return idle.state() == QAbstractSocket::UnconnectedState; }, 4000));
}

void TestHostileRequests::oneAddressMayNotHoldEveryConnection()
{
    startServer(QStringLiteral("sqlite"), {QStringLiteral("--max-connections-per-address"), QStringLiteral("5")});
    std::vector<std::unique_ptr<QTcpSocket>> held;
    for (int i = 0; i < 5; ++i) {
        held.push_back(std::make_unique<QTcpSocket>());
        held.back()->connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(held.back()->waitForConnected(3000));
    }
    QTest::qWait(200);
    const RawAnswer sixth = rawRequest(m_server->port(), "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(sixth.status, 503);
    QCOMPARE(sixth.body.value(QStringLiteral("code")).toString(), QStringLiteral("request.too_many_connections"));
    held.front()->abort();
    held.erase(held.begin());
    QTest::qWait(300);
    QCOMPARE(rawRequest(m_server->port(), "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").status, 200);
}

void TestHostileRequests::bigWebSocketMessagesAreRefused()
{
    startServer(QStringLiteral("sqlite"));
    const qint64 before = rssKb(m_server->pid());
    QWebSocket socket;
    socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/sync/ws").arg(m_server->port())));
    QVERIFY(QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000));
    socket.sendTextMessage(QString(8 * 1024 * 1024, QLatin1Char('x'))); // before any hello
    QVERIFY(QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, 10000));
    QVERIFY(rssKb(m_server->pid()) - before < 20 * 1024);
    QCOMPARE(HttpClient(m_server->baseUrl()).get(QStringLiteral("/health")).status, 200);
}

void TestHostileRequests::bodiesAreStrictJson_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    for (const char* backend : {"sqlite", "postgresql"}) {
        const QString b = QString::fromLatin1(backend);
        const auto row = [&](const char* name, const QByteArray& path, const QByteArray& body, const char* code,
                             const char* field) {
            QTest::addRow("%s: %s", backend, name)
                << b << path << body << QString::fromLatin1(code) << QString::fromLatin1(field);
        };
        row("raw control character", "/api/v1/session", "{\"login\":\"bo\x01ss\",\"password\":\"x\"}",
            "request.control_character", "");
        row("raw tab in a value", "/api/v1/session", "{\"login\":\"bo\tss\",\"password\":\"x\"}",
            "request.control_character", "");
        row("a key twice", "/api/v1/session", "{\"login\":\"li.na\",\"login\":\"boss\",\"password\":\"x\"}",
            "request.duplicate_key", "login");
        row("NUL in the login", "/api/v1/session", "{\"login\":\"bo\\u0000ss\",\"password\":\"x\"}", "request.bad_text",
            "login");
        row("NUL in the password", "/api/v1/session", "{\"login\":\"boss\",\"password\":\"a\\u0000\"}",
            "request.bad_text", "password");
        row("lone surrogate", "/api/v1/session", "{\"login\":\"\\ud800boss\",\"password\":\"x\"}", "request.bad_text",
            "login");
        row("NUL in a ticket's subject", "/api/v1/tickets",
            "{\"subject\":\"\\u0000\",\"group_id\":\"service\",\"priority\":\"normal\"}", "request.bad_text",
            "subject");
        row("NUL in a key", "/api/v1/tickets", "{\"sub\\u0000ject\":\"x\"}", "request.bad_text", "sub\\u0000ject");
        row("NUL deep in a custom field", "/api/v1/tickets",
            "{\"subject\":\"s\",\"group_id\":\"service\",\"custom_fields\":{\"x\":[\"ok\",\"\\u0000\"]}}",
            "request.bad_text", "custom_fields.x[1]");
        row("NUL in a customer's name", "/api/v1/customers", "{\"name\":\"王\\u0000\"}", "request.bad_text", "name");
        row("tags that are not text", "/api/v1/tickets",
            "{\"subject\":\"s\",\"group_id\":\"service\",\"tags\":[1,null,{}]}", "json.invalid", "tags");
    }
}

void TestHostileRequests::bodiesAreStrictJson()
{
    QFETCH(QString, backend);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, field);
    startServer(backend);
    HttpClient http(m_server->baseUrl());
    http.setToken(signIn(m_server->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    const HttpResult answer = http.send("POST", QString::fromLatin1(path), body);
    QVERIFY2(answer.status >= 400 && answer.status < 500, answer.raw.constData());
    QCOMPARE(answer.code(), code);
    if (!field.isEmpty())
        QCOMPARE(answer.body.value(QStringLiteral("field")).toString(), field);
}

void TestHostileRequests::aBadIntentIsRefusedAloneAndTheQueueGoesOn()
{
    QFETCH(QString, backend);
    startServer(backend);
    SyncDevice desk(
        m_server->baseUrl(), signIn(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password")));
    Ticket bad = newTicket(QStringLiteral("坏") + QChar(0) + QStringLiteral("标题"), QStringLiteral("service"), {});
    const Ticket good = newTicket(QStringLiteral("好标题"), QStringLiteral("service"), {});
    const QJsonObject badText = desk.mutation(QStringLiteral("ticket.create"), bad.id, createArgs(bad));
    QJsonObject badId = desk.mutation(QStringLiteral("ticket.create"), good.id, createArgs(good));
    badId.insert(QStringLiteral("mutation_id"), QString(QStringLiteral("id-with-") + QChar(0)));
    const QJsonObject fine = desk.mutation(QStringLiteral("ticket.create"), good.id, createArgs(good));
    const HttpResult pushed = desk.push({badText, badId, fine});
    QCOMPARE(pushed.status, 200);
    const QJsonArray results = pushed.body.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 3);
    const QJsonObject first = results.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(first.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("request.bad_text"));
    QCOMPARE(first.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
        QStringLiteral("mutations[0].args.ticket.subject"));
    QCOMPARE(results.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(results.at(2).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(pushed.body.value(QStringLiteral("last_seq_applied")).toInteger(), 3);
    // The same push again is answered from what was stored; the next intent is applied.
    desk.nextSeq = 0;
    Ticket again = bad;
    const HttpResult resent = desk.push({desk.mutation(QStringLiteral("ticket.create"), again.id, createArgs(again))});
    QCOMPARE(resent.status, 200);
    QVERIFY(resent.body.value(QStringLiteral("results"))
                .toArray()
                .at(0)
                .toObject()
                .value(QStringLiteral("duplicate"))
                .toBool());
    desk.nextSeq = 3;
    bad.subject = QStringLiteral("坏标题, fixed");
    const HttpResult fixed = desk.push({desk.mutation(QStringLiteral("ticket.create"), bad.id, createArgs(bad))});
    QCOMPARE(fixed.body.value(QStringLiteral("results"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
}

void TestHostileRequests::serverErrorsCarryNothingInternal()
{
    startServer(QStringLiteral("postgresql"));
    HttpClient http(m_server->baseUrl());
    http.setToken(signIn(m_server->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    // Every connection of the server to its database is cut: what failed is logged, not answered.
    QProcess psql;
    psql.start(QStringLiteral("psql"),
        {m_team->location(), QStringLiteral("-c"),
            QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE datname = current_database() AND pid <> pg_backend_pid()")});
    QVERIFY(psql.waitForFinished(10000));
    QCOMPARE(psql.exitCode(), 0);
    const HttpResult health = http.get(QStringLiteral("/health"));
    const HttpResult tickets = http.get(QStringLiteral("/api/v1/tickets"));
    bool sawFailure = false;
    for (const HttpResult& answer : {health, tickets}) {
        if (answer.status < 500)
            continue;
        sawFailure = true;
        const QString message = answer.body.value(QStringLiteral("message")).toString();
        QVERIFY2(message.contains(QLatin1String("incident")), answer.raw.constData());
        for (const char* internal : {"terminat", "server closed", "SQL", "FATAL", "connection", "QPSQL", "libpq"})
            QVERIFY2(!answer.raw.contains(internal), answer.raw.constData());
    }
    QVERIFY2(sawFailure, "cutting the database's connections made no request fail");
    bool logged = false;
    for (const QJsonObject& line : m_server->log())
        logged = logged || line.value(QStringLiteral("event")).toString() == QLatin1String("server_error");
    QVERIFY(logged);
}

QTEST_GUILESS_MAIN(TestHostileRequests)
#include "tst_hostilerequests.moc"
