#include "bench/DemoTeam.h"
#include "ui/form/FieldEditor.h"
#include "ui/form/TicketForm.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTest>
#include <QTimeZone>

using namespace gongdan;

namespace {

const demo::DemoTeam& team()
{
    return demo::DemoTeam::instance();
}

CategoryTree tree()
{
    return CategoryTree::build(team().categories).value();
}

// A valid value for every demo field, as stored.
QJsonObject validValues()
{
    return QJsonObject {{QStringLiteral("order_no"), QStringLiteral("DD123456789012")},
        {QStringLiteral("product_model"), QStringLiteral("s7pro")},
        {QStringLiteral("purchase_date"), QStringLiteral("2023-09-30")},
        {QStringLiteral("refund_amount"), QStringLiteral("99.50")}, {QStringLiteral("quantity"), 2},
        {QStringLiteral("contact_email"), QStringLiteral("li.na@example.com")},
        {QStringLiteral("callback_phone"), QStringLiteral("138 0013 8000")},
        {QStringLiteral("store_url"), QStringLiteral("https://shop.example.com/x100")},
        {QStringLiteral("fault_detail"), QStringLiteral("开机后\n三秒自动关机")},
        {QStringLiteral("accessories"), QJsonArray {QStringLiteral("remote"), QStringLiteral("box")}},
        {QStringLiteral("under_warranty"), true},
        {QStringLiteral("service_area"),
            QJsonArray {QStringLiteral("east"), QStringLiteral("sh"), QStringLiteral("pudong")}},
        {QStringLiteral("related_customer"), QStringLiteral("01890a5d-ac96-774b-bcce-b302099a8057")},
        {QStringLiteral("id_verified"), false}};
}

} // namespace

class TestTicketForm : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China)); }
    void everyTypeGetsItsEditor();
    void valuesRoundTripThroughTheEditors();
    void categoryHidesFieldsAndKeepsTheirValues();
    void roleMakesFieldsReadOnly();
    void validationShowsMessagesNextToTheField();

private:
    ManualClock m_clock {QDateTime(QDate(2024, 2, 29), QTime(9, 30), Qt::UTC)};
};

void TestTicketForm::everyTypeGetsItsEditor()
{
    TicketForm form(m_clock);
    form.setDefinitions(team().fields, tree(), Role::Agent, true);
    QVERIFY(form.editor(QStringLiteral("order_no"))->findChild<QLineEdit*>());
    QVERIFY(form.editor(QStringLiteral("fault_detail"))->findChild<QPlainTextEdit*>());
    QVERIFY(form.editor(QStringLiteral("purchase_date"))->findChild<QDateTimeEdit*>());
    // A date field the agent sets starts at the injected clock's day, not the machine's.
    QCOMPARE(form.editor(QStringLiteral("purchase_date"))->findChild<QDateTimeEdit*>()->date(),
        m_clock.now().toLocalTime().date());
    QVERIFY(form.editor(QStringLiteral("product_model"))->findChild<QComboBox*>());
    QCOMPARE(form.editor(QStringLiteral("service_area"))->findChildren<QComboBox*>().size(),
        FieldDefinition::kMaxCascadeDepth);
    QCOMPARE(form.editor(QStringLiteral("accessories"))->findChild<QListWidget*>()->count(), 4);
    QVERIFY(form.editor(QStringLiteral("under_warranty"))->findChild<QCheckBox*>());
    QVERIFY(form.editor(QStringLiteral("evidence_photo"))->findChild<QListWidget*>());
    // Required fields carry a marker; the label is the editor's buddy (Alt+mnemonic and screen readers).
    FieldDefinition required = team().fields.first();
    required.required = true;
    form.setDefinitions({required}, tree(), Role::Agent, true);
    auto* label = form.findChild<QLabel*>(QStringLiteral("label_order_no"));
    QVERIFY(label->text().contains(QLatin1Char('*')));
    QCOMPARE(label->buddy(), form.editor(QStringLiteral("order_no")));
    QCOMPARE(form.editor(QStringLiteral("order_no"))->accessibleName(), QString::fromUtf8("订单号"));
}

void TestTicketForm::valuesRoundTripThroughTheEditors()
{
    TicketForm form(m_clock);
    form.setDefinitions(team().fields, tree(), Role::Supervisor, true);
    form.setCategory(QStringLiteral("after-sales.repair")); // every demo field applies here except logistics ones
    form.setValues(validValues());
    QCOMPARE(form.values(), validValues());
    QVERIFY(form.validate(false));
    // Cascading choice shows only the levels the path needs.
    const auto boxes = form.editor(QStringLiteral("service_area"))->findChildren<QComboBox*>();
    QVERIFY(!boxes.at(2)->isHidden());
    QVERIFY(boxes.at(3)->isHidden());
}

void TestTicketForm::categoryHidesFieldsAndKeepsTheirValues()
{
    TicketForm form(m_clock);
    form.setDefinitions(team().fields, tree(), Role::Supervisor, true);
    form.setCategory(QStringLiteral("after-sales.repair"));
    form.setValues(validValues());
    QVERIFY(form.isFieldVisible(QStringLiteral("fault_detail")));
    QVERIFY(!form.isFieldVisible(QStringLiteral("carrier")));
    form.setCategory(QStringLiteral("consult.usage"));
    QVERIFY(!form.isFieldVisible(QStringLiteral("fault_detail")));
    QVERIFY(!form.isFieldVisible(QStringLiteral("refund_amount")));
    // Hidden, not dropped: the stored values come back unchanged.
    QCOMPARE(form.values().value(QStringLiteral("fault_detail")), validValues().value(QStringLiteral("fault_detail")));
    QCOMPARE(
        form.values().value(QStringLiteral("refund_amount")), validValues().value(QStringLiteral("refund_amount")));
}

void TestTicketForm::roleMakesFieldsReadOnly()
{
    TicketForm form(m_clock);
    form.setDefinitions(team().fields, tree(), Role::Agent, true);
    form.setCategory(QStringLiteral("after-sales.return"));
    QVERIFY(form.editor(QStringLiteral("refund_amount"))->findChild<QLineEdit*>()->isReadOnly()); // supervisor, admin
    QVERIFY(!form.editor(QStringLiteral("id_verified"))->findChild<QCheckBox*>()->isEnabled());
    QVERIFY(!form.editor(QStringLiteral("order_no"))->findChild<QLineEdit*>()->isReadOnly());
    form.setDefinitions(team().fields, tree(), Role::Field, true);
    QVERIFY(form.editor(QStringLiteral("refund_amount"))->findChild<QLineEdit*>()->isReadOnly());
    form.setDefinitions(team().fields, tree(), Role::Admin, true);
    QVERIFY(!form.editor(QStringLiteral("refund_amount"))->findChild<QLineEdit*>()->isReadOnly());
}

void TestTicketForm::validationShowsMessagesNextToTheField()
{
    TicketForm form(m_clock);
    form.setDefinitions(team().fields, tree(), Role::Supervisor, true);
    form.setCategory(QStringLiteral("after-sales.return"));
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    auto* orderNo = form.editor(QStringLiteral("order_no"))->findChild<QLineEdit*>();
    QTest::keyClicks(orderNo, QStringLiteral("12345"));
    auto* email = form.editor(QStringLiteral("contact_email"))->findChild<QLineEdit*>();
    QTest::keyClicks(email, QStringLiteral("not-an-address"));
    QVERIFY(!form.validate(false));
    QCOMPARE(form.errorText(QStringLiteral("order_no")), QString::fromUtf8("订单号格式为 DD 加 12 位数字"));
    QVERIFY(!form.errorText(QStringLiteral("contact_email")).isEmpty());
    QVERIFY(form.findChild<QLabel*>(QStringLiteral("error_order_no"))->isVisible());
    QVERIFY(QApplication::activeModalWidget() == nullptr); // inline, never a modal box
    QCOMPARE(QApplication::focusWidget(), orderNo); // the first problem has the focus
    // Closing also needs required-to-close fields.
    QVERIFY(!form.validate(true));
    QVERIFY(!form.errorText(QStringLiteral("refund_amount")).isEmpty());
    // Fixing a field takes its message away as soon as the agent types.
    orderNo->clear();
    QTest::keyClicks(orderNo, QStringLiteral("DD123456789012"));
    QVERIFY(form.errorText(QStringLiteral("order_no")).isEmpty());
    email->clear();
    QTest::keyClicks(email, QStringLiteral("a@b.cn"));
    QVERIFY(form.validate(false));
}

QTEST_MAIN(TestTicketForm)
#include "tst_ticketform.moc"
