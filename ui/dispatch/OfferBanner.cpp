#include "ui/dispatch/OfferBanner.h"

#include "domain/Clock.h"
#include "domain/Lifecycle.h"
#include "domain/TicketTransition.h"
#include "storage/TicketRepository.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

namespace gongdan {

OfferBanner::OfferBanner(DeskDispatch& desk, const Workstation& ws, QWidget* parent)
    : QFrame(parent)
    , m_desk(desk)
    , m_ws(ws)
    , m_text(new QLabel(this))
    , m_accept(new QPushButton(this))
    , m_open(new QPushButton(this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("offerBanner"));
    m_text->setObjectName(QStringLiteral("offerText"));
    m_accept->setObjectName(QStringLiteral("acceptOfferButton"));
    m_open->setObjectName(QStringLiteral("openOfferButton"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(
        QStringLiteral("#offerBanner { background: #E3F2FD; border: 1px solid #1565C0; border-radius: 3px; }"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_accept);
    layout->addWidget(m_open);
    connect(m_accept, &QPushButton::clicked, this, &OfferBanner::acceptShown);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (!m_offers.isEmpty())
            Q_EMIT openTicket(m_offers.first().ticketId);
    });
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &OfferBanner::render);
    setVisible(false);
    refresh();
}

void OfferBanner::refresh()
{
    m_offers = m_desk.openOffers(m_ws.session.agentId);
    QHash<QString, QDateTime> expiresAt;
    for (const DeskOffer& offer : std::as_const(m_offers)) {
        expiresAt.insert(offer.ticketId, offer.expiresAt);
        if (!m_seen.contains(offer.ticketId)) {
            m_seen.insert(offer.ticketId);
            QApplication::alert(window()); // the taskbar entry flashes: a ticket waits to be accepted
            Q_EMIT arrived(offer.ticketId, tr("New ticket offered to you: %1 %2").arg(offer.number, offer.subject));
        }
    }
    Q_EMIT offersChanged(expiresAt);
    if (m_offers.isEmpty())
        m_tick->stop();
    else if (!m_tick->isActive())
        m_tick->start();
    render();
}

void OfferBanner::render()
{
    setVisible(!m_offers.isEmpty());
    if (m_offers.isEmpty())
        return;
    const DeskOffer& offer = m_offers.first();
    const qint64 left = m_ws.clock.now().secsTo(offer.expiresAt);
    QString text = left > 0 ? tr("Offered to you: %1 %2 — accept within %3:%4")
                                  .arg(offer.number, offer.subject)
                                  .arg(left / 60)
                                  .arg(left % 60, 2, 10, QLatin1Char('0'))
                            : tr("Offered to you: %1 %2 — the time to accept ran out; it goes to the next agent")
                                  .arg(offer.number, offer.subject);
    if (m_offers.size() > 1)
        text += QLatin1Char(' ') + tr("(%n more waiting)", nullptr, int(m_offers.size() - 1));
    m_text->setText(text);
    m_text->setToolTip(offer.explanation);
    m_accept->setText(tr("Accept"));
    m_open->setText(tr("Open"));
    if (left <= 0)
        m_tick->stop();
}

void OfferBanner::acceptShown()
{
    if (m_offers.isEmpty())
        return;
    TransitionRequest request;
    request.action = TicketAction::Accept;
    auto accepted = m_ws.tickets.transition(m_offers.first().ticketId, request, m_ws.session.principal());
    if (!accepted)
        Q_EMIT failed(accepted.error().message);
    refresh();
}

void OfferBanner::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QFrame::changeEvent(event);
}

} // namespace gongdan
