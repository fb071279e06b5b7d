#pragma once

#include "Database.h"
#include "SqliteStatement.h"
#include "Ticket.h"

#include <QSqlQuery>

namespace gongdan {

/// The one place that knows how tickets, comments and events map to rows. Writes go through statements
/// prepared once on the raw handle (the seeder writes millions of rows through the same code the
/// repository uses); reads map a QSqlQuery row back to the domain type.
class TicketRowWriter {
public:
    explicit TicketRowWriter(Database& db);

    Result<qint64> insertTicket(const Ticket& ticket);
    Status updateTicket(qint64 rowid, const Ticket& ticket);
    Result<qint64> insertComment(qint64 ticketRowid, const Comment& comment);
    Status insertEvent(qint64 ticketRowid, const TicketEvent& event);

private:
    void bindTicket(SqliteStatement& statement, const Ticket& ticket);

    SqliteStatement m_insertTicket;
    SqliteStatement m_updateTicket;
    SqliteStatement m_insertComment;
    SqliteStatement m_insertEvent;
};

namespace TicketRows {
/// Columns to SELECT for ticketFromQuery(), starting with rowid.
QString ticketColumns();
Ticket ticketFromQuery(const QSqlQuery& query, qint64* rowid = nullptr);
QString commentColumns();
Comment commentFromQuery(const QSqlQuery& query, const QString& ticketId);
qint64 toMs(const QDateTime& time);
QDateTime fromMs(const QVariant& value);
} // namespace TicketRows

} // namespace gongdan
