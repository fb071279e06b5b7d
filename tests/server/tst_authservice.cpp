// Sign-in rules against the team database on both backends, with a manual clock: tokens, expiry,
// revocation, throttling of failed sign-ins, and the account rules of the user repository.
#include "server/AuthService.h"
#include "tests/support/ServerHarness.h"

#include <QTest>
#include <memory>

using namespace gongdan;
using namespace gongdan::test;

class TestAuthService : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void signInIssuesAWorkingToken_data() { addBackendRows(); }
    void signInIssuesAWorkingToken();
    void wrongPasswordsAreSlowedDown_data();
    void wrongPasswordsAreSlowedDown();
    void tokensExpireAndCanBeRevoked_data() { addBackendRows(); }
    void tokensExpireAndCanBeRevoked();
    void accountRulesRefuseBadChanges_data() { addBackendRows(); }
    void accountRulesRefuseBadChanges();

private:
    bool open();

    std::unique_ptr<TeamDatabase> m_team;
    std::unique_ptr<ServerDatabase> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<UserRepository> m_users;
    std::unique_ptr<SessionStore> m_sessions;
    std::unique_ptr<PasswordHasher> m_hasher;
    std::unique_ptr<AuthService> m_auth;
    QString m_agentId;
};

void TestAuthService::init()
{
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC));
    m_hasher = std::make_unique<PasswordHasher>(PasswordHasher::Strength::Fast);
}

void TestAuthService::cleanup()
{
    m_auth.reset();
    m_sessions.reset();
    m_users.reset();
    m_db.reset();
    m_team.reset();
}

// Opens a fresh team database for the row's backend with one group and one agent "li.na".
bool TestAuthService::open()
{
    QFETCH(QString, backend);
    m_team = std::make_unique<TeamDatabase>(backend);
    if (!m_team->available())
        return false;
    auto db = ServerDatabase::open(m_team->location());
    if (!db)
        qFatal("%s", qPrintable(db.error().message));
    m_db = std::move(db.value());
    m_users = std::make_unique<UserRepository>(*m_db, *m_clock);
    m_sessions = std::make_unique<SessionStore>(*m_db);
    AuthSettings settings;
    settings.tokenLifetimeMs = 3600 * 1000;
    m_auth = std::make_unique<AuthService>(*m_users, *m_sessions, *m_hasher, *m_clock, settings);
    if (!m_users->createGroup({QStringLiteral("service"), QStringLiteral("客服部"), QStringLiteral("Service"), true}))
        qFatal("group");
    UserRecord agent;
    agent.login = QStringLiteral("Li.Na");
    agent.name = QStringLiteral("李娜");
    agent.groupIds = {QStringLiteral("service")};
    agent.passwordHash = m_hasher->hash(QStringLiteral("correct horse")).value();
    auto created = m_users->create(agent);
    if (!created)
        qFatal("%s", qPrintable(created.error().message));
    m_agentId = created.value().id;
    return true;
}

void TestAuthService::signInIssuesAWorkingToken()
{
    if (!open())
        QFAIL(qPrintable(m_team->why()));
    auto signedIn
        = m_auth->signIn(QStringLiteral(" LI.NA "), QStringLiteral("correct horse"), QStringLiteral("desk 7"));
    QVERIFY2(signedIn, qPrintable(signedIn ? QString() : signedIn.error().message));
    QCOMPARE(signedIn.value().user.login, QStringLiteral("li.na"));
    QCOMPARE(signedIn.value().expiresMs, m_clock->nowMs() + 3600 * 1000);
    QVERIFY(signedIn.value().token.size() >= 43);

    auto who = m_auth->authenticate(signedIn.value().token);
    QVERIFY(who);
    QCOMPARE(who.value().user.id, m_agentId);
    QCOMPARE(who.value().user.principal().groupIds, QStringList {QStringLiteral("service")});
    // Only the hash is stored: the token itself appears nowhere in the database.
    QVERIFY(!m_sessions->find(signedIn.value().token));
    QVERIFY(m_sessions->find(PasswordHasher::tokenHash(signedIn.value().token)));
    QCOMPARE(m_auth->authenticate(signedIn.value().token + QLatin1Char('x')).error().code,
        QStringLiteral("auth.token_invalid"));
    QCOMPARE(m_auth->authenticate(QString()).error().code, QStringLiteral("auth.required"));
}

void TestAuthService::wrongPasswordsAreSlowedDown_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("wait");
    // Three free tries; then 1 s, 2 s, 4 s … after the last failure, never more than 15 minutes.
    for (const char* backend : {"sqlite", "postgresql"}) {
        const QString name = QLatin1String(backend);
        QTest::addRow("%s, 2 failures", backend) << name << 2 << qint64(0);
        QTest::addRow("%s, 3 failures", backend) << name << 3 << qint64(1000);
        QTest::addRow("%s, 4 failures", backend) << name << 4 << qint64(2000);
        QTest::addRow("%s, 6 failures", backend) << name << 6 << qint64(8000);
        QTest::addRow("%s, 20 failures", backend) << name << 20 << qint64(15 * 60 * 1000);
    }
}

void TestAuthService::wrongPasswordsAreSlowedDown()
{
    QFETCH(int, failures);
    QFETCH(qint64, wait);
    if (!open())
        QFAIL(qPrintable(m_team->why()));
    for (int i = 0; i < failures; ++i) {
        m_clock->advanceMs(m_auth->waitMs(QStringLiteral("li.na"))); // each try waits as long as it must
        auto refused = m_auth->signIn(QStringLiteral("li.na"), QStringLiteral("wrong %1").arg(i), {});
        QCOMPARE(refused.error().code, QStringLiteral("auth.invalid"));
    }
    QCOMPARE(m_auth->waitMs(QStringLiteral("LI.NA")), wait);
    if (wait > 0) {
        // Even the right password is not tried before the wait is over …
        auto early = m_auth->signIn(QStringLiteral("li.na"), QStringLiteral("correct horse"), {});
        QCOMPARE(early.error().code, QStringLiteral("auth.throttled"));
        QCOMPARE(m_auth->waitMs(QStringLiteral("li.na")), wait); // … and a throttled try does not count
        m_clock->advanceMs(wait);
    }
    auto signedIn = m_auth->signIn(QStringLiteral("li.na"), QStringLiteral("correct horse"), {});
    QVERIFY2(signedIn, qPrintable(signedIn ? QString() : signedIn.error().message));
    QCOMPARE(m_sessions->failures(QStringLiteral("li.na")).failures, 0);
    // Unknown logins are counted the same way, and answer the same as a wrong password.
    auto unknown = m_auth->signIn(QStringLiteral("nobody"), QStringLiteral("whatever1"), {});
    QCOMPARE(unknown.error().code, QStringLiteral("auth.invalid"));
    QCOMPARE(m_sessions->failures(QStringLiteral("nobody")).failures, 1);
}

void TestAuthService::tokensExpireAndCanBeRevoked()
{
    if (!open())
        QFAIL(qPrintable(m_team->why()));
    const QString first = m_auth->signIn(QStringLiteral("li.na"), QStringLiteral("correct horse"), {}).value().token;
    const QString second = m_auth->signIn(QStringLiteral("li.na"), QStringLiteral("correct horse"), {}).value().token;

    m_clock->advanceMs(3600 * 1000 - 1);
    QVERIFY(m_auth->authenticate(first));
    m_clock->advanceMs(1);
    QCOMPARE(m_auth->authenticate(first).error().code, QStringLiteral("auth.token_expired"));

    const QString third = m_auth->signIn(QStringLiteral("li.na"), QStringLiteral("correct horse"), {}).value().token;
    QVERIFY(m_auth->signOut(third));
    QCOMPARE(m_auth->authenticate(third).error().code, QStringLiteral("auth.token_revoked"));

    // A new password ends every sign-in; so does switching the account off.
    const QString fourth = m_auth->signIn(QStringLiteral("li.na"), QStringLiteral("correct horse"), {}).value().token;
    QCOMPARE(
        m_auth->setPassword(m_agentId, QStringLiteral("short")).error().code, QStringLiteral("user.password_short"));
    QVERIFY(m_auth->authenticate(fourth)); // a refused password changed nothing
    QVERIFY(m_auth->setPassword(m_agentId, QStringLiteral("battery staple")));
    QCOMPARE(m_auth->authenticate(fourth).error().code, QStringLiteral("auth.token_revoked"));
    QCOMPARE(m_auth->signIn(QStringLiteral("li.na"), QStringLiteral("correct horse"), {}).error().code,
        QStringLiteral("auth.invalid"));
    const QString fifth = m_auth->signIn(QStringLiteral("li.na"), QStringLiteral("battery staple"), {}).value().token;
    UserChange off;
    off.active = false;
    QVERIFY(m_auth->update(m_agentId, off));
    QCOMPARE(m_auth->authenticate(fifth).error().code, QStringLiteral("auth.token_revoked"));
    QCOMPARE(m_auth->signIn(QStringLiteral("li.na"), QStringLiteral("battery staple"), {}).error().code,
        QStringLiteral("auth.inactive"));
    Q_UNUSED(second);
}

void TestAuthService::accountRulesRefuseBadChanges()
{
    if (!open())
        QFAIL(qPrintable(m_team->why()));
    UserRecord admin;
    admin.login = QStringLiteral("boss");
    admin.name = QStringLiteral("Boss");
    admin.role = Role::Admin;
    admin.passwordHash = m_hasher->hash(QStringLiteral("boss-pass")).value();
    const QString adminId = m_users->create(admin).value().id;

    UserRecord clash = admin;
    clash.id.clear();
    clash.login = QStringLiteral("BOSS");
    QCOMPARE(m_users->create(clash).error().code, QStringLiteral("user.login_taken"));
    clash.login = QStringLiteral("no spaces");
    QCOMPARE(m_users->create(clash).error().code, QStringLiteral("user.login_invalid"));
    clash.login = QStringLiteral("boss2");
    clash.groupIds = {QStringLiteral("nowhere")};
    QCOMPARE(m_users->create(clash).error().field, QStringLiteral("groups"));
    QCOMPARE(m_users->list().size(), 2); // nothing half-written

    UserChange demote;
    demote.role = Role::Agent;
    QCOMPARE(m_users->update(adminId, demote).error().code, QStringLiteral("user.last_admin"));
    QCOMPARE(m_users->find(adminId)->role, Role::Admin);
    UserChange promote;
    promote.role = Role::Admin;
    QVERIFY(m_users->update(m_agentId, promote));
    QVERIFY(m_users->update(adminId, demote)); // now there is another admin
    QCOMPARE(m_users->find(adminId)->version, 2);

    UserChange skills;
    skills.skills = QStringList {QStringLiteral("粤语"), QStringLiteral(" 粤语 "), QStringLiteral("billing")};
    QCOMPARE(m_users->update(m_agentId, skills).value().skills,
        QStringList({QStringLiteral("粤语"), QStringLiteral("billing")}));
    QCOMPARE(m_users->find(m_agentId)->skills, QStringList({QStringLiteral("billing"), QStringLiteral("粤语")}));
}

QTEST_GUILESS_MAIN(TestAuthService)
#include "tst_authservice.moc"
