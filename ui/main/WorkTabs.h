#pragma once

#include "ui/common/Workstation.h"

#include <QTabWidget>
#include <functional>

namespace gongdan {

class CallPanel;
class CustomerArchive;
class TicketEditor;
class WorkPage;

/// The workstation's centre: the queue as the first tab, then one tab per open ticket, per call being
/// logged and for the customer archive. Closing a tab with unsaved work asks first (Save, Discard,
/// Cancel) without a nested event loop; the draft in the local store covers a crash. Which tabs are open,
/// in which order and which one is shown is kept in the local store as it changes (the agent's "tabs"
/// draft), so a restart or a crash reopens them.
class WorkTabs : public QTabWidget {
    Q_OBJECT

public:
    WorkTabs(const Workstation& workstation, QWidget* queuePage, QWidget* parent = nullptr);
    ~WorkTabs() override;

    /// Reopens the tabs the agent had open when the workstation last stopped or crashed, in their order,
    /// and shows the one that was shown: tickets that still exist, calls from their drafts (and any call
    /// draft of the agent the list missed), the customer archive. From then on the list follows every
    /// change. Called once, when the window is built.
    void restoreTabs();
    /// Another person signs in here: the open tabs are put away under the previous person's name (their
    /// drafts stay theirs) without asking; restoreTabs() then opens the new person's.
    void putAway();
    /// Shows the ticket's tab, opening it when needed.
    TicketEditor* openTicket(const QString& ticketId);
    CallPanel* openCall(bool phoneCall);
    /// Shows the customer archive's tab, opening it when needed.
    CustomerArchive* openCustomers();
    /// Adds a page as a tab and shows it.
    void addPage(WorkPage* page);
    /// Closes the tab, asking first when it holds unsaved work.
    void requestClose(int index);
    bool hasUnsavedWork() const;
    /// Asks once about every tab with unsaved work, then calls `proceed` unless the agent cancelled.
    void settleUnsavedWork(const std::function<void()>& proceed);
    /// Tickets changed elsewhere: their open editors follow.
    void ticketsChanged(const QStringList& ticketIds);
    void retranslate();
    /// The field definitions or categories changed: open forms rebuild without a restart.
    void definitionsChanged();

protected:
    void tabInserted(int index) override;
    void tabRemoved(int index) override;

Q_SIGNALS:
    /// A ticket's tab was opened or brought to the front (its notifications are read).
    void ticketOpened(const QString& ticketId);

private:
    QList<WorkPage*> pages() const;
    /// Adds the page as a tab without showing it.
    void insertPage(WorkPage* page);
    /// A new editor of the ticket, or null when the store has no such ticket.
    TicketEditor* newTicketEditor(const QString& ticketId);
    /// Connects the call's end: its tab gives way to the ticket it became or went to.
    CallPanel* connectFinish(CallPanel* panel);
    /// The call panel of the agent's draft `key` ("call:<uuid>"); null without a draft.
    CallPanel* restoreCall(const QString& key);
    /// What reopens the page: "ticket:<id>", "call:<uuid>" or "customers"; empty when it is not reopened.
    static QString tabKey(QWidget* page);
    void saveTabs();
    void ask(const QString& text, const std::function<void(bool save)>& onAnswer);
    void updateTitle(WorkPage* page);

    const Workstation& m_ws;
    bool m_keepingTabs = false; ///< the list in the store follows the tabs (from restoreTabs() on)
};

} // namespace gongdan
