#include "models/TicketQueueModel.h"
#include "models/ViewListModel.h"
#include "sync/WorkstationCore.h"
#include "tests/support/DemoDesk.h"
#include "tests/support/InputMethod.h"
#include "ui/main/MainWindow.h"
#include "ui/views/ConditionRow.h"
#include "ui/views/ViewEditorDialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace gongdan;
using namespace gongdan::test;

/// Custom views built in the real window: conditions on built-in and custom fields combined by "any",
/// chosen columns, then disabled and deleted.
class TestViewEditor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void buildsAnAnyViewAndShowsItsRows();
    void refusalsShowInTheDialog();

private:
    ViewEditorDialog* openEditor(MainWindow& window, Qt::KeyboardModifiers modifiers, Qt::Key key);
    static void choose(QComboBox* combo, const QVariant& data);

    DemoDesk m_desk;
    QSet<QString> m_refunded;
};

void TestViewEditor::initTestCase()
{
    QVERIFY(m_desk.prepare(QStringLiteral("GongdanTestViews"), 400));
    // Three open tickets get a refund amount of 100 or more, two a smaller one.
    QSqlQuery query(m_desk.store->db().sql());
    QVERIFY(query.exec(QStringLiteral("SELECT id FROM ticket WHERE status IN ('new', 'in_progress') "
                                      "AND priority < 2 AND subject NOT LIKE '%退款%' ORDER BY rowid LIMIT 5")));
    QStringList amounts {QStringLiteral("100.00"), QStringLiteral("250.50"), QStringLiteral("999.00"),
        QStringLiteral("99.99"), QStringLiteral("5.00")};
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    QCOMPARE(ids.size(), 5);
    for (int i = 0; i < ids.size(); ++i) {
        const QJsonObject patch {
            {QStringLiteral("custom_fields"), QJsonObject {{QStringLiteral("refund_amount"), amounts.at(i)}}}};
        QVERIFY(m_desk.store->tickets().patch(ids.at(i), patch, DemoDesk::supervisor.principal()).ok());
        if (i < 3)
            m_refunded.insert(ids.at(i));
    }
}

void TestViewEditor::choose(QComboBox* combo, const QVariant& data)
{
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data.toString()));
    combo->setFocus();
    combo->setCurrentIndex(index);
}

ViewEditorDialog* TestViewEditor::openEditor(MainWindow& window, Qt::KeyboardModifiers modifiers, Qt::Key key)
{
    window.activateWindow(); // the dialog that just closed had the focus
    if (!QTest::qWaitForWindowActive(&window))
        return nullptr;
    QTest::keyClick(&window, key, modifiers);
    ViewEditorDialog* editor = nullptr;
    for (auto* candidate : window.findChildren<ViewEditorDialog*>()) {
        if (candidate->isVisible())
            editor = candidate;
    }
    return editor;
}

void TestViewEditor::buildsAnAnyViewAndShowsItsRows()
{
    WorkstationCore core(m_desk.store->db());
    MainWindow window(core, DemoDesk::agent, m_desk.languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto* views = window.findChild<QListView*>(QStringLiteral("viewList"));
    const int builtIns = views->model()->rowCount();

    ViewEditorDialog* editor = openEditor(window, Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_V);
    QVERIFY(editor);
    commitText(editor->findChild<QLineEdit*>(QStringLiteral("viewNameZh")), QString::fromUtf8("特急或退款"));
    QTest::mouseClick(editor->findChild<QRadioButton*>(QStringLiteral("viewMatchAny")), Qt::LeftButton);
    // 1: priority is 特急.
    choose(editor->findChild<QComboBox*>(QStringLiteral("conditionField_0")), QStringLiteral("priority"));
    choose(editor->findChild<QComboBox*>(QStringLiteral("conditionOp_0")), int(ConditionOp::Is));
    auto* priority = editor->findChild<QComboBox*>(QStringLiteral("conditionChoice_0"));
    QVERIFY(priority->isVisibleTo(editor));
    choose(priority, QStringLiteral("critical"));
    // 2: subject contains 退款.
    QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("viewAddCondition")), Qt::LeftButton);
    choose(editor->findChild<QComboBox*>(QStringLiteral("conditionField_1")), QStringLiteral("subject"));
    choose(editor->findChild<QComboBox*>(QStringLiteral("conditionOp_1")), int(ConditionOp::Contains));
    commitText(editor->findChild<QLineEdit*>(QStringLiteral("conditionText_1")), QString::fromUtf8("退款"));
    // 3: the custom field 退款金额 is at least 100.
    QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("viewAddCondition")), Qt::LeftButton);
    choose(editor->findChild<QComboBox*>(QStringLiteral("conditionField_2")),
        QStringLiteral("custom_fields.refund_amount"));
    choose(editor->findChild<QComboBox*>(QStringLiteral("conditionOp_2")), int(ConditionOp::AtLeast));
    auto* amount = editor->findChild<QLineEdit*>(QStringLiteral("conditionText_2"));
    QVERIFY(amount->isVisibleTo(editor));
    QTest::keyClicks(amount, QStringLiteral("100"));
    // 4: status is any of 待接单, 处理中 — the "any" list editor.
    QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("viewAddCondition")), Qt::LeftButton);
    choose(editor->findChild<QComboBox*>(QStringLiteral("conditionField_3")), QStringLiteral("status"));
    choose(editor->findChild<QComboBox*>(QStringLiteral("conditionOp_3")), int(ConditionOp::In));
    auto* statuses = editor->findChild<QToolButton*>(QStringLiteral("conditionChoices_3"));
    QVERIFY(statuses->isVisibleTo(editor));
    for (QAction* action : statuses->menu()->actions()) {
        if (action->data() == QStringLiteral("waiting_customer"))
            action->trigger();
    }
    QVERIFY(statuses->text().contains(QString::fromUtf8("待客户确认")));
    // Hide the assignee column.
    auto* columns = editor->findChild<QListWidget*>(QStringLiteral("viewColumns"));
    for (int i = 0; i < columns->count(); ++i) {
        if (columns->item(i)->data(Qt::UserRole) == QStringLiteral("assignee_id"))
            columns->item(i)->setCheckState(Qt::Unchecked);
    }
    QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("viewSave")), Qt::LeftButton);
    QVERIFY2(!editor->isVisible(), qPrintable(editor->findChild<QLabel*>(QStringLiteral("viewError"))->text()));

    // The new view is listed and open; its rows are exactly the tickets matching any condition.
    QCOMPARE(views->model()->rowCount(), builtIns + 1);
    QVERIFY(views->currentIndex().data(ViewListModel::NameRole).toString() == QString::fromUtf8("特急或退款"));
    auto* table = window.findChild<QTableView*>(QStringLiteral("queueTable"));
    auto* queue = qobject_cast<TicketQueueModel*>(table->model());
    while (queue->canFetchMore({}))
        queue->fetchMore({});
    QSet<QString> expected = m_refunded;
    QSqlQuery query(m_desk.store->db().sql());
    // (Seeded closed tickets of the refund categories carry an amount too: what closing them required.)
    QVERIFY(query.exec(QStringLiteral("SELECT id FROM ticket WHERE priority = 2 OR subject LIKE '%退款%' OR status = "
                                      "'waiting_customer' OR CAST(json_extract(custom_fields, '$.refund_amount') AS "
                                      "REAL) >= 100")));
    while (query.next())
        expected.insert(query.value(0).toString());
    QSet<QString> shown;
    for (int row = 0; row < queue->rowCount(); ++row)
        shown.insert(queue->ticketId(row));
    QCOMPARE(shown.size(), queue->rowCount());
    QCOMPARE(shown, expected);
    QTRY_COMPARE(views->currentIndex().data(ViewListModel::CountRole).toLongLong(), qint64(expected.size()));
    QVERIFY(table->isColumnHidden(TicketQueueModel::Assignee));
    QVERIFY(!table->isColumnHidden(TicketQueueModel::Subject));

    // Disable it: it stays listed, greyed and uncounted.
    editor = openEditor(window, Qt::ControlModifier, Qt::Key_E);
    QVERIFY(editor);
    QCOMPARE(
        editor->findChild<ConditionRow*>(QStringLiteral("condition_3"))->condition().value().value.toArray().size(), 1);
    editor->findChild<QCheckBox*>(QStringLiteral("viewEnabled"))->setChecked(false);
    QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("viewSave")), Qt::LeftButton);
    QCOMPARE(views->model()->rowCount(), builtIns + 1);
    QVERIFY(views->currentIndex().data().toString().contains(QString::fromUtf8("已停用")));
    QCOMPARE(views->currentIndex().data(ViewListModel::CountRole).toLongLong(), qint64(-1));

    // Delete it: the second press confirms.
    editor = openEditor(window, Qt::ControlModifier, Qt::Key_E);
    auto* remove = editor->findChild<QPushButton*>(QStringLiteral("viewDelete"));
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(editor->isVisible());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(views->model()->rowCount(), builtIns);
}

void TestViewEditor::refusalsShowInTheDialog()
{
    WorkstationCore core(m_desk.store->db());
    MainWindow window(core, DemoDesk::agent, m_desk.languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto* views = window.findChild<QListView*>(QStringLiteral("viewList"));
    const int before = views->model()->rowCount();
    ViewEditorDialog* editor = openEditor(window, Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_V);
    QVERIFY(editor);
    auto* error = editor->findChild<QLabel*>(QStringLiteral("viewError"));
    // No name.
    QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("viewSave")), Qt::LeftButton);
    QVERIFY(editor->isVisible());
    QVERIFY(error->isVisible() && !error->text().isEmpty());
    // A date that is not one.
    commitText(editor->findChild<QLineEdit*>(QStringLiteral("viewNameZh")), QString::fromUtf8("坏日期"));
    choose(editor->findChild<QComboBox*>(QStringLiteral("conditionField_0")), QStringLiteral("created_at"));
    choose(editor->findChild<QComboBox*>(QStringLiteral("conditionOp_0")), int(ConditionOp::After));
    QTest::keyClicks(editor->findChild<QLineEdit*>(QStringLiteral("conditionText_0")), QStringLiteral("2026-13-45"));
    QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("viewSave")), Qt::LeftButton);
    QVERIFY(editor->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("2026-13-45")));
    QCOMPARE(views->model()->rowCount(), before);
    // Fixed, it saves; "now" is understood.
    auto* date = editor->findChild<QLineEdit*>(QStringLiteral("conditionText_0"));
    date->clear();
    QTest::keyClicks(date, QStringLiteral("now"));
    choose(editor->findChild<QComboBox*>(QStringLiteral("conditionOp_0")), int(ConditionOp::Before));
    QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("viewSave")), Qt::LeftButton);
    QVERIFY(!editor->isVisible());
    QCOMPARE(views->model()->rowCount(), before + 1);
}

QTEST_MAIN(TestViewEditor)
#include "tst_vieweditor.moc"
