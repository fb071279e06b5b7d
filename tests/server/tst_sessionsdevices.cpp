// A hostile client against a real gongdan-server (both backends): a socket lives only as long as its
// sign-in, what it is poked for follows the user's groups, and a device id belongs to whoever registered it.
#include "tests/support/PokeListener.h"
#include "tests/support/SyncDevice.h"

#include <QJsonArray>
#include <QTest>
#include <memory>

using namespace gongdan;
using namespace gongdan::test;

class TestSessionsDevices : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void socketEndsWithItsSignIn_data();
    void socketEndsWithItsSignIn();
    void pokesFollowTheUsersGroups_data() { addBackendRows(); }
    void pokesFollowTheUsersGroups();
    void aRoleChangeRescopesAtOnce_data();
    void aRoleChangeRescopesAtOnce();
    void deviceBelongsToWhoRegisteredIt_data() { addBackendRows(); }
    void deviceBelongsToWhoRegisteredIt();

private:
    void startServer();
    QString userId(const QString& login);
    qint64 pushTicket(SyncDevice& device, const QString& group);

    std::unique_ptr<SeededServer> m_server;
    std::unique_ptr<HttpClient> m_admin;
};

void TestSessionsDevices::startServer()
{
    QFETCH(QString, backend);
    m_server = std::make_unique<SeededServer>(backend);
    if (!m_server->skipReason().isEmpty())
        QFAIL(qPrintable(m_server->skipReason()));
    QVERIFY2(m_server->start(), qPrintable(m_server->server().lastLog()));
    m_admin = std::make_unique<HttpClient>(m_server->baseUrl());
    m_admin->setToken(signIn(m_server->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
}

void TestSessionsDevices::cleanup()
{
    m_admin.reset();
    m_server.reset();
}

QString TestSessionsDevices::userId(const QString& login)
{
    for (const QJsonValue& user :
        m_admin->get(QStringLiteral("/api/v1/users")).body.value(QStringLiteral("users")).toArray()) {
        if (user.toObject().value(QStringLiteral("login")).toString() == login)
            return user.toObject().value(QStringLiteral("id")).toString();
    }
    return {};
}

qint64 TestSessionsDevices::pushTicket(SyncDevice& device, const QString& group)
{
    const Ticket ticket = newTicket(QStringLiteral("网络慢"), group, {});
    const HttpResult pushed
        = device.push({device.mutation(QStringLiteral("ticket.create"), ticket.id, createArgs(ticket))});
    return pushed.body.value(QStringLiteral("results"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("server_seq"))
        .toInteger();
}

void TestSessionsDevices::socketEndsWithItsSignIn_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("ending");
    QTest::addColumn<QString>("code");
    for (const char* backend : {"sqlite", "postgresql"}) {
        const QString b = QString::fromLatin1(backend);
        QTest::addRow("%s: signed out", backend)
            << b << QStringLiteral("sign-out") << QStringLiteral("auth.token_revoked");
        QTest::addRow("%s: own new password", backend)
            << b << QStringLiteral("own password") << QStringLiteral("auth.token_revoked");
        QTest::addRow("%s: password set by an admin", backend)
            << b << QStringLiteral("admin password") << QStringLiteral("auth.token_revoked");
        QTest::addRow("%s: switched off", backend)
            << b << QStringLiteral("deactivate") << QStringLiteral("auth.token_revoked");
    }
}

void TestSessionsDevices::socketEndsWithItsSignIn()
{
    QFETCH(QString, ending);
    QFETCH(QString, code);
    startServer();
    const QString url = m_server->baseUrl();
    const QString liToken = signIn(url, QStringLiteral("li.na"), QStringLiteral("agent-password"));
    const QString liOtherToken = signIn(url, QStringLiteral("li.na"), QStringLiteral("agent-password"));
    PokeListener li(m_server->server().port(), liToken);
    PokeListener liOther(m_server->server().port(), liOtherToken);
    PokeListener zhang(
        m_server->server().port(), signIn(url, QStringLiteral("zhang"), QStringLiteral("zhang-password")));
    QVERIFY(li.ready());
    QVERIFY(liOther.ready());
    QVERIFY(zhang.ready());

    HttpClient liHttp(url);
    liHttp.setToken(liToken);
    const QString li_id = userId(QStringLiteral("li.na"));
    HttpResult done;
    if (ending == QLatin1String("sign-out"))
        done = liHttp.del(QStringLiteral("/api/v1/session"));
    else if (ending == QLatin1String("own password"))
        done = liHttp.patch(
            QStringLiteral("/api/v1/users/") + li_id, {{QStringLiteral("password"), QStringLiteral("a-new-password")}});
    else if (ending == QLatin1String("admin password"))
        done = m_admin->patch(
            QStringLiteral("/api/v1/users/") + li_id, {{QStringLiteral("password"), QStringLiteral("set-by-boss")}});
    else
        done = m_admin->patch(QStringLiteral("/api/v1/users/") + li_id, {{QStringLiteral("active"), false}});
    QVERIFY2(done.status >= 200 && done.status < 300, done.raw.constData());

    // At once, not at the next heartbeat (25 s): the socket is told why and closed.
    QVERIFY2(li.closed(3000), qPrintable(li.messages.join(QLatin1Char('|'))));
    QVERIFY2(li.messages.join(QString()).contains(code), qPrintable(li.messages.join(QLatin1Char('|'))));
    if (ending == QLatin1String("sign-out")) { // only that sign-in ended
        QTest::qWait(300);
        QCOMPARE(liOther.socket.state(), QAbstractSocket::ConnectedState);
    } else {
        QVERIFY(liOther.closed(3000));
    }
    QCOMPARE(zhang.socket.state(), QAbstractSocket::ConnectedState);

    // A socket closed for an ended sign-in cannot come back with it.
    PokeListener again(m_server->server().port(), liToken);
    QVERIFY(again.closed(5000));
    QVERIFY(!again.messages.contains(QStringLiteral("{\"ready\":true}")));
}

void TestSessionsDevices::pokesFollowTheUsersGroups()
{
    startServer();
    const QString url = m_server->baseUrl();
    PokeListener li(m_server->server().port(), signIn(url, QStringLiteral("li.na"), QStringLiteral("agent-password")));
    PokeListener zhang(
        m_server->server().port(), signIn(url, QStringLiteral("zhang"), QStringLiteral("zhang-password")));
    QVERIFY(li.ready());
    QVERIFY(zhang.ready());
    SyncDevice boss(url, m_admin->token());

    const qint64 before = pushTicket(boss, QStringLiteral("service"));
    QVERIFY(before > 0);
    QVERIFY(li.poked(before));
    QTest::qWait(200);
    QVERIFY(!zhang.messages.contains(QStringLiteral("{\"poke\":%1}").arg(before)));

    // zhang joins the service desk and li.na leaves it for field-ops: the open sockets follow at once.
    QCOMPARE(m_admin
                 ->patch(QStringLiteral("/api/v1/users/") + userId(QStringLiteral("zhang")),
                     {{QStringLiteral("groups"), QJsonArray {QStringLiteral("service"), QStringLiteral("field-ops")}}})
                 .status,
        200);
    QCOMPARE(m_admin
                 ->patch(QStringLiteral("/api/v1/users/") + userId(QStringLiteral("li.na")),
                     {{QStringLiteral("groups"), QJsonArray {QStringLiteral("field-ops")}}})
                 .status,
        200);
    const qint64 after = pushTicket(boss, QStringLiteral("service"));
    QVERIFY(after > before);
    QVERIFY(zhang.poked(after));
    QTest::qWait(200);
    QVERIFY(!li.messages.contains(QStringLiteral("{\"poke\":%1}").arg(after)));
    QCOMPARE(li.socket.state(), QAbstractSocket::ConnectedState); // a new scope, not a sign-out
}

void TestSessionsDevices::aRoleChangeRescopesAtOnce_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("role");
    for (const char* backend : {"sqlite", "postgresql"}) {
        QTest::addRow("%s: agent made field staff", backend) << QString::fromLatin1(backend) << QStringLiteral("field");
        QTest::addRow("%s: agent made supervisor", backend)
            << QString::fromLatin1(backend) << QStringLiteral("supervisor");
    }
}

void TestSessionsDevices::aRoleChangeRescopesAtOnce()
{
    // li.na's open socket and token follow her new role at once: field staff see only their own tickets (no
    // poke, 404 for her group's ticket); a supervisor sees every group's (zhang's field-ops ticket).
    QFETCH(QString, role);
    startServer();
    const QString url = m_server->baseUrl();
    const QString token = signIn(url, QStringLiteral("li.na"), QStringLiteral("agent-password"));
    PokeListener li(m_server->server().port(), token);
    QVERIFY(li.ready());
    SyncDevice boss(url, m_admin->token());
    QCOMPARE(m_admin
                 ->patch(QStringLiteral("/api/v1/users/") + userId(QStringLiteral("li.na")),
                     {{QStringLiteral("role"), role}})
                 .status,
        200);
    const QString group = role == QLatin1String("field") ? QStringLiteral("service") : QStringLiteral("field-ops");
    const Ticket ticket = newTicket(QStringLiteral("换角色"), group, {});
    const HttpResult pushed
        = boss.push({boss.mutation(QStringLiteral("ticket.create"), ticket.id, createArgs(ticket))});
    const qint64 seq = pushed.body.value(QStringLiteral("results"))
                           .toArray()
                           .at(0)
                           .toObject()
                           .value(QStringLiteral("server_seq"))
                           .toInteger();
    QVERIFY(seq > 0);
    HttpClient liHttp(url);
    liHttp.setToken(token);
    const int read = liHttp.get(QStringLiteral("/api/v1/tickets/") + ticket.id).status;
    if (role == QLatin1String("field")) {
        QTest::qWait(500);
        QVERIFY(!li.messages.contains(QStringLiteral("{\"poke\":%1}").arg(seq)));
        QCOMPARE(read, 404);
    } else {
        QVERIFY(li.poked(seq));
        QCOMPARE(read, 200);
    }
}

void TestSessionsDevices::deviceBelongsToWhoRegisteredIt()
{
    startServer();
    const QString url = m_server->baseUrl();
    SyncDevice li(url, signIn(url, QStringLiteral("li.na"), QStringLiteral("agent-password")));
    QCOMPARE(
        li.http.post(QStringLiteral("/v1/sync/register"), {{QStringLiteral("client_id"), li.clientId}}).status, 200);
    QVERIFY(pushTicket(li, QStringLiteral("service")) > 0);

    // zhang tries li.na's device id: registering, pushing as it and reading its results are refused.
    SyncDevice thief(url, signIn(url, QStringLiteral("zhang"), QStringLiteral("zhang-password")));
    thief.clientId = li.clientId;
    const HttpResult registered
        = thief.http.post(QStringLiteral("/v1/sync/register"), {{QStringLiteral("client_id"), li.clientId}});
    QCOMPARE(registered.status, 409);
    QCOMPARE(registered.code(), QStringLiteral("sync.device_taken"));
    QVERIFY(!registered.body.contains(QStringLiteral("last_seq_applied")));
    const Ticket stolen = newTicket(QStringLiteral("冒名"), QStringLiteral("field-ops"), {});
    const HttpResult pushed
        = thief.push({thief.mutation(QStringLiteral("ticket.create"), stolen.id, createArgs(stolen))});
    QCOMPARE(pushed.status, 409);
    QCOMPARE(pushed.code(), QStringLiteral("sync.device_taken"));
    QVERIFY(!pushed.body.contains(QStringLiteral("results"))); // li.na's stored results stay hers
    const HttpResult pulled
        = thief.http.get(QStringLiteral("/v1/sync/pull?client_id=%1&cursor=0&limit=5").arg(li.clientId));
    QCOMPARE(pulled.body.value(QStringLiteral("last_seq_applied")).toInteger(), 0);

    // li.na's next push is hers: applied, not answered "duplicate".
    const Ticket next = newTicket(QStringLiteral("下一张"), QStringLiteral("service"), {});
    const HttpResult mine = li.push({li.mutation(QStringLiteral("ticket.create"), next.id, createArgs(next))});
    QCOMPARE(mine.status, 200);
    const QJsonObject result = mine.body.value(QStringLiteral("results")).toArray().at(0).toObject();
    QVERIFY2(!result.value(QStringLiteral("duplicate")).toBool(), mine.raw.constData());
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(mine.body.value(QStringLiteral("last_seq_applied")).toInteger(), 2);
}

QTEST_GUILESS_MAIN(TestSessionsDevices)
#include "tst_sessionsdevices.moc"
