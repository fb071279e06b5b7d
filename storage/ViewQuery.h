#pragma once

#include "domain/TicketView.h"

#include <QDateTime>
#include <QSet>
#include <QVariantList>

namespace gongdan {

class Database;

/// What a view's conditions are evaluated against.
struct ViewContext {
    QString me; ///< the signed-in agent, for "$me"
    QDateTime now; ///< for "$now"
    QList<FieldDefinition> definitions;
};

/// A WHERE clause over the ticket table and its bound values.
struct SqlFilter {
    QString where;
    QVariantList params;
};

/// Turns views into SQL over the local store, so filtering and sorting run in SQLite, never in memory.
/// Every value is bound, never spliced into the SQL.
namespace ViewQuery {
Result<SqlFilter> filter(const TicketView& view, const ViewContext& context);
/// The SQL expression a field sorts and compares by (a column, or json_extract for custom fields).
Result<QString> expression(const QString& field, const QList<FieldDefinition>& definitions);
/// The number of tickets in `view`; -1 when the view does not apply (disabled, or a field it names is gone).
qint64 count(Database& db, const TicketView& view, const ViewContext& context);
/// Which of `ticketIds` the view holds now (the view counts follow a change by asking before and after).
QSet<QString> holding(Database& db, const TicketView& view, const ViewContext& context, const QStringList& ticketIds);
} // namespace ViewQuery

} // namespace gongdan
