#include "storage/DraftStore.h"
#include "sync/WorkstationCore.h"
#include "tests/support/DemoDesk.h"
#include "tests/support/InputMethod.h"
#include "ui/main/MainWindow.h"
#include "ui/main/WorkTabs.h"
#include "ui/ticket/TicketEditor.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTest>
#include <QTextLayout>

using namespace gongdan;
using namespace gongdan::test;

/// The ticket editor in the real main window: only legal transitions get buttons, refusals show next
/// to their fields, transfers ask for a group, unsaved edits survive a crash and closing asks first.
class TestTicketEditor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void onlyLegalTransitionsHaveButtons_data();
    void onlyLegalTransitionsHaveButtons();
    void validationErrorBlocksSavingAndShowsNextToTheField();
    void savesEditedFieldsWithCtrlS();
    void transferAsksForTheGroupInline();
    void closeNeedsResolutionAndAnswer();
    void aCustomersScoreIsRecordedAndALowOneReopens();
    void aMadeTransitionLeavesNoTextBehind();
    void internalNoteJoinsTheTimeline();
    void everyTimelineLineIsShownWhole();
    void anOverdueEstimateSaysSo();
    void draftSurvivesACrash();
    void closingATabWithEditsAsks();
    void conflictsAreShownWithTheReplacedValue();
    void aConversationStillArrivingIsSaid();

private:
    TicketEditor* open(const QString& ticketId);

    DemoDesk m_desk;
    std::unique_ptr<MainWindow> m_window;
    QString m_ticketId;
};

void TestTicketEditor::initTestCase()
{
    QVERIFY(m_desk.prepare(QStringLiteral("GongdanTestEditor"), 200));
}

void TestTicketEditor::init()
{
    m_window = std::make_unique<MainWindow>(m_desk.core(), DemoDesk::agent, m_desk.languages);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto created = m_desk.store->tickets().create(
        draftTicket(QString::fromUtf8("洗衣机漏水"), QString::fromUtf8("滚筒下方漏水")), DemoDesk::agent.principal());
    QVERIFY(created.ok());
    m_ticketId = created.value().id;
}

void TestTicketEditor::cleanup()
{
    // Each test starts with the queue alone, not with the tabs the last one left open.
    m_window.reset();
    QVERIFY(m_desk.forgetOpenWork());
}

TicketEditor* TestTicketEditor::open(const QString& ticketId)
{
    return m_window->workTabs()->openTicket(ticketId);
}

void TestTicketEditor::onlyLegalTransitionsHaveButtons_data()
{
    QTest::addColumn<QList<TicketAction>>("path");
    QTest::addColumn<QStringList>("buttons");
    QTest::newRow("new") << QList<TicketAction> {}
                         << QStringList {QStringLiteral("accept"), QStringLiteral("transfer"),
                                QStringLiteral("mark_spam"), QStringLiteral("merge")};
    QTest::newRow("in progress") << QList<TicketAction> {TicketAction::Accept}
                                 << QStringList {QStringLiteral("transfer"), QStringLiteral("request_confirmation"),
                                        QStringLiteral("close"), QStringLiteral("mark_spam"), QStringLiteral("merge")};
    QTest::newRow("spam") << QList<TicketAction> {TicketAction::MarkSpam}
                          << QStringList {QStringLiteral("restore_from_spam")};
}

void TestTicketEditor::onlyLegalTransitionsHaveButtons()
{
    QFETCH(QList<TicketAction>, path);
    QFETCH(QStringList, buttons);
    for (TicketAction action : path) {
        TransitionRequest request;
        request.action = action;
        QVERIFY(m_desk.store->tickets().transition(m_ticketId, request, DemoDesk::agent.principal()).ok());
    }
    TicketEditor* editor = open(m_ticketId);
    QVERIFY(editor);
    QStringList shown;
    for (QPushButton* button : editor->findChildren<QPushButton*>()) {
        if (button->objectName().startsWith(QLatin1String("action_")))
            shown.append(button->objectName().mid(7));
    }
    for (const QString& expected : buttons)
        QVERIFY2(shown.contains(expected), qPrintable(expected));
    // Nothing else: closing a new ticket or reopening an open one has no button at all.
    for (const QString& key : shown)
        QVERIFY2(buttons.contains(key) || key == QLatin1String("resume"), qPrintable(key));
    QVERIFY(!shown.contains(QStringLiteral("reopen")));
}

void TestTicketEditor::validationErrorBlocksSavingAndShowsNextToTheField()
{
    TicketEditor* editor = open(m_ticketId);
    auto* subject = editor->findChild<QLineEdit*>(QStringLiteral("field_subject"));
    QVERIFY(subject);
    subject->setFocus();
    QTest::keyClick(subject, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(subject, Qt::Key_Delete);
    // A malformed e-mail in a custom field as well.
    auto* email = editor->findChild<QWidget*>(QStringLiteral("field_contact_email"));
    QVERIFY(email);
    auto* emailEdit = email->findChild<QLineEdit*>();
    QVERIFY(emailEdit);
    QTest::keyClicks(emailEdit, QStringLiteral("not-an-address"));
    QTest::keyClick(emailEdit, Qt::Key_S, Qt::ControlModifier);

    auto* subjectError = editor->findChild<QLabel*>(QStringLiteral("error_subject"));
    QVERIFY(subjectError->isVisible());
    QVERIFY(!subjectError->text().isEmpty());
    auto* emailError = editor->findChild<QLabel*>(QStringLiteral("error_contact_email"));
    QVERIFY(emailError->isVisible());
    QVERIFY(!emailError->text().isEmpty());
    QVERIFY(QApplication::activeModalWidget() == nullptr); // inline, never a box
    QCOMPARE(m_desk.store->tickets().find(m_ticketId)->subject, QString::fromUtf8("洗衣机漏水"));
    QVERIFY(editor->hasUnsavedChanges()); // what was typed is still there
}

void TestTicketEditor::savesEditedFieldsWithCtrlS()
{
    TicketEditor* editor = open(m_ticketId);
    auto* priority = editor->findChild<QComboBox*>(QStringLiteral("field_priority"));
    priority->setFocus();
    QTest::keyClick(priority, Qt::Key_End); // 特急
    QVERIFY(editor->hasUnsavedChanges());
    QTest::keyClick(priority, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!editor->hasUnsavedChanges());
    QCOMPARE(m_desk.store->tickets().find(m_ticketId)->priority, Priority::Critical);
    QVERIFY(editor->findChild<QLabel*>(QStringLiteral("ticketPriority"))->text().contains(QString::fromUtf8("特急")));
}

void TestTicketEditor::transferAsksForTheGroupInline()
{
    TicketEditor* editor = open(m_ticketId);
    auto* transfer = editor->findChild<QPushButton*>(QStringLiteral("action_transfer"));
    QVERIFY(transfer);
    QTest::mouseClick(transfer, Qt::LeftButton);
    auto* panel = editor->findChild<QWidget*>(QStringLiteral("transitionPanel"));
    QVERIFY(panel->isVisible());
    auto* group = editor->findChild<QComboBox*>(QStringLiteral("transitionGroup"));
    QCOMPARE(QApplication::focusWidget(), group);
    // Only the other groups: the ticket's own is not a place to transfer it to.
    const QString own = m_desk.store->tickets().find(m_ticketId)->groupId;
    QVERIFY(!own.isEmpty());
    QCOMPARE(group->findData(own), -1);
    QVERIFY(group->count() > 1);
    // Confirming without a group is refused in the panel; the ticket does not move.
    QTest::keyClick(group, Qt::Key_Return, Qt::ControlModifier);
    auto* error = editor->findChild<QLabel*>(QStringLiteral("transitionError"));
    QVERIFY(!error->text().isEmpty());
    QCOMPARE(m_desk.store->tickets().find(m_ticketId)->status, TicketStatus::New);

    QTest::keyClick(group, Qt::Key_Down);
    const QString target = group->currentData().toString();
    QVERIFY(!target.isEmpty());
    auto* note = editor->findChild<QPlainTextEdit*>(QStringLiteral("transitionNote"));
    note->setFocus();
    commitText(note, QString::fromUtf8("需要售后上门"));
    QTest::keyClick(note, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(!panel->isVisible());
    const auto moved = m_desk.store->tickets().find(m_ticketId);
    QCOMPARE(moved->groupId, target);
    QVERIFY(moved->assigneeId.isEmpty());
}

void TestTicketEditor::closeNeedsResolutionAndAnswer()
{
    TransitionRequest accept;
    accept.action = TicketAction::Accept;
    QVERIFY(m_desk.store->tickets().transition(m_ticketId, accept, DemoDesk::agent.principal()).ok());
    TicketEditor* editor = open(m_ticketId);
    editor->runAction(TicketAction::Close);
    auto* resolution = editor->findChild<QPlainTextEdit*>(QStringLiteral("transitionResolution"));
    QCOMPARE(QApplication::focusWidget(), resolution);
    commitText(resolution, QString::fromUtf8("更换进水管"));
    QTest::keyClick(resolution, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(!editor->findChild<QLabel*>(QStringLiteral("transitionError"))->text().isEmpty()); // no answer yet
    QCOMPARE(m_desk.store->tickets().find(m_ticketId)->status, TicketStatus::InProgress);
    auto* answer = editor->findChild<QComboBox*>(QStringLiteral("transitionAnswer"));
    answer->setCurrentIndex(answer->findData(Lifecycle::answerKey(CustomerAnswer::Satisfied)));
    QTest::keyClick(answer, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(m_desk.store->tickets().find(m_ticketId)->status, TicketStatus::Closed);
    // Closed now: the only way on is reopening.
    QVERIFY(editor->findChild<QPushButton*>(QStringLiteral("action_reopen")));
    QVERIFY(!editor->findChild<QPushButton*>(QStringLiteral("action_close")));
}

// 满意度: scored on the phone while closing (the score alone answers), or afterwards on the closed ticket, where a
// 1 or 2 sends it back to 待跟进 for a second follow-up. The header shows the score; the history both.
void TestTicketEditor::aCustomersScoreIsRecordedAndALowOneReopens()
{
    TransitionRequest accept;
    accept.action = TicketAction::Accept;
    QVERIFY(m_desk.store->tickets().transition(m_ticketId, accept, DemoDesk::agent.principal()).ok());
    TicketEditor* editor = open(m_ticketId);
    editor->runAction(TicketAction::Close);
    commitText(
        editor->findChild<QPlainTextEdit*>(QStringLiteral("transitionResolution")), QString::fromUtf8("更换进水管"));
    auto* score = editor->findChild<QComboBox*>(QStringLiteral("transitionScore"));
    QVERIFY(score->isVisible());
    score->setCurrentIndex(score->findData(5));
    QTest::keyClick(score, Qt::Key_Return, Qt::ControlModifier);
    Ticket ticket = *m_desk.store->tickets().find(m_ticketId);
    QCOMPARE(ticket.status, TicketStatus::Closed);
    QCOMPARE(ticket.satisfaction, 5);
    QVERIFY(ticket.ratedAt.isValid());
    auto* status = editor->findChild<QLabel*>(QStringLiteral("ticketStatus"));
    QVERIFY2(status->text().contains(QStringLiteral("5/5")), qPrintable(status->text()));

    // The survey's answer comes later: a score is required, then a 1 reopens the ticket.
    auto* rate = editor->findChild<QPushButton*>(QStringLiteral("action_rate"));
    QVERIFY(rate);
    rate->click();
    QCOMPARE(QApplication::focusWidget(), score);
    QVERIFY(!editor->findChild<QPlainTextEdit*>(QStringLiteral("transitionResolution"))->isVisible());
    QTest::keyClick(score, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(!editor->findChild<QLabel*>(QStringLiteral("transitionError"))->text().isEmpty());
    QCOMPARE(m_desk.store->tickets().find(m_ticketId)->satisfaction, 5);
    score->setCurrentIndex(score->findData(1));
    commitText(editor->findChild<QLineEdit*>(QStringLiteral("transitionScoreComment")), QString::fromUtf8("等了三天"));
    if (const QString dir = qEnvironmentVariable("GONGDAN_SCREENSHOTS"); !dir.isEmpty()) {
        QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("satisfaction-zh_CN.png"))));
        QVERIFY(m_desk.languages.switchTo(QLocale(QLocale::English, QLocale::UnitedStates)));
        QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("satisfaction-en.png"))));
        QVERIFY(m_desk.languages.switchTo(QLocale(QLocale::Chinese, QLocale::China)));
    }
    QTest::keyClick(score, Qt::Key_Return, Qt::ControlModifier);
    ticket = *m_desk.store->tickets().find(m_ticketId);
    QCOMPARE(ticket.status, TicketStatus::FollowUp);
    QCOMPARE(ticket.satisfaction, 1);
    QCOMPARE(ticket.satisfactionComment, QString::fromUtf8("等了三天"));
    QVERIFY2(status->text().contains(QStringLiteral("1/5")), qPrintable(status->text()));
    QCOMPARE(status->toolTip(), QString::fromUtf8("等了三天"));
    QStringList scored;
    for (const TicketEvent& e : m_desk.store->tickets().events(m_ticketId))
        if (e.field == QLatin1String("satisfaction"))
            scored.append(e.oldValue + QStringLiteral("->") + e.newValue);
    QCOMPARE(scored, (QStringList {QStringLiteral("->5"), QStringLiteral("5->1")}));
}

// What was typed for a transition that was made is not offered again (the next solution would be joined to
// it); what was typed for one the agent only put away is still there when they come back to it.
void TestTicketEditor::aMadeTransitionLeavesNoTextBehind()
{
    TransitionRequest accept;
    accept.action = TicketAction::Accept;
    QVERIFY(m_desk.store->tickets().transition(m_ticketId, accept, DemoDesk::agent.principal()).ok());
    TicketEditor* editor = open(m_ticketId);
    auto* resolution = editor->findChild<QPlainTextEdit*>(QStringLiteral("transitionResolution"));
    editor->runAction(TicketAction::RequestConfirmation);
    commitText(resolution, QString::fromUtf8("更换进水管"));
    QTest::keyClick(resolution, Qt::Key_Escape); // put away
    editor->runAction(TicketAction::RequestConfirmation);
    QCOMPARE(resolution->toPlainText(), QString::fromUtf8("更换进水管"));
    QTest::keyClick(resolution, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(m_desk.store->tickets().find(m_ticketId)->status, TicketStatus::WaitingCustomer);
    editor->runAction(TicketAction::Close);
    QCOMPARE(QApplication::focusWidget(), resolution);
    QVERIFY2(resolution->toPlainText().isEmpty(), qPrintable(resolution->toPlainText()));
}

void TestTicketEditor::internalNoteJoinsTheTimeline()
{
    TicketEditor* editor = open(m_ticketId);
    auto* timeline = editor->findChild<QListView*>(QStringLiteral("timeline"));
    const int before = timeline->model()->rowCount();
    QTest::mouseClick(editor->findChild<QRadioButton*>(QStringLiteral("composerInternal")), Qt::LeftButton);
    auto* text = editor->findChild<QPlainTextEdit*>(QStringLiteral("composerText"));
    text->setFocus();
    commitText(text, QString::fromUtf8("已联系仓库"));
    // A note being written is a draft, not a field change: saving the fields would never send it.
    QVERIFY(!editor->hasUnsavedChanges());
    QTest::keyClick(text, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(timeline->model()->rowCount(), before + 1);
    const auto comments = m_desk.store->tickets().comments(m_ticketId);
    QCOMPARE(comments.last().body, QString::fromUtf8("已联系仓库"));
    QCOMPARE(comments.last().visibility, CommentVisibility::Internal);
    QVERIFY(text->toPlainText().isEmpty());
    QVERIFY(!editor->hasUnsavedChanges());
}

/// The height `text` needs at `width` in `font`, from its laid-out lines (fallback fonts included).
static qreal neededHeight(QString text, const QFont& font, int width)
{
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    QTextLayout layout(text, font);
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(wrap);
    qreal height = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        height += line.height();
    }
    layout.endLayout();
    return height;
}

void TestTicketEditor::everyTimelineLineIsShownWhole()
{
    // A comment whose heading mixes a Chinese name with Latin text and whose body wraps over several lines:
    // its row is tall enough for every line (nothing elided or cut), at any width the agent gives the pane.
    QString body;
    for (int i = 0; i < 12; ++i)
        body += QStringLiteral("The printer jams on every page after the update, ");
    QVERIFY(m_desk.store->tickets()
                .addComment(m_ticketId, CommentVisibility::Public, body, {}, DemoDesk::agent.principal())
                .ok());
    // In English, where the name comes from a fallback font with taller lines than the Latin text around it.
    QVERIFY(m_desk.languages.switchTo(QLocale(QLocale::English, QLocale::UnitedStates)));
    const auto backToChinese
        = qScopeGuard([this] { QVERIFY(m_desk.languages.switchTo(QLocale(QLocale::Chinese, QLocale::China))); });
    TicketEditor* editor = open(m_ticketId);
    auto* timeline = editor->findChild<QListView*>(QStringLiteral("timeline"));
    QAbstractItemModel* model = timeline->model();
    QModelIndex comment;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(Qt::DisplayRole).toString().contains(body))
            comment = model->index(row, 0);
    }
    QVERIFY(comment.isValid());
    for (const int width : {640, 360}) {
        timeline->setFixedWidth(width);
        QVERIFY(QTest::qWaitFor([&] { return timeline->viewport()->width() < width; }, 2000));
        QTest::qWait(50); // the view lays its rows out again for the new width
        const int available = timeline->viewport()->width();
        const qreal needed = neededHeight(comment.data().toString(), timeline->font(), available - 12);
        QVERIFY2(timeline->visualRect(comment).height() >= needed,
            qPrintable(QStringLiteral("row %1 px, its lines need %2 px at %3 px")
                           .arg(timeline->visualRect(comment).height())
                           .arg(needed)
                           .arg(available)));
    }
    // An internal note sits on a pale yellow band, so it is never mistaken for a reply the customer read.
    QVERIFY(m_desk.store->tickets()
                .addComment(m_ticketId, CommentVisibility::Internal, QStringLiteral("Warehouse called back"), {},
                    DemoDesk::agent.principal())
                .ok());
    delete editor; // opened again, it reads the conversation afresh
    editor = open(m_ticketId);
    timeline = editor->findChild<QListView*>(QStringLiteral("timeline"));
    model = timeline->model();
    QModelIndex note;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(Qt::DisplayRole).toString().contains(QStringLiteral("Warehouse called back")))
            note = model->index(row, 0);
    }
    QVERIFY(note.isValid());
    timeline->clearSelection();
    QTest::qWait(50);
    const QImage shown = timeline->viewport()->grab().toImage();
    const QRect noteRect = timeline->visualRect(note);
    QCOMPARE(shown.pixelColor(noteRect.right() - 3, noteRect.bottom() - 2), QColor(0xFF, 0xF8, 0xDC));
    if (!qEnvironmentVariableIsEmpty("GONGDAN_SCREENSHOTS"))
        editor->grab().save(qEnvironmentVariable("GONGDAN_SCREENSHOTS") + QStringLiteral("/timeline.png"));
}

void TestTicketEditor::anOverdueEstimateSaysSo()
{
    // Overdue by this desk's count while its own changes still wait for the server: said as an estimate; once the
    // server has them (nothing queued), plainly.
    QSqlQuery state(m_desk.store->db().sql());
    QVERIFY(state.exec(QStringLiteral("UPDATE ticket SET resolution_due_ms = %1 WHERE id = '%2'")
                           .arg(m_desk.store->clock.now().addSecs(-3600).toMSecsSinceEpoch())
                           .arg(m_ticketId)));
    TicketEditor* editor = open(m_ticketId);
    auto* sla = editor->findChild<QLabel*>(QStringLiteral("slaCountdown"));
    const QString estimate = QCoreApplication::translate("gongdan::SlaLabel", "Likely overdue by %1 (offline estimate)")
                                 .section(QStringLiteral("%1"), 0, 0);
    QVERIFY2(sla->text().contains(estimate), qPrintable(sla->text()));
    delete editor;
    QVERIFY(state.exec(QStringLiteral("DELETE FROM outbox WHERE entity_id = '%1'").arg(m_ticketId)));
    editor = open(m_ticketId);
    sla = editor->findChild<QLabel*>(QStringLiteral("slaCountdown"));
    QVERIFY2(!sla->text().contains(estimate), qPrintable(sla->text()));
    QVERIFY(sla->text().contains(
        QCoreApplication::translate("gongdan::SlaLabel", "Overdue by %1").section(QStringLiteral("%1"), 0, 0)));
}

void TestTicketEditor::conflictsAreShownWithTheReplacedValue()
{
    TicketEditor* editor = open(m_ticketId);
    auto* banner = editor->findChild<QLabel*>(QStringLiteral("conflictBanner"));
    QVERIFY(!banner->isVisible());
    // A conflict as a pull delivers it: the subject was changed on two desks; the server kept one.
    QSqlQuery insert(m_desk.store->db().sql());
    insert.prepare(QStringLiteral("INSERT INTO ticket_conflict(id, ticket_id, data, server_seq) VALUES (?, ?, ?, 7)"));
    insert.addBindValue(QStringLiteral("c-1"));
    insert.addBindValue(m_ticketId);
    insert.addBindValue(QString::fromUtf8(
        R"({"field":"subject","kept":"经理改的","lost":"李娜改的","base":"原标题","ticket_id":"x","server_seq":7})"));
    QVERIFY(insert.exec());
    // As the sync engine reports the pull.
    m_desk.core().changes().publish({StoreChange::Kind::Tickets | StoreChange::Kind::Pulled, {m_ticketId}});
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QString::fromUtf8("李娜改的")), qPrintable(banner->text()));
    QVERIFY(banner->text().contains(QString::fromUtf8("经理改的")));
}

void TestTicketEditor::aConversationStillArrivingIsSaid()
{
    // A first sync has stored this colleague's ticket and is still bringing the conversations (the
    // range SyncCache::setConversationsPending records).
    QSqlQuery state(m_desk.store->db().sql());
    QVERIFY(
        state.exec(QStringLiteral("UPDATE ticket SET assignee_id = 'a-colleague' WHERE id = '%1'").arg(m_ticketId)));
    QVERIFY(state.exec(QStringLiteral("UPDATE sync_state SET talk_after = '', talk_upto = '%1'").arg(m_ticketId)));
    TicketEditor* editor = open(m_ticketId);
    auto* note = editor->findChild<QLabel*>(QStringLiteral("conversationArriving"));
    auto* timeline = editor->findChild<QListView*>(QStringLiteral("timeline"));
    QVERIFY(note && note->isVisible());
    QVERIFY(!note->text().isEmpty());
    const int before = timeline->model()->rowCount();
    // Its comment is stored, then the range moves past it: the note goes and the timeline shows it.
    QVERIFY(m_desk.store->tickets()
                .addComment(m_ticketId, CommentVisibility::Public, QString::fromUtf8("上门时间已确认"), {},
                    DemoDesk::agent.principal())
                .ok());
    QVERIFY(state.exec(QStringLiteral("UPDATE sync_state SET talk_after = '%1'").arg(m_ticketId)));
    QVERIFY(QTest::qWaitFor([&] { return !note->isVisible(); }, 5000));
    QCOMPARE(timeline->model()->rowCount(), before + 1);
    QVERIFY(state.exec(QStringLiteral("UPDATE sync_state SET talk_after = NULL, talk_upto = NULL")));

    // The agent's own ticket, stored before its conversation (the own tickets' come first of all): said
    // too, whatever the range, until the own conversations are in.
    QVERIFY(state.exec(QStringLiteral("UPDATE ticket SET assignee_id = '%1' WHERE id = '%2'")
                           .arg(DemoDesk::agent.agentId, m_ticketId)));
    QVERIFY(state.exec(QStringLiteral("UPDATE sync_state SET talk_own = 1, talk_after = '', talk_upto = '%1'")
                           .arg(m_ticketId))); // the range is the others': not this one
    delete editor; // its tab goes with it; opened again, it reads the state afresh
    editor = open(m_ticketId);
    note = editor->findChild<QLabel*>(QStringLiteral("conversationArriving"));
    QVERIFY(note && note->isVisible());
    QVERIFY(state.exec(QStringLiteral("UPDATE sync_state SET talk_own = 0")));
    QVERIFY(QTest::qWaitFor([&] { return !note->isVisible(); }, 5000));
    QVERIFY(state.exec(QStringLiteral("UPDATE sync_state SET talk_after = NULL, talk_upto = NULL")));
}

void TestTicketEditor::draftSurvivesACrash()
{
    TicketEditor* editor = open(m_ticketId);
    auto* subject = editor->findChild<QLineEdit*>(QStringLiteral("field_subject"));
    subject->setFocus();
    QTest::keyClick(subject, Qt::Key_End);
    commitText(subject, QString::fromUtf8("（二次）"));
    DraftStore drafts(m_desk.store->db());
    QTRY_VERIFY(
        drafts.load(DraftStore::ticketKey(DemoDesk::agent.agentId, m_ticketId)).has_value()); // saved while typing
    // The window goes away without asking, as in a crash; the store still holds the draft.
    const QString ticketId = m_ticketId;
    m_window.reset();
    init();
    m_ticketId = ticketId;

    editor = open(m_ticketId);
    QCOMPARE(editor->findChild<QLineEdit*>(QStringLiteral("field_subject"))->text(),
        QString::fromUtf8("洗衣机漏水（二次）"));
    QVERIFY(editor->findChild<QLabel*>(QStringLiteral("draftBanner"))->isVisible());
    QVERIFY(editor->hasUnsavedChanges());
    QCOMPARE(m_desk.store->tickets().find(m_ticketId)->subject, QString::fromUtf8("洗衣机漏水"));
    // Discarding forgets the draft.
    QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("draftDiscard")), Qt::LeftButton);
    QVERIFY(!editor->hasUnsavedChanges());
    QVERIFY(!drafts.load(DraftStore::ticketKey(DemoDesk::agent.agentId, m_ticketId)).has_value());
}

void TestTicketEditor::closingATabWithEditsAsks()
{
    TicketEditor* editor = open(m_ticketId);
    WorkTabs* tabs = m_window->workTabs();
    QCOMPARE(tabs->count(), 2);
    auto* subject = editor->findChild<QLineEdit*>(QStringLiteral("field_subject"));
    subject->setFocus();
    commitText(subject, QStringLiteral("!"));
    QTest::keyClick(subject, Qt::Key_W, Qt::ControlModifier);

    QMessageBox* question = nullptr;
    QTRY_VERIFY((question = m_window->findChild<QMessageBox*>(QStringLiteral("unsavedQuestion"))));
    QCOMPARE(tabs->count(), 2); // nothing closes before the answer
    QTest::mouseClick(question->button(QMessageBox::Cancel), Qt::LeftButton);
    QCOMPARE(tabs->count(), 2);
    QVERIFY(editor->hasUnsavedChanges());

    QTest::keyClick(subject, Qt::Key_W, Qt::ControlModifier);
    QTRY_VERIFY(
        (question = m_window->findChild<QMessageBox*>(QStringLiteral("unsavedQuestion"))) && question->isVisible());
    QTest::mouseClick(question->button(QMessageBox::Save), Qt::LeftButton);
    QTRY_COMPARE(tabs->count(), 1);
    QCOMPARE(m_desk.store->tickets().find(m_ticketId)->subject, QString::fromUtf8("洗衣机漏水!"));
}

QTEST_MAIN(TestTicketEditor)
#include "tst_ticketeditor.moc"
