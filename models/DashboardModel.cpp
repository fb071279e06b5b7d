#include "models/DashboardModel.h"

#include <QJsonArray>
#include <QLocale>

namespace gongdan {

namespace {

const char* const kKeys[]
    = {"open", "new", "longest_wait_s", "at_risk", "breached", "created_today", "closed_today", "csat_count"};

QJsonArray openStatuses()
{
    return {QStringLiteral("new"), QStringLiteral("in_progress"), QStringLiteral("waiting_customer"),
        QStringLiteral("follow_up")};
}

} // namespace

DashboardModel::DashboardModel(const Clock& clock, QObject* parent) : QAbstractListModel(parent), m_clock(clock) { }

int DashboardModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : TileCount;
}

QString DashboardModel::keyOf(Tile tile)
{
    return QLatin1String(kKeys[tile]);
}

QString DashboardModel::title(Tile tile)
{
    switch (tile) {
    case Open:
        return tr("Open");
    case New:
        return tr("Waiting to be accepted");
    case LongestWait:
        return tr("Longest wait");
    case AtRisk:
        return tr("SLA at risk");
    case Breached:
        return tr("SLA breached");
    case CreatedToday:
        return tr("Created today");
    case ClosedToday:
        return tr("Closed today");
    case Satisfaction:
        return tr("Satisfaction today");
    case TileCount:
        break;
    }
    return {};
}

QJsonObject DashboardModel::counts() const
{
    if (m_group.isEmpty())
        return m_snapshot.value(QStringLiteral("totals")).toObject();
    for (const QJsonValue& row : m_snapshot.value(QStringLiteral("by_group")).toArray())
        if (row[QStringLiteral("group_id")].toString() == m_group)
            return row.toObject();
    return {};
}

qint64 DashboardModel::value(Tile tile) const
{
    return counts().value(keyOf(tile)).toInteger();
}

QVariant DashboardModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto tile = static_cast<Tile>(index.row());
    const qint64 figure = value(tile);
    switch (role) {
    case Qt::DisplayRole:
        return title(tile);
    case KeyRole:
        return keyOf(tile);
    case ValueRole:
        return figure;
    case ValueTextRole:
        if (m_snapshot.isEmpty())
            return QStringLiteral("–");
        if (tile == LongestWait)
            return figure < 60 ? tr("%n s", nullptr, int(figure)) : tr("%n min", nullptr, int(figure / 60));
        if (tile == Satisfaction) // the average of 1–5 and how many scored it
            return figure == 0
                ? QStringLiteral("–")
                : tr("%1 (%2)")
                      .arg(QLocale().toString(counts().value(QStringLiteral("csat_sum")).toDouble() / figure, 'f', 1))
                      .arg(figure);
        return QString::number(figure);
    case AlertRole:
        if (tile == LongestWait)
            return figure > qint64(m_thresholds.longestWaitMinutes) * 60;
        if (tile == Breached)
            return m_thresholds.redOnCriticalBreached
                && counts().value(QStringLiteral("breached_critical")).toInt() > 0;
        return false;
    case StaleRole:
        return m_stale;
    case UpdatedTextRole: {
        if (m_updatedMs <= 0)
            return tr("waiting for the server");
        const qint64 seconds = std::max<qint64>(0, (m_clock.nowMs() - m_updatedMs) / 1000);
        return seconds < 60 ? tr("updated %n s ago", nullptr, int(seconds))
                            : tr("updated %n min ago", nullptr, int(seconds / 60));
    }
    case Qt::ToolTipRole:
        if (tile == Satisfaction && figure > 0)
            return tr("%1 % scored 4 or 5. Show these tickets in the queue, the lowest scores first.")
                .arg(qRound(100.0 * counts().value(QStringLiteral("csat_good")).toDouble() / figure));
        return tr("Show these tickets in the queue");
    default:
        return {};
    }
}

QHash<int, QByteArray> DashboardModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KeyRole, "key");
    names.insert(ValueRole, "value");
    names.insert(ValueTextRole, "valueText");
    names.insert(AlertRole, "alert");
    names.insert(StaleRole, "stale");
    names.insert(UpdatedTextRole, "updatedText");
    return names;
}

void DashboardModel::setSnapshot(const QJsonObject& snapshot)
{
    m_snapshot = snapshot;
    Q_EMIT dataChanged(index(0), index(TileCount - 1));
}

void DashboardModel::setUpdatedMs(qint64 ms)
{
    m_updatedMs = ms;
    tick();
}

void DashboardModel::setStale(bool stale)
{
    if (stale == m_stale)
        return;
    m_stale = stale;
    Q_EMIT dataChanged(index(0), index(TileCount - 1), {StaleRole});
}

void DashboardModel::setGroup(const QString& groupId)
{
    m_group = groupId;
    Q_EMIT dataChanged(index(0), index(TileCount - 1));
}

void DashboardModel::setThresholds(const DashboardThresholds& thresholds)
{
    m_thresholds = thresholds;
    Q_EMIT dataChanged(index(0), index(TileCount - 1), {AlertRole});
}

void DashboardModel::tick()
{
    Q_EMIT dataChanged(index(0), index(TileCount - 1), {UpdatedTextRole});
}

TicketView DashboardModel::drillDown(Tile tile) const
{
    using O = ConditionOp;
    TicketView view;
    view.id = QStringLiteral("dashboard:") + keyOf(tile);
    view.nameZh = QStringLiteral("仪表盘：") + title(tile);
    view.nameEn = QStringLiteral("Dashboard: ") + title(tile);
    QJsonArray groups;
    if (!m_group.isEmpty())
        groups.append(m_group);
    else
        for (const QJsonValue& g : m_snapshot.value(QStringLiteral("groups")).toArray())
            groups.append(g[QStringLiteral("id")].toString());
    view.conditions.append({QStringLiteral("group_id"), O::In, groups});
    const auto today = [&] { return QJsonValue(m_snapshot.value(QStringLiteral("day_start")).toString()); };
    switch (tile) {
    case Open:
        view.conditions.append({QStringLiteral("status"), O::In, openStatuses()});
        break;
    case New:
    case LongestWait:
        view.conditions.append({QStringLiteral("status"), O::Is, QStringLiteral("new")});
        view.sortField = QStringLiteral("created_at");
        view.sortDescending = false; // the longest waiting first
        break;
    case AtRisk:
        view.conditions.append({QStringLiteral("status"), O::In, openStatuses()});
        view.conditions.append({QStringLiteral("response_due_at"), O::After, QStringLiteral("$now")});
        view.sortField = QStringLiteral("response_due_at");
        view.sortDescending = false;
        break;
    case Breached:
        view.conditions.append({QStringLiteral("status"), O::In, openStatuses()});
        view.conditions.append({QStringLiteral("resolution_due_at"), O::Before, QStringLiteral("$now")});
        view.sortField = QStringLiteral("resolution_due_at");
        view.sortDescending = false;
        break;
    case CreatedToday:
        view.conditions.append({QStringLiteral("created_at"), O::After, today()});
        break;
    case ClosedToday:
        view.conditions.append({QStringLiteral("status"), O::Is, QStringLiteral("closed")});
        view.conditions.append({QStringLiteral("closed_at"), O::After, today()});
        view.sortField = QStringLiteral("closed_at");
        break;
    case Satisfaction:
        view.conditions.append({QStringLiteral("rated_at"), O::After, today()});
        view.sortField = QStringLiteral("satisfaction");
        view.sortDescending = false;
        break;
    case TileCount:
        break;
    }
    return view;
}

QList<std::pair<QString, int>> DashboardModel::topCategories() const
{
    QList<std::pair<QString, int>> top;
    for (const QJsonValue& row : counts().value(QStringLiteral("top_categories")).toArray())
        top.append({row[QStringLiteral("category_id")].toString(), row[QStringLiteral("count")].toInt()});
    return top;
}

TicketView DashboardModel::drillDownCategory(const QString& categoryId, const QString& name) const
{
    TicketView view = drillDown(CreatedToday);
    view.id = QStringLiteral("dashboard:category:") + categoryId;
    view.nameZh = QStringLiteral("仪表盘：") + name;
    view.nameEn = QStringLiteral("Dashboard: ") + name;
    view.conditions.append({QStringLiteral("category_id"), ConditionOp::Is, categoryId});
    return view;
}

} // namespace gongdan
