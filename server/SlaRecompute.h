#pragma once

#include "domain/Clock.h"
#include "server/SyncService.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

namespace gongdan {

/// Counts every open ticket's SLA clocks again after a business calendar or SLA policy changed (workflows.md §9.1
/// R6): batches of at most 2,000 tickets, each its own transaction, one turn of the event loop apart so other
/// requests go on meanwhile; a change arriving during a run starts it again from the first ticket once the batch in
/// hand is done. Its progress is what GET /api/v1/sla/recompute shows, and one log line per run.
class SlaRecompute : public QObject {
    Q_OBJECT

public:
    static constexpr int kBatch = 2000;

    SlaRecompute(SyncService& sync, const Clock& clock, QObject* parent = nullptr);

    /// Starts a run (or, during one, a new run after the current batch).
    void start();
    bool running() const { return m_running; }
    /// {running, tickets, moved, started_at, finished_at, error}
    QJsonObject progress() const;

Q_SIGNALS:
    void finished(int tickets, int moved);

private:
    void nextBatch();

    SyncService& m_sync;
    const Clock& m_clock;
    QTimer m_step;
    bool m_running = false;
    bool m_again = false;
    QString m_after;
    QString m_runId;
    int m_tickets = 0;
    int m_moved = 0;
    QDateTime m_startedAt;
    QDateTime m_finishedAt;
    QString m_error;
};

} // namespace gongdan
