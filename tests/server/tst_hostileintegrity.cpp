// The adversarial suite, integrity class (issue 17): a real gongdan-server is killed with SIGKILL (kill -9) at an
// arbitrary moment while a desk streams its queue (tickets and comments, three intents a push), on both backends.
// Restarted on the same database, the desk resends everything it has no answer for: each intent is applied exactly
// once — answered "applied" or "duplicate", never twice in the data — and the device's cursor names the last.
// Every answer after the restart is held to docs/api/openapi.yaml.
#include "tests/support/OpenApiContract.h"
#include "tests/support/SyncDevice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QTimer>
#include <memory>

using namespace gongdan;
using namespace gongdan::test;

namespace {

/// One push's worth of the queue: three intents from `at`.
QJsonArray slice(const QJsonArray& queue, qsizetype at)
{
    QJsonArray out;
    for (qsizetype i = at; i < std::min<qsizetype>(at + 3, queue.size()); ++i)
        out.append(queue.at(i));
    return out;
}

} // namespace

class TestHostileIntegrity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void exactlyOnceSurvivesKill9_data();
    void exactlyOnceSurvivesKill9();
};

void TestHostileIntegrity::exactlyOnceSurvivesKill9_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("killAfterMs");
    for (const char* backend : {"sqlite", "postgresql"}) {
        for (int ms : {0, 15, 40, 90, 200})
            QTest::addRow("%s: killed %d ms into the stream", backend, ms) << QString::fromLatin1(backend) << ms;
    }
}

void TestHostileIntegrity::exactlyOnceSurvivesKill9()
{
    QFETCH(QString, backend);
    QFETCH(int, killAfterMs);
    const std::unique_ptr<TeamDatabase> database = seededTeam(backend);
    if (!database->available())
        QFAIL(qPrintable(database->why()));
    ServerProcess server;
    QVERIFY2(server.start(database->location()), qPrintable(server.lastLog()));
    const QString token = signIn(server.baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    SyncDevice desk(server.baseUrl(), token);

    // The queue: 40 tickets, each with a comment, as 27 pushes of three intents.
    constexpr int kTickets = 40;
    QJsonArray queue;
    QSet<QString> ticketIds;
    for (int i = 0; i < kTickets; ++i) {
        const Ticket ticket = newTicket(QStringLiteral("断电 %1").arg(i), QStringLiteral("service"), {});
        ticketIds.insert(ticket.id);
        queue.append(desk.mutation(QStringLiteral("ticket.create"), ticket.id, createArgs(ticket)));
        queue.append(desk.mutation(
            QStringLiteral("comment.add"), ticket.id, commentArgs(ticket.id, QStringLiteral("已派单 %1").arg(i))));
    }
    QTimer killer;
    killer.setSingleShot(true);
    connect(&killer, &QTimer::timeout, this, [&server] { server.kill(); });
    killer.start(killAfterMs);
    qsizetype acknowledged = 0; // intents the desk has an answer for
    while (acknowledged < queue.size()) {
        const HttpResult pushed = desk.push(slice(queue, acknowledged));
        if (pushed.status != 200)
            break; // the server died under this push: no answer, so the desk will send it again
        acknowledged += pushed.body.value(QStringLiteral("results")).toArray().size();
    }
    QVERIFY2(acknowledged < queue.size(), "the stream ended before the kill: nothing was tested");
    if (server.running())
        server.kill();
    qInfo("killed after %lld of %lld intents were answered", static_cast<long long>(acknowledged),
        static_cast<long long>(queue.size()));

    ServerProcess restarted;
    QVERIFY2(restarted.start(database->location()), qPrintable(restarted.lastLog()));
    std::optional<OpenApiContract> contract = OpenApiContract::load();
    QVERIFY(contract);
    SyncDevice again(restarted.baseUrl(), token); // the token was stored before the kill
    again.clientId = desk.clientId;
    again.http.holdTo(&*contract);
    for (qsizetype at = acknowledged; at < queue.size(); at += 3) {
        const HttpResult pushed = again.push(slice(queue, at));
        QVERIFY2(pushed.status == 200, pushed.raw.constData());
        for (const QJsonValue& result : pushed.body.value(QStringLiteral("results")).toArray())
            QCOMPARE(result.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    }
    const HttpResult last = again.push({queue.at(queue.size() - 1)}); // once more: answered from what is stored
    QVERIFY(last.body.value(QStringLiteral("results"))
                .toArray()
                .at(0)
                .toObject()
                .value(QStringLiteral("duplicate"))
                .toBool());
    QCOMPARE(last.body.value(QStringLiteral("last_seq_applied")).toInteger(), queue.size());

    // Exactly once: every ticket and comment is there, none twice.
    SyncDevice boss(
        restarted.baseUrl(), signIn(restarted.baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    boss.http.holdTo(&*contract);
    QSet<QString> tickets;
    int comments = 0;
    QStringList seen;
    for (const QJsonValue& value : boss.pullAll(500)) {
        const QJsonObject change = value.toObject();
        const QString entity = change.value(QStringLiteral("entity")).toString();
        const QString id = change.value(QStringLiteral("id")).toString();
        if (entity == QLatin1String("ticket"))
            tickets.insert(id);
        if (entity == QLatin1String("comment")) {
            QVERIFY2(!seen.contains(id), qPrintable(id));
            seen.append(id);
            ++comments;
        }
    }
    QCOMPARE(tickets, ticketIds);
    QCOMPARE(comments, kTickets);
    QStringList violations = again.http.contractViolations() + boss.http.contractViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
    QCOMPARE(restarted.terminate(), 0);
}

QTEST_GUILESS_MAIN(TestHostileIntegrity)
#include "tst_hostileintegrity.moc"
