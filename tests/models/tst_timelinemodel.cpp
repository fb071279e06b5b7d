#include "models/TimelineModel.h"
#include "storage/DraftStore.h"
#include "storage/TeamDirectory.h"
#include "tests/support/TempStore.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

/// The ticket editor's timeline: comments and events merged in time order, each event told in words.
class TestTimelineModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void mergesCommentsAndEventsInOrder();
    void describesEachKindOfEvent_data();
    void describesEachKindOfEvent();
    void namesAndLabelsNotIdsOrJson();

private:
    std::unique_ptr<TempStore> m_store;
};

void TestTimelineModel::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_store = std::make_unique<TempStore>();
    QVERIFY(m_store->ok());
}

void TestTimelineModel::mergesCommentsAndEventsInOrder()
{
    Ticket draft = draftTicket(QStringLiteral("TV will not turn on"));
    draft.callStartedAt = m_store->clock.now().addSecs(-125);
    draft.callSeconds = 125;
    const auto created = m_store->tickets().create(draft, m_store->agent(QStringLiteral("a")));
    QVERIFY(created.ok());
    const QString id = created.value().id;
    m_store->clock.advanceSeconds(60);
    QVERIFY(m_store->tickets()
                .addComment(id, CommentVisibility::Internal, QStringLiteral("called back"), {},
                    m_store->agent(QStringLiteral("a")))
                .ok());
    m_store->clock.advanceSeconds(60);
    QVERIFY(m_store->tickets()
                .patch(id, QJsonObject {{QStringLiteral("priority"), QStringLiteral("critical")}},
                    m_store->agent(QStringLiteral("a")))
                .ok());
    m_store->clock.advanceSeconds(60);
    TransitionRequest accept;
    accept.action = TicketAction::Accept;
    QVERIFY(m_store->tickets().transition(id, accept, m_store->agent(QStringLiteral("a"))).ok());

    TeamDirectory directory(m_store->db());
    TimelineModel model(directory);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(m_store->tickets().comments(id), m_store->tickets().events(id));
    QStringList kinds;
    for (int row = 0; row < model.rowCount(); ++row)
        kinds.append(model.index(row).data(TimelineModel::KindRole).toString());
    // The comment appears once, as itself, between the creation and the later edits.
    QCOMPARE(kinds.count(QStringLiteral("comment")), 1);
    QCOMPARE(kinds.first(), QStringLiteral("created"));
    QVERIFY(kinds.indexOf(QStringLiteral("comment")) < kinds.indexOf(QStringLiteral("status")));
    QVERIFY(kinds.contains(QStringLiteral("call")));
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.index(row - 1).data(TimelineModel::TimeRole).toDateTime()
            <= model.index(row).data(TimelineModel::TimeRole).toDateTime());
    const QModelIndex comment = model.index(static_cast<int>(kinds.indexOf(QStringLiteral("comment"))));
    QVERIFY(comment.data(TimelineModel::InternalRole).toBool());
    QVERIFY(comment.data().toString().contains(QStringLiteral("internal note")));
    QVERIFY(comment.data().toString().contains(QStringLiteral("called back")));
    const QString all = [&] {
        QStringList lines;
        for (int row = 0; row < model.rowCount(); ++row)
            lines.append(model.index(row).data().toString());
        return lines.join(QLatin1Char('\n'));
    }();
    QVERIFY2(all.contains(QStringLiteral("2 min 5 s")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("changed priority: Urgent → Critical")), qPrintable(all));

    // Setting the entries again replaces them (a reset, not an append).
    model.setEntries({}, {});
    QCOMPARE(model.rowCount(), 0);
}

void TestTimelineModel::describesEachKindOfEvent_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("oldValue");
    QTest::addColumn<QString>("newValue");
    QTest::addColumn<QString>("expected");
    QTest::newRow("created") << "created"
                             << ""
                             << ""
                             << "G20231001001"
                             << "System created ticket G20231001001";
    QTest::newRow("status") << "status"
                            << "accept"
                            << "new"
                            << "in_progress"
                            << "System: accept (New → In progress)";
    QTest::newRow("status kept") << "status"
                                 << "transfer"
                                 << "new"
                                 << "new"
                                 << "System: transfer";
    QTest::newRow("changed") << "field"
                             << "priority"
                             << "normal"
                             << "urgent"
                             << "System changed priority: Normal → Urgent";
    QTest::newRow("set") << "field"
                         << "contact_name"
                         << ""
                         << "Li"
                         << "System set contact to Li";
    QTest::newRow("cleared") << "field"
                             << "contact_name"
                             << "Li"
                             << ""
                             << "System cleared contact (was Li)";
    QTest::newRow("tag added") << "field"
                               << "tags"
                               << "[]"
                               << "[\"上门\"]"
                               << "System added tags: 上门";
    QTest::newRow("tag removed") << "field"
                                 << "tags"
                                 << "[\"VIP\",\"上门\"]"
                                 << "[\"VIP\"]"
                                 << "System removed tags: 上门";
    QTest::newRow("tags changed") << "field"
                                  << "tags"
                                  << "[\"VIP\"]"
                                  << "[\"上门\",\"加急\"]"
                                  << "System changed tags: added 上门, 加急, removed VIP";
    QTest::newRow("note") << "field"
                          << "note"
                          << ""
                          << "see group B"
                          << "System noted: see group B";
    QTest::newRow("merged into") << "merge"
                                 << "merged_into"
                                 << ""
                                 << "t-2"
                                 << "System merged this ticket into G20231001002";
    QTest::newRow("merged from") << "merge"
                                 << "merged_from"
                                 << ""
                                 << "t-2"
                                 << "System merged ticket G20231001002 into this one (its conversation is below)";
    QTest::newRow("customer by name") << "field"
                                      << "customer_id"
                                      << "c-1"
                                      << "c-2"
                                      << "System changed customer: 张三 → 李四";
    QTest::newRow("customer set") << "field"
                                  << "customer_id"
                                  << ""
                                  << "c-1"
                                  << "System set customer to 张三";
    QTest::newRow("customer unknown here") << "field"
                                           << "customer_id"
                                           << "c-1"
                                           << "c-9"
                                           << "System changed customer: 张三 → c-9";
}

void TestTimelineModel::describesEachKindOfEvent()
{
    QFETCH(QString, kind);
    QFETCH(QString, field);
    QFETCH(QString, oldValue);
    QFETCH(QString, newValue);
    QFETCH(QString, expected);
    TeamDirectory directory(m_store->db());
    TimelineModel model(directory);
    model.setTicketNames(
        [](const QString& id) { return id == QLatin1String("t-2") ? QStringLiteral("G20231001002") : QString(); });
    model.setCustomerNames([](const QString& id) {
        return id == QLatin1String("c-1") ? QStringLiteral("张三")
            : id == QLatin1String("c-2")  ? QStringLiteral("李四")
                                          : QString();
    });
    TicketEvent event;
    event.kind = kind;
    event.field = field;
    event.oldValue = oldValue;
    event.newValue = newValue;
    QCOMPARE(model.describe(event), expected);
}

void TestTimelineModel::namesAndLabelsNotIdsOrJson()
{
    // Another agent's actions as a desk receives them from the server: their name, names of groups and
    // agents, a custom field's label and its option's label, a linked ticket's number (a Chinese desk).
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    const Principal li = m_store->agent(QStringLiteral("li"), Role::Agent, QStringLiteral("g-field"));
    m_store->agent(QStringLiteral("zhou"));
    FieldDefinition visit;
    visit.key = QStringLiteral("visit_kind");
    visit.type = FieldType::SingleSelect;
    visit.labelZh = QStringLiteral("上门类型");
    visit.labelEn = QStringLiteral("Visit kind");
    visit.options = {{QStringLiteral("install"), QStringLiteral("安装"), QStringLiteral("Installation"), true, {}}};
    QVERIFY(m_store->fields().save(visit));
    TeamDirectory directory(m_store->db());
    TimelineModel model(directory);
    model.setDefinitions(m_store->fields().definitions());
    model.setTicketNames(
        [](const QString& id) { return id == QLatin1String("t-2") ? QStringLiteral("G20231001002") : QString(); });
    const auto said = [&](const QString& kind, const QString& field, const QString& was, const QString& now) {
        TicketEvent event;
        event.actorId = li.userId;
        event.kind = kind;
        event.field = field;
        event.oldValue = was;
        event.newValue = now;
        return model.describe(event);
    };
    QCOMPARE(said(QStringLiteral("field"), QStringLiteral("group_id"), QStringLiteral("g-service"),
                 QStringLiteral("g-field")),
        QStringLiteral("li changed group: 客服部 → g-field"));
    QCOMPARE(said(QStringLiteral("field"), QStringLiteral("assignee_id"), QString(), QStringLiteral("zhou")),
        QStringLiteral("li set assignee to zhou"));
    QCOMPARE(
        said(QStringLiteral("field"), QStringLiteral("custom_fields.visit_kind"), QString(), QStringLiteral("install")),
        QStringLiteral("li set 上门类型 to 安装"));
    QCOMPARE(said(QStringLiteral("link"), QStringLiteral("linked"), QString(), QStringLiteral("t-2")),
        QStringLiteral("li linked ticket G20231001002 as related"));
}

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
