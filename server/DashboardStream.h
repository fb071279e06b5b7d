#pragma once

#include "server/DashboardAggregates.h"
#include "server/PokeHub.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace gongdan {

/// The dashboard over the sync WebSocket (workflows.md §9.6): a signed-in socket sends
/// {"type": "dashboard.subscribe"} and gets {"type": "dashboard.snapshot", "snapshot": {…}} (GET /api/v1/dashboard's
/// body), then {"type": "dashboard.delta", "delta": {…}} — the snapshot's top-level keys that changed, at most every
/// DashboardAggregates::kDebounceMs after a commit — and {"type": "dashboard.heartbeat", "as_of"} every
/// kHeartbeatMs. {"type": "dashboard.unsubscribe"} stops it. An agent or field staff is answered
/// {"type": "dashboard.refused", "code": "access.denied", "message"}; a subscriber whose role changes so too.
class DashboardStream : public QObject {
    Q_OBJECT

public:
    static constexpr int kHeartbeatMs = 10000;
    /// A socket that subscribes again sooner than this, while subscribed, is not sent another snapshot.
    static constexpr qint64 kResubscribeMs = 1000;

    DashboardStream(PokeHub& hub, DashboardAggregates& aggregates, QObject* parent = nullptr);
    int subscriberCount() const { return static_cast<int>(m_last.size()); }

private:
    void received(QWebSocket* socket, const Principal& who, const QString& message);
    void changed();
    void heartbeat();
    void send(QWebSocket* socket, const QJsonObject& message);

    PokeHub& m_hub;
    DashboardAggregates& m_aggregates;
    QHash<QWebSocket*, QJsonObject> m_last; ///< each subscriber's last snapshot as sent
    QHash<QWebSocket*, qint64> m_subscribedAt; ///< when each socket last asked for a snapshot
    QTimer m_heartbeat;
};

} // namespace gongdan
