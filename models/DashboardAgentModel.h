#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

namespace gongdan {

/// The dashboard's agent grid (workflows.md §9.6): each agent of the supervisor's groups with their presence, load
/// against capacity (red over it) and tickets handled today, from the snapshot's "agents" (sync/DashboardFeed).
class DashboardAgentModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, PresenceColumn, Load, HandledToday, ColumnCount };
    enum Role {
        UserIdRole = Qt::UserRole + 1,
        OverCapacityRole, ///< load above capacity
    };

    explicit DashboardAgentModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The snapshot's agents, only those of `groupId` when given. Rows stay in place when the same agents come again.
    void setAgents(const QJsonArray& agents, const QString& groupId = {});

private:
    QList<QJsonObject> m_rows;
};

} // namespace gongdan
