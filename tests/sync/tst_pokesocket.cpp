#include "sync/PokeSocket.h"
#include "tests/support/ServerHarness.h"
#include "tests/support/SyncDevice.h"

#include <QSignalSpy>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

/// sync/PokeSocket alone, against a real gongdan-server: ready after the hello, poked by a change in
/// sight, lost within seconds when the server goes, back when it returns, silent after close().
class TestPokeSocket : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void readyThenPokedByAChange();
    void aRefusedTokenIsNeverReady();
    void aServerThatGoesIsLostAndFoundAgain();
    void closeStopsReconnecting();

private:
    bool startServer();

    std::unique_ptr<TeamDatabase> m_team;
    std::unique_ptr<ServerProcess> m_server;
    quint16 m_port = 0;
    QString m_token;
};

void TestPokeSocket::init()
{
    m_team = seededTeam(QStringLiteral("sqlite")); // the socket is the workstation's: one backend is enough
    m_port = 0;
    QVERIFY(startServer());
    m_port = m_server->port();
    m_token = signIn(m_server->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password"));
    QVERIFY(!m_token.isEmpty());
}

void TestPokeSocket::cleanup()
{
    m_server.reset();
    m_team.reset();
}

bool TestPokeSocket::startServer()
{
    m_server = std::make_unique<ServerProcess>();
    return m_port == 0 ? m_server->start(m_team->location())
                       : m_server->start(m_team->location(), {QStringLiteral("--port"), QString::number(m_port)});
}

void TestPokeSocket::readyThenPokedByAChange()
{
    PokeSocket socket;
    QSignalSpy ready(&socket, &PokeSocket::becameReady);
    QSignalSpy poked(&socket, &PokeSocket::poked);
    socket.open(QUrl(m_server->baseUrl()), m_token);
    QVERIFY(ready.wait(5000));
    QVERIFY(socket.ready());
    SyncDevice boss(m_server->baseUrl(), m_token);
    const Ticket t = newTicket(QStringLiteral("戳一下"), QStringLiteral("service"), {});
    QCOMPARE(boss.push({boss.mutation(QStringLiteral("ticket.create"), t.id, createArgs(t))}).status, 200);
    QVERIFY(QTest::qWaitFor([&] { return !poked.isEmpty(); }, 5000)); // (it may come while push() waits)
    QVERIFY(poked.last().at(0).toLongLong() > 0);
}

void TestPokeSocket::aRefusedTokenIsNeverReady()
{
    PokeSocket socket;
    QSignalSpy ready(&socket, &PokeSocket::becameReady);
    QSignalSpy lost(&socket, &PokeSocket::lost);
    socket.open(QUrl(m_server->baseUrl()), QStringLiteral("not-a-token"));
    QVERIFY(lost.wait(6000)); // refused, or the handshake's 4 s ran out
    QCOMPARE(lost.first().at(0).toBool(), false);
    QVERIFY(QTest::qWaitFor([&] { return lost.size() >= 2; }, 8000)); // it tries again
    QCOMPARE(ready.size(), 0);
    QVERIFY(!socket.ready());
}

void TestPokeSocket::aServerThatGoesIsLostAndFoundAgain()
{
    PokeSocket socket;
    QSignalSpy ready(&socket, &PokeSocket::becameReady);
    QSignalSpy lost(&socket, &PokeSocket::lost);
    socket.open(QUrl(m_server->baseUrl()), m_token);
    QVERIFY(ready.wait(5000));
    m_server->kill(); // no goodbye: the heartbeat finds out
    QVERIFY(QTest::qWaitFor([&] { return !lost.isEmpty(); }, 6000));
    QCOMPARE(lost.first().at(0).toBool(), true);
    QVERIFY(!socket.ready());
    QVERIFY(startServer());
    QVERIFY(QTest::qWaitFor([&] { return ready.size() == 2; }, 10000)); // back on its own
    QVERIFY(socket.ready());
}

void TestPokeSocket::closeStopsReconnecting()
{
    PokeSocket socket;
    QSignalSpy ready(&socket, &PokeSocket::becameReady);
    QSignalSpy lost(&socket, &PokeSocket::lost);
    socket.open(QUrl(m_server->baseUrl()), m_token);
    QVERIFY(ready.wait(5000));
    socket.close();
    QVERIFY(!socket.ready());
    QTest::qWait(3000); // longer than a reconnect delay
    QCOMPARE(lost.size(), 0); // closing is not losing
    QCOMPARE(ready.size(), 1); // and nothing was opened again
}

QTEST_GUILESS_MAIN(TestPokeSocket)
#include "tst_pokesocket.moc"
