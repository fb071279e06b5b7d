#include "storage/FieldDefinitionRepository.h"
#include "sync/WorkstationCore.h"
#include "tests/support/DemoDesk.h"
#include "tests/support/InputMethod.h"
#include "ui/main/MainWindow.h"
#include "ui/main/WorkTabs.h"
#include "ui/settings/SettingsPage.h"
#include "ui/ticket/TicketEditor.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace gongdan;
using namespace gongdan::test;

/// Settings and administration in the real window: a field added, reordered or deactivated shows
/// in an open ticket at once; a new category is offered at once; bad input is refused inline;
/// agents cannot change definitions; the language switches from here.
class TestSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void addedFieldAppearsInOpenFormsAtOnce();
    void badOptionsAreRefusedInline();
    void reorderAndDeactivate();
    void newCategoryIsOfferedAtOnce();
    void agentsCannotChangeDefinitions();
    void languageSwitchesFromSettings();

private:
    SettingsPage* openSettings();
    template<typename T>
    T* find(const char* name) const
    {
        return m_window->findChild<T*>(QLatin1String(name));
    }

    DemoDesk m_desk;
    AgentSession m_admin {QStringLiteral("a-admin"), QStringLiteral("系统管理员"), Role::Admin, {}};
    AgentSession m_session;
    std::unique_ptr<MainWindow> m_window;
    TicketEditor* m_editor = nullptr;
};

void TestSettings::initTestCase()
{
    QVERIFY(m_desk.prepare(QStringLiteral("GongdanTestSettings"), 100));
    m_session = m_admin;
}

void TestSettings::init()
{
    m_window = std::make_unique<MainWindow>(m_desk.core(), m_session, m_desk.languages);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    const auto ticket = m_desk.store->tickets().create(draftTicket(QStringLiteral("设置测试")), m_session.principal());
    QVERIFY(ticket.ok());
    m_editor = m_window->workTabs()->openTicket(ticket.value().id);
    QVERIFY(m_editor);
}

void TestSettings::cleanup()
{
    m_window.reset();
    m_session = m_admin;
}

SettingsPage* TestSettings::openSettings()
{
    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    auto* page = qobject_cast<SettingsPage*>(m_window->workTabs()->currentWidget());
    if (page)
        page->showFields();
    return page;
}

void TestSettings::addedFieldAppearsInOpenFormsAtOnce()
{
    QVERIFY(!m_editor->findChild<QWidget*>(QStringLiteral("field_serial_no")));
    SettingsPage* page = openSettings();
    QVERIFY(page);
    QTest::mouseClick(find<QPushButton>("fieldAdd"), Qt::LeftButton);
    QCOMPARE(QApplication::focusWidget(), find<QLineEdit>("fieldKey"));
    QTest::keyClicks(find<QLineEdit>("fieldKey"), QStringLiteral("serial_no"));
    commitText(find<QLineEdit>("fieldLabelZh"), QString::fromUtf8("序列号"));
    QTest::keyClicks(find<QLineEdit>("fieldLabelEn"), QStringLiteral("Serial number"));
    QTest::mouseClick(find<QPushButton>("fieldSave"), Qt::LeftButton);
    QVERIFY2(!find<QLabel>("fieldError")->isVisible(), qPrintable(find<QLabel>("fieldError")->text()));
    QVERIFY(m_desk.store->fields().find(QStringLiteral("serial_no")));
    // The open ticket's form has it now, without a restart; what was typed there stays.
    QVERIFY(m_editor->findChild<QWidget*>(QStringLiteral("field_serial_no")));
    // The key is fixed once created.
    QVERIFY(find<QLineEdit>("fieldKey")->isReadOnly());
}

void TestSettings::badOptionsAreRefusedInline()
{
    openSettings();
    QTest::mouseClick(find<QPushButton>("fieldAdd"), Qt::LeftButton);
    QTest::keyClicks(find<QLineEdit>("fieldKey"), QStringLiteral("colour"));
    auto* type = find<QComboBox>("fieldType");
    type->setCurrentIndex(type->findData(FieldDefinition::typeKey(FieldType::SingleSelect)));
    commitText(find<QLineEdit>("fieldLabelZh"), QString::fromUtf8("颜色"));
    QTest::keyClicks(find<QLineEdit>("fieldLabelEn"), QStringLiteral("Colour"));
    auto* options = find<QPlainTextEdit>("fieldOptions");
    QVERIFY(options->isVisibleTo(find<QWidget>("fieldEditor")));
    options->setPlainText(QString::fromUtf8("red = 红 | Red\nblue"));
    QTest::mouseClick(find<QPushButton>("fieldSave"), Qt::LeftButton);
    auto* error = find<QLabel>("fieldError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("2")), qPrintable(error->text()));
    QVERIFY(!m_desk.store->fields().find(QStringLiteral("colour")));
    options->setPlainText(QString::fromUtf8("red = 红 | Red\nblue = 蓝 | Blue"));
    QTest::mouseClick(find<QPushButton>("fieldSave"), Qt::LeftButton);
    const auto saved = m_desk.store->fields().find(QStringLiteral("colour"));
    QVERIFY(saved);
    QCOMPARE(saved->options.size(), 2);
    QVERIFY(m_editor->findChild<QWidget*>(QStringLiteral("field_colour")));
}

void TestSettings::reorderAndDeactivate()
{
    openSettings();
    auto* list = find<QListWidget>("fieldList");
    const QList<FieldDefinition> before = m_desk.store->fields().definitions();
    QVERIFY(before.size() >= 3);
    list->setCurrentRow(1);
    QTest::mouseClick(find<QPushButton>("fieldUp"), Qt::LeftButton);
    const QList<FieldDefinition> after = m_desk.store->fields().definitions();
    QCOMPARE(after.at(0).key, before.at(1).key);
    QCOMPARE(after.at(1).key, before.at(0).key);
    QCOMPARE(list->currentRow(), 0);

    const QString key = after.at(0).key;
    QVERIFY(m_editor->findChild<QWidget*>(QStringLiteral("field_") + key));
    QTest::mouseClick(find<QPushButton>("fieldToggle"), Qt::LeftButton);
    QVERIFY(!m_desk.store->fields().find(key)->active);
    QTRY_VERIFY(!m_editor->findChild<QWidget*>(QStringLiteral("field_") + key)
        || !m_editor->findChild<QWidget*>(QStringLiteral("field_") + key)->isVisibleTo(m_editor));
    QVERIFY(list->currentItem()->text().contains(QString::fromUtf8("停用")));
    QTest::mouseClick(find<QPushButton>("fieldToggle"), Qt::LeftButton); // and back
    QVERIFY(m_desk.store->fields().find(key)->active);
}

void TestSettings::newCategoryIsOfferedAtOnce()
{
    SettingsPage* page = openSettings();
    page->findChild<QTabWidget*>(QStringLiteral("settingsTabs"))->setCurrentIndex(2);
    auto* tree = find<QTreeWidget>("categoryTree");
    QVERIFY(tree->topLevelItemCount() > 0);
    tree->setCurrentItem(tree->topLevelItem(0));
    QTest::mouseClick(find<QPushButton>("categoryAddChild"), Qt::LeftButton);
    QTest::mouseClick(find<QPushButton>("categorySave"), Qt::LeftButton);
    QVERIFY(find<QLabel>("categoryError")->isVisible()); // a name is needed
    commitText(find<QLineEdit>("categoryNameZh"), QString::fromUtf8("以旧换新"));
    QTest::keyClicks(find<QLineEdit>("categoryNameEn"), QStringLiteral("Trade-in"));
    QTest::mouseClick(find<QPushButton>("categorySave"), Qt::LeftButton);
    QVERIFY(!find<QLabel>("categoryError")->isVisible());
    auto* category = m_editor->findChild<QComboBox*>(QStringLiteral("field_category_id"));
    bool offered = false;
    for (int i = 0; i < category->count(); ++i)
        offered = offered || category->itemText(i).contains(QString::fromUtf8("以旧换新"));
    QVERIFY(offered);
}

void TestSettings::agentsCannotChangeDefinitions()
{
    m_window.reset();
    m_session = DemoDesk::agent;
    init();
    openSettings();
    QVERIFY(!find<QPushButton>("fieldAdd")->isEnabled());
    QVERIFY(!find<QPushButton>("fieldSave")->isEnabled());
    QVERIFY(!find<QPushButton>("categorySave")->isEnabled());
}

void TestSettings::languageSwitchesFromSettings()
{
    openSettings();
    auto* language = find<QComboBox>("settingsLanguage");
    language->setCurrentIndex(language->findData(QStringLiteral("en")));
    Q_EMIT language->activated(language->currentIndex());
    QTRY_VERIFY(m_window->menuBar()->actions().first()->text().contains(QStringLiteral("File")));
    QCOMPARE(m_window->workTabs()->tabText(m_window->workTabs()->currentIndex()), QStringLiteral("Settings"));
    language->setCurrentIndex(language->findData(QStringLiteral("zh_CN")));
    Q_EMIT language->activated(language->currentIndex());
    QTRY_VERIFY(m_window->menuBar()->actions().first()->text().contains(QString::fromUtf8("文件")));
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
