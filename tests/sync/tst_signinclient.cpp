// Sign-in failures on the network read as what happened: a server that accepts the connection and never
// answers is "not answering" (not Qt's "Operation canceled"), a refused connection and an unknown host say
// so with the address. Every refusal the server sends at sign-in reads as a sentence of the desk's own (never
// the server's raw English), with the wait the server asked for.
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
    void refusalReadsAsOwnSentence_data();
    void refusalReadsAsOwnSentence();
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

void TestSignInClient::refusalReadsAsOwnSentence_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("retryAfter");
    QTest::addColumn<QString>("expected");
    QTest::newRow("wrong password") << QStringLiteral("auth.invalid") << QString()
                                    << QStringLiteral("The login or password is wrong.");
    QTest::newRow("login throttled") << QStringLiteral("auth.throttled") << QStringLiteral("4")
                                     << QStringLiteral("Too many failed sign-ins; try again in 4 s.");
    QTest::newRow("address throttled")
        << QStringLiteral("auth.address_throttled") << QStringLiteral("10")
        << QStringLiteral("Too many sign-in attempts from this computer's address; try again in 10 s.");
    QTest::newRow("server throttled")
        << QStringLiteral("auth.server_throttled") << QStringLiteral("7")
        << QStringLiteral("The team server takes no more sign-in attempts just now; try again in 7 s.");
    QTest::newRow("address throttled, no wait")
        << QStringLiteral("auth.address_throttled") << QString()
        << QStringLiteral("Too many sign-in attempts from this computer's address; try again in ? s.");
    QTest::newRow("busy") << QStringLiteral("auth.busy") << QStringLiteral("1")
                          << QStringLiteral("The team server is busy checking other sign-ins; try again in a moment.");
    QTest::newRow("switched off") << QStringLiteral("auth.inactive") << QString()
                                  << QStringLiteral("This account is switched off; ask an admin.");
}

void TestSignInClient::refusalReadsAsOwnSentence()
{
    QFETCH(QString, code);
    QFETCH(QString, retryAfter);
    QFETCH(QString, expected);
    const QString serverMessage = QStringLiteral("SERVER ENGLISH");
    const QString message = SignInClient::messageFor(code, serverMessage, retryAfter);
    QCOMPARE(message, expected);
    QVERIFY(!message.contains(serverMessage));
}

QTEST_GUILESS_MAIN(TestSignInClient)
#include "tst_signinclient.moc"
