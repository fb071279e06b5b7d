// The adversarial suite, scopes class (issue 17): each role tries what it may not over REST and sync — an agent
// reads another group's ticket, comments, events and attachments, field staff read tickets not theirs, agents and
// supervisors reach the admin's routes, agents unmask or share views, a user raises their own role — against a
// real gongdan-server on both backends. Every answer is held to docs/api/openapi.yaml.
#include "tests/support/OpenApiContract.h"
#include "tests/support/PokeListener.h"
#include "tests/support/SyncDevice.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <map>
#include <memory>

using namespace gongdan;
using namespace gongdan::test;

namespace {

struct Fixture {
    std::unique_ptr<SeededServer> server;
    std::map<QString, std::unique_ptr<HttpClient>> as; ///< by login: boss, chen (supervisor), li.na, zhang, wang
    QMap<QString, QString> names; ///< {fo}, {fo_id}, {svc}, {sha}, {customer}, {li}, {zhang}, {calendar}
};

QJsonObject calendarBody()
{
    return {{QStringLiteral("name"), QStringLiteral("工作日")},
        {QStringLiteral("timezone"), QStringLiteral("Asia/Shanghai")},
        {QStringLiteral("weekly"),
            QJsonObject {
                {QStringLiteral("mon"), QJsonArray {QJsonArray {QStringLiteral("09:00"), QStringLiteral("18:00")}}}}}};
}

} // namespace

class TestHostileScopes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanupTestCase();
    void eachRoleStaysInItsScope_data();
    void eachRoleStaysInItsScope();
    void pullsCarryNothingOfOtherGroups_data();
    void pullsCarryNothingOfOtherGroups();
    void socketsArePokedOnlyForWhatTheyMaySee_data() { addBackendRows(); }
    void socketsArePokedOnlyForWhatTheyMaySee();

private:
    Fixture& fixture(const QString& backend);
    HttpClient& client(Fixture& f, const QString& login, const QString& password);

    std::map<QString, Fixture> m_fixtures;
    std::optional<OpenApiContract> m_contract = OpenApiContract::load();
};

HttpClient& TestHostileScopes::client(Fixture& f, const QString& login, const QString& password)
{
    auto http = std::make_unique<HttpClient>(f.server->baseUrl());
    http->setToken(signIn(f.server->baseUrl(), login, password));
    http->holdTo(m_contract ? &*m_contract : nullptr);
    return *(f.as[login] = std::move(http));
}

Fixture& TestHostileScopes::fixture(const QString& backend)
{
    Fixture& f = m_fixtures[backend];
    if (f.server)
        return f;
    f.server = std::make_unique<SeededServer>(backend);
    if (!f.server->skipReason().isEmpty())
        qFatal("%s", qPrintable(f.server->skipReason()));
    if (!f.server->start())
        qFatal("%s", qPrintable(f.server->server().lastLog()));
    HttpClient& boss = client(f, QStringLiteral("boss"), QStringLiteral("boss-password"));
    const HttpResult chen = boss.post(QStringLiteral("/api/v1/users"),
        {{QStringLiteral("login"), QStringLiteral("chen")}, {QStringLiteral("name"), QStringLiteral("陈主管")},
            {QStringLiteral("role"), QStringLiteral("supervisor")},
            {QStringLiteral("password"), QStringLiteral("super-password")},
            {QStringLiteral("groups"), QJsonArray {QStringLiteral("service")}}});
    if (chen.status != 201)
        qFatal("supervisor: %d %s", chen.status, chen.raw.constData());
    client(f, QStringLiteral("chen"), QStringLiteral("super-password"));
    HttpClient& li = client(f, QStringLiteral("li.na"), QStringLiteral("agent-password"));
    HttpClient& zhang = client(f, QStringLiteral("zhang"), QStringLiteral("zhang-password"));
    client(f, QStringLiteral("wang"), QStringLiteral("field-password"));
    for (const QJsonValue& user :
        boss.get(QStringLiteral("/api/v1/users")).body.value(QStringLiteral("users")).toArray())
        f.names.insert(QLatin1Char('{')
                + user.toObject().value(QStringLiteral("login")).toString().section(QLatin1Char('.'), 0, 0)
                + QLatin1Char('}'),
            user.toObject().value(QStringLiteral("id")).toString());
    // zhang's field-ops ticket (not assigned to wang), with a comment carrying a file only it refers to.
    const HttpResult fo = zhang.post(QStringLiteral("/api/v1/tickets"),
        {{QStringLiteral("subject"), QStringLiteral("外勤维修")},
            {QStringLiteral("group_id"), QStringLiteral("field-ops")}});
    f.names.insert(QStringLiteral("{fo}"),
        fo.body.value(QStringLiteral("ticket")).toObject().value(QStringLiteral("number")).toString());
    f.names.insert(QStringLiteral("{fo_id}"),
        fo.body.value(QStringLiteral("ticket")).toObject().value(QStringLiteral("id")).toString());
    const QByteArray bytes = "field-ops only " + backend.toUtf8();
    const HttpResult uploaded
        = zhang.send("POST", QStringLiteral("/api/v1/attachments"), bytes, "application/octet-stream");
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    f.names.insert(QStringLiteral("{sha}"), sha);
    const HttpResult comment = zhang.post(
        QStringLiteral("/api/v1/tickets/") + f.names.value(QStringLiteral("{fo}")) + QStringLiteral("/comments"),
        {{QStringLiteral("body"), QStringLiteral("现场照片")},
            {QStringLiteral("attachments"),
                QJsonArray {QJsonObject {{QStringLiteral("sha256"), sha},
                    {QStringLiteral("name"), QStringLiteral("a.txt")}, {QStringLiteral("size"), bytes.size()}}}}});
    const HttpResult svc = li.post(QStringLiteral("/api/v1/tickets"),
        {{QStringLiteral("subject"), QStringLiteral("宽带")}, {QStringLiteral("group_id"), QStringLiteral("service")}});
    f.names.insert(QStringLiteral("{svc}"),
        svc.body.value(QStringLiteral("ticket")).toObject().value(QStringLiteral("number")).toString());
    const HttpResult customer = boss.post(QStringLiteral("/api/v1/customers"),
        {{QStringLiteral("name"), QStringLiteral("赵")},
            {QStringLiteral("id_card"), QStringLiteral("110101199003071234")}});
    f.names.insert(QStringLiteral("{customer}"), customer.body.value(QStringLiteral("id")).toString());
    const HttpResult bossView
        = boss.post(QStringLiteral("/api/v1/views"), {{QStringLiteral("name_zh"), QStringLiteral("经理自己的")}});
    f.names.insert(QStringLiteral("{bossview}"), bossView.body.value(QStringLiteral("id")).toString());
    const HttpResult fieldView
        = f.as.at(QStringLiteral("chen"))
              ->post(QStringLiteral("/api/v1/views"),
                  {{QStringLiteral("name_zh"), QStringLiteral("外勤共享")}, {QStringLiteral("shared"), true},
                      {QStringLiteral("shared_group_ids"), QJsonArray {QStringLiteral("field-ops")}}});
    f.names.insert(QStringLiteral("{foview}"), fieldView.body.value(QStringLiteral("id")).toString());
    if (bossView.status != 201 || fieldView.status != 201)
        qFatal("views: %d %d %s", bossView.status, fieldView.status, fieldView.raw.constData());
    const HttpResult calendar = boss.post(QStringLiteral("/api/v1/calendars"), calendarBody());
    f.names.insert(QStringLiteral("{calendar}"), calendar.body.value(QStringLiteral("id")).toString());
    if (fo.status != 201 || uploaded.status != 201 || comment.status != 201 || svc.status != 201
        || customer.status != 201 || calendar.status != 201)
        qFatal("fixture on %s: %d %d %d %d %d %d", qPrintable(backend), fo.status, uploaded.status, comment.status,
            svc.status, customer.status, calendar.status);
    return f;
}

void TestHostileScopes::cleanupTestCase()
{
    QStringList violations;
    for (auto& [backend, f] : m_fixtures) {
        for (auto& [login, http] : f.as)
            violations += http->contractViolations();
    }
    m_fixtures.clear();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

void TestHostileScopes::eachRoleStaysInItsScope_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("login");
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const QByteArray calendar = HttpClient::jsonBytes(calendarBody());
    const QByteArray policy
        = "{\"name\":\"p\",\"calendar_id\":\"{calendar}\",\"targets\":{\"normal\":{\"resolution\":60}}}";
    const QByteArray user = "{\"login\":\"x{n}\",\"name\":\"x\",\"role\":\"agent\",\"password\":\"12345678\"}";
    struct Rule {
        const char* name;
        QByteArray verb;
        const char* path;
        QByteArray body;
        QList<std::pair<const char*, int>> answers; ///< login → status (403 access.denied, 404 not found, else 2xx)
    };
    const QList<Rule> rules {
        {"the audit trail", "GET", "/api/v1/audit", {}, {{"li.na", 403}, {"wang", 403}, {"chen", 403}, {"boss", 200}}},
        {"a calendar", "POST", "/api/v1/calendars", calendar,
            {{"li.na", 403}, {"wang", 403}, {"chen", 403}, {"boss", 201}}},
        {"a calendar's change", "PATCH", "/api/v1/calendars/{calendar}", "{\"name\":\"改\"}",
            {{"li.na", 403}, {"chen", 403}}},
        {"an SLA policy", "POST", "/api/v1/sla-policies", policy,
            {{"li.na", 403}, {"wang", 403}, {"chen", 403}, {"boss", 201}}},
        {"the SLA recompute", "GET", "/api/v1/sla/recompute", {}, {{"li.na", 403}, {"chen", 403}}},
        {"the users", "GET", "/api/v1/users", {}, {{"li.na", 403}, {"wang", 403}}},
        {"a user", "POST", "/api/v1/users", user, {{"li.na", 403}, {"wang", 403}, {"chen", 403}}},
        {"another user", "GET", "/api/v1/users/{zhang}", {}, {{"li.na", 403}, {"wang", 403}}},
        {"one's own role raised", "PATCH", "/api/v1/users/{li}", "{\"role\":\"admin\"}", {{"li.na", 403}}},
        {"one's own groups widened", "PATCH", "/api/v1/users/{li}", "{\"groups\":[\"field-ops\"]}", {{"li.na", 403}}},
        {"another's password", "PATCH", "/api/v1/users/{zhang}", "{\"password\":\"taken-over\"}",
            {{"li.na", 403}, {"chen", 403}}},
        {"a group", "POST", "/api/v1/groups", "{\"id\":\"g{n}\",\"name_zh\":\"组\"}", {{"li.na", 403}, {"chen", 403}}},
        {"a field definition", "POST", "/api/v1/field-definitions",
            "{\"key\":\"k{n}\",\"type\":\"text\",\"label_zh\":\"k\",\"label_en\":\"k\"}",
            {{"li.na", 403}, {"wang", 403}}},
        {"a category", "POST", "/api/v1/categories", "{\"name_zh\":\"c\"}", {{"li.na", 403}, {"wang", 403}}},
        {"a shared view", "POST", "/api/v1/views", "{\"name_zh\":\"v\",\"shared\":true}",
            {{"li.na", 403}, {"wang", 403}, {"chen", 201}}},
        {"a ticket's sensitive values", "POST", "/api/v1/tickets/{svc}/unmask", "{}", {{"li.na", 403}, {"chen", 200}}},
        {"a customer's id card", "POST", "/api/v1/customers/{customer}/unmask", "{\"fields\":[\"id_card\"]}",
            {{"li.na", 403}, {"wang", 403}, {"zhang", 403}, {"chen", 200}, {"boss", 200}}},
        {"another group's ticket", "GET", "/api/v1/tickets/{fo}", {}, {{"li.na", 404}, {"wang", 404}, {"chen", 200}}},
        {"another group's ticket by id", "GET", "/api/v1/tickets/{fo_id}", {}, {{"li.na", 404}}},
        {"another group's comments", "GET", "/api/v1/tickets/{fo}/comments", {}, {{"li.na", 404}, {"wang", 404}}},
        {"another group's events", "GET", "/api/v1/tickets/{fo}/events", {}, {{"li.na", 404}, {"wang", 404}}},
        {"another group's attachment", "GET", "/api/v1/attachments/{sha}", {},
            {{"li.na", 404}, {"wang", 404}, {"zhang", 200}}},
        {"a comment on another group's ticket", "POST", "/api/v1/tickets/{fo}/comments", "{\"body\":\"x\"}",
            {{"li.na", 404}}},
        {"an edit of another group's ticket", "PATCH", "/api/v1/tickets/{fo}", "{\"subject\":\"x\"}",
            {{"li.na", 404}, {"wang", 404}}},
        {"a transition of another group's ticket", "POST", "/api/v1/tickets/{fo}/transitions",
            "{\"action\":\"accept\"}", {{"li.na", 404}}},
        {"field staff on a desk's ticket", "GET", "/api/v1/tickets/{svc}", {}, {{"wang", 404}, {"zhang", 404}}},
        {"a customer (masked for all who may not unmask)", "GET", "/api/v1/customers/{customer}", {},
            {{"li.na", 200}, {"wang", 200}}},
        {"another's personal view", "GET", "/api/v1/views/{bossview}", {}, {{"li.na", 404}, {"chen", 404}}},
        {"a change of another's personal view", "PATCH", "/api/v1/views/{bossview}", "{\"name_zh\":\"偷\"}",
            {{"li.na", 404}, {"wang", 404}}},
        {"a removal of another's personal view", "DELETE", "/api/v1/views/{bossview}", {}, {{"li.na", 404}}},
        {"a view shared with another group", "GET", "/api/v1/views/{foview}", {}, {{"li.na", 404}, {"zhang", 200}}},
        {"a change of a shared view", "PATCH", "/api/v1/views/{foview}", "{\"name_zh\":\"改\"}",
            {{"zhang", 403}, {"wang", 403}}},
        {"a removal of a shared view", "DELETE", "/api/v1/views/{foview}", {}, {{"zhang", 403}}},
    };
    int n = 0;
    for (const char* backend : {"sqlite", "postgresql"}) {
        for (const Rule& rule : rules) {
            for (const auto& [login, status] : rule.answers) {
                QByteArray body = rule.body;
                body.replace("{n}", QByteArray::number(++n));
                const char* code = status != 403                    ? ""
                    : QByteArray(rule.name).contains("shared view") ? "view.shared_forbidden"
                                                                    : "access.denied";
                QTest::addRow("%s: %s — %s", backend, login, rule.name)
                    << QString::fromLatin1(backend) << QString::fromLatin1(login) << rule.verb
                    << QString::fromLatin1(rule.path) << body << status << QString::fromLatin1(code);
            }
        }
    }
}

void TestHostileScopes::eachRoleStaysInItsScope()
{
    QFETCH(QString, backend);
    QFETCH(QString, login);
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    Fixture& f = fixture(backend);
    for (auto it = f.names.cbegin(); it != f.names.cend(); ++it) {
        path.replace(it.key(), it.value());
        body.replace(it.key().toUtf8(), it.value().toUtf8());
    }
    HttpClient& http = *f.as.at(login);
    const qsizetype before = http.contractViolations().size();
    const HttpResult answer = http.send(verb, path, body);
    QVERIFY2(answer.status == status,
        qPrintable(QStringLiteral("%1 %2").arg(answer.status).arg(QString::fromUtf8(answer.raw))));
    if (!code.isEmpty())
        QCOMPARE(answer.code(), code);
    if (status == 404) // nothing said about what exists
        QVERIFY2(!answer.raw.contains(f.names.value(QStringLiteral("{fo_id}")).toUtf8())
                || path.contains(f.names.value(QStringLiteral("{fo_id}"))),
            answer.raw.constData());
    const QStringList violations = http.contractViolations().mid(before);
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

void TestHostileScopes::pullsCarryNothingOfOtherGroups_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("password");
    for (const char* backend : {"sqlite", "postgresql"}) {
        QTest::addRow("%s: an agent of another group", backend)
            << QString::fromLatin1(backend) << QStringLiteral("li.na") << QStringLiteral("agent-password");
        QTest::addRow("%s: field staff not assigned", backend)
            << QString::fromLatin1(backend) << QStringLiteral("wang") << QStringLiteral("field-password");
    }
}

void TestHostileScopes::pullsCarryNothingOfOtherGroups()
{
    QFETCH(QString, backend);
    QFETCH(QString, login);
    QFETCH(QString, password);
    Fixture& f = fixture(backend);
    SyncDevice desk(f.server->baseUrl(), signIn(f.server->baseUrl(), login, password));
    desk.http.holdTo(m_contract ? &*m_contract : nullptr);
    const QJsonArray changes = desk.pullAll(50);
    QVERIFY2(desk.lastError.isEmpty(), qPrintable(desk.lastError));
    const QByteArray all = QJsonDocument(changes).toJson(QJsonDocument::Compact);
    for (const QString& secret : {f.names.value(QStringLiteral("{fo_id}")), f.names.value(QStringLiteral("{fo}")),
             f.names.value(QStringLiteral("{sha}")), QStringLiteral("外勤维修"), QStringLiteral("现场照片")})
        QVERIFY2(!all.contains(secret.toUtf8()),
            qPrintable(QStringLiteral("%1 pulled: %2").arg(secret, QString::fromUtf8(all.left(2000)))));
    // The snapshot a new desk starts from holds none of it either.
    for (const char* part : {"mine", "rest"}) {
        const HttpResult snapshot
            = desk.http.get(QStringLiteral("/v1/sync/snapshot?part=%1&limit=5000").arg(QLatin1String(part)));
        QVERIFY2(snapshot.status == 200, snapshot.raw.left(500).constData());
        for (const QString& secret : {f.names.value(QStringLiteral("{fo_id}")), f.names.value(QStringLiteral("{sha}"))})
            QVERIFY(!snapshot.raw.contains(secret.toUtf8()));
    }
    QVERIFY2(
        desk.http.contractViolations().isEmpty(), qPrintable(desk.http.contractViolations().join(QLatin1Char('\n'))));
}

void TestHostileScopes::socketsArePokedOnlyForWhatTheyMaySee()
{
    // zhang comments on his field-ops ticket: the supervisor's socket is poked with its server_seq; an agent of
    // another group and field staff not assigned are not (a poke would say something changed that they may not see).
    QFETCH(QString, backend);
    Fixture& f = fixture(backend);
    const quint16 port = f.server->server().port();
    PokeListener li(port, f.as.at(QStringLiteral("li.na"))->token());
    PokeListener wang(port, f.as.at(QStringLiteral("wang"))->token());
    PokeListener chen(port, f.as.at(QStringLiteral("chen"))->token());
    QVERIFY(li.ready() && wang.ready() && chen.ready());
    SyncDevice zhang(f.server->baseUrl(), f.as.at(QStringLiteral("zhang"))->token());
    const QString ticketId = f.names.value(QStringLiteral("{fo_id}"));
    const HttpResult pushed = zhang.push(
        {zhang.mutation(QStringLiteral("comment.add"), ticketId, commentArgs(ticketId, QStringLiteral("到场")))});
    const qint64 seq = pushed.body.value(QStringLiteral("results"))
                           .toArray()
                           .at(0)
                           .toObject()
                           .value(QStringLiteral("server_seq"))
                           .toInteger();
    QVERIFY2(seq > 0, pushed.raw.constData());
    QVERIFY(chen.poked(seq));
    QTest::qWait(300);
    const QString poke = QStringLiteral("{\"poke\":%1}").arg(seq);
    QVERIFY(!li.messages.contains(poke));
    QVERIFY(!wang.messages.contains(poke));
}

QTEST_GUILESS_MAIN(TestHostileScopes)
#include "tst_hostilescopes.moc"
