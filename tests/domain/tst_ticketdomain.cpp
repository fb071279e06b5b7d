#include "domain/Category.h"
#include "domain/Clock.h"
#include "domain/Customer.h"
#include "domain/JsonCodec.h"
#include "domain/Ticket.h"
#include "domain/TicketNumber.h"
#include "domain/Uuid.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace gongdan;

class TestTicketDomain : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void uuidV7IsValidTimeOrderedAndMonotonic();
    void ticketNumbers_data();
    void ticketNumbers();
    void phoneNormalisation_data();
    void phoneNormalisation();
    void patchReportsOnlyRealChanges();
    void patchRefusesBadInput_data();
    void patchRefusesBadInput();
    void categoryTree();
    void jsonCodecsRoundTrip();
    void priorityDefaults();
};

void TestTicketDomain::uuidV7IsValidTimeOrderedAndMonotonic()
{
    ManualClock clock(QDateTime(QDate(2023, 10, 1), QTime(8, 0), Qt::UTC));
    UuidV7Generator ids(clock);
    QStringList made;
    for (int i = 0; i < 5000; ++i) {
        made.append(ids.next());
        if (i == 2500)
            clock.advanceSeconds(-3600); // a clock that steps back must not break the order
    }
    QSet<QString> unique(made.begin(), made.end());
    QCOMPARE(unique.size(), made.size());
    for (qsizetype i = 1; i < made.size(); ++i)
        QVERIFY2(made.at(i - 1) < made.at(i), qPrintable(made.at(i)));
    QVERIFY(UuidV7Generator::isValid(made.first()));
    QCOMPARE(made.first().at(14), QLatin1Char('7'));
    // The first 48 bits are the clock's milliseconds.
    const qint64 ms
        = made.first().left(8).toLongLong(nullptr, 16) << 16 | made.first().mid(9, 4).toLongLong(nullptr, 16);
    QCOMPARE(ms, QDateTime(QDate(2023, 10, 1), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch());
    QVERIFY(!UuidV7Generator::isValid(QStringLiteral("not-a-uuid")));
}

void TestTicketDomain::ticketNumbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QDate>("day");
    QTest::addColumn<int>("sequence");
    QTest::newRow("seed example") << QStringLiteral("G20231001001") << true << QDate(2023, 10, 1) << 1;
    QTest::newRow("four digits") << QStringLiteral("G202310011234") << true << QDate(2023, 10, 1) << 1234;
    QTest::newRow("lower g") << QStringLiteral("g20231001001") << false << QDate() << 0;
    QTest::newRow("bad day") << QStringLiteral("G20230230001") << false << QDate() << 0;
    QTest::newRow("zero sequence") << QStringLiteral("G20231001000") << false << QDate() << 0;
    QTest::newRow("short") << QStringLiteral("G2023100101") << false << QDate() << 0;
    QTest::newRow("padded past 999") << QStringLiteral("G2023100101234") << false << QDate() << 0;
    QTest::newRow("full-width digits") << QString::fromUtf8("G２０２３１００１００１") << false << QDate() << 0;
}

void TestTicketDomain::ticketNumbers()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QDate, day);
    QFETCH(int, sequence);
    QDate parsedDay;
    int parsedSequence = 0;
    QCOMPARE(TicketNumber::parse(text, &parsedDay, &parsedSequence), valid);
    if (valid) {
        QCOMPARE(parsedDay, day);
        QCOMPARE(parsedSequence, sequence);
        QCOMPARE(TicketNumber::format(day, sequence), text);
    }
}

void TestTicketDomain::phoneNormalisation_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain mobile") << QStringLiteral("13800138000") << QStringLiteral("13800138000");
    QTest::newRow("+86 with dashes") << QStringLiteral("+86 138-0013-8000") << QStringLiteral("13800138000");
    QTest::newRow("0086") << QStringLiteral("0086 13800138000") << QStringLiteral("13800138000");
    QTest::newRow("86 glued") << QStringLiteral("8613800138000") << QStringLiteral("13800138000");
    QTest::newRow("landline") << QStringLiteral("010-6552 9988") << QStringLiteral("01065529988");
    QTest::newRow("full-width") << QString::fromUtf8("１３８００１３８０００") << QStringLiteral("13800138000");
    QTest::newRow("86 landline kept") << QStringLiteral("8601065529988") << QStringLiteral("8601065529988");
    QTest::newRow("no digits") << QString::fromUtf8("没有") << QString();
}

void TestTicketDomain::phoneNormalisation()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(normalizePhone(input), expected);
}

void TestTicketDomain::patchReportsOnlyRealChanges()
{
    Ticket t;
    t.subject = QStringLiteral("旧标题");
    t.priority = Priority::Normal;
    t.customFields.insert(QStringLiteral("order_no"), QStringLiteral("DD1"));
    const auto changes = applyTicketPatch(t,
        QJsonObject {{QStringLiteral("subject"), QStringLiteral("新标题")},
            {QStringLiteral("priority"), QStringLiteral("normal")},
            {QStringLiteral("tags"),
                QJsonArray {QStringLiteral("VIP"), QStringLiteral(" VIP "), QStringLiteral("回访")}},
            {QStringLiteral("custom_fields"),
                QJsonObject {{QStringLiteral("order_no"), QJsonValue()}, {QStringLiteral("qty"), 2}}}});
    QVERIFY(changes.ok());
    QStringList fields;
    for (const FieldChange& change : changes.value())
        fields.append(change.field);
    fields.sort();
    QCOMPARE(fields,
        (QStringList {QStringLiteral("custom_fields.order_no"), QStringLiteral("custom_fields.qty"),
            QStringLiteral("subject"), QStringLiteral("tags")}));
    QCOMPARE(t.subject, QStringLiteral("新标题"));
    QCOMPARE(t.tags, (QStringList {QStringLiteral("VIP"), QStringLiteral("回访")}));
    QVERIFY(!t.customFields.contains(QStringLiteral("order_no")));
    for (const FieldChange& change : changes.value()) {
        QVERIFY(!change.oldValue.isUndefined()); // would vanish from a QJsonObject of per-field bases
        QVERIFY(!change.newValue.isUndefined());
    }
}

void TestTicketDomain::patchRefusesBadInput_data()
{
    QTest::addColumn<QJsonObject>("patch");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::newRow("status is not patchable") << QJsonObject {{QStringLiteral("status"), QStringLiteral("closed")}}
                                             << QStringLiteral("patch.unknown_field") << QStringLiteral("status");
    QTest::newRow("unknown field") << QJsonObject {{QStringLiteral("colour"), QStringLiteral("red")}}
                                   << QStringLiteral("patch.unknown_field") << QStringLiteral("colour");
    QTest::newRow("priority not a key") << QJsonObject {{QStringLiteral("priority"), QStringLiteral("highest")}}
                                        << QStringLiteral("patch.type") << QStringLiteral("priority");
    QTest::newRow("subject a number") << QJsonObject {{QStringLiteral("subject"), 5}} << QStringLiteral("patch.type")
                                      << QStringLiteral("subject");
    QTest::newRow("empty subject") << QJsonObject {{QStringLiteral("subject"), QStringLiteral("  ")}}
                                   << QStringLiteral("patch.required") << QStringLiteral("subject");
    QTest::newRow("tags not a list") << QJsonObject {{QStringLiteral("tags"), QStringLiteral("a")}}
                                     << QStringLiteral("patch.type") << QStringLiteral("tags");
    QTest::newRow("due not a time") << QJsonObject {{QStringLiteral("response_due_at"), QStringLiteral("soon")}}
                                    << QStringLiteral("patch.type") << QStringLiteral("response_due_at");
    QTest::newRow("custom fields not an object") << QJsonObject {{QStringLiteral("custom_fields"), 3}}
                                                 << QStringLiteral("patch.type") << QStringLiteral("custom_fields");
}

void TestTicketDomain::patchRefusesBadInput()
{
    QFETCH(QJsonObject, patch);
    QFETCH(QString, code);
    QFETCH(QString, field);
    Ticket t;
    t.subject = QStringLiteral("不变");
    const auto result = applyTicketPatch(t, patch);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, code);
    QCOMPARE(result.error().field, field);
    QCOMPARE(t.subject, QStringLiteral("不变")); // nothing applied
}

void TestTicketDomain::categoryTree()
{
    const QList<Category> good {
        {QStringLiteral("after-sales"), {}, QStringLiteral("售后"), QStringLiteral("After-sales"), 1, true, {}},
        {QStringLiteral("repair"), QStringLiteral("after-sales"), QStringLiteral("产品维修"), QStringLiteral("Repair"),
            1, true, {}},
        {QStringLiteral("order"), {}, QStringLiteral("订单"), QStringLiteral("Orders"), 0, true, {}}};
    auto tree = CategoryTree::build(good);
    QVERIFY(tree.ok());
    QCOMPARE(tree.value().pathText(QStringLiteral("repair"), true), QString::fromUtf8("售后 › 产品维修"));
    QCOMPARE(tree.value().pathText(QStringLiteral("repair"), false), QStringLiteral("After-sales › Repair"));
    QCOMPARE(tree.value().children(QString()).first().id, QStringLiteral("order"));
    QVERIFY(tree.value().isSelfOrDescendant(QStringLiteral("repair"), QStringLiteral("after-sales")));
    QVERIFY(!tree.value().isSelfOrDescendant(QStringLiteral("order"), QStringLiteral("after-sales")));

    QList<Category> cycle = good;
    cycle[0].parentId = QStringLiteral("repair");
    QCOMPARE(CategoryTree::build(cycle).error().code, QStringLiteral("category.depth"));
    QList<Category> orphan = good;
    orphan[1].parentId = QStringLiteral("gone");
    QCOMPARE(CategoryTree::build(orphan).error().code, QStringLiteral("category.parent_missing"));
    QList<Category> deep;
    for (int i = 0; i < 7; ++i)
        deep.append(
            {QString::number(i), i ? QString::number(i - 1) : QString(), QStringLiteral("层"), {}, 0, true, {}});
    QCOMPARE(CategoryTree::build(deep).error().code, QStringLiteral("category.depth"));
    deep.removeLast();
    QVERIFY(CategoryTree::build(deep).ok());
}

void TestTicketDomain::jsonCodecsRoundTrip()
{
    Ticket t;
    t.id = QStringLiteral("01890a5d-ac96-774b-bcce-b302099a8057");
    t.number = QStringLiteral("G20231001001");
    t.subject = QStringLiteral("洗衣机漏水");
    t.description = QStringLiteral("客户说 WiFi 断开");
    t.needType = NeedType::Repair;
    t.channel = Channel::WeChat;
    t.priority = Priority::Critical;
    t.status = TicketStatus::WaitingCustomer;
    t.tags = {QStringLiteral("VIP")};
    t.customFields.insert(QStringLiteral("qty"), 2);
    t.createdAt = QDateTime(QDate(2023, 10, 1), QTime(9, 0), Qt::UTC);
    t.callStartedAt = t.createdAt.addSecs(-120);
    t.callSeconds = 95;
    t.version = 4;
    auto back = JsonCodec::ticketFromJson(JsonCodec::toJson(t));
    QVERIFY(back.ok());
    QCOMPARE(JsonCodec::toJson(back.value()), JsonCodec::toJson(t));

    Comment c {QStringLiteral("c1"), t.id, QStringLiteral("a-01"), CommentVisibility::Internal,
        QStringLiteral("内部备注"),
        {{QString(64, QLatin1Char('a')), QStringLiteral("photo.jpg"), QStringLiteral("image/jpeg"), 10}}, t.createdAt};
    auto comment = JsonCodec::commentFromJson(JsonCodec::toJson(c));
    QVERIFY(comment.ok());
    QCOMPARE(JsonCodec::toJson(comment.value()), JsonCodec::toJson(c));

    Customer customer;
    customer.id = QStringLiteral("cu1");
    customer.name = QStringLiteral("李娜");
    customer.phones = {QStringLiteral("13800138000")};
    customer.level = CustomerLevel::Vip;
    auto cust = JsonCodec::customerFromJson(JsonCodec::toJson(customer));
    QVERIFY(cust.ok());
    QCOMPARE(JsonCodec::toJson(cust.value()), JsonCodec::toJson(customer));

    QJsonObject broken = JsonCodec::toJson(t);
    broken.insert(QStringLiteral("priority"), QStringLiteral("asap"));
    QCOMPARE(JsonCodec::ticketFromJson(broken).error().field, QStringLiteral("priority"));
}

void TestTicketDomain::priorityDefaults()
{
    QCOMPARE(priorityTraits(Priority::Normal).responseHours, 24);
    QCOMPARE(priorityTraits(Priority::Urgent).responseHours, 4);
    QCOMPARE(priorityTraits(Priority::Critical).responseHours, 2);
    QCOMPARE(priorityTraits(Priority::Normal).resolutionHours, 48);
    QCOMPARE(priorityTraits(Priority::Critical).rgb, 0xD32F2Fu);
}

QTEST_GUILESS_MAIN(TestTicketDomain)
#include "tst_ticketdomain.moc"
