// Sign-in floods against a real gongdan-server (both backends): attempts are limited per address, for the whole
// server and per login (known and unknown logins alike), each refusal a 429 with Retry-After and a JSON error;
// password checks run off the request thread with a bounded queue (503 auth.busy when full), so /health and a
// signed-in read stay fast while many clients send wrong passwords. Other addresses are told apart by binding the
// client to 127.0.0.N (all of 127/8 is loopback).
#include "tests/support/OpenApiContract.h"
#include "tests/support/ServerHarness.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>
#include <memory>

using namespace gongdan;
using namespace gongdan::test;

namespace {

struct Answer {
    int status = 0; ///< 0: none
    QJsonObject body;
    QByteArray retryAfter;
    qint64 ms = 0;
};

/// Takes one whole answer off the front of `buffer`; false while it is not complete.
bool takeAnswer(QByteArray& buffer, Answer* out)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    qint64 length = 0;
    QByteArray retry;
    for (const QByteArray& line : buffer.left(headEnd).split('\n')) {
        const QByteArray lower = line.trimmed().toLower();
        if (lower.startsWith("content-length:"))
            length = lower.mid(15).trimmed().toLongLong();
        if (lower.startsWith("retry-after:"))
            retry = lower.mid(12).trimmed();
    }
    if (buffer.size() < headEnd + 4 + length)
        return false;
    out->status = buffer.mid(9, 3).toInt();
    out->body = QJsonDocument::fromJson(buffer.mid(headEnd + 4, length)).object();
    out->retryAfter = retry;
    buffer.remove(0, headEnd + 4 + length);
    return true;
}

QByteArray request(
    const QByteArray& verb, const QByteArray& path, const QByteArray& body = {}, const QString& token = {})
{
    QByteArray bytes = verb + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        bytes += "Authorization: Bearer " + token.toLatin1() + "\r\n";
    if (!body.isEmpty())
        bytes += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return bytes + "\r\n" + body;
}

QByteArray signInBody(QAnyStringView login, QAnyStringView password)
{
    return QJsonDocument(
        QJsonObject {{QStringLiteral("login"), login.toString()}, {QStringLiteral("password"), password.toString()}})
        .toJson(QJsonDocument::Compact);
}

/// One keep-alive connection from `source`; ask() waits for the answer while the event loop runs (floods go on).
class Client {
public:
    Client(const QString& source, quint16 port)
    {
        m_socket.bind(QHostAddress(source));
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    }
    Answer ask(const QByteArray& bytes, int waitMs = 30000)
    {
        QElapsedTimer timer;
        timer.start();
        m_socket.write(bytes);
        Answer answer;
        (void)QTest::qWaitFor(
            [&] {
                m_buffer += m_socket.readAll();
                return takeAnswer(m_buffer, &answer) || m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            waitMs);
        answer.ms = timer.elapsed();
        return answer;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

/// A client sending wrong passwords for made-up logins as fast as the server answers.
class Flooder : public QObject {
public:
    Flooder(const QString& source, quint16 port, int index) : m_index(index)
    {
        connect(&m_socket, &QTcpSocket::connected, this, &Flooder::next);
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] {
            m_buffer += m_socket.readAll();
            Answer answer;
            while (takeAnswer(m_buffer, &answer)) {
                ++statuses[answer.status];
                next();
            }
        });
        m_socket.bind(QHostAddress(source));
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    }
    QHash<int, int> statuses;

private:
    void next()
    {
        m_socket.write(request("POST", "/api/v1/session",
            signInBody(QStringLiteral("ghost-%1-%2").arg(m_index).arg(m_sent++), QStringLiteral("not-the-password"))));
    }
    QTcpSocket m_socket;
    QByteArray m_buffer;
    int m_index;
    int m_sent = 0;
};

} // namespace

class TestSignInFlood : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void oneAddressIsLimitedAndOthersStillSignIn_data() { addBackendRows(); }
    void oneAddressIsLimitedAndOthersStillSignIn();
    void allAddressesTogetherAreLimited_data() { addBackendRows(); }
    void allAddressesTogetherAreLimited();
    void eachLoginIsLimitedKnownOrNot_data();
    void eachLoginIsLimitedKnownOrNot();
    void aFullPasswordQueueAnswersBusy_data() { addBackendRows(); }
    void aFullPasswordQueueAnswersBusy();
    void otherRequestsStayFastDuringAFlood_data() { addBackendRows(); }
    void otherRequestsStayFastDuringAFlood();

private:
    /// The seeded team on the row's backend and a server with `arguments`; false after QFAIL.
    bool startServer(const QStringList& arguments);
    static void verifyRefusal(const Answer& answer, int status, const QString& code, int maxRetrySeconds);

    std::unique_ptr<TeamDatabase> m_team;
    std::unique_ptr<ServerProcess> m_server;
};

bool TestSignInFlood::startServer(const QStringList& arguments)
{
    QFETCH(QString, backend);
    m_team = seededTeam(backend);
    if (!m_team->available()) {
        qWarning().noquote() << m_team->why();
        return false;
    }
    m_server = std::make_unique<ServerProcess>();
    return m_server->start(m_team->location(), arguments);
}

void TestSignInFlood::cleanup()
{
    if (m_server && m_server->running())
        QCOMPARE(m_server->terminate(), 0);
    m_server.reset();
    m_team.reset();
}

void TestSignInFlood::verifyRefusal(const Answer& answer, int status, const QString& code, int maxRetrySeconds)
{
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.body.value(QStringLiteral("code")).toString(), code);
    QVERIFY(!answer.body.value(QStringLiteral("message")).toString().isEmpty());
    QVERIFY(answer.body.contains(QStringLiteral("field")));
    // Every refusal of the flood is what docs/api/openapi.yaml says sign-in answers.
    static const std::optional<OpenApiContract> contract = OpenApiContract::load();
    QVERIFY(contract);
    const QString violation = contract->check(
        "POST", QStringLiteral("/api/v1/session"), answer.status, QJsonDocument(answer.body).toJson());
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
    bool ok = false;
    const int seconds = answer.retryAfter.toInt(&ok);
    QVERIFY2(ok && seconds >= 1 && seconds <= maxRetrySeconds, answer.retryAfter.constData());
}

void TestSignInFlood::oneAddressIsLimitedAndOthersStillSignIn()
{
    QVERIFY(startServer({QStringLiteral("--signin-rate-address"), QStringLiteral("3"),
        QStringLiteral("--signin-rate-global"), QStringLiteral("0")}));
    const quint16 port = m_server->port();
    Client attacker(QStringLiteral("127.0.0.2"), port);
    // Signing in with the right password costs nothing, however often.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(attacker.ask(request("POST", "/api/v1/session", signInBody("li.na", "agent-password"))).status, 201);
    for (int i = 0; i < 3; ++i) // a new made-up login each time: the per-login delay never starts
        QCOMPARE(
            attacker.ask(request("POST", "/api/v1/session", signInBody(QStringLiteral("guess%1").arg(i), "wrong-pass")))
                .status,
            401);
    const Answer refused = attacker.ask(request("POST", "/api/v1/session", signInBody("guess9", "wrong-pass")));
    verifyRefusal(refused, 429, QStringLiteral("auth.address_throttled"), 20); // 3 a minute: one every 20 s
    // Even the right password waits now, from that address…
    QCOMPARE(attacker.ask(request("POST", "/api/v1/session", signInBody("li.na", "agent-password"))).status, 429);
    // … while everyone else signs in as before.
    Client colleague(QStringLiteral("127.0.0.3"), port);
    QCOMPARE(colleague.ask(request("POST", "/api/v1/session", signInBody("boss", "boss-password"))).status, 201);
    QCOMPARE(colleague.ask(request("POST", "/api/v1/session", signInBody("guess1", "wrong-pass"))).status, 401);
}

void TestSignInFlood::allAddressesTogetherAreLimited()
{
    QVERIFY(startServer({QStringLiteral("--signin-rate-address"), QStringLiteral("0"),
        QStringLiteral("--signin-rate-global"), QStringLiteral("4")}));
    for (int i = 0; i < 4; ++i) {
        Client client(QStringLiteral("127.0.0.%1").arg(10 + i), m_server->port());
        QCOMPARE(
            client.ask(request("POST", "/api/v1/session", signInBody(QStringLiteral("guess%1").arg(i), "wrong-pass")))
                .status,
            401);
    }
    Client fresh(QStringLiteral("127.0.0.20"), m_server->port());
    verifyRefusal(fresh.ask(request("POST", "/api/v1/session", signInBody("guess8", "wrong-pass"))), 429,
        QStringLiteral("auth.server_throttled"), 15);
}

void TestSignInFlood::eachLoginIsLimitedKnownOrNot_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("login");
    for (const char* backend : {"sqlite", "postgresql"}) {
        QTest::addRow("%s-known", backend) << QString::fromLatin1(backend) << QStringLiteral("li.na");
        QTest::addRow("%s-unknown", backend) << QString::fromLatin1(backend) << QStringLiteral("nobody.here");
    }
}

void TestSignInFlood::eachLoginIsLimitedKnownOrNot()
{
    QFETCH(QString, login);
    QVERIFY(startServer({QStringLiteral("--signin-rate-address"), QStringLiteral("0"),
        QStringLiteral("--signin-rate-global"), QStringLiteral("0")}));
    // Each try from a different address: only the login ties them together.
    for (int i = 0; i < 3; ++i) {
        Client client(QStringLiteral("127.0.1.%1").arg(i + 1), m_server->port());
        const Answer wrong = client.ask(request("POST", "/api/v1/session", signInBody(login, "wrong-pass")));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.body.value(QStringLiteral("code")).toString(), QStringLiteral("auth.invalid"));
    }
    Client client(QStringLiteral("127.0.1.9"), m_server->port());
    verifyRefusal(client.ask(request("POST", "/api/v1/session", signInBody(login, "wrong-pass"))), 429,
        QStringLiteral("auth.throttled"), 2);
}

void TestSignInFlood::aFullPasswordQueueAnswersBusy()
{
    QVERIFY(startServer({QStringLiteral("--signin-rate-address"), QStringLiteral("0"),
        QStringLiteral("--signin-rate-global"), QStringLiteral("0"), QStringLiteral("--hash-threads"),
        QStringLiteral("1"), QStringLiteral("--hash-queue"), QStringLiteral("1")}));
    // Eight sign-ins at once: one is checked, the ones that find the queue full are refused at once.
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < 8; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(socket->waitForConnected(5000));
        sockets.push_back(std::move(socket));
    }
    for (int i = 0; i < 8; ++i)
        sockets[i]->write(
            request("POST", "/api/v1/session", signInBody(QStringLiteral("guess%1").arg(i), "wrong-pass")));
    std::vector<QByteArray> buffers(8);
    std::vector<Answer> answers(8);
    QVERIFY(QTest::qWaitFor(
        [&] {
            bool all = true;
            for (int i = 0; i < 8; ++i) {
                buffers[i] += sockets[i]->readAll();
                all = (answers[i].status != 0 || takeAnswer(buffers[i], &answers[i])) && all;
            }
            return all;
        },
        60000));
    int busy = 0, checked = 0;
    for (const Answer& answer : answers) {
        if (answer.status == 503) {
            verifyRefusal(answer, 503, QStringLiteral("auth.busy"), 5);
            ++busy;
        } else {
            QCOMPARE(answer.status, 401);
            ++checked;
        }
    }
    QVERIFY2(busy >= 1 && checked >= 1, qPrintable(QStringLiteral("%1 busy, %2 checked").arg(busy).arg(checked)));
}

void TestSignInFlood::otherRequestsStayFastDuringAFlood()
{
    // No limits at all: every wrong password of the flood is really checked (the worst case for the server).
    QVERIFY(startServer(
        {QStringLiteral("--signin-rate-address"), QStringLiteral("0"), QStringLiteral("--signin-rate-global"),
            QStringLiteral("0"), QStringLiteral("--hash-threads"), QStringLiteral("1")}));
    Client reader(QStringLiteral("127.0.0.5"), m_server->port());
    const Answer signedIn = reader.ask(request("POST", "/api/v1/session", signInBody("li.na", "agent-password")));
    QCOMPARE(signedIn.status, 201);
    const QString token = signedIn.body.value(QStringLiteral("token")).toString();
    std::vector<std::unique_ptr<Flooder>> flood;
    for (int i = 0; i < 24; ++i)
        flood.push_back(std::make_unique<Flooder>(QStringLiteral("127.0.2.%1").arg(i + 1), m_server->port(), i));
    QTest::qWait(500); // the flood is under way
    qint64 slowest = 0;
    for (int i = 0; i < 20; ++i) {
        const Answer health = reader.ask(request("GET", "/health"));
        QCOMPARE(health.status, 200);
        const Answer me = reader.ask(request("GET", "/api/v1/me", {}, token));
        QCOMPARE(me.status, 200);
        slowest = std::max({slowest, health.ms, me.ms});
        QTest::qWait(20);
    }
    int checked = 0;
    for (const auto& flooder : flood) {
        checked += flooder->statuses.value(401);
        for (auto it = flooder->statuses.cbegin(); it != flooder->statuses.cend(); ++it)
            QVERIFY2(it.key() == 401 || it.key() == 503, qPrintable(QString::number(it.key())));
    }
    QVERIFY2(checked > 0, "the flood's passwords were checked");
    QVERIFY2(slowest < 500, qPrintable(QStringLiteral("slowest answer %1 ms during the flood").arg(slowest)));
}

QTEST_MAIN(TestSignInFlood)
#include "tst_signinflood.moc"
