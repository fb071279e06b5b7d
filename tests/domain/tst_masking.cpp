// The masking rule (domain/Masking.h, requirements §10): how a sensitive value is shown, which values are
// sensitive, who may see them in clear, and how the customer's ID card and bank card are checked.
#include "domain/Access.h"
#include "domain/FieldDefinition.h"
#include "domain/FieldValidator.h"
#include "domain/JsonCodec.h"
#include "domain/Masking.h"

#include <QTest>

using namespace gongdan;

Q_DECLARE_METATYPE(gongdan::Role)
Q_DECLARE_METATYPE(gongdan::FieldType)

class TestMasking : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void mask_data();
    void mask();
    void mayUnmask_data();
    void mayUnmask();
    void sensitiveFields_data();
    void sensitiveFields();
    void sensitiveFixedAfterCreation();
    void maskedValueIsTheStoredOne();
    void customerCards_data();
    void customerCards();
};

void TestMasking::mask_data()
{
    QTest::addColumn<QString>("clear");
    QTest::addColumn<QString>("masked");
    QTest::newRow("ID card, 18") << "110101199003071234"
                                 << "110***********1234";
    QTest::newRow("ID card with X") << "11010119900307123X"
                                    << "110***********123X";
    QTest::newRow("old ID card, 15") << "110101900307123"
                                     << "110********7123";
    QTest::newRow("bank card, 16") << "6222021234567890"
                                   << "622*********7890";
    QTest::newRow("bank card, 19") << "6222021234567890123"
                                   << "622************0123";
    QTest::newRow("mobile, 11: ends kept") << "13800138000"
                                           << "138****8000";
    QTest::newRow("10 characters: all masked") << "1234567890"
                                               << "**********";
    QTest::newRow("short: all masked") << "1234"
                                       << "****";
    QTest::newRow("one character") << "7"
                                   << "*";
    QTest::newRow("empty stays empty") << ""
                                       << "";
    QTest::newRow("Chinese: a star per character") << "北京市朝阳区建国路八十八号院"
                                                   << "北京市*******十八号院";
}

void TestMasking::mask()
{
    QFETCH(QString, clear);
    QFETCH(QString, masked);
    QCOMPARE(masking::mask(clear), masked);
    QCOMPARE(masking::mask(clear).size(), clear.size()); // as long as the value: the shape is kept
    QCOMPARE(masking::looksMasked(masking::mask(clear)), !clear.isEmpty());
    QVERIFY(!masking::looksMasked(clear));
}

void TestMasking::mayUnmask_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<bool>("may");
    QTest::newRow("agent") << Role::Agent << false;
    QTest::newRow("field staff") << Role::Field << false;
    QTest::newRow("supervisor") << Role::Supervisor << true;
    QTest::newRow("admin") << Role::Admin << true;
}

void TestMasking::mayUnmask()
{
    QFETCH(Role, role);
    QFETCH(bool, may);
    QCOMPARE(access::mayUnmask(Principal {QStringLiteral("u1"), role, {QStringLiteral("service")}}), may);
}

void TestMasking::sensitiveFields_data()
{
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<bool>("sensitive");
    QTest::addColumn<bool>("valid");
    QTest::newRow("text, sensitive") << FieldType::Text << true << true;
    QTest::newRow("checked text, sensitive") << FieldType::RegexText << true << true;
    QTest::newRow("text, not sensitive") << FieldType::Text << false << true;
    QTest::newRow("integer cannot be") << FieldType::Integer << true << false;
    QTest::newRow("single select cannot be") << FieldType::SingleSelect << true << false;
    QTest::newRow("multi-line cannot be") << FieldType::MultiLineText << true << false;
}

void TestMasking::sensitiveFields()
{
    QFETCH(FieldType, type);
    QFETCH(bool, sensitive);
    QFETCH(bool, valid);
    FieldDefinition definition;
    definition.id = QStringLiteral("f1");
    definition.key = QStringLiteral("id_no");
    definition.type = type;
    definition.labelZh = QStringLiteral("证件号");
    definition.labelEn = QStringLiteral("ID number");
    definition.sensitive = sensitive;
    if (type == FieldType::RegexText) {
        definition.pattern = QStringLiteral("^\\d{17}[\\dX]$");
        definition.patternMessageZh = QStringLiteral("格式不对");
        definition.patternMessageEn = QStringLiteral("Wrong format");
    }
    if (type == FieldType::SingleSelect)
        definition.options = {FieldOption {QStringLiteral("a"), QStringLiteral("甲"), QStringLiteral("A"), true, {}}};
    QCOMPARE(checkFieldDefinition(definition).ok(), valid);
    // The flag survives the JSON every desk and the server keep.
    auto again = FieldDefinition::fromJson(definition.toJson());
    QVERIFY(again.ok());
    QCOMPARE(again.value().sensitive, sensitive);
    QCOMPARE(masking::isSensitive(again.value()), sensitive);
    QCOMPARE(masking::sensitiveKeys({again.value()}).contains(QStringLiteral("id_no")), sensitive);
}

void TestMasking::sensitiveFixedAfterCreation()
{
    FieldDefinition before;
    before.id = QStringLiteral("f1");
    before.key = QStringLiteral("id_no");
    before.labelZh = QStringLiteral("证件号");
    before.labelEn = QStringLiteral("ID number");
    before.sensitive = true;
    FieldDefinition after = before;
    after.labelEn = QStringLiteral("ID no.");
    QVERIFY(checkFieldDefinitionUpdate(before, after).ok());
    after.sensitive = false; // its values are masked everywhere; turning that off would show nothing clear
    QCOMPARE(
        checkFieldDefinitionUpdate(before, after).error().code, QStringLiteral("field_definition.sensitive_fixed"));
}

void TestMasking::maskedValueIsTheStoredOne()
{
    // A desk's form holds the masked form of a sensitive checked-text field: it is the stored value, never
    // refused by the pattern (the server keeps the clear one); a field that is not sensitive is checked as ever.
    FieldDefinition definition;
    definition.key = QStringLiteral("id_no");
    definition.type = FieldType::RegexText;
    definition.labelZh = QStringLiteral("证件号");
    definition.labelEn = QStringLiteral("ID number");
    definition.pattern = QStringLiteral("\\d{17}[\\dX]");
    definition.patternMessageZh = QStringLiteral("格式不对");
    definition.patternMessageEn = QStringLiteral("Wrong format");
    definition.sensitive = true;
    const QJsonValue masked(QStringLiteral("110***********1234"));
    QVERIFY(FieldValidator::checkValue(definition, masked, true).isEmpty());
    QVERIFY(FieldValidator::checkValue(definition, QJsonValue(QStringLiteral("110101199003071234")), true).isEmpty());
    QCOMPARE(
        FieldValidator::checkValue(definition, QJsonValue(QStringLiteral("1234")), true), QStringLiteral("格式不对"));
    definition.sensitive = false;
    QCOMPARE(FieldValidator::checkValue(definition, masked, true), QStringLiteral("格式不对"));
}

void TestMasking::customerCards_data()
{
    QTest::addColumn<QString>("idCard");
    QTest::addColumn<QString>("bankCard");
    QTest::addColumn<QString>("code"); // empty: accepted
    QTest::addColumn<QString>("storedIdCard");
    QTest::newRow("both clear") << "110101199003071234"
                                << "6222021234567890"
                                << ""
                                << "110101199003071234";
    QTest::newRow("check letter upper-cased, spaces dropped") << "110101 19900307 123x"
                                                              << ""
                                                              << ""
                                                              << "11010119900307123X";
    QTest::newRow("old 15-digit card") << "110101900307123"
                                       << ""
                                       << ""
                                       << "110101900307123";
    QTest::newRow("masked forms pass unchecked") << "110***********1234"
                                                 << "622*****"
                                                 << ""
                                                 << "110***********1234";
    QTest::newRow("ID card too short") << "12345"
                                       << ""
                                       << "customer.id_card_invalid"
                                       << "";
    QTest::newRow("ID card letters") << "1101011990030712AB"
                                     << ""
                                     << "customer.id_card_invalid"
                                     << "";
    QTest::newRow("bank card too short") << ""
                                         << "62220212"
                                         << "customer.bank_card_invalid"
                                         << "";
    QTest::newRow("bank card letters") << ""
                                       << "6222-abc-1234-5678"
                                       << "customer.bank_card_invalid"
                                       << "";
    QTest::newRow("none") << ""
                          << ""
                          << ""
                          << "";
}

void TestMasking::customerCards()
{
    QFETCH(QString, idCard);
    QFETCH(QString, bankCard);
    QFETCH(QString, code);
    QFETCH(QString, storedIdCard);
    Customer customer;
    customer.id = QStringLiteral("c1");
    customer.name = QStringLiteral("王芳");
    customer.idCard = idCard;
    customer.bankCard = bankCard;
    const Status checked = normalizeCustomer(customer);
    QCOMPARE(checked.ok() ? QString() : checked.error().code, code);
    if (!checked.ok())
        return;
    QCOMPARE(customer.idCard, storedIdCard);
    // The attributes travel in the customer's JSON (outbox, pulls, REST), only when set.
    const QJsonObject json = JsonCodec::toJson(customer);
    QCOMPARE(json.contains(QStringLiteral("id_card")), !storedIdCard.isEmpty());
    auto back = JsonCodec::customerFromJson(json);
    QVERIFY(back.ok());
    QCOMPARE(back.value().idCard, customer.idCard);
    QCOMPARE(back.value().bankCard, customer.bankCard);
    const Customer masked = masking::masked(customer);
    QCOMPARE(masked.idCard, masking::mask(customer.idCard));
    QCOMPARE(masking::customerValue(customer, QStringLiteral("bank_card")), customer.bankCard);
    QVERIFY(masking::isCustomerField(QStringLiteral("id_card")));
    QVERIFY(!masking::isCustomerField(QStringLiteral("notes")));
}

QTEST_GUILESS_MAIN(TestMasking)
#include "tst_masking.moc"
