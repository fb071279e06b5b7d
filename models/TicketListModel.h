#pragma once

#include "Database.h"
#include "TicketTypes.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace gongdan {

/// Tickets newest first, fetched from the local store a page at a time (keyset paging on rowid), never
/// the whole table. With a search text set, shows the full-text hits instead.
class TicketListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Number, Priority, Status, Subject, Customer, Created, ColumnCount }; // never reorder
    enum Roles { RawValueRole = Qt::UserRole + 1, TicketIdRole, PriorityColorRole };
    static constexpr int kPageSize = 200;

    explicit TicketListModel(Database& db, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    /// Replaces the rows with the hits for `text`; an empty text goes back to all tickets.
    void setSearchText(const QString& text);
    QString searchText() const { return m_search; }
    /// Reloads the first page (after local writes).
    void reload();

Q_SIGNALS:
    void loadFailed(const QString& message);

private:
    struct Row {
        qint64 rowid = 0;
        QString id, number, subject, customer;
        gongdan::Priority priority = gongdan::Priority::Normal;
        TicketStatus status = TicketStatus::New;
        QDateTime created;
    };
    QList<Row> loadPage(qint64 beforeRowid, int limit, bool* ok);

    Database& m_db;
    QList<Row> m_rows;
    QString m_search;
    bool m_atEnd = false;
};

} // namespace gongdan
