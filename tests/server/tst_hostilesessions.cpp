// The adversarial suite, sessions class (issue 17): a token whose sign-in ended — signed out, the password changed
// by the user or an admin, the user switched off — is refused on every kind of route at once (401 naming why), over
// REST, sync and the WebSocket hello, while the user's other sign-in lives on after a sign-out. A real
// gongdan-server on both backends; every answer is held to docs/api/openapi.yaml.
#include "tests/support/OpenApiContract.h"
#include "tests/support/PokeListener.h"
#include "tests/support/SyncDevice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>
#include <map>
#include <memory>

using namespace gongdan;
using namespace gongdan::test;

class TestHostileSessions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanupTestCase();
    void anEndedSignInOpensNothing_data();
    void anEndedSignInOpensNothing();

private:
    struct Fixture {
        std::unique_ptr<SeededServer> server;
        std::unique_ptr<HttpClient> boss;
    };
    Fixture& fixture(const QString& backend);

    std::map<QString, Fixture> m_fixtures;
    std::optional<OpenApiContract> m_contract = OpenApiContract::load();
    int m_users = 0;
};

TestHostileSessions::Fixture& TestHostileSessions::fixture(const QString& backend)
{
    Fixture& f = m_fixtures[backend];
    if (!f.server) {
        f.server = std::make_unique<SeededServer>(backend);
        if (!f.server->skipReason().isEmpty())
            qFatal("%s", qPrintable(f.server->skipReason()));
        if (!f.server->start())
            qFatal("%s", qPrintable(f.server->server().lastLog()));
        f.boss = std::make_unique<HttpClient>(f.server->baseUrl());
        f.boss->setToken(signIn(f.server->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
        f.boss->holdTo(m_contract ? &*m_contract : nullptr);
    }
    return f;
}

void TestHostileSessions::cleanupTestCase()
{
    QStringList violations;
    for (auto& [backend, f] : m_fixtures)
        violations += f.boss->contractViolations();
    m_fixtures.clear();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

void TestHostileSessions::anEndedSignInOpensNothing_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("ending");
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    const QList<std::tuple<const char*, QByteArray, const char*, QByteArray>> routes {
        {"who am I", "GET", "/api/v1/me", {}},
        {"the ticket list", "GET", "/api/v1/tickets", {}},
        {"a new ticket", "POST", "/api/v1/tickets", "{\"subject\":\"s\",\"group_id\":\"service\"}"},
        {"a pull", "GET", "/v1/sync/pull?cursor=0", {}},
        {"a push", "POST", "/v1/sync/push", "{\"client_id\":\"{client}\",\"mutations\":[]}"},
        {"a device", "POST", "/v1/sync/register", "{\"client_id\":\"{client}\"}"},
        {"a file", "POST", "/api/v1/attachments", "bytes"},
        {"a comment", "POST", "/api/v1/tickets/G1/comments", "{\"body\":\"x\"}"},
        {"a view", "POST", "/api/v1/views", "{\"name_zh\":\"v\"}"},
        {"the WebSocket hello", "WS", "/v1/sync/ws", {}},
    };
    for (const char* backend : {"sqlite", "postgresql"}) {
        for (const char* ending : {"sign-out", "own password", "admin password", "switched off"}) {
            for (const auto& [name, verb, path, body] : routes)
                QTest::addRow("%s: %s, then %s", backend, ending, name)
                    << QString::fromLatin1(backend) << QString::fromLatin1(ending) << verb << QString::fromLatin1(path)
                    << body;
        }
    }
}

void TestHostileSessions::anEndedSignInOpensNothing()
{
    QFETCH(QString, backend);
    QFETCH(QString, ending);
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    Fixture& f = fixture(backend);
    const QString url = f.server->baseUrl();
    // A user of its own for each row: what one row ends cannot help the next.
    const QString login = QStringLiteral("u%1").arg(++m_users);
    const HttpResult created = f.boss->post(QStringLiteral("/api/v1/users"),
        {{QStringLiteral("login"), login}, {QStringLiteral("name"), login},
            {QStringLiteral("role"), QStringLiteral("agent")},
            {QStringLiteral("password"), QStringLiteral("first-password")},
            {QStringLiteral("groups"), QJsonArray {QStringLiteral("service")}}});
    QVERIFY2(created.status == 201, created.raw.constData());
    const QString userId = created.body.value(QStringLiteral("id")).toString();
    HttpClient ended(url);
    ended.setToken(signIn(url, login, QStringLiteral("first-password")));
    ended.holdTo(m_contract ? &*m_contract : nullptr);
    HttpClient other(url);
    other.setToken(signIn(url, login, QStringLiteral("first-password")));
    other.holdTo(m_contract ? &*m_contract : nullptr);

    HttpResult done;
    if (ending == QLatin1String("sign-out"))
        done = ended.del(QStringLiteral("/api/v1/session"));
    else if (ending == QLatin1String("own password"))
        done = ended.patch(QStringLiteral("/api/v1/users/") + userId,
            {{QStringLiteral("password"), QStringLiteral("second-password")}});
    else if (ending == QLatin1String("admin password"))
        done = f.boss->patch(
            QStringLiteral("/api/v1/users/") + userId, {{QStringLiteral("password"), QStringLiteral("set-by-boss")}});
    else
        done = f.boss->patch(QStringLiteral("/api/v1/users/") + userId, {{QStringLiteral("active"), false}});
    QVERIFY2(done.status >= 200 && done.status < 300, done.raw.constData());

    const QString client = QUuid::createUuid().toString(QUuid::WithoutBraces);
    body.replace("{client}", client.toUtf8());
    const auto refused = [&](HttpClient& http) {
        if (verb == "WS") {
            PokeListener listener(f.server->server().port(), http.token());
            const bool closed = listener.closed(5000);
            return closed && !listener.messages.contains(QStringLiteral("{\"ready\":true}"));
        }
        const HttpResult answer = http.send(verb, path, body,
            path.contains(QLatin1String("attachments")) ? QByteArray("application/octet-stream")
                                                        : QByteArray("application/json"));
        return answer.status == 401 && answer.code().startsWith(QLatin1String("auth."));
    };
    QVERIFY2(refused(ended), qPrintable(ending));
    // A sign-out ends that sign-in only; the others end everything the user had.
    QCOMPARE(refused(other), ending != QLatin1String("sign-out"));
    const QStringList violations = ended.contractViolations() + other.contractViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestHostileSessions)
#include "tst_hostilesessions.moc"
