#include "sync/DashboardFeed.h"

namespace gongdan {

namespace {

QJsonObject typed(const char* type)
{
    return {{QStringLiteral("type"), QLatin1String(type)}};
}

} // namespace

DashboardFeed::DashboardFeed(PokeSocket& socket, const Clock& clock, QObject* parent)
    : QObject(parent), m_socket(socket), m_clock(clock)
{
    connect(&m_socket, &PokeSocket::typedMessage, this, &DashboardFeed::received);
    connect(&m_socket, &PokeSocket::becameReady, this, [this] {
        if (m_subscribed)
            m_socket.send(typed("dashboard.subscribe")); // a reconnect: a full snapshot again
    });
    m_staleCheck.setInterval(1000);
    connect(&m_staleCheck, &QTimer::timeout, this, &DashboardFeed::checkStale);
}

DashboardFeed::~DashboardFeed()
{
    if (m_subscribed)
        m_socket.send(typed("dashboard.unsubscribe"));
}

void DashboardFeed::subscribe()
{
    m_subscribed = true;
    m_refusal.clear();
    m_socket.send(typed("dashboard.subscribe"));
    m_staleCheck.start();
}

void DashboardFeed::unsubscribe()
{
    if (!m_subscribed)
        return;
    m_subscribed = false;
    m_socket.send(typed("dashboard.unsubscribe"));
    m_staleCheck.stop();
}

void DashboardFeed::heard()
{
    m_lastHeardMs = m_clock.nowMs();
    if (m_stale) {
        m_stale = false;
        Q_EMIT staleChanged(false);
    }
}

void DashboardFeed::checkStale()
{
    const bool stale = m_lastHeardMs == 0 || m_clock.nowMs() - m_lastHeardMs > kStaleMs;
    if (stale != m_stale) {
        m_stale = stale;
        Q_EMIT staleChanged(stale);
    }
}

void DashboardFeed::received(const QJsonObject& message)
{
    if (!m_subscribed)
        return;
    const QString type = message.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("dashboard.snapshot")) {
        m_snapshot = message.value(QStringLiteral("snapshot")).toObject();
        m_updatedMs = m_clock.nowMs();
        heard();
        Q_EMIT changed(m_snapshot.keys());
    } else if (type == QLatin1String("dashboard.delta")) {
        const QJsonObject delta = message.value(QStringLiteral("delta")).toObject();
        for (auto it = delta.constBegin(); it != delta.constEnd(); ++it)
            m_snapshot.insert(it.key(), it.value());
        m_updatedMs = m_clock.nowMs();
        heard();
        Q_EMIT changed(delta.keys());
    } else if (type == QLatin1String("dashboard.heartbeat")) {
        heard();
    } else if (type == QLatin1String("dashboard.refused")) {
        m_refusal = tr("The dashboard is for supervisors and admins.");
        Q_EMIT refused(m_refusal);
    }
}

} // namespace gongdan
