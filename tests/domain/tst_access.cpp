#include "domain/Access.h"

#include <QTest>

using namespace gongdan;

Q_DECLARE_METATYPE(gongdan::Role)

class TestAccess : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void mayRead_data();
    void mayRead();
    void administration_data();
    void administration();
    void roleNamesRoundTrip();
    void views_data();
    void views();
};

void TestAccess::views_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<QStringList>("groups");
    QTest::addColumn<bool>("sees");
    QTest::addColumn<bool>("changes");
    // The person is "u1" in group "service".
    const QStringList team;
    const QStringList service {QStringLiteral("service")};
    const QStringList field {QStringLiteral("field-ops")};
    QTest::newRow("agent, own view") << Role::Agent << "u1" << team << true << true;
    QTest::newRow("agent, someone's view") << Role::Agent << "u2" << team << false << false;
    QTest::newRow("supervisor, someone's view") << Role::Supervisor << "u2" << team << false << false;
    QTest::newRow("agent, shared with all") << Role::Agent << "" << team << true << false;
    QTest::newRow("agent, shared with own group") << Role::Agent << "" << service << true << false;
    QTest::newRow("agent, shared with another group") << Role::Agent << "" << field << false << false;
    QTest::newRow("field, shared with own group") << Role::Field << "" << service << true << false;
    QTest::newRow("supervisor, shared with another group") << Role::Supervisor << "" << field << true << true;
    QTest::newRow("admin, shared with all") << Role::Admin << "" << team << true << true;
}

void TestAccess::views()
{
    QFETCH(Role, role);
    QFETCH(QString, owner);
    QFETCH(QStringList, groups);
    const Principal who {QStringLiteral("u1"), role, {QStringLiteral("service")}};
    QTEST(access::mayReadView(who, owner, groups), "sees");
    QTEST(access::mayChangeView(who, owner), "changes");
}

void TestAccess::mayRead_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("assignee");
    QTest::addColumn<bool>("visible");
    // The person is "u1" in groups "service" and "billing".
    QTest::newRow("agent, own group, unassigned") << Role::Agent << "service"
                                                  << "" << true;
    QTest::newRow("agent, own second group") << Role::Agent << "billing"
                                             << "u2" << true;
    QTest::newRow("agent, other group") << Role::Agent << "field-ops"
                                        << "u2" << false;
    QTest::newRow("agent, other group, but assigned to them") << Role::Agent << "field-ops"
                                                              << "u1" << true;
    QTest::newRow("agent, no group") << Role::Agent << ""
                                     << "" << false;
    QTest::newRow("field, assigned to them") << Role::Field << "field-ops"
                                             << "u1" << true;
    QTest::newRow("field, own group, not assigned") << Role::Field << "service"
                                                    << "" << false;
    QTest::newRow("field, assigned to someone else") << Role::Field << "service"
                                                     << "u2" << false;
    QTest::newRow("supervisor, any group") << Role::Supervisor << "field-ops"
                                           << "u2" << true;
    QTest::newRow("admin, any group") << Role::Admin << "elsewhere"
                                      << "" << true;
}

void TestAccess::mayRead()
{
    QFETCH(Role, role);
    QFETCH(QString, group);
    QFETCH(QString, assignee);
    QFETCH(bool, visible);
    const Principal who {QStringLiteral("u1"), role, {QStringLiteral("service"), QStringLiteral("billing")}};
    QCOMPARE(access::mayRead(who, group, assignee), visible);
    // Whoever created a ticket keeps seeing it: agents (a call logged for another department), not field
    // staff, who see only what is assigned to them.
    const bool asCreator = role == Role::Field ? visible : true;
    QCOMPARE(access::mayRead(who, group, assignee, QStringLiteral("u1")), asCreator);
    QCOMPARE(access::mayRead(who, group, assignee, QStringLiteral("u2")), visible);
}

void TestAccess::administration_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<bool>("users");
    QTest::addColumn<bool>("fields");
    QTest::addColumn<bool>("floor");
    QTest::newRow("agent") << Role::Agent << false << false << false;
    QTest::newRow("field") << Role::Field << false << false << false;
    QTest::newRow("supervisor") << Role::Supervisor << false << false << true;
    QTest::newRow("admin") << Role::Admin << true << true << true;
}

void TestAccess::administration()
{
    QFETCH(Role, role);
    QFETCH(bool, users);
    QFETCH(bool, fields);
    QFETCH(bool, floor);
    const Principal who {QStringLiteral("u1"), role, {}};
    QCOMPARE(access::mayManageUsers(who), users);
    QCOMPARE(access::mayManageFields(who), fields);
    QCOMPARE(access::maySuperviseFloor(who), floor);
}

void TestAccess::roleNamesRoundTrip()
{
    QCOMPARE(roleNames(),
        QStringList(
            {QStringLiteral("agent"), QStringLiteral("supervisor"), QStringLiteral("admin"), QStringLiteral("field")}));
    for (const QString& name : roleNames())
        QCOMPARE(roleName(*roleFromName(name)), name);
    QVERIFY(!roleFromName(QStringLiteral("Admin")));
    QVERIFY(!roleFromName(QString()));
}

QTEST_GUILESS_MAIN(TestAccess)
#include "tst_access.moc"
