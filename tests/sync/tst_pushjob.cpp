#include "sync/PushJob.h"
#include "tests/support/JobRig.h"

#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace gongdan;
using namespace gongdan::test;

/// sync/PushJob alone against a real gongdan-server (SQLite and PostgreSQL): one outbox batch is read,
/// sent and its answers stored; a refused intent leaves the queue without blocking what follows; a
/// refused token is a sign-in outcome that leaves the queue as it was.
class TestPushJob : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_server.reset(); }
    void aQueuedIntentIsSentAndItsAnswerStored_data() { addBackendRows(); }
    void aQueuedIntentIsSentAndItsAnswerStored();
    void aRefusedIntentDoesNotBlockTheQueue_data() { addBackendRows(); }
    void aRefusedIntentDoesNotBlockTheQueue();
    void oneJobPushesOneBatch_data() { addBackendRows(); }
    void oneJobPushesOneBatch();
    void aRefusedTokenAsksForSignIn_data() { addBackendRows(); }
    void aRefusedTokenAsksForSignIn();

private:
    /// The states of the outbox's entries, in seq order.
    static QStringList states(JobRig& rig);
    QString createTicket(JobRig& rig, const QString& subject);
    /// The server's answer for the ticket `id`, as the desk's user.
    int serverStatus(JobRig& rig, const QString& id);

    std::unique_ptr<SeededServer> m_server;
};

void TestPushJob::init()
{
    QFETCH(QString, backend);
    m_server = std::make_unique<SeededServer>(backend);
    if (!m_server->skipReason().isEmpty())
        QFAIL(qPrintable(m_server->skipReason()));
    QVERIFY2(m_server->start(), qPrintable(m_server->server().lastLog()));
}

QStringList TestPushJob::states(JobRig& rig)
{
    QStringList states;
    QSqlQuery query(rig.desk.db->sql());
    query.exec(QStringLiteral("SELECT state FROM outbox ORDER BY seq"));
    while (query.next())
        states.append(query.value(0).toString());
    return states;
}

QString TestPushJob::createTicket(JobRig& rig, const QString& subject)
{
    Ticket draft;
    draft.subject = subject;
    auto created = rig.desk.tickets->create(draft, rig.desk.me);
    if (!created)
        qFatal("%s", qPrintable(created.error().message));
    return created.value().id;
}

int TestPushJob::serverStatus(JobRig& rig, const QString& id)
{
    HttpClient http(m_server->baseUrl());
    http.setToken(rig.desk.token);
    return http.get(QStringLiteral("/api/v1/tickets/") + id).status;
}

void TestPushJob::aQueuedIntentIsSentAndItsAnswerStored()
{
    JobRig rig(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    const QString id = createTicket(rig, QStringLiteral("推一下"));
    QCOMPARE(states(rig), QStringList {QStringLiteral("pending")});
    QCOMPARE(serverStatus(rig, id), 404);
    PushJob job(rig.transport, rig.queue, rig.clientId);
    int answered = 0;
    connect(&job, &SyncJob::answered, this, [&] { ++answered; });
    const auto outcome = rig.run(job);
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, SyncFailure::Kind::None);
    QVERIFY(job.sent());
    QCOMPARE(answered, 1);
    QCOMPARE(states(rig), QStringList {QStringLiteral("acked")}); // kept until a pull delivers it
    QCOMPARE(serverStatus(rig, id), 200);
    QCOMPARE(Outbox(*rig.desk.db).waiting(), 0);
}

void TestPushJob::aRefusedIntentDoesNotBlockTheQueue()
{
    JobRig rig(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    // An edit of a ticket the server never had, queued before a new ticket.
    rig.enqueue(QStringLiteral("ticket.patch"), QUuid::createUuid().toString(QUuid::WithoutBraces),
        {{QStringLiteral("payload_version"), 1},
            {QStringLiteral("patch"), QJsonObject {{QStringLiteral("subject"), QStringLiteral("x")}}},
            {QStringLiteral("base"), QJsonObject {{QStringLiteral("subject"), QStringLiteral("y")}}},
            {QStringLiteral("base_version"), 1}});
    const QString id = createTicket(rig, QStringLiteral("后面的工单"));
    PushJob job(rig.transport, rig.queue, rig.clientId);
    const auto outcome = rig.run(job);
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, SyncFailure::Kind::None);
    QCOMPARE(states(rig), (QStringList {QStringLiteral("rejected"), QStringLiteral("acked")}));
    QCOMPARE(serverStatus(rig, id), 200);
    QSqlQuery reason(rig.desk.db->sql());
    QVERIFY(reason.exec(QStringLiteral("SELECT last_error FROM outbox WHERE state = 'rejected'")) && reason.next());
    QVERIFY2(!reason.value(0).toString().isEmpty(), "the refusal's reason is kept");
    // Nothing is left to push: the refusal is never sent again.
    PushJob again(rig.transport, rig.queue, rig.clientId);
    const auto second = rig.run(again);
    QVERIFY(second);
    QCOMPARE(second->kind, SyncFailure::Kind::None);
    QVERIFY(!again.sent());
}

void TestPushJob::oneJobPushesOneBatch()
{
    JobRig rig(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    QStringList ids;
    for (int i = 0; i < 3; ++i)
        ids.append(createTicket(rig, QStringLiteral("第%1张").arg(i)));
    PushJob first(rig.transport, rig.queue, rig.clientId, 2);
    QVERIFY(rig.run(first));
    QVERIFY(first.sent());
    QCOMPARE(states(rig), (QStringList {QStringLiteral("acked"), QStringLiteral("acked"), QStringLiteral("pending")}));
    QCOMPARE(serverStatus(rig, ids.at(2)), 404);
    PushJob second(rig.transport, rig.queue, rig.clientId, 2);
    QVERIFY(rig.run(second));
    QVERIFY(second.sent());
    QCOMPARE(states(rig), (QStringList {QStringLiteral("acked"), QStringLiteral("acked"), QStringLiteral("acked")}));
    QCOMPARE(serverStatus(rig, ids.at(2)), 200);
    PushJob third(rig.transport, rig.queue, rig.clientId, 2);
    QVERIFY(rig.run(third));
    QVERIFY(!third.sent());
}

void TestPushJob::aRefusedTokenAsksForSignIn()
{
    JobRig rig(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    createTicket(rig, QStringLiteral("没登录"));
    rig.transport.setServer(QUrl(m_server->baseUrl()), QStringLiteral("not-a-token"));
    PushJob job(rig.transport, rig.queue, rig.clientId);
    const auto outcome = rig.run(job);
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, SyncFailure::Kind::SignInRequired);
    QCOMPARE(outcome->status, 401);
    QCOMPARE(states(rig), QStringList {QStringLiteral("pending")});
}

QTEST_GUILESS_MAIN(TestPushJob)
#include "tst_pushjob.moc"
