// Nothing an agent does is lost without a word, against a real gongdan-server on both backends: a ticket
// whose creation the server refuses stays and is sent again once fixed; another user signing in on the same
// store starts their own first sync while the first user's queue waits for them; and the engine knows within
// seconds when the server goes and when it is back.
#include "storage/NeedsAttention.h"
#include "tests/support/DeskView.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

namespace {

struct SignedIn {
    QString token;
    QString userId;
    Principal who;
};

SignedIn signInAs(const QString& server, const QString& login, const QString& password)
{
    HttpClient http(server);
    const HttpResult answer = http.post(
        QStringLiteral("/api/v1/session"), {{QStringLiteral("login"), login}, {QStringLiteral("password"), password}});
    const QJsonObject user = answer.body.value(QStringLiteral("user")).toObject();
    SignedIn out {
        answer.body.value(QStringLiteral("token")).toString(), user.value(QStringLiteral("id")).toString(), {}};
    out.who
        = Principal {out.userId, roleFromName(user.value(QStringLiteral("role")).toString()).value_or(Role::Agent), {}};
    for (const QJsonValue& group : user.value(QStringLiteral("groups")).toArray())
        out.who.groupIds.append(group.toString());
    return out;
}

} // namespace

class TestNothingLost : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aRefusedTicketStaysAndIsSentAgain_data() { addBackendRows(); }
    void aRefusedTicketStaysAndIsSentAgain();
    void anotherUserOnTheSameStoreLeavesTheFirstUsersQueueWaiting_data() { addBackendRows(); }
    void anotherUserOnTheSameStoreLeavesTheFirstUsersQueueWaiting();
    void theEngineKnowsAtOnceWhenTheServerGoesAndComesBack_data() { addBackendRows(); }
    void theEngineKnowsAtOnceWhenTheServerGoesAndComesBack();

private:
    std::unique_ptr<TeamDatabase> m_team;
    std::unique_ptr<ServerProcess> m_server;
};

void TestNothingLost::init()
{
    QFETCH(QString, backend);
    m_team = seededTeam(backend);
    if (!m_team->available())
        QFAIL(qPrintable(m_team->why()));
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->start(m_team->location(), {QStringLiteral("--port"), QString::number(freePort())}));
}

void TestNothingLost::cleanup()
{
    if (m_server && m_server->running())
        m_server->terminate();
    m_server.reset();
    m_team.reset();
}

void TestNothingLost::aRefusedTicketStaysAndIsSentAgain()
{
    // A category li.na's desk knows; she goes offline and logs a call in it, while the admin switches it off.
    HttpClient boss(m_server->baseUrl());
    boss.setToken(signIn(m_server->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    const HttpResult made = boss.post(QStringLiteral("/api/v1/categories"),
        {{QStringLiteral("name_zh"), QStringLiteral("宽带")},
            {QStringLiteral("name_en"), QStringLiteral("Broadband")}});
    QCOMPARE(made.status, 201);
    const QString category = made.body.value(QStringLiteral("id")).toString();
    Desk li(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    li.start();
    QVERIFY(li.idle());
    li.engine->stop();
    Ticket draft;
    draft.subject = QStringLiteral("宽带断线");
    draft.description = QStringLiteral("客户来电：家里宽带从昨晚起断线");
    draft.categoryId = category;
    const auto created = li.tickets->create(draft, li.me);
    QVERIFY(created);
    const QString id = created.value().id;
    QVERIFY(li.tickets->addComment(id, CommentVisibility::Internal, QStringLiteral("已请客户重启光猫"), {}, li.me));
    QCOMPARE(
        boss.patch(QStringLiteral("/api/v1/categories/") + category, {{QStringLiteral("active"), false}}).status, 200);

    li.start();
    QVERIFY(QTest::qWaitFor([&] { return li.engine->state() == SyncEngine::State::Idle; }, 15000));
    // Refused, and still there, with everything she typed.
    NeedsAttention attention(*li.db);
    QVERIFY(li.ticketIds().contains(id));
    QVERIFY(attention.unsent(id));
    QCOMPARE(li.tickets->comments(id).size(), 1);
    const QList<RefusedChange> refused = attention.refused(id);
    QVERIFY(!refused.isEmpty());
    QCOMPARE(refused.first().code, QStringLiteral("ticket.unknown_category"));
    QCOMPARE(refused.first().field, QStringLiteral("category_id"));
    // A transition waits for the ticket to reach the server; an edit stays here and goes with it.
    QCOMPARE(li.tickets->transition(id, {TicketAction::Accept, {}, {}, {}, {}, {}}, li.me).error().code,
        QStringLiteral("ticket.unsent"));
    QVERIFY(li.tickets->patch(id, {{QStringLiteral("category_id"), QJsonValue()}}, li.me));
    QVERIFY(li.tickets->resend(id, li.me));
    li.engine->changesQueued();
    QVERIFY(QTest::qWaitFor([&] { return isFinalNumber(li.tickets->find(id)->number); }, 15000));
    QVERIFY(li.idle());
    QVERIFY(!attention.unsent(id));
    QCOMPARE(attention.count(), 0);
    QCOMPARE(li.tickets->comments(id).size(), 1);
    compareWithServer(li);
}

void TestNothingLost::anotherUserOnTheSameStoreLeavesTheFirstUsersQueueWaiting()
{
    const QString url = m_server->baseUrl();
    Desk li(url, QStringLiteral("li.na"), QStringLiteral("agent-password"));
    li.start();
    QVERIFY(li.idle());
    li.engine->stop();
    // Offline, li.na logs a call and notes something on it.
    Ticket draft;
    draft.subject = QStringLiteral("李娜离线时建的");
    const QString hers = li.tickets->create(draft, li.me).value().id;
    QVERIFY(li.tickets->addComment(hers, CommentVisibility::Internal, QStringLiteral("待回电"), {}, li.me));
    QCOMPARE(li.engine->waiting(), 2);

    // zhang signs in on the same workstation: a first sync of his own; li.na's work is not his to see or send.
    const SignedIn zhang = signInAs(url, QStringLiteral("zhang"), QStringLiteral("zhang-password"));
    bool switched = false;
    QVERIFY(li.cache->claimFor(zhang.userId, &switched));
    QVERIFY(switched);
    QVERIFY(!li.ticketIds().contains(hers));
    QCOMPARE(li.cache->cursor(), 0);
    li.engine->start(QUrl(url), zhang.token);
    Ticket his;
    his.subject = QStringLiteral("张伟建的");
    QVERIFY(QTest::qWaitFor([&] { return li.engine->state() == SyncEngine::State::Idle; }, 15000));
    const QString hisId = li.tickets->create(his, zhang.who).value().id;
    li.engine->changesQueued();
    QVERIFY(QTest::qWaitFor(
        [&] { return li.engine->state() == SyncEngine::State::Idle && li.engine->waiting() == 0; }, 15000));
    QVERIFY(isFinalNumber(li.tickets->find(hisId)->number));
    QCOMPARE(Outbox(*li.db).waitingForOthers(), 2); // li.na's, kept for her
    const Snapshot zhangSees = serverView(url, zhang.token);
    QVERIFY(!zhangSees.tickets.contains(hers));
    QCOMPARE(deskView(li).tickets.keys(), zhangSees.tickets.keys());

    // li.na signs in again: her ticket is back at once, and what she did reaches the server under her name.
    li.engine->stop();
    QVERIFY(li.cache->claimFor(li.userId, &switched));
    QVERIFY(switched);
    QVERIFY(li.ticketIds().contains(hers));
    QVERIFY(!li.ticketIds().contains(hisId)); // his, in field-ops: not hers to see
    li.start();
    QVERIFY(li.idle(20000));
    QCOMPARE(Outbox(*li.db).waitingForOthers(), 0);
    const Snapshot sheSees = serverView(url, li.token);
    QVERIFY(sheSees.tickets.contains(hers));
    QCOMPARE(sheSees.comments.size(), li.tickets->comments(hers).size());
    QVERIFY(QJsonDocument::fromJson(sheSees.tickets.value(hers).toUtf8())
                .object()
                .value(QStringLiteral("created_by"))
                .toString()
        == li.userId);
    compareWithServer(li);
}

void TestNothingLost::theEngineKnowsAtOnceWhenTheServerGoesAndComesBack()
{
    const quint16 port = m_server->port();
    Desk li(m_server->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    li.start();
    QVERIFY(li.idle());
    QVERIFY(QTest::qWaitFor([&] { return li.engine->socketReady(); }, 10000));
    // The server goes away while the desk is idle: it says so within seconds, not at the next write.
    QElapsedTimer gone;
    gone.start();
    QCOMPARE(m_server->terminate(), 0);
    QVERIFY(QTest::qWaitFor([&] { return li.engine->state() == SyncEngine::State::Offline; }, 5000));
    qInfo("offline noticed after %lld ms", gone.elapsed());
    // It stays offline (no flicker to "syncing") while the server is away, and keeps what the agent does.
    Ticket draft;
    draft.subject = QStringLiteral("断网时建的");
    QVERIFY(li.tickets->create(draft, li.me));
    li.engine->changesQueued();
    QTest::qWait(3000);
    QCOMPARE(li.engine->state(), SyncEngine::State::Offline);
    QCOMPARE(li.engine->waiting(), 1);
    // Back after a long while: in step within seconds, not after a growing backoff.
    QTest::qWait(8000);
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->start(m_team->location(), {QStringLiteral("--port"), QString::number(port)}));
    QElapsedTimer back;
    back.start();
    QVERIFY(QTest::qWaitFor(
        [&] { return li.engine->state() == SyncEngine::State::Idle && li.engine->waiting() == 0; }, 5000));
    qInfo("in step again after %lld ms", back.elapsed());
    QVERIFY(QTest::qWaitFor([&] { return li.engine->socketReady(); }, 5000));
}

QTEST_GUILESS_MAIN(TestNothingLost)
#include "tst_nothinglost.moc"
