#pragma once

#include "domain/Ticket.h"
#include "ui/common/Workstation.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace gongdan {

/// The tickets a ticket is related to, in the ticket editor: the one it was merged into, those merged into
/// it, and those linked as related — each a button that opens it, a linked one with "Unlink" beside it —
/// and a field to link another ticket by its number (or provisional reference). Linking and unlinking go
/// through the repository (recorded on both tickets, queued for the server, offline too); a refusal shows
/// under the field.
class RelatedTickets : public QWidget {
    Q_OBJECT

public:
    RelatedTickets(const Workstation& workstation, QWidget* parent = nullptr);

    /// Shows `ticket`'s relations; `readOnly`: no linking or unlinking (a ticket that left the agent's sight).
    void setTicket(const Ticket& ticket, bool readOnly);
    void retranslate();

Q_SIGNALS:
    void openTicketRequested(const QString& ticketId);
    /// A link was made or removed: the editor shows the ticket again.
    void changed();

private:
    void linkTyped();
    void unlink(const QString& otherId);
    void rebuild();
    /// A button naming a ticket ("G2026… subject") that opens it.
    QPushButton* ticketButton(const QString& id, const QString& objectName);
    void showError(const QString& message);

    const Workstation& m_ws;
    Ticket m_ticket;
    bool m_readOnly = false;
    QGridLayout* m_rows;
    QList<QWidget*> m_rowWidgets;
    QLabel* m_linkLabel;
    QLineEdit* m_linkNumber;
    QPushButton* m_link;
    QLabel* m_error;
};

} // namespace gongdan
