#include "WorkTabs.h"

#include "CallPanel.h"
#include "DraftStore.h"
#include "TicketEditor.h"

#include <QMessageBox>
#include <QPushButton>
#include <QTabBar>

namespace gongdan {

WorkTabs::WorkTabs(const Workstation& workstation, QWidget* queuePage, QWidget* parent)
    : QTabWidget(parent), m_ws(workstation)
{
    setObjectName(QStringLiteral("workTabs"));
    setDocumentMode(true);
    setTabsClosable(true);
    setMovable(true);
    addTab(queuePage, QString());
    // The queue stays: its tab has no close button.
    tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    connect(this, &QTabWidget::tabCloseRequested, this, &WorkTabs::requestClose);
    retranslate();
}

TicketEditor* WorkTabs::openTicket(const QString& ticketId)
{
    for (int i = 1; i < count(); ++i) {
        if (auto* editor = qobject_cast<TicketEditor*>(widget(i)); editor && editor->ticketId() == ticketId) {
            setCurrentIndex(i);
            return editor;
        }
    }
    auto* editor = new TicketEditor(m_ws, ticketId, this);
    if (!editor->isValid()) {
        delete editor;
        return nullptr;
    }
    connect(editor, &TicketEditor::ticketChanged, this, &WorkTabs::ticketChanged);
    connect(editor, &TicketEditor::titleChanged, this, [this, editor] { updateTitle(editor); });
    setCurrentIndex(addTab(editor, editor->title()));
    updateTitle(editor);
    editor->setFocus();
    return editor;
}

CallPanel* WorkTabs::openCall(bool phoneCall)
{
    auto* panel = new CallPanel(m_ws, phoneCall ? CallPanel::Mode::PhoneCall : CallPanel::Mode::Ticket, this);
    connect(panel, &CallPanel::finished, this, [this, panel](const QString& ticketId) {
        removeTab(indexOf(panel));
        panel->deleteLater();
        Q_EMIT ticketChanged(ticketId);
        openTicket(ticketId);
    });
    connect(panel, &CallPanel::titleChanged, this, [this, panel] { updateTitle(panel); });
    setCurrentIndex(addTab(panel, panel->title()));
    panel->setFocus();
    return panel;
}

void WorkTabs::updateTitle(QWidget* page)
{
    const int index = indexOf(page);
    if (index < 0)
        return;
    if (auto* editor = qobject_cast<TicketEditor*>(page)) {
        setTabText(index, editor->title());
        setTabToolTip(index, editor->title());
    }
    if (auto* call = qobject_cast<CallPanel*>(page))
        setTabText(index, call->title());
}

void WorkTabs::requestClose(int index)
{
    QWidget* page = widget(index);
    if (index <= 0 || !page)
        return;
    auto* editor = qobject_cast<TicketEditor*>(page);
    auto* call = qobject_cast<CallPanel*>(page);
    const auto close = [this, page] {
        removeTab(indexOf(page));
        page->deleteLater();
    };
    const bool unsaved = (editor && editor->hasUnsavedChanges()) || (call && call->hasUnsavedChanges());
    if (!unsaved) {
        close();
        return;
    }
    setCurrentIndex(index);
    ask(tr("“%1” has changes that are not saved.").arg(tabText(index)), [editor, call, close](bool save) {
        if (editor && save && !editor->save())
            return; // the refusal shows next to its field; the tab stays
        if (call && save && !call->createTicket())
            return;
        if (editor && !save)
            editor->discard();
        if (!call || !save) // a created call's tab closes itself
            close();
    });
}

bool WorkTabs::hasUnsavedWork() const
{
    for (int i = 1; i < count(); ++i) {
        auto* editor = qobject_cast<TicketEditor*>(widget(i));
        auto* call = qobject_cast<CallPanel*>(widget(i));
        if ((editor && editor->hasUnsavedChanges()) || (call && call->hasUnsavedChanges()))
            return true;
    }
    return false;
}

void WorkTabs::settleUnsavedWork(const std::function<void()>& proceed)
{
    if (!hasUnsavedWork()) {
        proceed();
        return;
    }
    ask(tr("Some open tickets or calls have changes that are not saved."), [this, proceed](bool save) {
        for (int i = count() - 1; i >= 1; --i) {
            auto* editor = qobject_cast<TicketEditor*>(widget(i));
            if (!editor || !editor->hasUnsavedChanges())
                continue;
            if (save && !editor->save()) {
                setCurrentIndex(i);
                return; // the agent sees what was refused
            }
            if (!save)
                editor->discard();
        }
        proceed();
    });
}

void WorkTabs::ask(const QString& text, const std::function<void(bool save)>& onAnswer)
{
    auto* box = new QMessageBox(QMessageBox::Question, tr("Unsaved changes"), text,
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("unsavedQuestion"));
    box->setInformativeText(tr("Save them, discard them, or go back to them?"));
    box->setDefaultButton(QMessageBox::Save);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [onAnswer, box](int) {
        const auto answer = box->standardButton(box->clickedButton());
        if (answer == QMessageBox::Save || answer == QMessageBox::Discard)
            onAnswer(answer == QMessageBox::Save);
    });
    box->open();
}

void WorkTabs::ticketsChanged(const QStringList& ticketIds)
{
    for (int i = 1; i < count(); ++i) {
        if (auto* editor = qobject_cast<TicketEditor*>(widget(i)); editor && ticketIds.contains(editor->ticketId()))
            editor->reload();
    }
}

void WorkTabs::retranslate()
{
    setTabText(0, tr("Queue"));
    for (int i = 1; i < count(); ++i) {
        if (auto* editor = qobject_cast<TicketEditor*>(widget(i)))
            editor->retranslate();
        if (auto* call = qobject_cast<CallPanel*>(widget(i))) {
            call->retranslate();
            setTabText(i, call->title());
        }
    }
}

void WorkTabs::definitionsChanged()
{
    for (int i = 1; i < count(); ++i) {
        if (auto* editor = qobject_cast<TicketEditor*>(widget(i)))
            editor->definitionsChanged();
        if (auto* call = qobject_cast<CallPanel*>(widget(i)))
            call->definitionsChanged();
    }
}

} // namespace gongdan
