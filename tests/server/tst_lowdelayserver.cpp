#include "server/LowDelayServer.h"

#include <QTest>

using namespace gongdan;

/// The server's listening socket (server/LowDelayServer.h): every connection it hands to QHttpServer
/// sends small writes at once — a WebSocket poke must not wait for the peer's delayed acknowledgement.
class TestLowDelayServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void connectionsSendSmallWritesAtOnce();
};

void TestLowDelayServer::connectionsSendSmallWritesAtOnce()
{
    for (const bool lowDelay : {false, true}) {
        LowDelayServer<QTcpServer> ours;
        QTcpServer plain;
        QTcpServer& server = lowDelay ? static_cast<QTcpServer&>(ours) : plain;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QVERIFY(client.waitForConnected(5000));
        QVERIFY(server.hasPendingConnections() || server.waitForNewConnection(5000));
        std::unique_ptr<QTcpSocket> accepted(server.nextPendingConnection());
        QVERIFY(accepted);
        // The kernel's default is off (Nagle on): the plain server's connection shows it can be told.
        QCOMPARE(accepted->socketOption(QAbstractSocket::LowDelayOption).toInt(), lowDelay ? 1 : 0);
    }
}

QTEST_GUILESS_MAIN(TestLowDelayServer)
#include "tst_lowdelayserver.moc"
