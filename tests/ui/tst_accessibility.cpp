#include "sync/WorkstationCore.h"
#include "tests/support/DemoDesk.h"
#include "ui/call/CallPanel.h"
#include "ui/main/MainWindow.h"
#include "ui/main/WorkTabs.h"
#include "ui/ticket/TicketEditor.h"
#include "ui/views/ViewEditorDialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

/// Every control an agent can reach with the keyboard has a name a screen reader can say: its own
/// accessible name, its text (buttons), or a label that names it as its buddy. Checked on every page.
class TestAccessibility : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyFocusableControlHasAName_data();
    void everyFocusableControlHasAName();

private:
    DemoDesk m_desk;
};

void TestAccessibility::initTestCase()
{
    QVERIFY(m_desk.prepare(QStringLiteral("GongdanTestA11y"), 100));
}

void TestAccessibility::everyFocusableControlHasAName_data()
{
    QTest::addColumn<QString>("page");
    for (const char* page : {"queue", "ticket", "call", "newTicket", "customers", "settings", "viewEditor"})
        QTest::newRow(page) << QString::fromLatin1(page);
}

void TestAccessibility::everyFocusableControlHasAName()
{
    QFETCH(QString, page);
    const AgentSession admin {QStringLiteral("a-admin"), QStringLiteral("系统管理员"), Role::Admin, {}};
    WorkstationCore core(m_desk.store->db());
    MainWindow window(core, admin, m_desk.languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QWidget* root = &window;
    if (page == QLatin1String("ticket")) {
        auto created = m_desk.store->tickets().create(draftTicket(QStringLiteral("无障碍")), admin.principal());
        root = window.workTabs()->openTicket(created.value().id);
    } else if (page == QLatin1String("call")) {
        root = window.workTabs()->openCall(true);
    } else if (page == QLatin1String("newTicket")) {
        root = window.workTabs()->openCall(false);
    } else if (page == QLatin1String("customers")) {
        window.openCustomers(QString());
        root = window.workTabs()->currentWidget();
    } else if (page == QLatin1String("settings")) {
        window.openSettings(QStringLiteral("fields"));
        root = window.workTabs()->currentWidget();
    } else if (page == QLatin1String("viewEditor")) {
        QTest::keyClick(&window, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        root = window.findChild<ViewEditorDialog*>();
    }
    QVERIFY(root);
    QHash<QWidget*, QString> labelled;
    for (QLabel* label : root->findChildren<QLabel*>()) {
        if (label->buddy())
            labelled.insert(label->buddy(), label->text());
    }
    QStringList unnamed;
    for (QWidget* widget : root->findChildren<QWidget*>()) {
        if (!widget->isVisibleTo(root) || widget->focusPolicy() == Qt::NoFocus || !widget->isEnabled())
            continue;
        if (qobject_cast<QComboBox*>(widget->parentWidget()))
            continue; // a combo box's own line edit or view: the combo box carries the name
        if (widget->inherits("QAbstractScrollArea") && !widget->inherits("QAbstractItemView")
            && !widget->inherits("QPlainTextEdit") && !widget->inherits("QTextEdit"))
            continue; // a scroll area only holds other controls
        if (widget->inherits("QTabWidget") || widget->inherits("QTabBar") || widget->inherits("QScrollBar")
            || widget->inherits("QSplitterHandle"))
            continue; // Qt names their parts itself
        const auto* button = qobject_cast<QAbstractButton*>(widget);
        const bool named
            = !widget->accessibleName().isEmpty() || (button && !button->text().isEmpty()) || labelled.contains(widget);
        if (!named)
            unnamed.append(
                QStringLiteral("%1(%2)").arg(QLatin1String(widget->metaObject()->className()), widget->objectName()));
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
