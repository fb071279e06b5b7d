// Sign-in failures on the network read as what happened: a server that accepts the connection and never
// answers is "not answering" (not Qt's "Operation canceled"), a refused connection and an unknown host say
// so with the address.
#include "sync/SignInClient.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace gongdan;
using namespace std::chrono_literals;

class TestSignInClient : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void silentServerIsNotAnswering();
    void refusedConnectionSaysSo();
    void unknownHostSaysSo();
};

void TestSignInClient::silentServerIsNotAnswering()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QList<QTcpSocket*> accepted; // held open, never written to
    connect(&silent, &QTcpServer::newConnection, &silent, [&] {
        while (QTcpSocket* socket = silent.nextPendingConnection())
            accepted.append(socket);
    });
    SignInClient client;
    QCOMPARE(client.timeout(), 15000ms); // the default
    client.setTimeout(300ms);
    QSignalSpy failed(&client, &SignInClient::failed);
    QSignalSpy succeeded(&client, &SignInClient::succeeded);
    const QUrl server(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
    client.signIn(server, QStringLiteral("agent1"), QStringLiteral("secret"), QStringLiteral("desk"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(succeeded.size(), 0);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("did not answer within 0.3 s")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1").arg(silent.serverPort())), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("anceled")), qPrintable(message));
}

void TestSignInClient::refusedConnectionSaysSo()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there any more
    SignInClient client;
    QSignalSpy failed(&client, &SignInClient::failed);
    client.signIn(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), QStringLiteral("agent1"),
        QStringLiteral("secret"), QStringLiteral("desk"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("refused the connection")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(message));
}

void TestSignInClient::unknownHostSaysSo()
{
    // The name lookup itself depends on the machine's network; the sentence for its failure does not.
    const QString message = SignInClient::networkMessage(QNetworkReply::HostNotFoundError,
        QUrl(QStringLiteral("https://helpdesk.example.invalid:8734")), 15000ms, QStringLiteral("Host not found"));
    QVERIFY2(message.contains(QStringLiteral("helpdesk.example.invalid")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("check the address")), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestSignInClient)
#include "tst_signinclient.moc"
