// gongdan-server as a process: starts on either backend, migrates, answers /health, refuses unknown
// routes with a JSON error, stops cleanly on SIGTERM, and restarts on the same database.
#include "tests/support/ServerHarness.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace gongdan::test;

class TestServerProcess : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void startsAnswersAndStops_data();
    void startsAnswersAndStops();
    void badArgumentsAreRefused();
    void servesHttpsWithACertificate();
    void unreachableDatabaseIsReported();
};

void TestServerProcess::startsAnswersAndStops_data()
{
    addBackendRows();
}

void TestServerProcess::startsAnswersAndStops()
{
    QFETCH(QString, backend);
    TeamDatabase database(backend);
    if (!database.available())
        QFAIL(qPrintable(database.why()));

    ServerProcess server;
    QVERIFY2(server.start(database.location()), qPrintable(server.lastLog()));
    HttpClient http(server.baseUrl());
    const HttpResult health = http.get(QStringLiteral("/health"));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.body.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(health.body.value(QStringLiteral("backend")).toString(), backend);
    const int schema = health.body.value(QStringLiteral("schema_version")).toInt();
    QVERIFY(schema >= 1);

    const HttpResult missing = http.get(QStringLiteral("/no/such/thing"));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.body.value(QStringLiteral("code")).toString(), QStringLiteral("not_found"));
    QVERIFY(missing.body.contains(QStringLiteral("message")));
    QVERIFY(missing.body.contains(QStringLiteral("field")));

    QCOMPARE(server.terminate(), 0);
    const QList<QJsonObject> log = server.log();
    QVERIFY(!log.isEmpty());
    QCOMPARE(log.last().value(QStringLiteral("event")).toString(), QStringLiteral("stopped"));
    bool loggedRequest = false;
    for (const QJsonObject& line : log) {
        QVERIFY(line.contains(QStringLiteral("ts")));
        QVERIFY(line.contains(QStringLiteral("level")));
        loggedRequest = loggedRequest
            || (line.value(QStringLiteral("event")).toString() == QLatin1String("request")
                && line.value(QStringLiteral("path")).toString() == QLatin1String("/health"));
    }
    QVERIFY(loggedRequest);

    // A second start finds the schema in place and does not migrate again.
    ServerProcess again;
    QVERIFY2(again.start(database.location()), qPrintable(again.lastLog()));
    HttpClient http2(again.baseUrl());
    QCOMPARE(http2.get(QStringLiteral("/health")).body.value(QStringLiteral("schema_version")).toInt(), schema);
    for (const QJsonObject& line : again.log())
        QVERIFY(line.value(QStringLiteral("event")).toString() != QLatin1String("migrated"));
    QCOMPARE(again.terminate(), 0);
}

void TestServerProcess::badArgumentsAreRefused()
{
    QString output;
    QCOMPARE(runServerCommand({QStringLiteral("--port"), QStringLiteral("seventy")}, {}, &output), 2);
    QVERIFY2(output.contains(QLatin1String("--port")), qPrintable(output));
    QCOMPARE(runServerCommand({QStringLiteral("--listen"), QStringLiteral("not-an-address")}, {}, &output), 2);
}

void TestServerProcess::servesHttpsWithACertificate()
{
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("cert.pem")), key = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
            QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
            QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
    QVERIFY2(openssl.waitForFinished(60000) && openssl.exitCode() == 0, openssl.readAllStandardError().constData());

    TeamDatabase database(QStringLiteral("sqlite"));
    ServerProcess server;
    QVERIFY2(server.start(database.location(), {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}),
        qPrintable(server.lastLog()));
    QFile pem(cert);
    QVERIFY(pem.open(QIODevice::ReadOnly));
    HttpClient https(server.secureUrl());
    https.setTrusted(QSslCertificate::fromData(pem.readAll(), QSsl::Pem));
    const HttpResult health = https.get(QStringLiteral("/health"));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.body.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    HttpClient plain(server.baseUrl()); // plain HTTP on a TLS port gets no answer
    QCOMPARE(plain.get(QStringLiteral("/health")).status, 0);
    QCOMPARE(server.terminate(), 0);

    QString output;
    QCOMPARE(runServerCommand({QStringLiteral("--database"), database.location(), QStringLiteral("--port"),
                                  QStringLiteral("0"), QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"),
                                  dir.filePath(QStringLiteral("missing.pem"))},
                 {}, &output),
        2);
    QVERIFY2(output.contains(QLatin1String("server.tls_key")), qPrintable(output));
    QCOMPARE(runServerCommand({QStringLiteral("--tls-cert"), cert}, {}, &output), 2);
}

void TestServerProcess::unreachableDatabaseIsReported()
{
    QString output;
    // Port 1 on loopback: nothing listens there.
    const int code
        = runServerCommand({QStringLiteral("--database"), QStringLiteral("postgresql://nobody@127.0.0.1:1/none"),
                               QStringLiteral("--port"), QStringLiteral("0")},
            {}, &output);
    QCOMPARE(code, 1);
    QVERIFY2(output.contains(QLatin1String("server.database_open")), qPrintable(output));
    QVERIFY2(!output.contains(QLatin1String("listening")), qPrintable(output));
}

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
