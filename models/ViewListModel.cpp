#include "ViewListModel.h"

#include <QLocale>
#include <QSqlQuery>

namespace gongdan {

ViewListModel::ViewListModel(Database& db, QObject* parent) : QAbstractListModel(parent), m_db(db) { }

int ViewListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_views.size());
}

QVariant ViewListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TicketView& view = m_views.at(index.row());
    const qint64 count = m_counts.value(index.row(), -1);
    const QString name = view.name(QLocale().language() == QLocale::Chinese);
    switch (role) {
    case Qt::DisplayRole:
        return count < 0 ? name : QStringLiteral("%1  (%2)").arg(name, QLocale().toString(count));
    case Qt::AccessibleTextRole:
        return tr("%1, %n ticket(s)", nullptr, static_cast<int>(count)).arg(name);
    case NameRole:
        return name;
    case CountRole:
        return count;
    case ViewIdRole:
        return view.id;
    default:
        return {};
    }
}

void ViewListModel::setViews(const QList<TicketView>& views, const ViewContext& context)
{
    beginResetModel();
    m_views = views;
    m_context = context;
    m_counts.clear();
    for (const TicketView& view : m_views)
        m_counts.append(countOf(view));
    endResetModel();
}

void ViewListModel::refreshCounts()
{
    for (int row = 0; row < m_views.size(); ++row) {
        const qint64 count = countOf(m_views.at(row));
        if (count != m_counts.at(row)) {
            m_counts[row] = count;
            Q_EMIT dataChanged(index(row), index(row));
        }
    }
}

int ViewListModel::rowOf(const QString& viewId) const
{
    for (int row = 0; row < m_views.size(); ++row) {
        if (m_views.at(row).id == viewId)
            return row;
    }
    return -1;
}

qint64 ViewListModel::countOf(const TicketView& view) const
{
    auto filter = ViewQuery::filter(view, m_context);
    if (!filter)
        return -1;
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("SELECT count(*) FROM ticket WHERE ") + filter.value().where);
    for (const QVariant& value : filter.value().params)
        query.addBindValue(value);
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

} // namespace gongdan
