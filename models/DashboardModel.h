#pragma once

#include "domain/Clock.h"
#include "domain/TicketView.h"

#include <QAbstractListModel>
#include <QJsonObject>

namespace gongdan {

/// When a dashboard tile turns red (workflows.md §9.6; the supervisor may change them, the window keeps them).
struct DashboardThresholds {
    int longestWaitMinutes = 20; ///< red when the longest 待接单 wait is longer
    bool redOnCriticalBreached = true; ///< red when any 特急 ticket is breached
};

/// The supervisor dashboard's tiles, one row each (open, 待接单, longest wait, SLA at risk, breached, created and
/// closed today, the customers' satisfaction scored today: average of 1–5 with the count), over the snapshot the server
/// sends (sync/DashboardFeed): the whole scope or one group. Each row says its figure, whether it is over its
/// threshold, when it was last updated ("updated N s ago") and whether the figures are stale; drillDown() is the view
/// of the tickets behind a figure.
class DashboardModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Tile { Open, New, LongestWait, AtRisk, Breached, CreatedToday, ClosedToday, Satisfaction, TileCount };
    enum Role {
        KeyRole = Qt::UserRole + 1, ///< the snapshot's key ("open", "new", …)
        ValueRole, ///< the figure (a count, seconds for the longest wait, scores recorded for satisfaction)
        ValueTextRole, ///< the figure as shown ("12", "23 min")
        AlertRole, ///< over its threshold: shown red
        StaleRole, ///< not heard from the server for a minute: greyed, 数据已过期
        UpdatedTextRole, ///< "updated 5 s ago"
    };

    explicit DashboardModel(const Clock& clock, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setSnapshot(const QJsonObject& snapshot);
    void setUpdatedMs(qint64 ms);
    void setStale(bool stale);
    bool stale() const { return m_stale; }
    /// Only this group's figures (empty: every group the snapshot holds).
    void setGroup(const QString& groupId);
    QString group() const { return m_group; }
    void setThresholds(const DashboardThresholds& thresholds);
    /// The clock moved on: "updated N s ago" again.
    void tick();
    /// The figure of a tile as shown now.
    qint64 value(Tile tile) const;

    /// The queue's view of the tickets behind `tile` (in the group chosen, else the snapshot's groups). At risk and
    /// breached are shown as the queue can filter them: open tickets with a response or resolution due time, soonest
    /// first; breached, those whose due time has passed.
    TicketView drillDown(Tile tile) const;
    /// 高频问题 TOP3: the categories with the most tickets created today (in the group chosen), most first, with
    /// counts.
    QList<std::pair<QString, int>> topCategories() const;
    /// The queue's view of today's tickets of one category (in the group chosen, else the snapshot's groups).
    TicketView drillDownCategory(const QString& categoryId, const QString& name) const;
    static QString keyOf(Tile tile);
    static QString title(Tile tile);

private:
    QJsonObject counts() const;

    const Clock& m_clock;
    QJsonObject m_snapshot;
    QString m_group;
    qint64 m_updatedMs = 0;
    bool m_stale = true;
    DashboardThresholds m_thresholds;
};

} // namespace gongdan
