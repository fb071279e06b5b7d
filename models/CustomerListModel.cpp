#include "models/CustomerListModel.h"

#include <QColor>

namespace gongdan {

CustomerListModel::CustomerListModel(QObject* parent) : QAbstractTableModel(parent) { }

int CustomerListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_customers.size());
}

int CustomerListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Customer& customer = m_customers.at(index.row());
    if (role == CustomerIdRole)
        return customer.id;
    if (role == Qt::ForegroundRole && index.column() == Level && customer.level == CustomerLevel::Vip)
        return QColor(0xb2, 0x6a, 0x00);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Number:
        return customer.number;
    case Name:
        return customer.name;
    case Phones:
        return customer.phones.join(QStringLiteral(" / "));
    case Level:
        return Customer::levelName(customer.level);
    case Region:
        return customer.region;
    default:
        return {};
    }
}

QVariant CustomerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Number:
        return tr("Number");
    case Name:
        return tr("Name");
    case Phones:
        return tr("Phones");
    case Level:
        return tr("Level");
    case Region:
        return tr("Region");
    default:
        return {};
    }
}

void CustomerListModel::setCustomers(const QList<Customer>& customers)
{
    beginResetModel();
    m_customers = customers;
    endResetModel();
}

int CustomerListModel::rowOf(const QString& customerId) const
{
    for (int row = 0; row < m_customers.size(); ++row) {
        if (m_customers.at(row).id == customerId)
            return row;
    }
    return -1;
}

void CustomerListModel::upsert(const Customer& customer)
{
    if (const int row = rowOf(customer.id); row >= 0) {
        m_customers[row] = customer;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    beginInsertRows({}, 0, 0);
    m_customers.prepend(customer);
    endInsertRows();
}

} // namespace gongdan
