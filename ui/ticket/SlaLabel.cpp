#include "ui/ticket/SlaLabel.h"

#include "models/TicketQueueModel.h"

#include <QLocale>

namespace gongdan {

SlaLabel::SlaLabel(QWidget* parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("slaCountdown"));
}

void SlaLabel::showClock(const Ticket& ticket, const QDateTime& now, const std::function<bool()>& unconfirmed)
{
    const bool response = ticket.responseDueAt.isValid()
        && (!ticket.resolutionDueAt.isValid() || ticket.responseDueAt < ticket.resolutionDueAt);
    const QDateTime& due = response ? ticket.responseDueAt : ticket.resolutionDueAt;
    const auto sla = TicketQueueModel::slaState(ticket.createdAt, due, ticket.status, now);
    if (sla == TicketQueueModel::SlaState::None) {
        clear();
        if (ticket.status == TicketStatus::WaitingCustomer && !ticket.resolutionDueAt.isValid())
            setText(tr("SLA paused while the customer is asked")); // 已暂停: no due time until it resumes
    } else {
        const QString colour = sla == TicketQueueModel::SlaState::Red ? QStringLiteral("#c62828")
            : sla == TicketQueueModel::SlaState::Yellow               ? QStringLiteral("#b26a00")
                                                                      : QStringLiteral("#2e7d32");
        // The span without a sign: "overdue by" or "due in" says which way.
        QString text;
        if (now > due) {
            const bool estimated = unconfirmed();
            const QString late = response
                ? (estimated ? tr("Reply likely overdue by %1 (offline estimate)") : tr("Reply overdue by %1"))
                : (estimated ? tr("Likely overdue by %1 (offline estimate)") : tr("Overdue by %1"));
            text = late.arg(TicketQueueModel::timeLeftText(now, due));
        } else {
            text = (response ? tr("Reply due in %1") : tr("Due in %1")).arg(TicketQueueModel::timeLeftText(due, now));
        }
        setText(QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour, text.toHtmlEscaped()));
    }
    const auto shown = [](const QDateTime& at) { return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat); };
    setToolTip(response
            ? tr("Reply due %1; resolution due %2").arg(shown(ticket.responseDueAt), shown(ticket.resolutionDueAt))
            : tr("Resolution due %1").arg(shown(ticket.resolutionDueAt)));
}

} // namespace gongdan
