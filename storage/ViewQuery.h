#pragma once

#include "domain/TicketView.h"

#include <QDateTime>
#include <QVariantList>

namespace gongdan {

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
} // namespace ViewQuery

} // namespace gongdan
