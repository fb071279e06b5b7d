// Masked values in the workstation (requirements §10, 敏感信息脱敏), against a real gongdan-server on both
// backends: the customer archive shows the ID card and bank card masked; for a supervisor a "Show" button
// beside each asks the server, shows the clear value beside the masked one for that view only (the editor and
// the store keep the masked form), and the server's audit trail records the look; an agent gets no button.
#include "sync/Unmasker.h"
#include "sync/WorkstationCore.h"
#include "tests/support/Desk.h"
#include "ui/common/MaskedValueEdit.h"
#include "ui/customer/CustomerArchive.h"
#include "ui/main/LanguageSwitcher.h"
#include "ui/main/MainWindow.h"
#include "ui/main/WorkTabs.h"
#include "ui/ticket/TicketEditor.h"

#include <QApplication>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace gongdan;
using namespace gongdan::test;

namespace {

const QString kIdCard = QStringLiteral("110101199003071234");
const QString kIdCardMasked = QStringLiteral("110***********1234");
const QString kBankCard = QStringLiteral("6222021234567890123");

} // namespace

class TestMaskedValues : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void supervisorShowsAndIsAudited_data() { addBackendRows(); }
    void supervisorShowsAndIsAudited();
    void agentHasNoShowButton_data() { addBackendRows(); }
    void agentHasNoShowButton();
    void ticketFieldShownBySupervisor_data() { addBackendRows(); }
    void ticketFieldShownBySupervisor();

private:
    /// A synced desk for `login` with the main window open on the customer archive, showing 王芳.
    void openArchive(const QString& login, const QString& password);
    CustomerArchive* archive() const { return m_window->workTabs()->findChild<CustomerArchive*>(); }

    QTemporaryDir m_settings;
    LanguageSwitcher m_languages;
    std::unique_ptr<SeededServer> m_fixture;
    std::unique_ptr<Desk> m_desk;
    AgentSession m_session;
    std::unique_ptr<MainWindow> m_window;
    QString m_customerId;
    QString m_ticketId;
};

void TestMaskedValues::initTestCase()
{
    QVERIFY(m_languages.switchTo(QLocale(QLocale::Chinese, QLocale::China)));
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("GongdanTestMasking"));
}

void TestMaskedValues::init()
{
    QFETCH(QString, backend);
    m_fixture = std::make_unique<SeededServer>(backend);
    if (const QString why = m_fixture->skipReason(); !why.isEmpty())
        QFAIL(qPrintable(why));
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->server().lastLog()));
    HttpClient boss(m_fixture->baseUrl());
    boss.setToken(signIn(m_fixture->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    QCOMPARE(
        boss.post(QStringLiteral("/api/v1/users"),
                {{QStringLiteral("login"), QStringLiteral("zhao")}, {QStringLiteral("name"), QStringLiteral("赵主管")},
                    {QStringLiteral("role"), QStringLiteral("supervisor")},
                    {QStringLiteral("password"), QStringLiteral("zhao-password")},
                    {QStringLiteral("groups"), QJsonArray {QStringLiteral("service")}}})
            .status,
        201);
    const HttpResult customer = boss.post(QStringLiteral("/api/v1/customers"),
        {{QStringLiteral("name"), QStringLiteral("王芳")},
            {QStringLiteral("phones"), QJsonArray {QStringLiteral("13800138000")}},
            {QStringLiteral("id_card"), kIdCard}, {QStringLiteral("bank_card"), kBankCard}});
    QCOMPARE(customer.status, 201);
    m_customerId = customer.body.value(QStringLiteral("id")).toString();
    QCOMPARE(
        boss.post(QStringLiteral("/api/v1/field-definitions"),
                {{QStringLiteral("key"), QStringLiteral("id_no")}, {QStringLiteral("type"), QStringLiteral("text")},
                    {QStringLiteral("label_zh"), QStringLiteral("证件号")},
                    {QStringLiteral("label_en"), QStringLiteral("ID number")}, {QStringLiteral("sensitive"), true}})
            .status,
        201);
    const HttpResult ticket = boss.post(QStringLiteral("/api/v1/tickets"),
        {{QStringLiteral("subject"), QStringLiteral("实名认证失败")},
            {QStringLiteral("group_id"), QStringLiteral("service")},
            {QStringLiteral("custom_fields"), QJsonObject {{QStringLiteral("id_no"), kBankCard}}}});
    QCOMPARE(ticket.status, 201);
    m_ticketId = ticket.body.value(QStringLiteral("ticket")).toObject().value(QStringLiteral("id")).toString();
}

void TestMaskedValues::cleanup()
{
    m_window.reset();
    m_desk.reset();
    m_fixture.reset();
}

void TestMaskedValues::openArchive(const QString& login, const QString& password)
{
    m_desk = std::make_unique<Desk>(m_fixture->baseUrl(), login, password);
    m_desk->start();
    QVERIFY(m_desk->idle());
    m_session = AgentSession {m_desk->userId, login, m_desk->me.role, m_desk->me.groupIds};
    m_window = std::make_unique<MainWindow>(*m_desk->store, m_session, m_languages);
    m_window->resize(1280, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(archive());
    archive()->search(QStringLiteral("王芳"));
    auto* edit = archive()->findChild<QLineEdit*>(QStringLiteral("id_cardEdit"));
    QVERIFY(edit);
    QVERIFY(QTest::qWaitFor([edit] { return edit->text() == kIdCardMasked; }, 5000));
}

void TestMaskedValues::supervisorShowsAndIsAudited()
{
    openArchive(QStringLiteral("zhao"), QStringLiteral("zhao-password"));
    auto* edit = archive()->findChild<QLineEdit*>(QStringLiteral("id_cardEdit"));
    auto* show = archive()->findChild<QToolButton*>(QStringLiteral("id_cardShow"));
    auto* clear = archive()->findChild<QLabel*>(QStringLiteral("id_cardClear"));
    QVERIFY(show && clear);
    QVERIFY(show->isVisible());
    QCOMPARE(show->text(), QStringLiteral("显示"));
    QVERIFY(!clear->isVisible());
    QCOMPARE(archive()->findChild<QLineEdit*>(QStringLiteral("bank_cardEdit"))->text(),
        QStringLiteral("622************0123"));
    QTest::qWait(50); // the layout settles before the picture
    m_window->grab().save(QDir::temp().filePath(QStringLiteral("gongdan-masked-archive.png")));

    QTest::mouseClick(show, Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([clear] { return clear->isVisible(); }, 10000));
    QCOMPARE(clear->text(), kIdCard);
    QVERIFY(!show->isVisible());
    QCOMPARE(edit->text(), kIdCardMasked); // the editor, and so what is saved, keeps the masked form
    QVERIFY(!archive()->hasUnsavedChanges());
    // The bank card was not asked for: still masked, its button still there.
    QVERIFY(archive()->findChild<QToolButton*>(QStringLiteral("bank_cardShow"))->isVisible());
    QTest::qWait(50); // the layout settles before the picture
    m_window->grab().save(QDir::temp().filePath(QStringLiteral("gongdan-unmasked-archive.png")));

    HttpClient boss(m_fixture->baseUrl());
    boss.setToken(signIn(m_fixture->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    const QJsonArray entries
        = boss.get(QStringLiteral("/api/v1/audit?kind=unmask")).body.value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), 1);
    const QJsonObject entry = entries.at(0).toObject();
    QCOMPARE(entry.value(QStringLiteral("actor")).toObject().value(QStringLiteral("login")).toString(),
        QStringLiteral("zhao"));
    QCOMPARE(entry.value(QStringLiteral("target")).toObject().value(QStringLiteral("id")).toString(), m_customerId);
    QCOMPARE(entry.value(QStringLiteral("detail")).toObject().value(QStringLiteral("fields")).toArray(),
        QJsonArray {QStringLiteral("id_card")});

    // Another customer picked, or this one shown again: the clear value is gone from the view.
    archive()->showCustomer(*m_desk->store->customers().find(m_customerId));
    QVERIFY(!clear->isVisible());
    QVERIFY(show->isVisible());
}

void TestMaskedValues::agentHasNoShowButton()
{
    openArchive(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    QVERIFY(!archive()->findChild<QToolButton*>(QStringLiteral("id_cardShow"))->isVisible());
    QVERIFY(!archive()->findChild<QToolButton*>(QStringLiteral("bank_cardShow"))->isVisible());
    // Asked anyway (a forged click): the server refuses, and the refusal is said in words.
    QSignalSpy refused(&m_desk->store->unmasker(), &Unmasker::refused);
    m_desk->store->unmasker().reveal(QStringLiteral("customer"), m_customerId, {QStringLiteral("id_card")});
    QVERIFY(refused.wait(10000));
    QVERIFY(!refused.first().at(2).toString().isEmpty());
}

void TestMaskedValues::ticketFieldShownBySupervisor()
{
    openArchive(QStringLiteral("zhao"), QStringLiteral("zhao-password"));
    TicketEditor* editor = m_window->workTabs()->openTicket(m_ticketId);
    QVERIFY(editor);
    auto* show = editor->findChild<QToolButton*>(QStringLiteral("show_id_no"));
    auto* clear = editor->findChild<QLabel*>(QStringLiteral("clear_id_no"));
    QVERIFY(show && clear);
    QVERIFY(QTest::qWaitFor([show] { return show->isVisible(); }, 5000));
    QVERIFY(!clear->isVisible());
    QTest::qWait(50); // the layout settles before the picture
    m_window->grab().save(QDir::temp().filePath(QStringLiteral("gongdan-masked-ticket.png")));
    const bool unsavedBefore = editor->hasUnsavedChanges();
    QTest::mouseClick(show, Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([clear] { return clear->isVisible(); }, 10000));
    QCOMPARE(clear->text(), kBankCard);
    // Shown beside the field, not put in it: nothing to save, no editor holds it.
    QCOMPARE(editor->hasUnsavedChanges(), unsavedBefore);
    for (const QLineEdit* line : editor->findChildren<QLineEdit*>())
        QVERIFY(line->text() != kBankCard);
    QTest::qWait(50); // the layout settles before the picture
    m_window->grab().save(QDir::temp().filePath(QStringLiteral("gongdan-unmasked-ticket.png")));
    HttpClient boss(m_fixture->baseUrl());
    boss.setToken(signIn(m_fixture->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    const QJsonArray entries
        = boss.get(QStringLiteral("/api/v1/audit?kind=unmask")).body.value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).toObject().value(QStringLiteral("target")).toObject().value(QStringLiteral("entity")),
        QStringLiteral("ticket"));
}

QTEST_MAIN(TestMaskedValues)
#include "tst_maskedvalues.moc"
