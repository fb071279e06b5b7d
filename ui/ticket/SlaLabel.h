#pragma once

#include "domain/Ticket.h"

#include <QLabel>
#include <functional>

namespace gongdan {

/// The ticket header's SLA clock: the clock that comes first (the reply while a response clock runs, else the
/// resolution) as "Due in …" or "Overdue by …" in the light's colour, "SLA paused …" while the customer is asked, and
/// "likely overdue … (offline estimate)" when this desk's own changes are not confirmed by the server yet (R9).
class SlaLabel : public QLabel {
    Q_OBJECT

public:
    explicit SlaLabel(QWidget* parent = nullptr);

    /// `unconfirmed` is asked only when the clock is overdue: whether changes of this desk still wait for the server.
    void showClock(const Ticket& ticket, const QDateTime& now, const std::function<bool()>& unconfirmed);
};

} // namespace gongdan
