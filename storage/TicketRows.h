#pragma once

#include "domain/Ticket.h"
#include "storage/Database.h"
#include "storage/SqliteStatement.h"

#include <QSqlQuery>
#include <memory>
#include <optional>

namespace gongdan {

/// The one place that knows how tickets, comments and events map to rows. Writes go through statements
/// prepared once on the raw handle (the seeder writes millions of rows through the same code the
/// repository uses); reads map a QSqlQuery row back to the domain type.
class TicketRowWriter {
public:
    explicit TicketRowWriter(Database& db);

    /// `serverSeq`: the row is the server's copy of the ticket as of that change (SyncCache); none for a
    /// row changed here.
    Result<qint64> insertTicket(const Ticket& ticket, std::optional<qint64> serverSeq = std::nullopt);
    Status updateTicket(qint64 rowid, const Ticket& ticket, std::optional<qint64> serverSeq = std::nullopt);
    Result<qint64> insertComment(qint64 ticketRowid, const Comment& comment);
    /// An event of a ticket's log. One whose id is stored already is replaced, no longer a change of this
    /// workstation's: the server's copy of an event made here (the same id everywhere) takes its place.
    /// Needs the unique index on the event id (not there during a first sync's bulk load: appendEvent()).
    Status insertEvent(qint64 ticketRowid, const TicketEvent& event);
    /// An event stored as a new row: one made here (its id is new), or one of a bulk load, which keeps the
    /// newest of two copies when it builds the unique index back (storage/BulkLoad). Where that index is
    /// there, a stored event of the same id goes (never an error), with or without it the statement runs.
    Status appendEvent(qint64 ticketRowid, const TicketEvent& event);

private:
    void bindTicket(SqliteStatement& statement, const Ticket& ticket, std::optional<qint64> serverSeq);
    static Status runEvent(SqliteStatement& statement, qint64 ticketRowid, const TicketEvent& event);

    SqliteStatement m_insertTicket;
    SqliteStatement m_updateTicket;
    SqliteStatement m_insertComment;
    sqlite3* m_handle;
    SqliteStatement m_appendEvent;
    /// Prepared when first used: its ON CONFLICT needs the unique index, which a killed bulk load may leave
    /// out until Database::open() has built it back.
    std::unique_ptr<SqliteStatement> m_upsertEvent;
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
