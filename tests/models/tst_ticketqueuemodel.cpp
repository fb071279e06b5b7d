#include "bench/DemoSeeder.h"
#include "models/TicketQueueModel.h"
#include "models/ViewListModel.h"
#include "storage/TeamDirectory.h"
#include "tests/support/TempStore.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

using namespace gongdan;
using namespace gongdan::test;

namespace {

const QDateTime kEnd(QDate(2026, 11, 20), QTime(18, 0), Qt::UTC);

TicketView builtIn(const char* id)
{
    for (const TicketView& view : TicketView::builtIns()) {
        if (view.id == QLatin1String(id))
            return view;
    }
    return {};
}

} // namespace

class TestTicketQueueModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesThroughAViewInSqlOrder_data();
    void pagesThroughAViewInSqlOrder();
    void refreshTouchesOnlyChangedRowsAndKeepsSelection();
    void newTicketEntersAtItsSortPosition();
    void aPageOfTicketsEntersInOrderInBlocks_data();
    void aPageOfTicketsEntersInOrderInBlocks();
    void jumpsToTheEndAndFillsTheGap_data();
    void jumpsToTheEndAndFillsTheGap();
    void searchNarrowsTheView();
    void slaColours_data();
    void slaColours();
    void aPausedClockSaysSo();
    void theReplyClockShowsWhenItComesFirst();
    void viewCountsMatchTheQueue();
    void countsFollowChangesWithoutRecounting();
    void backgroundCountsArriveWithoutBlocking();

private:
    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<TeamDirectory> m_directory;
    ViewContext m_context;
};

void TestTicketQueueModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    m_store = std::make_unique<TempStore>(kEnd);
    QVERIFY(demo::DemoSeeder(m_store->db(), {1500, 11, kEnd, 10000, 10}).run().ok());
    m_directory = std::make_unique<TeamDirectory>(m_store->db());
    m_context = {QStringLiteral("a-06"), kEnd, m_store->fields().definitions()};
}

void TestTicketQueueModel::pagesThroughAViewInSqlOrder_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("descending");
    QTest::newRow("created, newest first") << int(TicketQueueModel::Created) << true;
    QTest::newRow("priority ascending") << int(TicketQueueModel::Priority) << false;
    QTest::newRow("priority descending") << int(TicketQueueModel::Priority) << true;
    QTest::newRow("subject") << int(TicketQueueModel::Subject) << false;
    QTest::newRow("status (ties by creation)") << int(TicketQueueModel::Status) << false;
    QTest::newRow("status descending") << int(TicketQueueModel::Status) << true;
    QTest::newRow("assignee (has empties)") << int(TicketQueueModel::Assignee) << false;
    QTest::newRow("assignee descending (NULLs last)") << int(TicketQueueModel::Assignee) << true;
    QTest::newRow("time left") << int(TicketQueueModel::TimeLeft) << false;
    QTest::newRow("time left descending") << int(TicketQueueModel::TimeLeft) << true;
    QTest::newRow("category descending") << int(TicketQueueModel::Category) << true;
}

void TestTicketQueueModel::pagesThroughAViewInSqlOrder()
{
    QFETCH(int, column);
    QFETCH(bool, descending);
    TicketQueueModel model(m_store->db(), m_store->clock, *m_directory);
    QVERIFY(model.setView(builtIn("all_open"), m_context));
    model.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    QCOMPARE(model.rowCount(), TicketQueueModel::kPageSize); // one page, not the view
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCoreApplication::processEvents(); // a fetch the tester asked for during a reset arrives now
    while (model.canFetchMore({})) {
        model.fetchMore({});
        QCoreApplication::processEvents();
    }
    const qint64 open = scalar(m_store->db(),
        QStringLiteral(
            "SELECT count(*) FROM ticket WHERE status IN ('new','in_progress','waiting_customer','follow_up')"));
    QVERIFY(open > TicketQueueModel::kPageSize * 2);
    QCOMPARE(model.rowCount(), open); // keyset paging neither skips nor repeats a row across pages
    QSet<QString> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.insert(model.ticketId(row));
    QCOMPARE(ids.size(), open);
    if (column == TicketQueueModel::Priority) {
        for (int row = 1; row < model.rowCount(); ++row) {
            const int before = model.index(row - 1, column).data(TicketQueueModel::RawValueRole).toInt();
            const int here = model.index(row, column).data(TicketQueueModel::RawValueRole).toInt();
            QVERIFY(descending ? before >= here : before <= here);
        }
    }
    if (column == TicketQueueModel::Created) {
        QVERIFY(model.index(0, column).data(TicketQueueModel::RawValueRole).toDateTime()
            > model.index(model.rowCount() - 1, column).data(TicketQueueModel::RawValueRole).toDateTime());
    }
}

void TestTicketQueueModel::refreshTouchesOnlyChangedRowsAndKeepsSelection()
{
    TicketQueueModel model(m_store->db(), m_store->clock, *m_directory);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setView(builtIn("all_open"), m_context));
    while (model.canFetchMore({})) { // the tester may fetch pages while it checks; start from the whole view
        model.fetchMore({});
        QCoreApplication::processEvents();
    }
    QItemSelectionModel selection(&model);
    selection.select(model.index(5, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QString selectedId = model.ticketId(5);
    const QString edited = model.ticketId(2);
    const QString closing = model.ticketId(1);
    QVERIFY(m_store->tickets()
                .patch(edited, QJsonObject {{QStringLiteral("subject"), QStringLiteral("已修改的标题")}},
                    m_store->agent(QStringLiteral("a-01")))
                .ok());
    const Ticket toClose = *m_store->tickets().find(closing);
    // Whoever accepts it belongs to its group: the supervisor of that group.
    QSqlQuery supervisor(m_store->db().sql());
    supervisor.prepare(QStringLiteral("SELECT id FROM agent WHERE group_id = ? AND role = 'supervisor'"));
    supervisor.addBindValue(toClose.groupId);
    QVERIFY(supervisor.exec() && supervisor.next());
    const Principal closer = m_store->agent(supervisor.value(0).toString());
    if (toClose.status == TicketStatus::New)
        QVERIFY(m_store->tickets().transition(closing, {TicketAction::Accept, {}, {}, {}, {}, {}}, closer).ok());
    QVERIFY(m_store->tickets()
                .transition(
                    closing, {TicketAction::Close, QStringLiteral("好"), CustomerAnswer::Satisfied, {}, {}, {}}, closer)
                .ok());

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    const int before = model.rowCount();
    model.refreshTickets({edited, closing});
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(removed.count(), 1); // the closed ticket left the open view
    QCOMPARE(model.rowCount(), before - 1);
    QCOMPARE(model.index(1, TicketQueueModel::Subject).data().toString(), QStringLiteral("已修改的标题"));
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(model.ticketId(selection.selectedRows().first().row()), selectedId);
}

void TestTicketQueueModel::newTicketEntersAtItsSortPosition()
{
    TicketQueueModel model(m_store->db(), m_store->clock, *m_directory);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setView(builtIn("all_open"), m_context)); // newest first
    const int before = model.rowCount();
    QVERIFY(model.canFetchMore({})); // only the first page is loaded

    // Created now, it is the newest: it goes on top without a reset.
    m_store->clock.advanceSeconds(60);
    const auto fresh
        = m_store->tickets().create(draftTicket(QStringLiteral("新来电")), m_store->agent(QStringLiteral("a-06")));
    QVERIFY(fresh.ok());
    // An old one (created before every loaded row) belongs to a page not loaded yet: it waits for it.
    m_store->clock.set(kEnd.addYears(-3));
    const auto old
        = m_store->tickets().create(draftTicket(QStringLiteral("旧工单")), m_store->agent(QStringLiteral("a-06")));
    QVERIFY(old.ok());
    m_store->clock.set(kEnd);

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.refreshTickets({fresh.value().id, old.value().id});
    QCOMPARE(resets.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), before + 1);
    QCOMPARE(model.ticketId(0), fresh.value().id);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.ticketId(model.rowCount() - 1), old.value().id); // the last page brought it, once
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.ticketId(row));
    QCOMPARE(ids.count(fresh.value().id), 1);
}

void TestTicketQueueModel::aPageOfTicketsEntersInOrderInBlocks_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("descending");
    // A first sync's page: tickets newer than every loaded row, in one block on top.
    QTest::newRow("newest first") << int(TicketQueueModel::Created) << true;
    // Each next to a different loaded row.
    QTest::newRow("by subject") << int(TicketQueueModel::Subject) << false;
}

void TestTicketQueueModel::aPageOfTicketsEntersInOrderInBlocks()
{
    QFETCH(int, column);
    QFETCH(bool, descending);
    const Qt::SortOrder order = descending ? Qt::DescendingOrder : Qt::AscendingOrder;
    TicketQueueModel model(m_store->db(), m_store->clock, *m_directory);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setView(builtIn("all_open"), m_context));
    model.sort(column, order);
    const int before = model.rowCount();
    QStringList page;
    for (int i = 0; i < 40; ++i) {
        m_store->clock.advanceSeconds(1);
        const QString subject
            = model.index(i * 4, TicketQueueModel::Subject).data().toString() + QStringLiteral(" 续 %1").arg(i);
        const auto created = m_store->tickets().create(draftTicket(subject), m_store->agent(QStringLiteral("a-06")));
        QVERIFY(created.ok());
        page.append(created.value().id);
    }
    m_store->clock.set(kEnd);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.refreshTickets(page);
    QCOMPARE(model.rowCount(), before + 40); // every one belongs among the loaded rows
    if (column == TicketQueueModel::Created)
        QCOMPARE(inserted.count(), 1);
    else
        QVERIFY(inserted.count() > 1);
    // The rows are what the view reads from scratch, in its order.
    TicketQueueModel fresh(m_store->db(), m_store->clock, *m_directory);
    QVERIFY(fresh.setView(builtIn("all_open"), m_context));
    fresh.sort(column, order);
    while (fresh.rowCount() < model.rowCount() && fresh.canFetchMore({}))
        fresh.fetchMore({});
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.ticketId(row), fresh.ticketId(row));
}

void TestTicketQueueModel::jumpsToTheEndAndFillsTheGap_data()
{
    QTest::addColumn<QString>("view");
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("descending");
    QTest::newRow("closed by created") << "closed" << int(TicketQueueModel::Created) << true;
    QTest::newRow("closed by status") << "closed" << int(TicketQueueModel::Status) << false;
    QTest::newRow("open by time left (NULLs)") << "all_open" << int(TicketQueueModel::TimeLeft) << true;
    QTest::newRow("open by assignee (NULLs first)") << "all_open" << int(TicketQueueModel::Assignee) << false;
    QTest::newRow("closed by subject") << "closed" << int(TicketQueueModel::Subject) << true;
}

void TestTicketQueueModel::jumpsToTheEndAndFillsTheGap()
{
    QFETCH(QString, view);
    QFETCH(int, column);
    QFETCH(bool, descending);
    const auto order = descending ? Qt::DescendingOrder : Qt::AscendingOrder;
    // The whole view, page by page from the top: the order to match.
    TicketQueueModel full(m_store->db(), m_store->clock, *m_directory);
    QVERIFY(full.setView(builtIn(view.toLatin1().constData()), m_context));
    full.sort(column, order);
    while (full.canFetchMore({}))
        full.fetchMore({});
    QStringList expected;
    for (int row = 0; row < full.rowCount(); ++row)
        expected.append(full.ticketId(row));
    QVERIFY(expected.size() > 2 * TicketQueueModel::kPageSize);

    TicketQueueModel model(m_store->db(), m_store->clock, *m_directory);
    QVERIFY(model.setView(builtIn(view.toLatin1().constData()), m_context));
    model.sort(column, order);
    const int loaded = model.rowCount();
    QCOMPARE(loaded, TicketQueueModel::kPageSize);
    model.jumpToEnd();
    QVERIFY(!model.canFetchMore({}));
    // Checked from here on (it would fetch every page itself): the jumps and fills below.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.ticketId(model.rowCount() - 1), expected.last()); // the last row, without the middle
    QCOMPARE(model.rowCount(), loaded + TicketQueueModel::kPageSize);
    QCOMPARE(model.gapRow(), loaded);
    // Fill from below twice, then from above until the sides meet.
    QVERIFY(model.fillGap(false));
    if (model.gapRow() >= 0) // a short view closes its gap with the first page
        QVERIFY(model.fillGap(false));
    while (model.gapRow() >= 0)
        QVERIFY(model.fillGap(true));
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown.append(model.ticketId(row));
    QCOMPARE(shown, expected);
    QVERIFY(!model.fillGap(true));
}

void TestTicketQueueModel::searchNarrowsTheView()
{
    TicketQueueModel model(m_store->db(), m_store->clock, *m_directory);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setView(builtIn("closed"), m_context));
    model.setSearchText(QString::fromUtf8("退款"));
    QVERIFY(model.rowCount() > 0);
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row, TicketQueueModel::Status).data(TicketQueueModel::RawValueRole).toString(),
            QStringLiteral("closed"));
        const QString id = model.ticketId(row);
        const Ticket t = *m_store->tickets().find(id);
        QString text = t.subject + t.description;
        for (const Comment& c : m_store->tickets().comments(id))
            text += c.body;
        QVERIFY2(text.contains(QString::fromUtf8("退款")), qPrintable(t.subject));
    }
    model.setSearchText(QStringLiteral("zzzzqqq"));
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy failed(&model, &TicketQueueModel::loadFailed);
    model.setSearchText(QStringLiteral(",,;")); // nothing searchable: no rows, and no error either
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!model.setView(TicketView {}, m_context)); // a view without a name is refused, model unchanged
}

void TestTicketQueueModel::slaColours_data()
{
    using S = TicketQueueModel::SlaState;
    QTest::addColumn<int>("hoursSinceCreated");
    QTest::addColumn<int>("windowHours");
    QTest::addColumn<int>("statusIndex");
    QTest::addColumn<int>("expected");
    QTest::newRow("fresh") << 1 << 24 << int(TicketStatus::New) << int(S::Green);
    QTest::newRow("last quarter") << 20 << 24 << int(TicketStatus::InProgress) << int(S::Yellow);
    QTest::newRow("overdue") << 25 << 24 << int(TicketStatus::FollowUp) << int(S::Red);
    QTest::newRow("closed has none") << 25 << 24 << int(TicketStatus::Closed) << int(S::None);
    QTest::newRow("spam has none") << 1 << 24 << int(TicketStatus::Spam) << int(S::None);
}

void TestTicketQueueModel::slaColours()
{
    QFETCH(int, hoursSinceCreated);
    QFETCH(int, windowHours);
    QFETCH(int, statusIndex);
    QFETCH(int, expected);
    const QDateTime created(QDate(2023, 10, 1), QTime(8, 0), Qt::UTC);
    QCOMPARE(int(TicketQueueModel::slaState(created, created.addSecs(3600 * windowHours),
                 static_cast<TicketStatus>(statusIndex), created.addSecs(3600 * hoursSinceCreated))),
        expected);
}

void TestTicketQueueModel::aPausedClockSaysSo()
{
    // A ticket waiting for the customer under an SLA policy has no due time (its clocks stand still): the queue
    // says "Paused", not an empty cell.
    auto created
        = m_store->tickets().create(draftTicket(QStringLiteral("待客户确认")), m_store->agent(QStringLiteral("a-01")));
    QVERIFY(created);
    QSqlQuery paused(m_store->db().sql());
    QVERIFY(paused.exec(QStringLiteral("UPDATE ticket SET status = 'waiting_customer', resolution_due_ms = NULL, "
                                       "response_due_ms = NULL WHERE id = '%1'")
                            .arg(created.value().id)));
    TicketQueueModel model(m_store->db(), m_store->clock, *m_directory);
    QVERIFY(model.setView(builtIn("all_open"), m_context));
    model.setSearchText(QStringLiteral("待客户确认"));
    QVERIFY(QTest::qWaitFor([&] { return model.rowCount() > 0; }, 5000));
    int row = -1;
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.ticketId(r) == created.value().id)
            row = r;
    }
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, TicketQueueModel::TimeLeft).data().toString(), QStringLiteral("Paused"));
}

// Time left is the nearest running clock's: a reply due before the resolution is shown as the reply's; once the
// customer is answered (the rules end the reply clock), the resolution's.
void TestTicketQueueModel::theReplyClockShowsWhenItComesFirst()
{
    auto created
        = m_store->tickets().create(draftTicket(QStringLiteral("回复时限")), m_store->agent(QStringLiteral("a-01")));
    QVERIFY(created);
    const QString id = created.value().id;
    QVERIFY(created.value().responseDueAt < created.value().resolutionDueAt);
    const auto timeLeft = [&]() -> QString {
        TicketQueueModel model(m_store->db(), m_store->clock, *m_directory);
        if (!model.setView(builtIn("all_open"), m_context))
            return QStringLiteral("<no view>");
        model.setSearchText(QStringLiteral("回复时限"));
        if (!QTest::qWaitFor([&] { return model.rowCount() > 0; }, 5000))
            return QStringLiteral("<no rows>");
        for (int r = 0; r < model.rowCount(); ++r) {
            if (model.ticketId(r) == id)
                return model.index(r, TicketQueueModel::TimeLeft).data().toString();
        }
        return QStringLiteral("<not found>");
    };
    const QDateTime now = m_store->clock.now();
    QCOMPARE(
        timeLeft(), QStringLiteral("Reply %1").arg(TicketQueueModel::timeLeftText(created.value().responseDueAt, now)));
    QVERIFY(m_store->tickets().addComment(
        id, CommentVisibility::Public, QString::fromUtf8("已安排师傅"), {}, m_store->agent(QStringLiteral("a-01"))));
    QVERIFY(!m_store->tickets().find(id)->responseDueAt.isValid());
    QCOMPARE(timeLeft(), TicketQueueModel::timeLeftText(created.value().resolutionDueAt, now));
}

void TestTicketQueueModel::viewCountsMatchTheQueue()
{
    ViewListModel views(m_store->db());
    QAbstractItemModelTester tester(&views, QAbstractItemModelTester::FailureReportingMode::QtTest);
    views.setViews(TicketView::builtIns(), m_context);
    QCOMPARE(views.rowCount(), 7);
    TicketQueueModel queue(m_store->db(), m_store->clock, *m_directory);
    for (int row = 0; row < views.rowCount(); ++row) {
        QVERIFY(queue.setView(views.view(row), m_context));
        while (queue.canFetchMore({}))
            queue.fetchMore({});
        QCOMPARE(views.index(row).data(ViewListModel::CountRole).toLongLong(), qint64(queue.rowCount()));
    }
    QVERIFY(views.index(0).data().toString().contains(QString::fromUtf8("我的待办")));
    QSignalSpy changed(&views, &QAbstractItemModel::dataChanged);
    views.refreshCounts();
    QCOMPARE(changed.count(), 0); // nothing changed, nothing announced
    QVERIFY(m_store->tickets().create(draftTicket(QStringLiteral("新")), m_store->agent(QStringLiteral("a-01"))).ok());
    views.refreshCounts();
    QVERIFY(changed.count() >= 2); // unassigned and all open grew
}

void TestTicketQueueModel::countsFollowChangesWithoutRecounting()
{
    QList<TicketView> views = TicketView::builtIns();
    TicketView critical;
    critical.id = QStringLiteral("critical_or_refund");
    critical.nameZh = QStringLiteral("特急或退款");
    critical.match = MatchMode::Any;
    critical.conditions = {{QStringLiteral("priority"), ConditionOp::Is, QStringLiteral("critical")},
        {QStringLiteral("custom_fields.refund_amount"), ConditionOp::AtLeast, 100.0}};
    views.append(critical);
    ViewListModel model(m_store->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setViews(views, m_context);
    ChangeStream changes;
    m_store->tickets().setChangeStream(&changes);
    model.follow(changes);
    const auto expectCounts = [&](const char* step) {
        for (int row = 0; row < model.rowCount(); ++row) {
            QVERIFY2(model.index(row).data(ViewListModel::CountRole).toLongLong()
                    == ViewListModel::countOf(m_store->db(), model.view(row), m_context),
                qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(step), model.view(row).id)));
        }
    };
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // Created: enters 未分配 and 全部未结.
    auto created
        = m_store->tickets().create(draftTicket(QStringLiteral("计数")), m_store->agent(QStringLiteral("a-06")));
    QVERIFY(created.ok());
    expectCounts("create");
    QVERIFY(changed.count() >= 2);
    const QString id = created.value().id;
    // Assigned to the agent: leaves 未分配, enters 我的待办.
    QVERIFY(m_store->tickets()
                .patch(id, QJsonObject {{QStringLiteral("assignee_id"), QStringLiteral("a-06")}},
                    m_store->agent(QStringLiteral("a-06")))
                .ok());
    expectCounts("assign");
    // A refund of 150 and then critical: in the custom view once, not twice.
    QVERIFY(m_store->tickets()
                .patch(id,
                    QJsonObject {{QStringLiteral("custom_fields"),
                        QJsonObject {{QStringLiteral("refund_amount"), QStringLiteral("150.00")}}}},
                    m_store->agent(QStringLiteral("a-01"))) // a supervisor: refunds are theirs to set
                .ok());
    QVERIFY(m_store->tickets()
                .patch(id, QJsonObject {{QStringLiteral("priority"), QStringLiteral("critical")}},
                    m_store->agent(QStringLiteral("a-06")))
                .ok());
    expectCounts("custom");
    // A refused change moves nothing.
    TransitionRequest close;
    close.action = TicketAction::Close;
    QVERIFY(!m_store->tickets().transition(id, close, m_store->agent(QStringLiteral("a-06"))).ok());
    expectCounts("refused");
    // Accepted and closed: from the open views to 已关闭.
    TransitionRequest accept;
    accept.action = TicketAction::Accept;
    QVERIFY(m_store->tickets().transition(id, accept, m_store->agent(QStringLiteral("a-06"))).ok());
    close.resolution = QStringLiteral("已处理");
    close.answer = CustomerAnswer::Satisfied;
    QVERIFY(m_store->tickets().transition(id, close, m_store->agent(QStringLiteral("a-06"))).ok());
    expectCounts("close");
    m_store->tickets().setChangeStream(nullptr);
}

void TestTicketQueueModel::backgroundCountsArriveWithoutBlocking()
{
    ViewListModel synchronous(m_store->db());
    synchronous.setViews(TicketView::builtIns(), m_context);
    ViewListModel views(m_store->db(), ViewListModel::Counting::Background);
    QAbstractItemModelTester tester(&views, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy updated(&views, &ViewListModel::countsUpdated);
    views.setViews(TicketView::builtIns(), m_context);
    QCOMPARE(views.index(2).data(ViewListModel::CountRole).toLongLong(), -1); // returned at once, not counted yet
    QVERIFY(updated.wait(20000));
    for (int row = 0; row < views.rowCount(); ++row)
        QCOMPARE(
            views.index(row).data(ViewListModel::CountRole), synchronous.index(row).data(ViewListModel::CountRole));

    // Two refreshes in a row: the first result is stale when it arrives and is dropped; the last one counts.
    const qint64 unassigned = views.index(1).data(ViewListModel::CountRole).toLongLong();
    QVERIFY(
        m_store->tickets().create(draftTicket(QStringLiteral("又一张")), m_store->agent(QStringLiteral("a-01"))).ok());
    updated.clear();
    views.refreshCounts();
    views.refreshCounts();
    QVERIFY(updated.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(views.index(1).data(ViewListModel::CountRole).toLongLong(), unassigned + 1, 20000);
    QTest::qWait(200);
    QCOMPARE(updated.count(), 1); // the stale result was not applied

    // The views reloaded as they were (a sign-in, a synced view): their counts stay on screen meanwhile.
    const qint64 open = views.index(2).data(ViewListModel::CountRole).toLongLong();
    QVERIFY(open >= 0);
    views.setViews(TicketView::builtIns(), m_context);
    QCOMPARE(views.index(2).data(ViewListModel::CountRole).toLongLong(), open);
    QVERIFY(updated.wait(20000));

    // Tickets changing all the time while counting: the counts still come, not "not counted yet" for ever.
    QList<TicketView> renamed = TicketView::builtIns();
    renamed[2].nameEn += QStringLiteral(" (renamed)");
    views.setViews(renamed, m_context);
    QCOMPARE(views.index(2).data(ViewListModel::CountRole).toLongLong(), -1); // changed: counted afresh
    QTimer churn;
    connect(&churn, &QTimer::timeout, &views, [&views] { views.ticketsChanged({}); });
    churn.start(1);
    QTRY_VERIFY_WITH_TIMEOUT(views.index(2).data(ViewListModel::CountRole).toLongLong() >= 0, 20000);
    churn.stop();
}

QTEST_GUILESS_MAIN(TestTicketQueueModel)
#include "tst_ticketqueuemodel.moc"
