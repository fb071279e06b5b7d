#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QString>
#include <optional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace gongdan {

/// A statement prepared once on the raw SQLite handle, for the hot write paths (bulk load, row writes),
/// where QSqlQuery's per-value QVariant binding costs more than the insert itself.
class SqliteStatement {
public:
    SqliteStatement(sqlite3* db, const char* sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    SqliteStatement& bind(int index, const QString& text); ///< NULL when text is null
    SqliteStatement& bindText(int index, const QByteArray& utf8); ///< NULL when utf8 is null
    SqliteStatement& bindRequired(int index, const QString& text); ///< '' when text is null, never NULL
    SqliteStatement& bind(int index, qint64 value);
    SqliteStatement& bindNull(int index);
    /// Steps once and resets; the error (corruption marked "storage.corrupt") as a value.
    Status run();
    /// Steps once and resets: the first column of the first row as an integer, nullopt when no row.
    Result<std::optional<qint64>> queryInt();
    qint64 lastInsertRowId() const;

private:
    Status step(std::optional<qint64>* firstColumn);

    /// Binds `utf8` without SQLite copying it: the bytes are held here until the statement has run.
    SqliteStatement& hold(int index, QByteArray utf8);

    sqlite3* m_db;
    sqlite3_stmt* m_statement = nullptr;
    int m_prepareCode = 0;
    std::vector<QByteArray> m_held; ///< the text bound to each parameter (index - 1), until the step
};

} // namespace gongdan
