// Accounts over HTTP against a real gongdan-server on both backends: the admin tool makes the first
// admin; sign-in, tokens, sign-out; every refusal for a role that may not; every bad input answered
// with a 4xx JSON error that changes nothing; failed sign-ins slowed down.
#include "teamdb/ServerDatabase.h"
#include "tests/support/ServerHarness.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>
#include <memory>

using namespace gongdan;
using namespace gongdan::test;

class TestAccountApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void adminToolMakesTheTeam_data() { addBackendRows(); }
    void adminToolMakesTheTeam();
    void rolesAreRefusedWhatTheyMayNotDo_data() { addBackendRows(); }
    void rolesAreRefusedWhatTheyMayNotDo();
    void badInputsChangeNothing_data() { addBackendRows(); }
    void badInputsChangeNothing();
    void tokensEndAndSignInsAreSlowedDown_data() { addBackendRows(); }
    void tokensEndAndSignInsAreSlowedDown();
    void adminChangesRecordTheAdmin_data() { addBackendRows(); }
    void adminChangesRecordTheAdmin();

private:
    bool startTeam();
    QString signIn(const QString& login, const QString& password);
    QByteArray usersAsAdmin();

    std::unique_ptr<TeamDatabase> m_team;
    std::unique_ptr<ServerProcess> m_server;
    QString m_adminToken;
};

void TestAccountApi::init()
{
    QFETCH(QString, backend);
    m_team = std::make_unique<TeamDatabase>(backend);
}

void TestAccountApi::cleanup()
{
    if (m_server)
        m_server->terminate();
    m_server.reset();
    m_team.reset();
    m_adminToken.clear();
}

// The team every test starts from (seedTeam), then the server started.
bool TestAccountApi::startTeam()
{
    if (!m_team->available())
        return false;
    QString output;
    if (!seedTeam(m_team->location(), &output))
        qFatal("admin tool failed: %s", qPrintable(output));
    m_server = std::make_unique<ServerProcess>();
    if (!m_server->start(m_team->location()))
        qFatal("server did not start: %s", qPrintable(m_server->lastLog()));
    m_adminToken = signIn(QStringLiteral("boss"), QStringLiteral("boss-password"));
    return true;
}

QString TestAccountApi::signIn(const QString& login, const QString& password)
{
    HttpClient http(m_server->baseUrl());
    const HttpResult result = http.post(QStringLiteral("/api/v1/session"),
        {{QStringLiteral("login"), login}, {QStringLiteral("password"), password},
            {QStringLiteral("device"), QStringLiteral("test")}});
    return result.status == 201 ? result.body.value(QStringLiteral("token")).toString() : QString();
}

QByteArray TestAccountApi::usersAsAdmin()
{
    HttpClient http(m_server->baseUrl());
    http.setToken(m_adminToken);
    return http.get(QStringLiteral("/api/v1/users")).raw;
}

void TestAccountApi::adminToolMakesTheTeam()
{
    if (!startTeam())
        QFAIL(qPrintable(m_team->why()));
    QVERIFY(!m_adminToken.isEmpty());
    HttpClient http(m_server->baseUrl());
    http.setToken(m_adminToken);
    const HttpResult users = http.get(QStringLiteral("/api/v1/users"));
    QCOMPARE(users.status, 200);
    const QJsonArray list = users.body.value(QStringLiteral("users")).toArray();
    QCOMPARE(list.size(), 4);
    const QJsonObject li = list.at(1).toObject();
    QCOMPARE(li.value(QStringLiteral("login")).toString(), QStringLiteral("li.na"));
    QCOMPARE(li.value(QStringLiteral("name")).toString(), QStringLiteral("李娜"));
    QCOMPARE(li.value(QStringLiteral("groups")).toArray(), QJsonArray {QStringLiteral("service")});
    QCOMPARE(li.value(QStringLiteral("skills")).toArray().size(), 2);
    QVERIFY(!users.raw.contains("argon2")); // password hashes never leave the server
    QVERIFY(!users.raw.contains("password"));

    // The admin adds a supervisor over the API, who can then sign in.
    const HttpResult created = http.post(QStringLiteral("/api/v1/users"),
        {{QStringLiteral("login"), QStringLiteral("zhao")}, {QStringLiteral("name"), QStringLiteral("赵主管")},
            {QStringLiteral("role"), QStringLiteral("supervisor")},
            {QStringLiteral("password"), QStringLiteral("zhao-password")},
            {QStringLiteral("groups"), QJsonArray {QStringLiteral("service"), QStringLiteral("field-ops")}}});
    QCOMPARE(created.status, 201);
    QVERIFY(!signIn(QStringLiteral("zhao"), QStringLiteral("zhao-password")).isEmpty());
    const HttpResult group = http.post(QStringLiteral("/api/v1/groups"),
        {{QStringLiteral("id"), QStringLiteral("billing")}, {QStringLiteral("name_zh"), QStringLiteral("账务组")}});
    QCOMPARE(group.status, 201);

    // Without a token, nothing.
    HttpClient anonymous(m_server->baseUrl());
    const HttpResult me = anonymous.get(QStringLiteral("/api/v1/me"));
    QCOMPARE(me.status, 401);
    QCOMPARE(me.code(), QStringLiteral("auth.required"));
    QVERIFY(me.header("WWW-Authenticate").startsWith("Bearer"));
}

void TestAccountApi::adminChangesRecordTheAdmin()
{
    // A user or group an admin adds or changes over REST is logged (and synced) with that admin as its actor.
    if (!startTeam())
        QFAIL(qPrintable(m_team->why()));
    HttpClient http(m_server->baseUrl());
    http.setToken(m_adminToken);
    const QString bossId = http.get(QStringLiteral("/api/v1/me")).body.value(QStringLiteral("id")).toString();
    QVERIFY(!bossId.isEmpty());
    const HttpResult created = http.post(QStringLiteral("/api/v1/users"),
        {{QStringLiteral("login"), QStringLiteral("zhao")}, {QStringLiteral("name"), QStringLiteral("赵主管")},
            {QStringLiteral("role"), QStringLiteral("supervisor")},
            {QStringLiteral("password"), QStringLiteral("zhao-password")}});
    QCOMPARE(created.status, 201);
    const QString zhaoId = created.body.value(QStringLiteral("id")).toString();
    QCOMPARE(http.patch(QStringLiteral("/api/v1/users/") + zhaoId, {{QStringLiteral("name"), QStringLiteral("赵经理")}})
                 .status,
        200);
    QCOMPARE(http.post(QStringLiteral("/api/v1/groups"),
                     {{QStringLiteral("id"), QStringLiteral("billing")},
                         {QStringLiteral("name_zh"), QStringLiteral("账务组")}})
                 .status,
        201);
    auto db = ServerDatabase::open(m_team->location());
    QVERIFY(db.ok());
    QSqlQuery query(db.value()->sql());
    QVERIFY(query.exec(QStringLiteral("SELECT entity, entity_id, actor_id FROM change_log WHERE entity IN ('user', "
                                      "'group') ORDER BY server_seq")));
    QStringList logged;
    while (query.next()) {
        if (query.value(1).toString() == zhaoId || query.value(1).toString() == QLatin1String("billing"))
            logged.append(query.value(0).toString() + QLatin1Char('=') + query.value(2).toString());
    }
    const QString byBoss = QStringLiteral("=") + bossId;
    QCOMPARE(logged,
        (QStringList {
            QStringLiteral("user") + byBoss, QStringLiteral("user") + byBoss, QStringLiteral("group") + byBoss}));
    // The admin tool's changes name nobody (no one signed in): the seeded team's rows.
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'user' AND actor_id = ''")));
    QVERIFY(query.next() && query.value(0).toInt() >= 4);
}

void TestAccountApi::rolesAreRefusedWhatTheyMayNotDo()
{
    if (!startTeam())
        QFAIL(qPrintable(m_team->why()));
    const QByteArray before = usersAsAdmin();
    HttpClient admin(m_server->baseUrl());
    admin.setToken(m_adminToken);
    const QString bossId = admin.get(QStringLiteral("/api/v1/me")).body.value(QStringLiteral("id")).toString();

    struct Refusal {
        QString login, password;
        QByteArray verb;
        QString path;
        QJsonObject body;
    };
    const QString li = QStringLiteral("li.na"), liPw = QStringLiteral("agent-password");
    const QString wang = QStringLiteral("wang"), wangPw = QStringLiteral("field-password");
    const QJsonObject newUser {{QStringLiteral("login"), QStringLiteral("mallory")},
        {QStringLiteral("name"), QStringLiteral("M")}, {QStringLiteral("role"), QStringLiteral("admin")},
        {QStringLiteral("password"), QStringLiteral("mallory-password")}};
    const QList<Refusal> refusals {
        {li, liPw, "GET", QStringLiteral("/api/v1/users"), {}},
        {li, liPw, "POST", QStringLiteral("/api/v1/users"), newUser},
        {li, liPw, "GET", QStringLiteral("/api/v1/users/") + bossId, {}},
        {li, liPw, "PATCH", QStringLiteral("/api/v1/users/") + bossId, {{QStringLiteral("active"), false}}},
        {li, liPw, "POST", QStringLiteral("/api/v1/groups"),
            {{QStringLiteral("id"), QStringLiteral("x")}, {QStringLiteral("name_zh"), QStringLiteral("x")}}},
        {wang, wangPw, "POST", QStringLiteral("/api/v1/users"), newUser},
        {wang, wangPw, "GET", QStringLiteral("/api/v1/users"), {}},
    };
    for (const Refusal& refusal : refusals) {
        HttpClient http(m_server->baseUrl());
        http.setToken(signIn(refusal.login, refusal.password));
        const HttpResult result = http.send(
            refusal.verb, refusal.path, refusal.body.isEmpty() ? QByteArray() : HttpClient::jsonBytes(refusal.body));
        QVERIFY2(result.status == 403,
            qPrintable(
                refusal.login + QLatin1Char(' ') + refusal.path + QLatin1Char(' ') + QString::number(result.status)));
        QCOMPARE(result.code(), QStringLiteral("access.denied"));
    }
    // Raising one's own role is refused too; changing one's own password is not.
    HttpClient self(m_server->baseUrl());
    self.setToken(signIn(li, liPw));
    const QString liId = self.get(QStringLiteral("/api/v1/me")).body.value(QStringLiteral("id")).toString();
    QCOMPARE(
        self.patch(QStringLiteral("/api/v1/users/") + liId, {{QStringLiteral("role"), QStringLiteral("admin")}}).status,
        403);
    QCOMPARE(usersAsAdmin(), before);
    QCOMPARE(self.get(QStringLiteral("/api/v1/users/") + liId).status, 200);
    QCOMPARE(self.get(QStringLiteral("/api/v1/groups")).body.value(QStringLiteral("groups")).toArray().size(), 2);
}

void TestAccountApi::badInputsChangeNothing()
{
    if (!startTeam())
        QFAIL(qPrintable(m_team->why()));
    const QByteArray before = usersAsAdmin();
    HttpClient http(m_server->baseUrl());
    http.setToken(m_adminToken);
    const QString users = QStringLiteral("/api/v1/users");
    auto userBody = [](const QString& key, const QJsonValue& value) {
        QJsonObject body {{QStringLiteral("login"), QStringLiteral("newbie")},
            {QStringLiteral("name"), QStringLiteral("N")}, {QStringLiteral("role"), QStringLiteral("agent")},
            {QStringLiteral("password"), QStringLiteral("newbie-password")}};
        if (value.isUndefined())
            body.remove(key);
        else
            body.insert(key, value);
        return HttpClient::jsonBytes(body);
    };
    struct Bad {
        QByteArray body;
        QByteArray contentType;
        int status;
        QString code, field;
    };
    const QByteArray json = "application/json";
    const QList<Bad> cases {
        {"{\"login\": ", json, 400, QStringLiteral("request.malformed_json"), {}},
        {"[1, 2]", json, 400, QStringLiteral("request.not_object"), {}},
        {userBody(QStringLiteral("nickname"), QStringLiteral("x")), json, 400, QStringLiteral("request.unknown_field"),
            QStringLiteral("nickname")},
        {userBody(QStringLiteral("name"), 42), json, 400, QStringLiteral("request.wrong_type"), QStringLiteral("name")},
        {userBody(QStringLiteral("groups"), QStringLiteral("service")), json, 400, QStringLiteral("request.wrong_type"),
            QStringLiteral("groups")},
        {userBody(QStringLiteral("login"), QJsonValue::Undefined), json, 400, QStringLiteral("request.missing_field"),
            QStringLiteral("login")},
        {userBody(QStringLiteral("role"), QStringLiteral("king")), json, 400, QStringLiteral("user.role_unknown"),
            QStringLiteral("role")},
        {userBody(QStringLiteral("password"), QStringLiteral("short")), json, 400,
            QStringLiteral("user.password_short"), QStringLiteral("password")},
        {userBody(QStringLiteral("login"), QStringLiteral("LI.NA")), json, 409, QStringLiteral("user.login_taken"),
            QStringLiteral("login")},
        {userBody(QStringLiteral("groups"), QJsonArray {QStringLiteral("nowhere")}), json, 400,
            QStringLiteral("user.group_unknown"), QStringLiteral("groups")},
        {userBody(QStringLiteral("login"), QStringLiteral("has space")), json, 400,
            QStringLiteral("user.login_invalid"), QStringLiteral("login")},
        {userBody(QStringLiteral("name"), QString(201, QLatin1Char('x'))), json, 400,
            QStringLiteral("user.name_invalid"), QStringLiteral("name")},
        {userBody(QStringLiteral("name"), QString(1100 * 1024, QLatin1Char('x'))), json, 413,
            QStringLiteral("request.too_large"), {}},
        {userBody(QStringLiteral("name"), QStringLiteral("N")), "text/plain", 415, QStringLiteral("request.media_type"),
            {}},
    };
    for (const Bad& bad : cases) {
        const HttpResult result = http.send("POST", users, bad.body, bad.contentType);
        QVERIFY2(result.status == bad.status,
            qPrintable(bad.code + QStringLiteral(": ") + QString::number(result.status) + QLatin1Char(' ')
                + QString::fromUtf8(result.raw)));
        QCOMPARE(result.code(), bad.code);
        QCOMPARE(result.body.value(QStringLiteral("field")).toString(), bad.field);
        QVERIFY(!result.body.value(QStringLiteral("message")).toString().isEmpty());
    }
    const QString bossId = http.get(QStringLiteral("/api/v1/me")).body.value(QStringLiteral("id")).toString();
    QCOMPARE(
        http.patch(users + QStringLiteral("/no-such-id"), {{QStringLiteral("name"), QStringLiteral("x")}}).status, 404);
    const HttpResult lastAdmin
        = http.patch(users + QLatin1Char('/') + bossId, {{QStringLiteral("role"), QStringLiteral("agent")}});
    QCOMPARE(lastAdmin.status, 409);
    QCOMPARE(lastAdmin.code(), QStringLiteral("user.last_admin"));
    QCOMPARE(http.patch(users + QLatin1Char('/') + bossId, {{QStringLiteral("login"), QStringLiteral("b")}}).code(),
        QStringLiteral("user.login_fixed"));
    QCOMPARE(
        http.patch(users + QLatin1Char('/') + bossId,
                {{QStringLiteral("name"), QStringLiteral("Boss")}, {QStringLiteral("password"), QStringLiteral("x")}})
            .code(),
        QStringLiteral("user.password_short"));
    QCOMPARE(usersAsAdmin(), before); // not one of them changed anything
}

void TestAccountApi::tokensEndAndSignInsAreSlowedDown()
{
    if (!startTeam())
        QFAIL(qPrintable(m_team->why()));
    HttpClient li(m_server->baseUrl());
    li.setToken(signIn(QStringLiteral("li.na"), QStringLiteral("agent-password")));
    const QString liId = li.get(QStringLiteral("/api/v1/me")).body.value(QStringLiteral("id")).toString();
    QVERIFY(!liId.isEmpty());

    // Her own password: allowed, and it ends the sign-in it was made with.
    QCOMPARE(li.patch(QStringLiteral("/api/v1/users/") + liId,
                   {{QStringLiteral("password"), QStringLiteral("new-agent-pw")}})
                 .status,
        200);
    QCOMPARE(li.get(QStringLiteral("/api/v1/me")).code(), QStringLiteral("auth.token_revoked"));
    QVERIFY(signIn(QStringLiteral("li.na"), QStringLiteral("agent-password")).isEmpty());
    li.setToken(signIn(QStringLiteral("li.na"), QStringLiteral("new-agent-pw")));
    QCOMPARE(li.get(QStringLiteral("/api/v1/me")).status, 200);

    // Sign-out ends the token.
    QCOMPARE(li.del(QStringLiteral("/api/v1/session")).status, 204);
    QCOMPARE(li.get(QStringLiteral("/api/v1/me")).status, 401);

    // Deactivating ends every sign-in of the user.
    li.setToken(signIn(QStringLiteral("li.na"), QStringLiteral("new-agent-pw")));
    HttpClient admin(m_server->baseUrl());
    admin.setToken(m_adminToken);
    QCOMPARE(admin.patch(QStringLiteral("/api/v1/users/") + liId, {{QStringLiteral("active"), false}}).status, 200);
    QCOMPARE(li.get(QStringLiteral("/api/v1/me")).status, 401);

    // Three wrong passwords, then the next try must wait; the answer says how long.
    HttpClient anonymous(m_server->baseUrl());
    const QJsonObject wrong {
        {QStringLiteral("login"), QStringLiteral("wang")}, {QStringLiteral("password"), QStringLiteral("guess-1234")}};
    for (int i = 0; i < 3; ++i)
        QCOMPARE(anonymous.post(QStringLiteral("/api/v1/session"), wrong).code(), QStringLiteral("auth.invalid"));
    const HttpResult throttled = anonymous.post(QStringLiteral("/api/v1/session"),
        {{QStringLiteral("login"), QStringLiteral("wang")},
            {QStringLiteral("password"), QStringLiteral("field-password")}});
    QCOMPARE(throttled.status, 429);
    QCOMPARE(throttled.code(), QStringLiteral("auth.throttled"));
    QCOMPARE(throttled.header("Retry-After"), QByteArray("1"));
    QTest::qWait(1100);
    QVERIFY(!signIn(QStringLiteral("wang"), QStringLiteral("field-password")).isEmpty());
}

QTEST_GUILESS_MAIN(TestAccountApi)
#include "tst_accountapi.moc"
