#include "ui/main/WorkTabs.h"

#include "storage/DraftStore.h"
#include "ui/call/CallPanel.h"
#include "ui/customer/CustomerArchive.h"
#include "ui/ticket/TicketEditor.h"

#include <QJsonArray>
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
    connect(this, &QTabWidget::currentChanged, this, &WorkTabs::saveTabs);
    connect(tabBar(), &QTabBar::tabMoved, this, &WorkTabs::saveTabs);
    retranslate();
}

WorkTabs::~WorkTabs()
{
    // The tabs going away with the window are not closed by the agent: the list stays for the next start.
    m_keepingTabs = false;
    disconnect(tabBar(), nullptr, this, nullptr);
    disconnect(this, nullptr, this, nullptr);
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

void WorkTabs::insertPage(WorkPage* page)
{
    connect(page, &WorkPage::titleChanged, this, [this, page] { updateTitle(page); });
    connect(page, &WorkPage::openTicketRequested, this, &WorkTabs::openTicket);
    connect(page, &WorkPage::closeRequested, this, [this, page] {
        // Nothing left on the page (its ticket discarded by the agent, or seen to have left): it goes.
        if (const int index = indexOf(page); index > 0) {
            removeTab(index);
            page->deleteLater();
            saveTabs();
        }
    });
    addTab(page, page->title());
    updateTitle(page);
}

void WorkTabs::addPage(WorkPage* page)
{
    insertPage(page);
    setCurrentWidget(page);
    page->setFocus();
}

TicketEditor* WorkTabs::newTicketEditor(const QString& ticketId)
{
    auto* editor = new TicketEditor(m_ws, ticketId, this);
    if (!editor->isValid()) {
        delete editor;
        return nullptr;
    }
    return editor;
}

TicketEditor* WorkTabs::openTicket(const QString& ticketId)
{
    for (WorkPage* page : pages()) {
        if (auto* editor = qobject_cast<TicketEditor*>(page); editor && editor->ticketId() == ticketId) {
            setCurrentWidget(editor);
            Q_EMIT ticketOpened(ticketId);
            return editor;
        }
    }
    TicketEditor* editor = newTicketEditor(ticketId);
    if (editor) {
        addPage(editor);
        Q_EMIT ticketOpened(ticketId);
    }
    return editor;
}

CallPanel* WorkTabs::connectFinish(CallPanel* panel)
{
    connect(panel, &CallPanel::finished, this, [this, panel](const QString& ticketId) {
        removeTab(indexOf(panel));
        panel->deleteLater();
        openTicket(ticketId); // the new ticket reached the queue through the change stream
    });
    return panel;
}

CallPanel* WorkTabs::openCall(bool phoneCall)
{
    auto* panel
        = connectFinish(new CallPanel(m_ws, phoneCall ? CallPanel::Mode::PhoneCall : CallPanel::Mode::Ticket, this));
    addPage(panel);
    return panel;
}

CallPanel* WorkTabs::restoreCall(const QString& key)
{
    const auto draft = m_ws.drafts.load(DraftStore::agentKey(m_ws.session.agentId, key));
    CallPanel* panel = draft ? CallPanel::fromDraft(m_ws, key, *draft, this) : nullptr;
    return panel ? connectFinish(panel) : nullptr;
}

void WorkTabs::restoreTabs()
{
    const QString agentId = m_ws.session.agentId;
    const auto list = m_ws.drafts.load(DraftStore::tabsKey(agentId));
    const QJsonArray keys = list ? list->body.value(QStringLiteral("tabs")).toArray() : QJsonArray();
    const qsizetype shown = list ? list->body.value(QStringLiteral("current")).toInteger(-1) : -1;
    WorkPage* current = nullptr;
    QStringList reopened;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QString key = keys.at(i).toString();
        if (reopened.contains(key))
            continue;
        reopened.append(key);
        WorkPage* page = nullptr;
        if (key.startsWith(QLatin1String("ticket:")))
            page = newTicketEditor(key.mid(7)); // null for a ticket that no longer exists: left out
        else if (key.startsWith(QLatin1String("call:")))
            page = restoreCall(key);
        else if (key == QLatin1String("customers"))
            page = new CustomerArchive(m_ws, this);
        if (page)
            insertPage(page);
        if (i == shown)
            current = page;
    }
    // The workstation stopped between saving a call's draft and the list: the call comes back all the same.
    const QString mine = DraftStore::agentKey(agentId, QString());
    for (const QString& stored : m_ws.drafts.keys(mine + QStringLiteral("call:"))) {
        const QString key = stored.mid(mine.size());
        if (reopened.contains(key))
            continue;
        reopened.append(key);
        if (CallPanel* panel = restoreCall(key))
            insertPage(panel);
    }
    if (current) {
        setCurrentWidget(current);
        current->setFocus();
    }
    m_keepingTabs = true;
    saveTabs();
}

void WorkTabs::putAway()
{
    // Another person signs in: the open work stays the previous person's (its drafts and tab list under
    // their name), and leaves the screen without a question.
    saveTabs();
    m_keepingTabs = false;
    for (WorkPage* page : pages()) {
        removeTab(indexOf(page));
        page->deleteLater();
    }
    setCurrentIndex(0);
}

QString WorkTabs::tabKey(QWidget* page)
{
    if (auto* editor = qobject_cast<TicketEditor*>(page))
        return QStringLiteral("ticket:") + editor->ticketId();
    if (auto* call = qobject_cast<CallPanel*>(page))
        return call->draftKey();
    if (qobject_cast<CustomerArchive*>(page))
        return QStringLiteral("customers");
    return {};
}

void WorkTabs::saveTabs()
{
    if (!m_keepingTabs)
        return;
    QJsonArray keys;
    qsizetype current = -1;
    for (int i = 0; i < count(); ++i) {
        const QString key = tabKey(widget(i));
        if (key.isEmpty())
            continue;
        if (i == currentIndex())
            current = keys.size();
        keys.append(key);
    }
    const QString listKey = DraftStore::tabsKey(m_ws.session.agentId);
    if (keys.isEmpty())
        m_ws.drafts.remove(listKey);
    else
        m_ws.drafts.save(listKey, QJsonObject {{QStringLiteral("tabs"), keys}, {QStringLiteral("current"), current}});
}

void WorkTabs::tabInserted(int index)
{
    QTabWidget::tabInserted(index);
    saveTabs();
}

void WorkTabs::tabRemoved(int index)
{
    QTabWidget::tabRemoved(index);
    saveTabs();
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
        page->closed();
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
