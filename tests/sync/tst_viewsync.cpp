// Custom views reaching the desks that may see them, through a real gongdan-server (SQLite and PostgreSQL):
// a supervisor's view shared with a group reaches that group's agents (and field staff), moves when it is
// shared with another group and disappears everywhere when deleted; an agent's attempt to share a view is
// refused by the server, the view kept on the agent's desk with the reason shown in the view list until
// the agent saves it as their own; a personal view follows its owner to a second device (first sync and
// later changes) and reaches nobody else, its deletion too. The REST API (/api/v1/views) holds to the
// same rules.
#include "domain/RefusalText.h"
#include "models/ViewListModel.h"
#include "storage/ViewRepository.h"
#include "tests/support/Desk.h"

#include <QJsonArray>
#include <QSignalSpy>

using namespace gongdan;
using namespace gongdan::test;

class TestViewSync : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sharedViewReachesItsGroupOnly_data() { addBackendRows(); }
    void sharedViewReachesItsGroupOnly();
    void anAgentCannotShareAView_data() { addBackendRows(); }
    void anAgentCannotShareAView();
    void personalViewFollowsItsOwner_data() { addBackendRows(); }
    void personalViewFollowsItsOwner();
    void restKeepsTheSameRules_data() { addBackendRows(); }
    void restKeepsTheSameRules();

private:
    /// Signs `http` in as `login`.
    void signIn(HttpClient& http, const QString& login, const QString& password);

    std::unique_ptr<SeededServer> m_fixture;
};

namespace {

TicketView newView(const QString& name, const QString& ownerId, const QStringList& groups = {})
{
    TicketView view;
    view.nameZh = name;
    view.nameEn = name;
    view.ownerId = ownerId;
    view.sharedGroupIds = groups;
    view.conditions = {{QStringLiteral("status"), ConditionOp::Is, QStringLiteral("new")}};
    return view;
}

bool hasView(Desk& desk, const QString& id, const QString& name = {})
{
    for (const TicketView& view : ViewRepository(*desk.db).visibleTo(desk.userId)) {
        if (view.id == id && (name.isEmpty() || view.nameZh == name))
            return true;
    }
    return false;
}

/// Brings the desk up to date with the server, then tells whether it holds the view.
bool holdsAfterSync(Desk& desk, const QString& id)
{
    desk.engine->syncNow();
    if (!desk.idle())
        qWarning("desk %s did not settle", qPrintable(desk.userId));
    return hasView(desk, id);
}

QStringList viewIds(const HttpResult& listed)
{
    QStringList ids;
    for (const QJsonValue& view : listed.body.value(QStringLiteral("views")).toArray())
        ids.append(view.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

/// Why a desk did not settle, for the failure message.
QString stuck(Desk& desk)
{
    QStringList entries;
    QSqlQuery query(desk.db->sql());
    query.exec(QStringLiteral("SELECT name, state, last_error FROM outbox ORDER BY seq"));
    while (query.next())
        entries.append(
            QStringList {query.value(0).toString(), query.value(1).toString(), query.value(2).toString()}.join(
                QLatin1Char(' ')));
    return QStringLiteral("state %1, last error: %2; outbox: %3")
        .arg(int(desk.engine->state()))
        .arg(desk.engine->lastError(), entries.join(QStringLiteral("; ")));
}

/// A change made on a desk that is running: the headless desk has no window to start the push (the
/// workstation's SyncController does on every outbox insert).
void pushNow(Desk& desk)
{
    desk.engine->syncNow();
}

const QString kSupervisorPassword = QStringLiteral("sun-password");

} // namespace

void TestViewSync::init()
{
    QFETCH(QString, backend);
    m_fixture = std::make_unique<SeededServer>(backend);
    if (const QString why = m_fixture->skipReason(); !why.isEmpty())
        QFAIL(qPrintable(why));
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->server().lastLog()));
    // A supervisor of 客服部 (the seeded team has none).
    HttpClient boss(m_fixture->baseUrl());
    signIn(boss, QStringLiteral("boss"), QStringLiteral("boss-password"));
    const HttpResult created = boss.post(QStringLiteral("/api/v1/users"),
        {{QStringLiteral("login"), QStringLiteral("sun")}, {QStringLiteral("name"), QStringLiteral("孙主管")},
            {QStringLiteral("role"), QStringLiteral("supervisor")}, {QStringLiteral("password"), kSupervisorPassword},
            {QStringLiteral("groups"), QJsonArray {QStringLiteral("service")}}});
    QCOMPARE(created.status, 201);
}

void TestViewSync::cleanup()
{
    m_fixture.reset();
}

void TestViewSync::signIn(HttpClient& http, const QString& login, const QString& password)
{
    const HttpResult signedIn = http.post(
        QStringLiteral("/api/v1/session"), {{QStringLiteral("login"), login}, {QStringLiteral("password"), password}});
    http.setToken(signedIn.body.value(QStringLiteral("token")).toString());
}

void TestViewSync::sharedViewReachesItsGroupOnly()
{
    Desk sun(m_fixture->baseUrl(), QStringLiteral("sun"), kSupervisorPassword);
    Desk li(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    Desk zhang(m_fixture->baseUrl(), QStringLiteral("zhang"), QStringLiteral("zhang-password"));
    Desk wang(m_fixture->baseUrl(), QStringLiteral("wang"), QStringLiteral("field-password"));
    ViewRepository sunViews(*sun.db);
    auto saved = sunViews.save(newView(QStringLiteral("客服新单"), QString(), {QStringLiteral("service")}), {});
    QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
    const QString id = saved.value().id;
    QSignalSpy reload(li.engine, &SyncEngine::teamChanged); // the window reloads its views on it
    for (Desk* desk : {&sun, &li, &zhang, &wang})
        desk->start();
    QVERIFY2(sun.idle(), qPrintable(stuck(sun)));
    QCOMPARE(sun.outbox(), 0); // applied and delivered back
    QVERIFY(QTest::qWaitFor([&] { return hasView(li, id); }, 10000));
    QVERIFY(!reload.isEmpty());
    QVERIFY(!holdsAfterSync(zhang, id)); // 外勤组 is not 客服部
    QVERIFY(!holdsAfterSync(wang, id));

    // Shared with 外勤组 instead: it leaves 客服部's desks and reaches 外勤组's, field staff included.
    TicketView moved = saved.value();
    moved.sharedGroupIds = {QStringLiteral("field-ops")};
    QVERIFY(sunViews.save(moved, {}));
    pushNow(sun);
    QVERIFY2(sun.idle(), qPrintable(stuck(sun)));
    QVERIFY(QTest::qWaitFor([&] { return hasView(zhang, id); }, 10000));
    QVERIFY(QTest::qWaitFor([&] { return hasView(wang, id); }, 10000));
    QVERIFY(QTest::qWaitFor([&] { return !hasView(li, id); }, 10000));
    QVERIFY(hasView(sun, id)); // supervisors see every shared view

    QVERIFY(sunViews.remove(id));
    pushNow(sun);
    QVERIFY2(sun.idle(), qPrintable(stuck(sun)));
    QVERIFY(QTest::qWaitFor([&] { return !hasView(zhang, id) && !hasView(wang, id); }, 10000));
    QVERIFY(!hasView(sun, id));
    QCOMPARE(sun.outbox(), 0);
}

void TestViewSync::anAgentCannotShareAView()
{
    Desk li(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    ViewRepository liViews(*li.db);
    auto saved = liViews.save(newView(QStringLiteral("我想共享"), QString()), {});
    QVERIFY(saved);
    const QString id = saved.value().id;
    li.start();
    QVERIFY(QTest::qWaitFor(
        [&] { return li.engine->state() == SyncEngine::State::Idle && !liViews.refusal(id).isEmpty(); }, 15000));
    // Kept on the desk, the refusal with it, the reason in the agent's words in the view list.
    QVERIFY(hasView(li, id));
    const QList<OutboxEntry> refused = Outbox(*li.db).entries();
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().state, QStringLiteral("rejected"));
    QVERIFY(refused.first().lastError.contains(QLatin1String("view.shared_forbidden")));
    ViewListModel list(*li.db);
    list.setViews(liViews.visibleTo(li.userId), ViewContext {li.userId, li.clock.now(), {}});
    const int row = list.rowOf(id);
    QVERIFY(row >= 0);
    const QString reason = RefusalText::describe(QStringLiteral("view.shared_forbidden"), {}, {});
    QCOMPARE(list.index(row).data(ViewListModel::RefusalRole).toString(), reason);
    QCOMPARE(list.index(row).data(Qt::ToolTipRole).toString(), reason);
    HttpClient boss(m_fixture->baseUrl());
    signIn(boss, QStringLiteral("boss"), QStringLiteral("boss-password"));
    QVERIFY(!viewIds(boss.get(QStringLiteral("/api/v1/views"))).contains(id)); // the team never got it

    // Saved as the agent's own view, it goes through; the refusal is replaced.
    TicketView mine = saved.value();
    mine.ownerId = li.userId;
    QVERIFY(liViews.save(mine, {}));
    pushNow(li);
    QVERIFY2(li.idle(), qPrintable(stuck(li)));
    QCOMPARE(li.outbox(), 0);
    QVERIFY(liViews.refusal(id).isEmpty());
    HttpClient liHttp(m_fixture->baseUrl());
    signIn(liHttp, QStringLiteral("li.na"), QStringLiteral("agent-password"));
    QVERIFY(viewIds(liHttp.get(QStringLiteral("/api/v1/views"))).contains(id));
    QVERIFY(!viewIds(boss.get(QStringLiteral("/api/v1/views"))).contains(id)); // personal: not even admins
}

void TestViewSync::personalViewFollowsItsOwner()
{
    Desk office(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    Desk boss(m_fixture->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password"));
    Desk zhang(m_fixture->baseUrl(), QStringLiteral("zhang"), QStringLiteral("zhang-password"));
    ViewRepository officeViews(*office.db);
    auto saved = officeViews.save(newView(QStringLiteral("我的新单"), office.userId), {});
    QVERIFY(saved);
    const QString id = saved.value().id;
    office.start();
    QVERIFY2(office.idle(), qPrintable(stuck(office)));
    QCOMPARE(office.outbox(), 0);

    // Her laptop, new: the first sync brings the view.
    Desk laptop(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    laptop.start();
    QVERIFY2(laptop.idle(), qPrintable(stuck(laptop)));
    QVERIFY(hasView(laptop, id));
    boss.start();
    zhang.start();
    QVERIFY(!holdsAfterSync(boss, id));
    QVERIFY(!holdsAfterSync(zhang, id));

    TicketView renamed = saved.value();
    renamed.nameZh = QStringLiteral("我的新单（改）");
    QVERIFY(officeViews.save(renamed, {}));
    pushNow(office);
    QVERIFY2(office.idle(), qPrintable(stuck(office)));
    QVERIFY(QTest::qWaitFor([&] { return hasView(laptop, id, renamed.nameZh); }, 10000));

    QVERIFY(officeViews.remove(id));
    pushNow(office);
    QVERIFY2(office.idle(), qPrintable(stuck(office)));
    QVERIFY(QTest::qWaitFor([&] { return !hasView(laptop, id); }, 10000));
    QCOMPARE(office.outbox(), 0);
    QVERIFY(!holdsAfterSync(boss, id));
}

void TestViewSync::restKeepsTheSameRules()
{
    HttpClient li(m_fixture->baseUrl());
    signIn(li, QStringLiteral("li.na"), QStringLiteral("agent-password"));
    HttpClient zhang(m_fixture->baseUrl());
    signIn(zhang, QStringLiteral("zhang"), QStringLiteral("zhang-password"));
    HttpClient wang(m_fixture->baseUrl());
    signIn(wang, QStringLiteral("wang"), QStringLiteral("field-password"));
    HttpClient sun(m_fixture->baseUrl());
    signIn(sun, QStringLiteral("sun"), kSupervisorPassword);
    const QJsonArray conditions {QJsonObject {{QStringLiteral("field"), QStringLiteral("status")},
        {QStringLiteral("op"), QStringLiteral("is")}, {QStringLiteral("value"), QStringLiteral("new")}}};
    const QString path = QStringLiteral("/api/v1/views");

    // An agent: their own views only.
    using Refusal = QPair<QJsonObject, QString>;
    const QJsonObject badCondition {{QStringLiteral("field"), QStringLiteral("nonsense")},
        {QStringLiteral("op"), QStringLiteral("is")}, {QStringLiteral("value"), 1}};
    expectRefusals(li, path,
        {Refusal(QJsonObject {{QStringLiteral("name_zh"), QStringLiteral("共享")}, {QStringLiteral("shared"), true}},
             QStringLiteral("view.shared_forbidden")),
            Refusal(QJsonObject {{QStringLiteral("name_zh"), QStringLiteral("x")},
                        {QStringLiteral("owner_id"), QStringLiteral("u")}},
                QStringLiteral("request.unknown_field")),
            Refusal(QJsonObject {{QStringLiteral("shared"), false}}, QStringLiteral("request.missing_field")),
            Refusal(QJsonObject {{QStringLiteral("name_zh"), QStringLiteral("x")},
                        {QStringLiteral("conditions"), QJsonArray {badCondition}}},
                QStringLiteral("view.field"))});
    const HttpResult own = li.post(
        path, {{QStringLiteral("name_zh"), QStringLiteral("李娜的新单")}, {QStringLiteral("conditions"), conditions}});
    QCOMPARE(own.status, 201);
    const QString ownId = own.body.value(QStringLiteral("id")).toString();
    QCOMPARE(own.body.value(QStringLiteral("shared")).toBool(), false);
    QCOMPARE(own.body.value(QStringLiteral("version")).toInt(), 1);
    QVERIFY(viewIds(li.get(path)).contains(ownId));
    QVERIFY(!viewIds(zhang.get(path)).contains(ownId));
    QVERIFY(!viewIds(sun.get(path)).contains(ownId));
    QCOMPARE(zhang.get(path + QLatin1Char('/') + ownId).status, 404);
    QCOMPARE(
        zhang.patch(path + QLatin1Char('/') + ownId, {{QStringLiteral("name_zh"), QStringLiteral("x")}}).status, 404);
    QCOMPARE(sun.del(path + QLatin1Char('/') + ownId).status, 404);
    const HttpResult renamed
        = li.patch(path + QLatin1Char('/') + ownId, {{QStringLiteral("name_zh"), QStringLiteral("改名")}});
    QCOMPARE(renamed.status, 200);
    QCOMPARE(renamed.body.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(li.patch(path + QLatin1Char('/') + ownId, {{QStringLiteral("shared"), true}}).code(),
        QStringLiteral("view.shared_forbidden"));

    // A supervisor shares with a group; the group sees it, others do not, and only supervisors change it.
    expectRefusals(sun, path,
        {Refusal(QJsonObject {{QStringLiteral("name_zh"), QStringLiteral("x")}, {QStringLiteral("shared"), true},
                     {QStringLiteral("shared_group_ids"), QJsonArray {QStringLiteral("no-such-group")}}},
            QStringLiteral("view.unknown_group"))});
    const HttpResult shared = sun.post(path,
        {{QStringLiteral("name_zh"), QStringLiteral("客服新单")}, {QStringLiteral("shared"), true},
            {QStringLiteral("shared_group_ids"), QJsonArray {QStringLiteral("service")}},
            {QStringLiteral("conditions"), conditions}});
    QCOMPARE(shared.status, 201);
    const QString sharedId = shared.body.value(QStringLiteral("id")).toString();
    QCOMPARE(shared.body.value(QStringLiteral("owner_id")).toString(), QString());
    QVERIFY(viewIds(li.get(path)).contains(sharedId));
    QVERIFY(!viewIds(zhang.get(path)).contains(sharedId));
    QCOMPARE(
        li.patch(path + QLatin1Char('/') + sharedId, {{QStringLiteral("name_zh"), QStringLiteral("x")}}).status, 403);
    QCOMPARE(li.del(path + QLatin1Char('/') + sharedId).code(), QStringLiteral("view.shared_forbidden"));
    QCOMPARE(sun.patch(path + QLatin1Char('/') + sharedId,
                    {{QStringLiteral("shared_group_ids"), QJsonArray {QStringLiteral("field-ops")}}})
                 .status,
        200);
    QVERIFY(!viewIds(li.get(path)).contains(sharedId));
    QVERIFY(viewIds(zhang.get(path)).contains(sharedId));
    QVERIFY(viewIds(wang.get(path)).contains(sharedId));

    QCOMPARE(sun.del(path + QLatin1Char('/') + sharedId).status, 204);
    QVERIFY(!viewIds(zhang.get(path)).contains(sharedId));
    QCOMPARE(li.del(path + QLatin1Char('/') + ownId).status, 204);
    QCOMPARE(li.get(path + QLatin1Char('/') + ownId).status, 404);
}

QTEST_GUILESS_MAIN(TestViewSync)
#include "tst_viewsync.moc"
