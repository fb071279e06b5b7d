#include "server/SlaRecompute.h"

#include "domain/Uuid.h"

namespace gongdan {

SlaRecompute::SlaRecompute(SyncService& sync, const Clock& clock, QObject* parent)
    : QObject(parent), m_sync(sync), m_clock(clock)
{
    m_step.setSingleShot(true);
    m_step.setInterval(0); // one batch per turn of the event loop: requests are answered between batches
    connect(&m_step, &QTimer::timeout, this, &SlaRecompute::nextBatch);
}

void SlaRecompute::start()
{
    if (m_running) {
        m_again = true; // after the batch in hand, from the first ticket, with the newest settings
        return;
    }
    m_running = true;
    m_again = false;
    m_after.clear();
    m_tickets = m_moved = 0;
    m_error.clear();
    m_runId = UuidV7Generator(m_clock).next();
    m_startedAt = m_clock.now();
    m_finishedAt = {};
    m_step.start();
}

void SlaRecompute::nextBatch()
{
    if (m_again) {
        m_again = false;
        m_after.clear();
        m_tickets = m_moved = 0;
    }
    auto batch
        = m_sync.restampOpenTickets(m_after, kBatch, QStringLiteral("sla-recompute:%1:%2").arg(m_runId).arg(m_tickets));
    if (!batch) {
        m_error = batch.error().message; // the log has the detail; the next change starts a new run
        qWarning("SLA recompute stopped after %d tickets: %s", m_tickets, qPrintable(batch.error().message));
        m_running = false;
        m_finishedAt = m_clock.now();
        Q_EMIT finished(m_tickets, m_moved);
        return;
    }
    m_tickets += batch.value().tickets;
    m_moved += batch.value().moved;
    m_after = batch.value().lastId;
    if (!m_after.isEmpty() || m_again) {
        m_step.start();
        return;
    }
    m_running = false;
    m_finishedAt = m_clock.now();
    qInfo("SLA recompute: %d open tickets counted again, %d with new due times", m_tickets, m_moved);
    Q_EMIT finished(m_tickets, m_moved);
}

QJsonObject SlaRecompute::progress() const
{
    QJsonObject body {{QStringLiteral("running"), m_running}, {QStringLiteral("tickets"), m_tickets},
        {QStringLiteral("moved"), m_moved}};
    if (m_startedAt.isValid())
        body.insert(QStringLiteral("started_at"), m_startedAt.toString(Qt::ISODateWithMs));
    if (m_finishedAt.isValid())
        body.insert(QStringLiteral("finished_at"), m_finishedAt.toString(Qt::ISODateWithMs));
    if (!m_error.isEmpty())
        body.insert(QStringLiteral("error"), m_error);
    return body;
}

} // namespace gongdan
