#include "storage/SqliteStatement.h"

#include <QCoreApplication>
#include <sqlite3.h>

namespace gongdan {

SqliteStatement::SqliteStatement(sqlite3* db, const char* sql) : m_db(db)
{
    m_prepareCode = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr);
    m_held.resize(static_cast<size_t>(m_statement ? sqlite3_bind_parameter_count(m_statement) : 0));
}

SqliteStatement& SqliteStatement::hold(int index, QByteArray utf8)
{
    if (index < 1 || static_cast<size_t>(index) > m_held.size())
        return *this; // out of range: sqlite3_bind_* would refuse it too
    QByteArray& held = m_held[static_cast<size_t>(index - 1)];
    held = std::move(utf8);
    sqlite3_bind_text(
        m_statement, index, held.isNull() ? "" : held.constData(), static_cast<int>(held.size()), SQLITE_STATIC);
    return *this;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

SqliteStatement& SqliteStatement::bind(int index, const QString& text)
{
    return text.isNull() ? bindNull(index) : bindText(index, text.toUtf8());
}

SqliteStatement& SqliteStatement::bindText(int index, const QByteArray& utf8)
{
    return utf8.isNull() ? bindNull(index) : hold(index, utf8);
}

SqliteStatement& SqliteStatement::bindRequired(int index, const QString& text)
{
    return hold(index, text.toUtf8());
}

SqliteStatement& SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
    return *this;
}

SqliteStatement& SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
    return *this;
}

Status SqliteStatement::run()
{
    return step(nullptr);
}

Result<std::optional<qint64>> SqliteStatement::queryInt()
{
    std::optional<qint64> value;
    if (Status status = step(&value); !status)
        return status.error();
    return value;
}

Status SqliteStatement::step(std::optional<qint64>* firstColumn)
{
    if (m_prepareCode != SQLITE_OK || !m_statement) {
        return Error {QStringLiteral("storage.sql"),
            QCoreApplication::translate("Database", "The local store refused an operation: %1")
                .arg(QString::fromUtf8(sqlite3_errmsg(m_db)))};
    }
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW && firstColumn)
        *firstColumn = sqlite3_column_int64(m_statement, 0);
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    for (QByteArray& held : m_held)
        held = QByteArray(); // (no longer bound)
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return {};
    const int primary = rc & 0xFF;
    return Error {primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB ? QStringLiteral("storage.corrupt")
            : primary == SQLITE_CONSTRAINT                              ? QStringLiteral("storage.constraint")
                                                                        : QStringLiteral("storage.sql"),
        QCoreApplication::translate("Database", "The local store refused an operation: %1")
            .arg(QString::fromUtf8(sqlite3_errmsg(m_db)))};
}

qint64 SqliteStatement::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

} // namespace gongdan
