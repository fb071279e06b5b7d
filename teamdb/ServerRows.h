#pragma once

#include "teamdb/ServerDatabase.h"

#include <QByteArrayView>
#include <QVariantList>
#include <functional>
#include <span>

struct pg_conn; // libpq's PGconn

namespace gongdan {

/// Reads a query's rows from the team database as UTF-8 bytes, for the paths that only pass stored text
/// on (the snapshot pages): nothing is converted to a QString and back. On PostgreSQL it runs through
/// libpq on the connection QPSQL holds, the whole result in one go (QPSQL would make a QString of every
/// value and, forward-only, a result object per row); on SQLite through QSqlQuery, with the text columns
/// the caller wraps in bytes() read as blobs.
class ServerRows {
public:
    /// Each row's columns, valid only during the call; a NULL is an empty view with a null data().
    using RowFunction = std::function<void(std::span<const QByteArrayView> columns)>;

    /// Runs `sql` (portable SQL with ? parameters) with `values` and calls `row` for each row; a failure
    /// is an Error whose message starts with `what`.
    static Status read(ServerDatabase& database, const QString& sql, const QVariantList& values, const QString& what,
        const RowFunction& row);

    /// `column` as an expression whose value arrives as its UTF-8 bytes on either backend.
    static QString bytes(const ServerDatabase& database, const QString& column);

    /// The libpq connection behind a PostgreSQL database's QPSQL connection (for binary values, BlobStore);
    /// nullptr on SQLite or when it is not open.
    static pg_conn* postgresConnection(const ServerDatabase& database);

    /// `sql` with its ? parameters numbered $1, $2, … as libpq wants them (? inside quotes stays).
    static QByteArray numberedParameters(const QString& sql);
};

} // namespace gongdan
