#include "WorkTabs.h"

#include "CallPanel.h"
#include "CustomerArchive.h"
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

QList<WorkPage*> WorkTabs::pages() const
{
    QList<WorkPage*> result;
    for (int i = 0; i < count(); ++i) {
        if (auto* page = qobject_cast<WorkPage*>(widget(i)))
            result.append(page);
    }
    return result;
}

void WorkTabs::addPage(WorkPage* page)
{
    connect(page, &WorkPage::titleChanged, this, [this, page] { updateTitle(page); });
    connect(page, &WorkPage::openTicketRequested, this, &WorkTabs::openTicket);
    setCurrentIndex(addTab(page, page->title()));
    updateTitle(page);
    page->setFocus();
}

TicketEditor* WorkTabs::openTicket(const QString& ticketId)
{
    for (WorkPage* page : pages()) {
        if (auto* editor = qobject_cast<TicketEditor*>(page); editor && editor->ticketId() == ticketId) {
            setCurrentWidget(editor);
            return editor;
        }
    }
    auto* editor = new TicketEditor(m_ws, ticketId, this);
    if (!editor->isValid()) {
        delete editor;
        return nullptr;
    }
    connect(editor, &TicketEditor::ticketChanged, this, &WorkTabs::ticketChanged);
    addPage(editor);
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
    addPage(panel);
    return panel;
}

CustomerArchive* WorkTabs::openCustomers()
{
    for (WorkPage* page : pages()) {
        if (auto* archive = qobject_cast<CustomerArchive*>(page)) {
            setCurrentWidget(archive);
            archive->setFocus();
            return archive;
        }
    }
    auto* archive = new CustomerArchive(m_ws, this);
    addPage(archive);
    return archive;
}

void WorkTabs::updateTitle(WorkPage* page)
{
    const int index = indexOf(page);
    if (index < 0)
        return;
    setTabText(index, page->title());
    setTabToolTip(index, page->title());
}

void WorkTabs::requestClose(int index)
{
    auto* page = qobject_cast<WorkPage*>(widget(index));
    if (index <= 0 || !page)
        return;
    const auto close = [this, page] {
        removeTab(indexOf(page));
        page->deleteLater();
    };
    if (!page->hasUnsavedChanges()) {
        close();
        return;
    }
    setCurrentIndex(index);
    ask(tr("“%1” has changes that are not saved.").arg(tabText(index)), [page, close](bool save) {
        if (save && !page->save())
            return; // the refusal shows on the page; the tab stays
        if (!save)
            page->discard();
        if (!save || !page->closesAfterSave())
            close();
    });
}

bool WorkTabs::hasUnsavedWork() const
{
    const QList<WorkPage*> open = pages();
    return std::any_of(open.cbegin(), open.cend(), [](WorkPage* page) { return page->hasUnsavedChanges(); });
}

void WorkTabs::settleUnsavedWork(const std::function<void()>& proceed)
{
    if (!hasUnsavedWork()) {
        proceed();
        return;
    }
    ask(tr("Some open tickets or calls have changes that are not saved."), [this, proceed](bool save) {
        for (WorkPage* page : pages()) {
            if (!page->hasUnsavedChanges())
                continue;
            if (save && !page->save()) {
                setCurrentWidget(page);
                return; // the agent sees what was refused
            }
            if (!save)
                page->discard();
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
    for (WorkPage* page : pages())
        page->ticketsChanged(ticketIds);
}

void WorkTabs::retranslate()
{
    setTabText(0, tr("Queue"));
    for (WorkPage* page : pages()) {
        page->retranslate();
        updateTitle(page);
    }
}

void WorkTabs::definitionsChanged()
{
    for (WorkPage* page : pages())
        page->definitionsChanged();
}

} // namespace gongdan
