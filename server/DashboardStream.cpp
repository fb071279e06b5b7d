#include "server/DashboardStream.h"

#include <QJsonDocument>

namespace gongdan {

namespace {

QString typeKey()
{
    return QStringLiteral("type");
}

QString scopeKey(const Principal& who)
{
    return roleName(who.role) + QLatin1Char(':') + who.groupIds.join(QLatin1Char(','));
}

} // namespace

DashboardStream::DashboardStream(PokeHub& hub, DashboardAggregates& aggregates, QObject* parent)
    : QObject(parent), m_hub(hub), m_aggregates(aggregates)
{
    connect(&m_hub, &PokeHub::message, this, &DashboardStream::received);
    connect(&m_hub, &PokeHub::socketClosed, this, [this](QWebSocket* socket) {
        m_last.remove(socket);
        m_subscribedAt.remove(socket);
    });
    connect(&m_aggregates, &DashboardAggregates::changed, this, &DashboardStream::changed);
    m_heartbeat.setInterval(kHeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &DashboardStream::heartbeat);
    m_heartbeat.start();
}

void DashboardStream::send(QWebSocket* socket, const QJsonObject& message)
{
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void DashboardStream::received(QWebSocket* socket, const Principal& who, const QString& message)
{
    const QString type = QJsonDocument::fromJson(message.toUtf8()).object().value(typeKey()).toString();
    if (type == QLatin1String("dashboard.unsubscribe")) {
        m_last.remove(socket);
        return;
    }
    if (type != QLatin1String("dashboard.subscribe"))
        return;
    // A snapshot costs a pass over the open tickets: one a second per socket, however often it asks.
    const qint64 now = m_aggregates.clock().nowMs();
    if (const auto last = m_subscribedAt.constFind(socket);
        last != m_subscribedAt.cend() && now - last.value() < kResubscribeMs && m_last.contains(socket))
        return;
    m_subscribedAt.insert(socket, now);
    m_aggregates.catchUp();
    auto snapshot = m_aggregates.snapshot(who);
    if (!snapshot) {
        m_last.remove(socket);
        send(socket,
            {{typeKey(), QStringLiteral("dashboard.refused")}, {QStringLiteral("code"), snapshot.error().code},
                {QStringLiteral("message"), snapshot.error().message}});
        return;
    }
    m_last.insert(socket, snapshot.value());
    send(socket, {{typeKey(), QStringLiteral("dashboard.snapshot")}, {QStringLiteral("snapshot"), snapshot.value()}});
}

void DashboardStream::changed()
{
    QHash<QString, Result<QJsonObject>> byScope; // one snapshot per scope, however many subscribers share it
    const QList<QWebSocket*> sockets = m_last.keys();
    for (QWebSocket* socket : sockets) {
        const std::optional<Principal> who = m_hub.principalOf(socket);
        if (!who) {
            m_last.remove(socket);
            continue;
        }
        const QString key = scopeKey(*who);
        auto found = byScope.find(key);
        if (found == byScope.end())
            found = byScope.insert(key, m_aggregates.snapshot(*who));
        if (!found.value()) {
            m_last.remove(socket);
            send(socket,
                {{typeKey(), QStringLiteral("dashboard.refused")}, {QStringLiteral("code"), found.value().error().code},
                    {QStringLiteral("message"), found.value().error().message}});
            continue;
        }
        const QJsonObject delta = DashboardAggregates::delta(m_last.value(socket), found.value().value());
        m_last.insert(socket, found.value().value());
        if (delta.size() > 2) // more than as_of and server_seq
            send(socket, {{typeKey(), QStringLiteral("dashboard.delta")}, {QStringLiteral("delta"), delta}});
    }
}

void DashboardStream::heartbeat()
{
    const QString asOf = m_aggregates.clock().now().toUTC().toString(Qt::ISODateWithMs);
    for (auto it = m_last.cbegin(); it != m_last.cend(); ++it)
        send(it.key(), {{typeKey(), QStringLiteral("dashboard.heartbeat")}, {QStringLiteral("as_of"), asOf}});
}

} // namespace gongdan
