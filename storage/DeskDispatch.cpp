#include "storage/DeskDispatch.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlError>
#include <algorithm>

namespace gongdan {

QList<DeskOffer> DeskDispatch::openOffers(const QString& userId)
{
    // The last dispatch event of each of the user's 待接单 tickets; an offer when it is one (a reclaim is not).
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT t.id, t.number, t.subject, t.group_id, e.field, e.at_ms, e.new_value FROM ticket t "
                       "JOIN ticket_event e ON e.ticket_rowid = t.rowid AND e.kind = 'dispatch' "
                       "WHERE t.assignee_id = ? AND t.status = 'new' ORDER BY t.rowid, e.at_ms, e.rowid"));
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(userId);
    QList<DeskOffer> offers;
    QList<QString> groups;
    if (!q.exec())
        return offers;
    while (q.next()) {
        const QString id = q.value(0).toString();
        if (!offers.isEmpty() && offers.last().ticketId == id) { // a later dispatch event replaces the earlier
            offers.removeLast();
            groups.removeLast();
        }
        if (q.value(4).toString() != QLatin1String("offer"))
            continue;
        DeskOffer offer;
        offer.ticketId = id;
        offer.number = q.value(1).toString();
        offer.subject = q.value(2).toString();
        offer.offeredAt = QDateTime::fromMSecsSinceEpoch(q.value(5).toLongLong(), Qt::UTC);
        offer.explanation = q.value(6).toString();
        offers.append(offer);
        groups.append(q.value(3).toString());
    }
    q.finish();
    for (qsizetype i = 0; i < offers.size(); ++i)
        offers[i].expiresAt = offers[i].offeredAt.addSecs(qint64(acceptTimeoutMin(groups.at(i))) * 60);
    std::stable_sort(
        offers.begin(), offers.end(), [](const DeskOffer& a, const DeskOffer& b) { return a.expiresAt < b.expiresAt; });
    return offers;
}

int DeskDispatch::acceptTimeoutMin(const QString& groupId)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT data FROM record_synced WHERE kind = 'dispatch_setting'"));
    const auto done = qScopeGuard([&q] { q.finish(); });
    if (!q.exec())
        return 5;
    while (q.next()) {
        const QJsonObject data = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        if (data.value(QStringLiteral("group_id")).toString() == groupId)
            return std::max(1, data.value(QStringLiteral("accept_timeout_min")).toInt(5));
    }
    return 5;
}

std::optional<Presence> DeskDispatch::chosenPresence()
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT presence FROM desk_presence WHERE id = 1"));
    const auto done = qScopeGuard([&q] { q.finish(); });
    if (!q.exec() || !q.next())
        return std::nullopt;
    return presenceFromKey(q.value(0).toString());
}

Status DeskDispatch::choosePresence(Presence presence)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("INSERT INTO desk_presence(id, presence) VALUES (1, ?) "
                                                "ON CONFLICT(id) DO UPDATE SET presence = excluded.presence"));
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(presenceKey(presence));
    if (!q.exec())
        return Error {QStringLiteral("storage.write"), q.lastError().text()};
    return {};
}

} // namespace gongdan
