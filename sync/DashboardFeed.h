#pragma once

#include "domain/Clock.h"
#include "sync/PokeSocket.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

namespace gongdan {

/// The live supervisor dashboard over the workstation's sync socket (server/DashboardStream): subscribes with
/// {"type": "dashboard.subscribe"}, keeps the full snapshot and applies each delta (its top-level keys replace the
/// snapshot's), and is stale after kStaleMs without hearing the server (snapshot, delta or heartbeat). Each time the
/// socket becomes ready again (a reconnect) it subscribes again and so starts from a full snapshot.
class DashboardFeed : public QObject {
    Q_OBJECT

public:
    static constexpr qint64 kStaleMs = 60 * 1000;

    DashboardFeed(PokeSocket& socket, const Clock& clock, QObject* parent = nullptr);
    ~DashboardFeed() override;

    /// Starts listening (and subscribes now when the socket is ready, else as soon as it is).
    void subscribe();
    void unsubscribe();
    bool subscribed() const { return m_subscribed; }
    /// The dashboard as last heard (empty before the first snapshot).
    const QJsonObject& snapshot() const { return m_snapshot; }
    /// When the server was last heard (UTC ms of the injected clock; 0: never).
    qint64 lastHeardMs() const { return m_lastHeardMs; }
    /// When the figures last changed (a snapshot or a delta; 0: never).
    qint64 updatedMs() const { return m_updatedMs; }
    bool stale() const { return m_stale; }
    /// Why the server refused the subscription (translated); empty when it did not.
    QString refusal() const { return m_refusal; }
    /// Checks staleness now (the feed also does every second).
    void checkStale();

Q_SIGNALS:
    /// The snapshot changed: `keys` are the top-level keys that did (all of them for a full snapshot).
    void changed(const QStringList& keys);
    void staleChanged(bool stale);
    /// The server refused (an agent's desk): `message` says why.
    void refused(const QString& message);

private:
    void received(const QJsonObject& message);
    void heard();

    PokeSocket& m_socket;
    const Clock& m_clock;
    bool m_subscribed = false;
    bool m_stale = true;
    QJsonObject m_snapshot;
    qint64 m_lastHeardMs = 0;
    qint64 m_updatedMs = 0;
    QString m_refusal;
    QTimer m_staleCheck;
};

} // namespace gongdan
