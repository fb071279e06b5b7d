#include "storage/ViewQuery.h"
#include "storage/ViewRepository.h"
#include "tests/support/TempStore.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

Q_DECLARE_METATYPE(gongdan::TicketView)

namespace {

ViewCondition cond(const char* field, ConditionOp op, QJsonValue value = {})
{
    return {QLatin1String(field), op, std::move(value)};
}

TicketView viewOf(QList<ViewCondition> conditions, MatchMode match = MatchMode::All)
{
    TicketView view;
    view.nameZh = QStringLiteral("测试");
    view.conditions = std::move(conditions);
    view.match = match;
    return view;
}

} // namespace

class TestViewQuery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matches_data();
    void matches();
    void refusesViewsThatDoNotFit_data();
    void refusesViewsThatDoNotFit();
    void customViewsAreSharedOrPersonal();

private:
    std::unique_ptr<TempStore> m_store;
    ViewContext m_context;
};

void TestViewQuery::initTestCase()
{
    m_store = std::make_unique<TempStore>();
    FieldDefinition refund;
    refund.key = QStringLiteral("refund_amount");
    refund.type = FieldType::Decimal;
    refund.labelZh = QStringLiteral("退款金额");
    refund.labelEn = QStringLiteral("Refund");
    FieldDefinition parts;
    parts.key = QStringLiteral("accessories");
    parts.type = FieldType::MultiSelect;
    parts.labelZh = QStringLiteral("配件");
    parts.labelEn = QStringLiteral("Accessories");
    parts.options = {{QStringLiteral("remote"), QStringLiteral("遥控器"), QStringLiteral("Remote"), true, {}},
        {QStringLiteral("box"), QStringLiteral("包装盒"), QStringLiteral("Box"), true, {}}};
    QVERIFY(m_store->fields().save(refund).ok());
    QVERIFY(m_store->fields().save(parts).ok());
    const auto add
        = [this](const char* subject, Priority priority, const char* assignee, QStringList tags, QJsonObject custom) {
              Ticket t = draftTicket(QString::fromUtf8(subject));
              t.priority = priority;
              t.assigneeId = QLatin1String(assignee);
              t.tags = tags;
              t.customFields = custom;
              if (!t.assigneeId.isEmpty())
                  m_store->agent(t.assigneeId);
              QVERIFY(m_store->tickets().create(t, m_store->agent(QStringLiteral("a-01"))).ok());
              m_store->clock.advanceSeconds(3600);
          };
    add("A 退款", Priority::Critical, "a-01", {QStringLiteral("VIP")},
        {{QStringLiteral("refund_amount"), QStringLiteral("120.00")},
            {QStringLiteral("accessories"), QJsonArray {QStringLiteral("remote")}}});
    add("B 物流", Priority::Normal, "a-02", {}, {{QStringLiteral("refund_amount"), QStringLiteral("15.50")}});
    add("C 咨询", Priority::Urgent, "", {QStringLiteral("回访")}, {});
    add("D it's quoted", Priority::Normal, "a-01", {}, {});
    // D is closed; C is overdue by the time the context's "now" comes (critical/urgent targets are short).
    const QString d = m_store->tickets().findByNumber(QStringLiteral("G20231001004"))->id;
    QVERIFY(m_store->tickets()
                .transition(d, {TicketAction::Accept, {}, {}, {}, {}, {}}, m_store->agent(QStringLiteral("a-01")))
                .ok());
    QVERIFY(m_store->tickets()
                .transition(d, {TicketAction::Close, QStringLiteral("ok"), CustomerAnswer::Satisfied, {}, {}, {}},
                    m_store->agent(QStringLiteral("a-01")))
                .ok());
    m_context = {QStringLiteral("a-01"), m_store->clock.now().addSecs(3600 * 30), m_store->fields().definitions()};
}

void TestViewQuery::matches_data()
{
    using O = ConditionOp;
    QTest::addColumn<TicketView>("view");
    QTest::addColumn<QString>("expected"); // first letters of the matching subjects
    const QJsonArray open {QStringLiteral("new"), QStringLiteral("in_progress"), QStringLiteral("waiting_customer"),
        QStringLiteral("follow_up")};
    QTest::newRow("no conditions") << viewOf({}) << QStringLiteral("ABCD");
    QTest::newRow("status in open") << viewOf({cond("status", O::In, open)}) << QStringLiteral("ABC");
    QTest::newRow("status is closed") << viewOf({cond("status", O::Is, QStringLiteral("closed"))})
                                      << QStringLiteral("D");
    QTest::newRow("assignee is me") << viewOf({cond("assignee_id", O::Is, QStringLiteral("$me"))})
                                    << QStringLiteral("AD");
    QTest::newRow("my open (all)") << viewOf(
        {cond("status", O::In, open), cond("assignee_id", O::Is, QStringLiteral("$me"))})
                                   << QStringLiteral("A");
    QTest::newRow("unassigned") << viewOf({cond("assignee_id", O::IsEmpty)}) << QStringLiteral("C");
    QTest::newRow("priority is critical")
        << viewOf({cond("priority", O::Is, QStringLiteral("critical"))}) << QStringLiteral("A");
    QTest::newRow("priority not in") << viewOf({cond("priority", O::NotIn, QJsonArray {QStringLiteral("normal")})})
                                     << QStringLiteral("AC");
    QTest::newRow("any: critical or unassigned") << viewOf(
        {cond("priority", O::Is, QStringLiteral("critical")), cond("assignee_id", O::IsEmpty)}, MatchMode::Any)
                                                 << QStringLiteral("AC");
    QTest::newRow("tag contains") << viewOf({cond("tags", O::Contains, QStringLiteral("回访"))}) << QStringLiteral("C");
    QTest::newRow("tags not empty") << viewOf({cond("tags", O::IsNotEmpty)}) << QStringLiteral("AC");
    QTest::newRow("subject contains") << viewOf({cond("subject", O::Contains, QStringLiteral("物流"))})
                                      << QStringLiteral("B");
    QTest::newRow("quote is data") << viewOf({cond("subject", O::Contains, QStringLiteral("it's"))})
                                   << QStringLiteral("D");
    QTest::newRow("custom decimal at least")
        << viewOf({cond("custom_fields.refund_amount", O::AtLeast, 100)}) << QStringLiteral("A");
    QTest::newRow("custom decimal at most")
        << viewOf({cond("custom_fields.refund_amount", O::AtMost, QStringLiteral("20"))}) << QStringLiteral("B");
    QTest::newRow("custom multi contains")
        << viewOf({cond("custom_fields.accessories", O::Contains, QStringLiteral("remote"))}) << QStringLiteral("A");
    QTest::newRow("custom empty") << viewOf({cond("custom_fields.refund_amount", O::IsEmpty)}) << QStringLiteral("CD");
    QTest::newRow("overdue") << viewOf(
        {cond("status", O::In, open), cond("resolution_due_at", O::Before, QStringLiteral("$now"))})
                             << QStringLiteral("AC");
    QTest::newRow("created after a time")
        << viewOf({cond("created_at", O::After, QStringLiteral("2023-10-01T03:00:00Z"))}) << QStringLiteral("CD");
}

void TestViewQuery::matches()
{
    QFETCH(TicketView, view);
    QFETCH(QString, expected);
    auto filter = ViewQuery::filter(view, m_context);
    QVERIFY2(filter.ok(), qPrintable(filter.ok() ? QString() : filter.error().message));
    QSqlQuery q(m_store->db().sql());
    q.prepare(
        QStringLiteral("SELECT substr(subject, 1, 1) FROM ticket WHERE %1 ORDER BY subject").arg(filter.value().where));
    for (const QVariant& v : filter.value().params)
        q.addBindValue(v);
    QVERIFY2(q.exec(), qPrintable(filter.value().where));
    QString found;
    while (q.next())
        found += q.value(0).toString();
    QCOMPARE(found, expected);
}

void TestViewQuery::refusesViewsThatDoNotFit_data()
{
    using O = ConditionOp;
    QTest::addColumn<TicketView>("view");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown field") << viewOf({cond("colour", O::Is, QStringLiteral("red"))})
                                   << QStringLiteral("view.field");
    QTest::newRow("unknown custom field")
        << viewOf({cond("custom_fields.nope", O::Is, 1)}) << QStringLiteral("view.field");
    QTest::newRow("injection in a field name")
        << viewOf({cond("subject) OR (1=1", O::Is, 1)}) << QStringLiteral("view.field");
    QTest::newRow("before on text") << viewOf({cond("subject", O::Before, QStringLiteral("x"))})
                                    << QStringLiteral("view.condition");
    QTest::newRow("in without a list") << viewOf({cond("status", O::In, QStringLiteral("new"))})
                                       << QStringLiteral("view.condition");
    QTest::newRow("contains on a key") << viewOf({cond("status", O::Contains, QStringLiteral("n"))})
                                       << QStringLiteral("view.condition");
    TicketView unnamed = viewOf({});
    unnamed.nameZh.clear();
    QTest::newRow("no name") << unnamed << QStringLiteral("view.name");
    TicketView badSort = viewOf({});
    badSort.sortField = QStringLiteral("rowid; DROP TABLE ticket");
    QTest::newRow("bad sort") << badSort << QStringLiteral("view.sort");
}

void TestViewQuery::refusesViewsThatDoNotFit()
{
    QFETCH(TicketView, view);
    QFETCH(QString, code);
    auto filter = ViewQuery::filter(view, m_context);
    QVERIFY(!filter.ok());
    QCOMPARE(filter.error().code, code);
    QVERIFY(!filter.error().message.isEmpty());
}

void TestViewQuery::customViewsAreSharedOrPersonal()
{
    ViewRepository views(m_store->db());
    const int builtIns = static_cast<int>(TicketView::builtIns().size());
    QCOMPARE(views.visibleTo(QStringLiteral("a-01")).size(), builtIns);
    TicketView shared = viewOf({cond("priority", ConditionOp::Is, QStringLiteral("critical"))});
    shared.nameZh = QStringLiteral("今日特急");
    QVERIFY(views.save(shared, m_context.definitions).ok());
    TicketView mine = viewOf({cond("tags", ConditionOp::Contains, QStringLiteral("VIP"))});
    mine.nameZh = QStringLiteral("我的VIP");
    mine.ownerId = QStringLiteral("a-01");
    auto savedMine = views.save(mine, m_context.definitions);
    QVERIFY(savedMine.ok());
    QCOMPARE(views.visibleTo(QStringLiteral("a-01")).size(), builtIns + 2);
    QCOMPARE(views.visibleTo(QStringLiteral("a-02")).size(), builtIns + 1);
    TicketView disabled = savedMine.value();
    disabled.enabled = false;
    QVERIFY(views.save(disabled, m_context.definitions).ok());
    QCOMPARE(views.visibleTo(QStringLiteral("a-01")).size(), builtIns + 1);
    QCOMPARE(views.visibleTo(QStringLiteral("a-01"), true).size(), builtIns + 2);
    QVERIFY(views.remove(savedMine.value().id).ok());
    QCOMPARE(views.remove(savedMine.value().id).error().code, QStringLiteral("view.not_found"));
    QCOMPARE(views.save(TicketView::builtIns().first(), m_context.definitions).error().code,
        QStringLiteral("view.built_in"));
    TicketView broken = viewOf({cond("colour", ConditionOp::Is, 1)});
    QCOMPARE(views.save(broken, m_context.definitions).error().code, QStringLiteral("view.field"));
    auto roundTrip = TicketView::fromJson(shared.toJson());
    QVERIFY(roundTrip.ok());
    QCOMPARE(roundTrip.value().toJson(), shared.toJson());
}

QTEST_GUILESS_MAIN(TestViewQuery)
#include "tst_viewquery.moc"
