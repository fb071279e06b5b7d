#pragma once

#include "storage/DeskDispatch.h"
#include "ui/common/Workstation.h"

#include <QFrame>
#include <QSet>

class QLabel;
class QPushButton;
class QTimer;

namespace gongdan {

struct StoreChange;

/// The offers of automatic dispatch waiting for this agent, above the queue: the most urgent one with its number,
/// subject and time left to accept (确认接收), an Accept button (the same accept action as the ticket's) and Open;
/// a new offer also flashes the window (QApplication::alert) and says so once (`arrived`). The time left counts down
/// every second; when it runs out the server hands the ticket on.
class OfferBanner : public QFrame {
    Q_OBJECT

public:
    OfferBanner(DeskDispatch& desk, const Workstation& ws, QWidget* parent = nullptr);

    /// Reads the offers again (after a store change; the window calls it for every change).
    void refresh();
    const QList<DeskOffer>& offers() const { return m_offers; }
    /// Accepts the offer shown (what the Accept button does).
    void acceptShown();

Q_SIGNALS:
    void openTicket(const QString& ticketId);
    /// A ticket was offered that this banner had not shown before (a toast for the window).
    void arrived(const QString& ticketId, const QString& text);
    /// Ticket id → end of its time to accept, for the queue (TicketQueueModel::setOffers).
    void offersChanged(const QHash<QString, QDateTime>& expiresAt);
    /// The accept was refused (the ticket moved on meanwhile): why, translated.
    void failed(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();

    DeskDispatch& m_desk;
    const Workstation& m_ws;
    QList<DeskOffer> m_offers;
    QSet<QString> m_seen;
    QLabel* m_text;
    QPushButton* m_accept;
    QPushButton* m_open;
    QTimer* m_tick;
};

} // namespace gongdan
