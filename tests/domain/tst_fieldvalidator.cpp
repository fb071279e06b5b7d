#include "domain/FieldValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gongdan;

namespace {

FieldDefinition definitionFor(const QString& kind)
{
    FieldDefinition d;
    d.key = QStringLiteral("f");
    d.labelZh = QStringLiteral("字段");
    d.labelEn = QStringLiteral("Field");
    const auto opt = [](const char* v, QList<FieldOption> children = {}) {
        return FieldOption {QLatin1String(v), QLatin1String(v), QLatin1String(v), true, std::move(children)};
    };
    if (kind == QLatin1String("text")) {
        d.type = FieldType::Text;
        d.maxLength = 10;
    } else if (kind == QLatin1String("email") || kind == QLatin1String("phone") || kind == QLatin1String("url")) {
        d.type = FieldType::Text;
        d.textFormat = kind == QLatin1String("email") ? TextFormat::Email
            : kind == QLatin1String("phone")          ? TextFormat::Phone
                                                      : TextFormat::Url;
    } else if (kind == QLatin1String("multiline")) {
        d.type = FieldType::MultiLineText;
    } else if (kind == QLatin1String("integer")) {
        d.type = FieldType::Integer;
        d.minimum = 1;
        d.maximum = 10;
    } else if (kind == QLatin1String("decimal")) {
        d.type = FieldType::Decimal;
        d.precision = 2;
        d.minimum = 0;
    } else if (kind == QLatin1String("date")) {
        d.type = FieldType::Date;
    } else if (kind == QLatin1String("datetime")) {
        d.type = FieldType::DateTime;
    } else if (kind == QLatin1String("select") || kind == QLatin1String("multiselect")) {
        d.type = kind == QLatin1String("select") ? FieldType::SingleSelect : FieldType::MultiSelect;
        d.options = {opt("a"), opt("b"), opt("off")};
        d.options[2].active = false;
    } else if (kind == QLatin1String("checkbox")) {
        d.type = FieldType::Checkbox;
    } else if (kind == QLatin1String("cascade")) {
        d.type = FieldType::CascadingSelect;
        d.options = {opt("east", {opt("sh", {opt("pudong")}), opt("js")})};
    } else if (kind == QLatin1String("regex")) {
        d.type = FieldType::RegexText;
        d.pattern = QStringLiteral("DD[0-9]{4}");
        d.patternMessageZh = QStringLiteral("订单号格式为 DD 加 4 位数字");
        d.patternMessageEn = QStringLiteral("Order numbers are DD and 4 digits.");
    } else if (kind == QLatin1String("customer")) {
        d.type = FieldType::CustomerRef;
    } else if (kind == QLatin1String("attachment")) {
        d.type = FieldType::Attachment;
    }
    return d;
}

QJsonValue json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().at(0);
}

} // namespace

class TestFieldValidator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void values_data();
    void values();
    void requiredAndRequiredToClose();
    void categoryScopeAndInactiveFieldsAreSkipped();
    void unknownKeysAreReported();
    void oneIssuePerOffendingField();
};

void TestFieldValidator::values_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("value"); // JSON
    QTest::addColumn<QString>("message"); // empty: valid; else a fragment of the English message
    const auto row = [](const char* name, const char* kind, const char* value, const char* message) {
        QTest::newRow(name) << QString::fromUtf8(kind) << QString::fromUtf8(value) << QString::fromUtf8(message);
    };
    row("text ok", "text", "\"短文本\"", "");
    row("text not a string", "text", "12", "must be text");
    row("text two lines", "text", "\"a\\nb\"", "single line");
    row("text too long", "text", "\"12345678901\"", "limited to 10 characters");
    row("email ok", "email", "\"li.na@example.com\"", "");
    row("email bad", "email", "\"li.na@\"", "e-mail address");
    row("phone ok", "phone", "\"+86 138-0013-8000\"", "");
    row("phone letters", "phone", "\"call me\"", "phone number");
    row("url ok", "url", "\"https://shop.example.com/item/1\"", "");
    row("url no scheme", "url", "\"shop.example.com\"", "web address");
    row("multiline ok", "multiline", "\"第一行\\n第二行\"", "");
    row("multiline number", "multiline", "3", "must be text");
    row("integer ok", "integer", "7", "");
    row("integer fraction", "integer", "7.5", "whole number");
    row("integer string", "integer", "\"7\"", "whole number");
    row("integer below min", "integer", "0", "at least 1");
    row("integer above max", "integer", "11", "at most 10");
    row("decimal ok", "decimal", "\"12.50\"", "");
    row("decimal number ok", "decimal", "3.5", "");
    row("decimal too precise", "decimal", "\"1.234\"", "after the decimal point");
    row("decimal words", "decimal", "\"twelve\"", "number such as 12.50");
    row("decimal negative", "decimal", "\"-1.00\"", "at least 0");
    row("date ok", "date", "\"2023-10-01\"", "");
    row("date impossible", "date", "\"2023-02-30\"", "date such as");
    row("date wrong shape", "date", "\"01/10/2023\"", "date such as");
    row("datetime ok", "datetime", "\"2023-10-01T09:30:00+08:00\"", "");
    row("datetime date only", "datetime", "\"2023-10-01\"", "date and time");
    row("select ok", "select", "\"a\"", "");
    row("select unknown", "select", "\"z\"", "choose one of the listed options");
    row("select inactive", "select", "\"off\"", "choose one of the listed options");
    row("multiselect ok", "multiselect", "[\"a\",\"b\"]", "");
    row("multiselect unknown", "multiselect", "[\"a\",\"z\"]", "\"z\" is not one of the options");
    row("multiselect twice", "multiselect", "[\"a\",\"a\"]", "chosen twice");
    row("multiselect not list", "multiselect", "\"a\"", "choose from the listed options");
    row("checkbox true", "checkbox", "true", "");
    row("checkbox false", "checkbox", "false", "");
    row("checkbox string", "checkbox", "\"yes\"", "ticked");
    row("cascade ok leaf", "cascade", "[\"east\",\"sh\",\"pudong\"]", "");
    row("cascade ok short leaf", "cascade", "[\"east\",\"js\"]", "");
    row("cascade stops early", "cascade", "[\"east\",\"sh\"]", "down to the last");
    row("cascade wrong child", "cascade", "[\"east\",\"pudong\"]", "not a choice at this level");
    row("cascade too deep", "cascade", "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\"]", "at each level");
    row("regex ok", "regex", "\"DD1234\"", "");
    row("regex partial", "regex", "\"xDD1234\"", "Order numbers are DD and 4 digits.");
    row("regex wrong", "regex", "\"DD12\"", "Order numbers are DD and 4 digits.");
    row("customer ok", "customer", "\"01890a5d-ac96-774b-bcce-b302099a8057\"", "");
    row("customer not an id", "customer", "\"王小明\"", "customer from the archive");
    row("attachment ok", "attachment",
        "[{\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\",\"name\":\"a.jpg\",\"size\":"
        "4}]",
        "");
    row("attachment bad hash", "attachment", "[{\"sha256\":\"abc\",\"name\":\"a.jpg\",\"size\":4}]", "content hash");
    row("attachment not list", "attachment", "{}", "list of attached files");
}

void TestFieldValidator::values()
{
    QFETCH(QString, kind);
    QFETCH(QString, value);
    QFETCH(QString, message);
    const FieldDefinition def = definitionFor(kind);
    QVERIFY2(checkFieldDefinition(def).ok(), qPrintable(kind));
    const QString actual = FieldValidator::checkValue(def, json(value.toUtf8().constData()), false);
    if (message.isEmpty())
        QVERIFY2(actual.isEmpty(), qPrintable(actual));
    else
        QVERIFY2(actual.contains(message), qPrintable(actual));
}

void TestFieldValidator::requiredAndRequiredToClose()
{
    FieldDefinition required = definitionFor(QStringLiteral("text"));
    required.key = QStringLiteral("required_one");
    required.required = true;
    FieldDefinition toClose = definitionFor(QStringLiteral("decimal"));
    toClose.key = QStringLiteral("refund");
    toClose.labelZh = QStringLiteral("退款金额");
    toClose.requiredToClose = true;
    FieldDefinition box = definitionFor(QStringLiteral("checkbox"));
    box.key = QStringLiteral("box");
    box.required = true;
    const QList<FieldDefinition> defs {required, toClose, box};

    ValidationContext editing;
    QList<FieldIssue> issues = FieldValidator::validate(defs, QJsonObject {{QStringLiteral("box"), false}}, editing);
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.first().key, QStringLiteral("required_one"));
    QCOMPARE(issues.first().message, QStringLiteral("字段 is required."));

    ValidationContext closing;
    closing.closing = true;
    issues = FieldValidator::validate(defs,
        QJsonObject {{QStringLiteral("required_one"), QStringLiteral("x")}, {QStringLiteral("box"), true},
            {QStringLiteral("refund"), QStringLiteral("  ")}},
        closing);
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.first().key, QStringLiteral("refund"));
    QVERIFY(issues.first().message.contains(QStringLiteral("退款金额")));
    QVERIFY(issues.first().message.contains(QStringLiteral("before closing")));
}

void TestFieldValidator::categoryScopeAndInactiveFieldsAreSkipped()
{
    auto tree = CategoryTree::build({{QStringLiteral("after-sales"), {}, QStringLiteral("售后"), {}, 0, true, {}},
        {QStringLiteral("after-sales.repair"), QStringLiteral("after-sales"), QStringLiteral("产品维修"), {}, 0, true,
            {}},
        {QStringLiteral("order"), {}, QStringLiteral("订单"), {}, 1, true, {}}});
    QVERIFY(tree.ok());
    FieldDefinition scoped = definitionFor(QStringLiteral("text"));
    scoped.key = QStringLiteral("fault");
    scoped.required = true;
    scoped.categoryIds = {QStringLiteral("after-sales")};
    FieldDefinition inactive = definitionFor(QStringLiteral("integer"));
    inactive.key = QStringLiteral("old");
    inactive.required = true;
    inactive.active = false;

    ValidationContext context;
    context.categories = &tree.value();
    context.categoryId = QStringLiteral("order");
    // Out of scope and inactive: not required, and a stored value is kept without complaint.
    QVERIFY(FieldValidator::validate(
        {scoped, inactive}, QJsonObject {{QStringLiteral("old"), QStringLiteral("text")}}, context)
                .isEmpty());
    context.categoryId = QStringLiteral("after-sales.repair"); // a descendant of the scoped category
    const QList<FieldIssue> issues = FieldValidator::validate({scoped, inactive}, {}, context);
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.first().key, QStringLiteral("fault"));
}

void TestFieldValidator::unknownKeysAreReported()
{
    const QList<FieldIssue> issues = FieldValidator::validate(
        {definitionFor(QStringLiteral("text"))}, QJsonObject {{QStringLiteral("nope"), 1}}, {});
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.first().key, QStringLiteral("nope"));
}

void TestFieldValidator::oneIssuePerOffendingField()
{
    QList<FieldDefinition> defs;
    QJsonObject values;
    for (const char* kind : {"integer", "date", "email"}) {
        FieldDefinition def = definitionFor(QLatin1String(kind));
        def.key = QLatin1String(kind);
        defs.append(def);
        values.insert(def.key, QStringLiteral("不对"));
    }
    const QList<FieldIssue> issues = FieldValidator::validate(defs, values, {});
    QCOMPARE(issues.size(), 3);
    QStringList keys;
    for (const FieldIssue& issue : issues)
        keys.append(issue.key);
    QCOMPARE(keys, (QStringList {QStringLiteral("integer"), QStringLiteral("date"), QStringLiteral("email")}));
}

QTEST_GUILESS_MAIN(TestFieldValidator)
#include "tst_fieldvalidator.moc"
