#include "models/DashboardAgentModel.h"

#include "domain/Dispatch.h"

#include <QColor>

namespace gongdan {

DashboardAgentModel::DashboardAgentModel(QObject* parent) : QAbstractTableModel(parent) { }

int DashboardAgentModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DashboardAgentModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DashboardAgentModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const QJsonObject& agent = m_rows.at(index.row());
    const int load = agent.value(QStringLiteral("load")).toInt();
    const int capacity = agent.value(QStringLiteral("capacity")).toInt();
    if (role == UserIdRole)
        return agent.value(QStringLiteral("user_id")).toString();
    if (role == OverCapacityRole)
        return load > capacity;
    if (role == Qt::ForegroundRole && index.column() == Load && load > capacity)
        return QColor(Qt::red);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return agent.value(QStringLiteral("name")).toString();
    case PresenceColumn: {
        const auto presence = presenceFromKey(agent.value(QStringLiteral("presence")).toString());
        return presenceName(presence.value_or(Presence::Offline));
    }
    case Load:
        return QStringLiteral("%1/%2").arg(load).arg(capacity);
    case HandledToday:
        return agent.value(QStringLiteral("handled_today")).toInt();
    default:
        return {};
    }
}

QVariant DashboardAgentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Agent");
    case PresenceColumn:
        return tr("Presence");
    case Load:
        return tr("Load");
    case HandledToday:
        return tr("Handled today");
    default:
        return {};
    }
}

void DashboardAgentModel::setAgents(const QJsonArray& agents, const QString& groupId)
{
    QList<QJsonObject> rows;
    for (const QJsonValue& a : agents) {
        if (groupId.isEmpty() || a[QStringLiteral("group_ids")].toArray().contains(groupId))
            rows.append(a.toObject());
    }
    const auto ids = [](const QList<QJsonObject>& list) {
        QStringList out;
        for (const QJsonObject& o : list)
            out.append(o.value(QStringLiteral("user_id")).toString());
        return out;
    };
    if (ids(rows) == ids(m_rows)) { // the same agents: their figures move in place
        m_rows = rows;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

} // namespace gongdan
