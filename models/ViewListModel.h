#pragma once

#include "Database.h"
#include "ViewQuery.h"

#include <QAbstractListModel>

namespace gongdan {

/// The views an agent can open, each with its live ticket count (counted in SQL).
class ViewListModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Roles { CountRole = Qt::UserRole + 1, ViewIdRole, NameRole };

    explicit ViewListModel(Database& db, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    void setViews(const QList<TicketView>& views, const ViewContext& context);
    /// Recounts every view; only rows whose count changed emit dataChanged.
    void refreshCounts();
    TicketView view(int row) const { return m_views.value(row); }
    int rowOf(const QString& viewId) const;

private:
    qint64 countOf(const TicketView& view) const;

    Database& m_db;
    QList<TicketView> m_views;
    QList<qint64> m_counts;
    ViewContext m_context;
};

} // namespace gongdan
