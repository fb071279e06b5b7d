#pragma once

#include "storage/NeedsAttention.h"
#include "ui/common/Workstation.h"

#include <QFrame>

class QLabel;
class QVBoxLayout;

namespace gongdan {

/// What needs the agent's attention on one ticket, shown above its fields (nothing an agent does is lost
/// without a word): each change of theirs the server refused, in their language, with the value they
/// wanted beside what the ticket holds now, and "Edit and resend" or "Discard"; a creation the server
/// refused ("Send again" once fixed, or discard the ticket); or that someone else moved the ticket out of
/// their sight ("transferred to 财务组 by 李娜"), with "Remove from my list". Hidden when nothing needs it.
class AttentionPanel : public QFrame {
    Q_OBJECT

public:
    AttentionPanel(const Workstation& workstation, QWidget* parent = nullptr);

    /// Shows what needs attention on the ticket now.
    void showFor(const QString& ticketId);
    bool departed() const { return m_departed; }
    bool unsent() const { return m_unsent; }
    void retranslate();

Q_SIGNALS:
    /// The agent wants the refused change back where it was made (form, composer or transition panel),
    /// to fix and send again; the refused entry is gone from the queue already.
    void editAgain(const gongdan::OutboxEntry& entry);
    /// Send the ticket whose creation was refused again, as it is now.
    void resendTicket();
    /// A refused change was discarded: the ticket shows what the server holds.
    void discarded();
    /// The agent has seen that the ticket left their sight: it goes from the workstation.
    void removeDeparted();

private:
    /// One line for a refused change: what it was ("Edit: subject “新标题”") and why it was refused.
    QString describe(const RefusedChange& change) const;
    QString fieldLabel(const QString& field) const;
    void clear();

    const Workstation& m_ws;
    QString m_ticketId;
    QVBoxLayout* m_rows;
    bool m_departed = false;
    bool m_unsent = false;
};

} // namespace gongdan
