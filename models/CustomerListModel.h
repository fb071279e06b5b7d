#pragma once

#include "domain/Customer.h"

#include <QAbstractTableModel>

namespace gongdan {

/// Customers found in the archive (a search's hits or the recently changed), one per row.
class CustomerListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Number, Name, Phones, Level, Region, ColumnCount };
    enum Roles { CustomerIdRole = Qt::UserRole + 1 };

    explicit CustomerListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setCustomers(const QList<Customer>& customers);
    /// Replaces the customer with the same id in place, or puts a new one on top.
    void upsert(const Customer& customer);
    Customer customer(int row) const { return m_customers.value(row); }
    int rowOf(const QString& customerId) const;

private:
    QList<Customer> m_customers;
};

} // namespace gongdan
