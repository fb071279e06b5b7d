#include "teamdb/ServerRows.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <libpq-fe.h>
#include <memory>
#include <vector>

namespace gongdan {

namespace {

Error postgresError(PGconn* connection, const QString& what)
{
    return Error {QStringLiteral("server.database"),
        QStringLiteral("%1: %2").arg(what, QString::fromUtf8(PQerrorMessage(connection)).trimmed()), QString()};
}

/// The libpq connection behind a QPSQL connection (Qt documents handle() as "PGconn*" for this driver).
PGconn* connectionOf(const QSqlDatabase& sql)
{
    const QVariant handle = sql.driver()->handle();
    // Qt 6 names the type as the compiler spells it: "pg_conn*" (PGconn is a typedef of struct pg_conn).
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn* const*>(handle.constData());
}

Status readPostgres(ServerDatabase& database, const QString& sql, const QVariantList& values, const QString& what,
    const ServerRows::RowFunction& row)
{
    PGconn* connection = connectionOf(database.sql());
    if (!connection)
        return Error {QStringLiteral("server.database"), QStringLiteral("The PostgreSQL connection is not open"), {}};
    // QPSQL finishes its own queries before it starts another; one still streaming rows would make
    // PQexecParams fail here ("another command is already in progress"), reported as an error.
    std::vector<QByteArray> texts;
    std::vector<const char*> parameters;
    texts.reserve(static_cast<size_t>(values.size()));
    for (const QVariant& value : values) {
        texts.push_back(value.isNull() ? QByteArray() : value.toString().toUtf8());
        parameters.push_back(value.isNull() ? nullptr : texts.back().constData());
    }
    const QByteArray statement = ServerRows::numberedParameters(sql);
    const std::unique_ptr<PGresult, decltype(&PQclear)> result(
        PQexecParams(connection, statement.constData(), static_cast<int>(parameters.size()), nullptr, parameters.data(),
            nullptr, nullptr, 0),
        &PQclear);
    if (!result || PQresultStatus(result.get()) != PGRES_TUPLES_OK)
        return postgresError(connection, what);
    const int rows = PQntuples(result.get());
    const int columns = PQnfields(result.get());
    std::vector<QByteArrayView> current(static_cast<size_t>(columns));
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            current[static_cast<size_t>(c)] = PQgetisnull(result.get(), r, c)
                ? QByteArrayView()
                : QByteArrayView(PQgetvalue(result.get(), r, c), PQgetlength(result.get(), r, c));
        }
        row(current);
    }
    return {};
}

Status readSqlite(ServerDatabase& database, const QString& sql, const QVariantList& values, const QString& what,
    const ServerRows::RowFunction& row)
{
    QSqlQuery query(database.sql());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return ServerDatabase::failure(query.lastError(), what);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), what);
    const int columns = query.record().count();
    std::vector<QByteArray> held(static_cast<size_t>(columns));
    std::vector<QByteArrayView> current(static_cast<size_t>(columns));
    while (query.next()) {
        for (int c = 0; c < columns; ++c) {
            const auto at = static_cast<size_t>(c);
            if (query.isNull(c)) {
                current[at] = QByteArrayView();
                continue;
            }
            held[at] = query.value(c).toByteArray();
            // An empty text is not NULL: its view points somewhere, even where the bytes are a null array.
            current[at] = held[at].isEmpty() ? QByteArrayView("", 0) : QByteArrayView(held[at]);
        }
        row(current);
    }
    if (query.lastError().isValid())
        return ServerDatabase::failure(query.lastError(), what);
    return {};
}

} // namespace

Status ServerRows::read(ServerDatabase& database, const QString& sql, const QVariantList& values, const QString& what,
    const RowFunction& row)
{
    return database.backend() == ServerDatabase::Backend::Postgresql ? readPostgres(database, sql, values, what, row)
                                                                     : readSqlite(database, sql, values, what, row);
}

PGconn* ServerRows::postgresConnection(const ServerDatabase& database)
{
    return database.backend() == ServerDatabase::Backend::Postgresql ? connectionOf(database.sql()) : nullptr;
}

QString ServerRows::bytes(const ServerDatabase& database, const QString& column)
{
    // SQLite's text would become a UTF-16 QString and go back to UTF-8; a blob arrives as it is stored.
    return database.backend() == ServerDatabase::Backend::Sqlite ? QStringLiteral("CAST(%1 AS BLOB)").arg(column)
                                                                 : column;
}

QByteArray ServerRows::numberedParameters(const QString& sql)
{
    const QByteArray in = sql.toUtf8();
    QByteArray out;
    out.reserve(in.size() + 32);
    int number = 0;
    char quote = 0; // inside '…' or "…"
    for (const char c : in) {
        if (quote) {
            if (c == quote)
                quote = 0;
            out.append(c);
        } else if (c == '\'' || c == '"') {
            quote = c;
            out.append(c);
        } else if (c == '?') {
            out.append('$').append(QByteArray::number(++number));
        } else {
            out.append(c);
        }
    }
    return out;
}

} // namespace gongdan
