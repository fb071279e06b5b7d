#pragma once

// What a headless workstation holds against what the server shows its user (header-only, like Desk.h).
#include "domain/JsonCodec.h"
#include "tests/support/Desk.h"

#include <QJsonDocument>
#include <QMap>

namespace gongdan::test {

inline QString compact(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

/// What the server holds for one user: ticket id → compact JSON, comment id → compact JSON.
struct Snapshot {
    QMap<QString, QString> tickets;
    QMap<QString, QString> comments;
};

inline Snapshot serverView(const QString& serverUrl, const QString& token)
{
    SyncDevice reader(serverUrl, token);
    Snapshot snapshot;
    for (const QJsonValue& value : reader.pullAll(5000)) {
        const QJsonObject change = value.toObject();
        const QString entity = change.value(QStringLiteral("entity")).toString();
        const QString id = change.value(QStringLiteral("id")).toString();
        const QJsonObject data = change.value(QStringLiteral("data")).toObject();
        if (entity == QLatin1String("ticket")
            && change.value(QStringLiteral("op")).toString() == QLatin1String("upsert"))
            snapshot.tickets.insert(id, compact(data.value(QStringLiteral("ticket")).toObject()));
        else if (entity == QLatin1String("ticket"))
            snapshot.tickets.remove(id);
        else if (entity == QLatin1String("comment"))
            snapshot.comments.insert(id, compact(data));
    }
    QMap<QString, QString> kept; // comments of tickets no longer in view are not the desk's either
    for (auto it = snapshot.comments.begin(); it != snapshot.comments.end(); ++it) {
        if (snapshot.tickets.contains(
                QJsonDocument::fromJson(it.value().toUtf8()).object().value(QStringLiteral("ticket_id")).toString()))
            kept.insert(it.key(), it.value());
    }
    snapshot.comments = kept;
    return snapshot;
}

inline Snapshot deskView(Desk& desk)
{
    Snapshot snapshot;
    for (const QString& id : desk.ticketIds()) {
        snapshot.tickets.insert(id, compact(JsonCodec::toJson(*desk.tickets->find(id))));
        for (const Comment& comment : desk.tickets->comments(id))
            snapshot.comments.insert(comment.id, compact(JsonCodec::toJson(comment)));
    }
    return snapshot;
}

/// Each desk holds exactly what the server shows its user, byte for byte.
inline void compareWithServer(Desk& desk)
{
    const Snapshot server = serverView(desk.server, desk.token);
    const Snapshot local = deskView(desk);
    QCOMPARE(local.tickets.keys(), server.tickets.keys());
    for (const QString& id : server.tickets.keys())
        QCOMPARE(local.tickets.value(id), server.tickets.value(id));
    QCOMPARE(local.comments, server.comments);
}

} // namespace gongdan::test
