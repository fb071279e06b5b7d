#include "sync/RegisterJob.h"
#include "tests/support/JobRig.h"

#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

/// sync/RegisterJob alone against a real gongdan-server (SQLite and PostgreSQL): the device code the server
/// gives is stored; a refused token is a sign-in outcome and stores nothing; an answer that comes after
/// the generation moved on (stop()) is dropped.
class TestRegisterJob : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_server.reset(); }
    void theDeviceCodeIsStored_data() { addBackendRows(); }
    void theDeviceCodeIsStored();
    void aRefusedTokenAsksForSignIn_data() { addBackendRows(); }
    void aRefusedTokenAsksForSignIn();
    void anAnswerAfterStopIsDropped_data() { addBackendRows(); }
    void anAnswerAfterStopIsDropped();

private:
    std::unique_ptr<SeededServer> m_server;
};

void TestRegisterJob::init()
{
    QFETCH(QString, backend);
    m_server = std::make_unique<SeededServer>(backend);
    if (!m_server->skipReason().isEmpty())
        QFAIL(qPrintable(m_server->skipReason()));
    QVERIFY2(m_server->start(), qPrintable(m_server->server().lastLog()));
}

void TestRegisterJob::theDeviceCodeIsStored()
{
    JobRig rig(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    QVERIFY(rig.desk.cache->deviceCode().isEmpty());
    RegisterJob job(rig.transport, rig.queue, rig.clientId);
    int answered = 0;
    connect(&job, &SyncJob::answered, this, [&] { ++answered; });
    const auto outcome = rig.run(job);
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, SyncFailure::Kind::None);
    QCOMPARE(answered, 1);
    const QString code = rig.desk.cache->deviceCode();
    QVERIFY2(!code.isEmpty(), "no device code stored");
    // The same client registered again keeps its code.
    HttpClient http(m_server->baseUrl());
    http.setToken(rig.desk.token);
    const HttpResult again
        = http.post(QStringLiteral("/v1/sync/register"), {{QStringLiteral("client_id"), rig.clientId}});
    QCOMPARE(again.status, 200);
    QCOMPARE(again.body.value(QStringLiteral("device_code")).toString(), code);
}

void TestRegisterJob::aRefusedTokenAsksForSignIn()
{
    JobRig rig(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    rig.transport.setServer(QUrl(m_server->baseUrl()), QStringLiteral("not-a-token"));
    RegisterJob job(rig.transport, rig.queue, rig.clientId);
    const auto outcome = rig.run(job);
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, SyncFailure::Kind::SignInRequired);
    QCOMPARE(outcome->status, 401);
    QVERIFY(!outcome->error.message.isEmpty()); // the server's reason, shown with the sign-in
    QVERIFY(rig.desk.cache->deviceCode().isEmpty());
}

void TestRegisterJob::anAnswerAfterStopIsDropped()
{
    JobRig rig(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    RegisterJob job(rig.transport, rig.queue, rig.clientId);
    int finished = 0, answered = 0;
    connect(&job, &SyncJob::finished, this, [&] { ++finished; });
    connect(&job, &SyncJob::answered, this, [&] { ++answered; });
    job.start();
    rig.queue.advance(); // what SyncEngine::stop() does: the answer on its way is not wanted any more
    QTest::qWait(1500);
    QCOMPARE(answered, 0); // (an offline engine would say it syncs again)
    QCOMPARE(finished, 0);
    QVERIFY(rig.desk.cache->deviceCode().isEmpty());
}

QTEST_GUILESS_MAIN(TestRegisterJob)
#include "tst_registerjob.moc"
