#pragma once

#include "Workstation.h"

#include <QTabWidget>
#include <functional>

namespace gongdan {

class CallPanel;
class CustomerArchive;
class TicketEditor;
class WorkPage;

/// The workstation's centre: the queue as the first tab, then one tab per open ticket, per call being
/// logged and for the customer archive. Closing a tab with unsaved work asks first (Save, Discard,
/// Cancel) without a nested event loop; the draft in the local store covers a crash.
class WorkTabs : public QTabWidget {
    Q_OBJECT

public:
    WorkTabs(const Workstation& workstation, QWidget* queuePage, QWidget* parent = nullptr);

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

Q_SIGNALS:
    void ticketChanged(const QString& ticketId);

private:
    QList<WorkPage*> pages() const;
    void ask(const QString& text, const std::function<void(bool save)>& onAnswer);
    void updateTitle(WorkPage* page);

    const Workstation& m_ws;
};

} // namespace gongdan
