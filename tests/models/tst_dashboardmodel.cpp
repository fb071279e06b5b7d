// The supervisor dashboard's models over a snapshot as the server sends it (server/DashboardAggregates): the tiles
// (figure, red over the thresholds of workflows.md §9.6, stale, "updated N s ago", one group or all), the view each
// tile's number opens in the queue, and the agent grid (presence, load over capacity, handled today); both checked by
// QAbstractItemModelTester.
#include "domain/Dispatch.h"
#include "models/DashboardAgentModel.h"
#include "models/DashboardModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gongdan;

namespace {

QJsonObject counts(int open, int waiting, qint64 longestWaitS, int breached, int breachedCritical)
{
    return {{QStringLiteral("open"), open}, {QStringLiteral("new"), waiting},
        {QStringLiteral("longest_wait_s"), longestWaitS}, {QStringLiteral("at_risk"), 3},
        {QStringLiteral("breached"), breached}, {QStringLiteral("breached_critical"), breachedCritical},
        {QStringLiteral("created_today"), 12}, {QStringLiteral("closed_today"), 7},
        {QStringLiteral("csat_count"), open}, {QStringLiteral("csat_sum"), open * 4 + waiting},
        {QStringLiteral("csat_good"), open - 1},
        {QStringLiteral("top_categories"),
            QJsonArray {QJsonObject {
                            {QStringLiteral("category_id"), QStringLiteral("repair")}, {QStringLiteral("count"), open}},
                QJsonObject {
                    {QStringLiteral("category_id"), QStringLiteral("billing")}, {QStringLiteral("count"), waiting}}}}};
}

QJsonObject snapshot(qint64 longestWaitS = 600, int breachedCritical = 0)
{
    QJsonObject service = counts(5, 2, longestWaitS, 1, breachedCritical);
    service.insert(QStringLiteral("group_id"), QStringLiteral("service"));
    QJsonObject field = counts(3, 1, 60, 0, 0);
    field.insert(QStringLiteral("group_id"), QStringLiteral("field-ops"));
    const auto agent = [](const char* id, const char* presence, int load, int capacity, const char* group) {
        return QJsonObject {{QStringLiteral("user_id"), QLatin1String(id)}, {QStringLiteral("name"), QLatin1String(id)},
            {QStringLiteral("presence"), QLatin1String(presence)}, {QStringLiteral("load"), load},
            {QStringLiteral("capacity"), capacity}, {QStringLiteral("handled_today"), 4},
            {QStringLiteral("group_ids"), QJsonArray {QLatin1String(group)}}};
    };
    return {{QStringLiteral("as_of"), QStringLiteral("2026-12-06T02:00:00.000Z")},
        {QStringLiteral("day_start"), QStringLiteral("2026-12-05T16:00:00.000Z")},
        {QStringLiteral("groups"),
            QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("service")}},
                QJsonObject {{QStringLiteral("id"), QStringLiteral("field-ops")}}}},
        {QStringLiteral("totals"), counts(8, 3, longestWaitS, 1, breachedCritical)},
        {QStringLiteral("by_group"), QJsonArray {service, field}},
        {QStringLiteral("agents"),
            QJsonArray {agent("li", "online", 2, 5, "service"), agent("zhang", "away", 6, 5, "field-ops")}}};
}

} // namespace

class TestDashboardModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void tilesShowTheSnapshot();
    void tilesTurnRedOverThresholds_data();
    void tilesTurnRedOverThresholds();
    void staleAndUpdatedAgo();
    void drillDownViews_data();
    void drillDownViews();
    void agentGrid();
};

void TestDashboardModel::tilesShowTheSnapshot()
{
    ManualClock clock(QDateTime::currentDateTimeUtc());
    DashboardModel model(clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), int(DashboardModel::TileCount));
    QCOMPARE(model.index(DashboardModel::Open).data(DashboardModel::ValueTextRole).toString(), QStringLiteral("–"));
    model.setSnapshot(snapshot());
    QCOMPARE(model.index(DashboardModel::Open).data(Qt::DisplayRole).toString(), QStringLiteral("Open"));
    QCOMPARE(model.index(DashboardModel::Open).data(DashboardModel::ValueRole).toLongLong(), 8);
    QCOMPARE(model.index(DashboardModel::New).data(DashboardModel::ValueTextRole).toString(), QStringLiteral("3"));
    QCOMPARE(model.index(DashboardModel::LongestWait).data(DashboardModel::ValueTextRole).toString(),
        QStringLiteral("10 min"));
    QCOMPARE(model.index(DashboardModel::ClosedToday).data(DashboardModel::KeyRole).toString(),
        QStringLiteral("closed_today"));
    model.setGroup(QStringLiteral("field-ops"));
    QCOMPARE(model.value(DashboardModel::Open), 3);
    QCOMPARE(model.index(DashboardModel::LongestWait).data(DashboardModel::ValueTextRole).toString(),
        QStringLiteral("1 min"));
    model.setGroup({});
    QCOMPARE(model.value(DashboardModel::Open), 8);
    // Satisfaction today: the average of the scores with how many, and the share of 4s and 5s (8 scored, sum 35).
    QCOMPARE(model.index(DashboardModel::Satisfaction).data(DashboardModel::ValueTextRole).toString(),
        QStringLiteral("4.4 (8)"));
    QCOMPARE(model.index(DashboardModel::Satisfaction).data(Qt::ToolTipRole).toString().left(21),
        QStringLiteral("88 % scored 4 or 5. S"));
    QJsonObject none = snapshot();
    QJsonObject totals = none.value(QStringLiteral("totals")).toObject();
    totals.insert(QStringLiteral("csat_count"), 0);
    none.insert(QStringLiteral("totals"), totals);
    model.setSnapshot(none);
    QCOMPARE(
        model.index(DashboardModel::Satisfaction).data(DashboardModel::ValueTextRole).toString(), QStringLiteral("–"));
    // 高频问题 TOP3, for all groups or one; each opens today's tickets of its category.
    model.setSnapshot(snapshot());
    const QList<std::pair<QString, int>> top {{QStringLiteral("repair"), 8}, {QStringLiteral("billing"), 3}};
    QCOMPARE(model.topCategories(), top);
    model.setGroup(QStringLiteral("field-ops"));
    QCOMPARE(model.topCategories().first(), (std::pair<QString, int>(QStringLiteral("repair"), 3)));
    const TicketView view = model.drillDownCategory(QStringLiteral("repair"), QStringLiteral("报修"));
    QCOMPARE(view.nameZh, QStringLiteral("仪表盘：报修"));
    QCOMPARE(view.conditions.size(), 3); // the group, created today, the category
    QCOMPARE(view.conditions.last().field, QStringLiteral("category_id"));
    QCOMPARE(view.conditions.last().value.toString(), QStringLiteral("repair"));
    QCOMPARE(view.conditions.first().value.toArray(), QJsonArray {QStringLiteral("field-ops")});
    QVERIFY(ViewFields::check(view, {}));
}

void TestDashboardModel::tilesTurnRedOverThresholds_data()
{
    QTest::addColumn<qint64>("longestWaitS");
    QTest::addColumn<int>("breachedCritical");
    QTest::addColumn<int>("thresholdMinutes");
    QTest::addColumn<bool>("waitRed");
    QTest::addColumn<bool>("breachedRed");
    QTest::newRow("20 min exactly: not yet") << qint64(20 * 60) << 0 << 20 << false << false;
    QTest::newRow("over 20 min") << qint64(20 * 60 + 1) << 0 << 20 << true << false;
    QTest::newRow("a 特急 breached") << qint64(60) << 1 << 20 << false << true;
    QTest::newRow("threshold raised to 30 min") << qint64(25 * 60) << 0 << 30 << false << false;
    QTest::newRow("threshold lowered to 5 min") << qint64(6 * 60) << 2 << 5 << true << true;
}

void TestDashboardModel::tilesTurnRedOverThresholds()
{
    QFETCH(qint64, longestWaitS);
    QFETCH(int, breachedCritical);
    QFETCH(int, thresholdMinutes);
    ManualClock clock(QDateTime::currentDateTimeUtc());
    DashboardModel model(clock);
    model.setThresholds({thresholdMinutes, true});
    model.setSnapshot(snapshot(longestWaitS, breachedCritical));
    QTEST(model.index(DashboardModel::LongestWait).data(DashboardModel::AlertRole).toBool(), "waitRed");
    QTEST(model.index(DashboardModel::Breached).data(DashboardModel::AlertRole).toBool(), "breachedRed");
    QCOMPARE(model.index(DashboardModel::Open).data(DashboardModel::AlertRole).toBool(), false);
}

void TestDashboardModel::staleAndUpdatedAgo()
{
    ManualClock clock(QDateTime::currentDateTimeUtc());
    DashboardModel model(clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.index(0).data(DashboardModel::StaleRole).toBool()); // nothing heard yet
    model.setSnapshot(snapshot());
    model.setUpdatedMs(clock.nowMs());
    model.setStale(false);
    QVERIFY(!model.index(0).data(DashboardModel::StaleRole).toBool());
    clock.advanceSeconds(5);
    model.tick();
    QCOMPARE(model.index(0).data(DashboardModel::UpdatedTextRole).toString(), QStringLiteral("updated 5 s ago"));
    clock.advanceSeconds(120);
    QCOMPARE(model.index(0).data(DashboardModel::UpdatedTextRole).toString(), QStringLiteral("updated 2 min ago"));
    model.setStale(true);
    QVERIFY(model.index(DashboardModel::ClosedToday).data(DashboardModel::StaleRole).toBool());
}

void TestDashboardModel::drillDownViews_data()
{
    QTest::addColumn<int>("tile");
    QTest::addColumn<QString>("group");
    QTest::addColumn<QStringList>("conditions"); ///< "field op value" each
    QTest::addColumn<QString>("sort");
    const QString scope = QStringLiteral("group_id in [\"service\",\"field-ops\"]");
    const QString open = QStringLiteral("status in [\"new\",\"in_progress\",\"waiting_customer\",\"follow_up\"]");
    QTest::newRow("open") << int(DashboardModel::Open) << QString() << QStringList {scope, open}
                          << QStringLiteral("created_at");
    QTest::newRow("待接单 of one group") << int(DashboardModel::New) << QStringLiteral("service")
                                         << QStringList {QStringLiteral("group_id in [\"service\"]"),
                                                QStringLiteral("status is \"new\"")}
                                         << QStringLiteral("created_at");
    QTest::newRow("breached") << int(DashboardModel::Breached) << QString()
                              << QStringList {scope, open, QStringLiteral("resolution_due_at before \"$now\"")}
                              << QStringLiteral("resolution_due_at");
    QTest::newRow("closed today") << int(DashboardModel::ClosedToday) << QString()
                                  << QStringList {scope, QStringLiteral("status is \"closed\""),
                                         QStringLiteral("closed_at after \"2026-12-05T16:00:00.000Z\"")}
                                  << QStringLiteral("closed_at");
    QTest::newRow("scored today, lowest first")
        << int(DashboardModel::Satisfaction) << QString()
        << QStringList {scope, QStringLiteral("rated_at after \"2026-12-05T16:00:00.000Z\"")}
        << QStringLiteral("satisfaction");
}

void TestDashboardModel::drillDownViews()
{
    QFETCH(int, tile);
    QFETCH(QString, group);
    ManualClock clock(QDateTime::currentDateTimeUtc());
    DashboardModel model(clock);
    model.setSnapshot(snapshot());
    model.setGroup(group);
    const TicketView view = model.drillDown(DashboardModel::Tile(tile));
    QStringList conditions;
    for (const ViewCondition& c : view.conditions)
        conditions.append(c.field + QLatin1Char(' ') + TicketView::opKey(c.op) + QLatin1Char(' ')
            + QString::fromUtf8(QJsonDocument(QJsonArray {c.value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1));
    QTEST(conditions, "conditions");
    QTEST(view.sortField, "sort");
    QVERIFY(ViewFields::check(view, {})); // the queue takes it as it takes a saved view
}

void TestDashboardModel::agentGrid()
{
    DashboardAgentModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAgents(snapshot().value(QStringLiteral("agents")).toArray());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, DashboardAgentModel::PresenceColumn).data().toString(), presenceName(Presence::Online));
    QCOMPARE(model.index(1, DashboardAgentModel::Load).data().toString(), QStringLiteral("6/5"));
    QVERIFY(model.index(1, 0).data(DashboardAgentModel::OverCapacityRole).toBool());
    QVERIFY(!model.index(0, 0).data(DashboardAgentModel::OverCapacityRole).toBool());
    QCOMPARE(model.index(0, DashboardAgentModel::HandledToday).data().toInt(), 4);
    model.setAgents(snapshot().value(QStringLiteral("agents")).toArray(), QStringLiteral("service"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(DashboardAgentModel::UserIdRole).toString(), QStringLiteral("li"));
}

QTEST_GUILESS_MAIN(TestDashboardModel)
#include "tst_dashboardmodel.moc"
