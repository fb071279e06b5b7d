#pragma once

#include "domain/FieldDefinition.h"
#include "domain/TicketTypes.h"
#include "storage/Database.h"
#include "storage/ViewQuery.h"

#include <QDateTime>
#include <QVariant>

namespace gongdan {

/// One row of the queue, as much of a ticket as the queue shows.
struct QueueRow {
    qint64 rowid = 0;
    QVariant sortKey;
    QString id, number, subject, customer, categoryId, assigneeId, groupId;
    gongdan::Priority priority = gongdan::Priority::Normal;
    TicketStatus status = TicketStatus::New;
    QDateTime created;
    QDateTime due; ///< the nearest running SLA clock's due time: the reply's when it comes first, else the resolution's
    bool replyDue = false; ///< `due` is the reply's (first or next response)
    bool departed = false; ///< someone else moved it out of sight (NeedsAttention)
    bool refused = false; ///< a change of the agent's was refused
};

/// The queue's reads: the rows of one view (or, while searching everywhere, of every ticket in the store,
/// which holds exactly what the agent may read), narrowed by a search, sorted by one column, read a page
/// at a time by keyset on (sort key, rowid) so a page deep in a million rows costs what the first does.
class QueuePages {
public:
    explicit QueuePages(Database& db) : m_db(db) { }

    /// What is read: the view's filter, its sort field (a column or a custom field) and the search text;
    /// `everywhere` searches every ticket instead of the view's.
    Status setQuery(const SqlFilter& filter, const QString& sortField, const QList<FieldDefinition>& definitions,
        const QString& search, bool everywhere);
    /// The first page in the given order (`descending` flipped reads it from the end), or the page after
    /// `last`.
    Result<QList<QueueRow>> pageAfter(const QueueRow* last, int limit, bool descending);
    /// The rows these tickets have now, those the query holds, in its order.
    Result<QList<QueueRow>> rowsOf(const QStringList& ticketIds, bool descending);

private:
    Result<QList<QueueRow>> select(
        const QString& extraWhere, const QVariantList& extraParams, int limit, bool descending);

    Database& m_db;
    SqlFilter m_filter {QStringLiteral("0"), {}};
    QString m_sortExpression = QStringLiteral("created_ms");
    bool m_tieBreakByCreated = false;
    QString m_search;
    bool m_everywhere = false;
};

} // namespace gongdan
