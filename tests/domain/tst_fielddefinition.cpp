#include "domain/FieldDefinition.h"

#include <QTest>

using namespace gongdan;

namespace {

FieldDefinition base(FieldType type)
{
    FieldDefinition d;
    d.id = QStringLiteral("fd-1");
    d.key = QStringLiteral("order_no");
    d.type = type;
    d.labelZh = QStringLiteral("订单号");
    d.labelEn = QStringLiteral("Order number");
    return d;
}

FieldOption opt(const QString& value, QList<FieldOption> children = {})
{
    return FieldOption {value, value, value, true, std::move(children)};
}

} // namespace

class TestFieldDefinition : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void thirteenTypesWithStableKeys();
    void invalidDefinitions_data();
    void invalidDefinitions();
    void typeAndKeyAreFixedAfterCreation();
    void jsonRoundTripForEveryType();
};

void TestFieldDefinition::thirteenTypesWithStableKeys()
{
    QCOMPARE(FieldDefinition::allTypes().size(), 13);
    for (FieldType type : FieldDefinition::allTypes()) {
        QCOMPARE(FieldDefinition::typeFromKey(FieldDefinition::typeKey(type)), std::optional<FieldType>(type));
        QVERIFY(!FieldDefinition::typeName(type).isEmpty());
    }
    QCOMPARE(FieldDefinition::typeKey(FieldType::CascadingSelect), QStringLiteral("cascade"));
}

void TestFieldDefinition::invalidDefinitions_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("key with capitals") << 0 << QStringLiteral("lowercase letters");
    QTest::newRow("no english label") << 1 << QStringLiteral("Chinese and an English label");
    QTest::newRow("min above max") << 2 << QStringLiteral("minimum is larger");
    QTest::newRow("precision 9") << 3 << QStringLiteral("0 to 8 digits");
    QTest::newRow("select without options") << 4 << QStringLiteral("options with unique values");
    QTest::newRow("select with duplicate values") << 5 << QStringLiteral("options with unique values");
    QTest::newRow("select with nested options") << 6 << QStringLiteral("one level deep");
    QTest::newRow("cascade seven levels") << 7 << QStringLiteral("1 to 6 levels");
    QTest::newRow("regex invalid") << 8 << QStringLiteral("not a valid regular expression");
    QTest::newRow("regex without message") << 9 << QStringLiteral("error message in Chinese and English");
}

void TestFieldDefinition::invalidDefinitions()
{
    QFETCH(int, which);
    QFETCH(QString, fragment);
    FieldDefinition d = base(FieldType::Text);
    switch (which) {
    case 0:
        d.key = QStringLiteral("OrderNo");
        break;
    case 1:
        d.labelEn.clear();
        break;
    case 2:
        d.type = FieldType::Integer;
        d.minimum = 10;
        d.maximum = 1;
        break;
    case 3:
        d.type = FieldType::Decimal;
        d.precision = 9;
        break;
    case 4:
        d.type = FieldType::SingleSelect;
        break;
    case 5:
        d.type = FieldType::MultiSelect;
        d.options = {opt(QStringLiteral("a")), opt(QStringLiteral("a"))};
        break;
    case 6:
        d.type = FieldType::SingleSelect;
        d.options = {opt(QStringLiteral("a"), {opt(QStringLiteral("b"))})};
        break;
    case 7: {
        d.type = FieldType::CascadingSelect;
        FieldOption node = opt(QStringLiteral("l7"));
        for (int level = 6; level >= 1; --level)
            node = opt(QStringLiteral("l%1").arg(level), {node});
        d.options = {node};
        break;
    }
    case 8:
        d.type = FieldType::RegexText;
        d.pattern = QStringLiteral("[0-9");
        d.patternMessageZh = d.patternMessageEn = QStringLiteral("x");
        break;
    case 9:
        d.type = FieldType::RegexText;
        d.pattern = QStringLiteral("[0-9]+");
        break;
    }
    const Status status = checkFieldDefinition(d);
    QVERIFY(!status.ok());
    QVERIFY2(status.error().message.contains(fragment), qPrintable(status.error().message));
    QCOMPARE(status.error().code, QStringLiteral("field_definition.invalid"));
}

void TestFieldDefinition::typeAndKeyAreFixedAfterCreation()
{
    const FieldDefinition before = base(FieldType::Text);
    FieldDefinition after = before;
    after.labelZh = QStringLiteral("订单编号");
    QVERIFY(checkFieldDefinitionUpdate(before, after).ok());
    after.type = FieldType::Integer;
    const Status changedType = checkFieldDefinitionUpdate(before, after);
    QVERIFY(!changedType.ok());
    QCOMPARE(changedType.error().code, QStringLiteral("field_definition.type_fixed"));
    after = before;
    after.key = QStringLiteral("order_number");
    QCOMPARE(checkFieldDefinitionUpdate(before, after).error().code, QStringLiteral("field_definition.key_fixed"));
}

void TestFieldDefinition::jsonRoundTripForEveryType()
{
    for (FieldType type : FieldDefinition::allTypes()) {
        FieldDefinition d = base(type);
        d.helpZh = QStringLiteral("帮助");
        d.required = true;
        d.requiredToClose = true;
        d.categoryIds = {QStringLiteral("after-sales")};
        d.editRoles = {QStringLiteral("supervisor")};
        d.order = 7;
        d.active = false;
        d.textFormat = TextFormat::Phone;
        d.minimum = -5;
        d.maximum = 5;
        d.precision = 3;
        d.maxLength = 20;
        d.pattern = QStringLiteral("[0-9]+");
        d.patternMessageZh = QStringLiteral("数字");
        d.patternMessageEn = QStringLiteral("digits");
        d.options = {opt(QStringLiteral("a"), {opt(QStringLiteral("b"))})};
        d.defaultValue = QStringLiteral("a");
        const auto back = FieldDefinition::fromJson(d.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back.value().toJson(), d.toJson());
    }
    QJsonObject unknown = base(FieldType::Text).toJson();
    unknown.insert(QStringLiteral("type"), QStringLiteral("hologram"));
    QCOMPARE(FieldDefinition::fromJson(unknown).error().code, QStringLiteral("field_definition.type"));
}

QTEST_GUILESS_MAIN(TestFieldDefinition)
#include "tst_fielddefinition.moc"
