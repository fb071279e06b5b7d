#include "storage/Database.h"

#include "storage/BulkLoad.h"
#include "storage/Migrations.h"
#include "storage/SearchTokenizer.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QFile>
#include <QSqlDriver>
#include <QSqlError>
#include <sqlite3.h>

namespace gongdan {

namespace {

QAtomicInt connectionCounter;

Error corrupt(const QString& path, const QString& detail)
{
    return Error {QStringLiteral("storage.corrupt"),
        QCoreApplication::translate("Database",
            "The local store %1 is damaged or is not a Gongdan store (%2). It can be rebuilt; changes that "
            "were not yet sent to the server are kept.")
            .arg(path, detail)};
}

} // namespace

Database::Database(QString path, QString connectionName, const Clock& clock)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName)), m_clock(clock), m_ids(clock)
{
}

Database::~Database()
{
    watchInserts({}, {});
    m_statements.clear();
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const Clock& clock, Options options)
{
    QFile file(path);
    if (path != QLatin1String(":memory:") && file.exists() && file.size() > 0) {
        if (!file.open(QIODevice::ReadOnly)) {
            return Error {QStringLiteral("storage.unreadable"),
                QCoreApplication::translate("Database", "The local store %1 cannot be read: %2")
                    .arg(path, file.errorString())};
        }
        const QByteArray header = file.read(16);
        if (header != QByteArray("SQLite format 3\0", 16))
            return corrupt(path, QCoreApplication::translate("Database", "the file does not start like a database"));
    }
    const QString name = QStringLiteral("gongdan-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> db(new Database(path, name, clock));
    db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db->m_db.setDatabaseName(path);
    db->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db->m_db.open()) {
        return Error {QStringLiteral("storage.open"),
            QCoreApplication::translate("Database", "The local store %1 cannot be opened: %2")
                .arg(path, db->m_db.lastError().text())};
    }
    const QVariant handle = db->m_db.driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        db->m_handle = *static_cast<sqlite3* const*>(handle.data());
    if (Status registered = SearchTokenizer::registerOn(db->m_handle); !registered)
        return registered.error();
    if (Status configured = db->configure(options); !configured)
        return configured.error();
    if (options.secondary)
        return db;
    if (Status restored = BulkLoad::restorePending(*db); !restored)
        return restored.error();
    if (Status migrated = Migrations::migrate(*db, options.schemaTarget); !migrated) {
        if (migrated.error().code == QLatin1String("storage.corrupt"))
            return corrupt(path, migrated.error().message);
        return migrated.error();
    }
    return db;
}

Status Database::configure(const Options& options)
{
    // Reading the schema is the first real page access: a damaged file fails here.
    {
        QSqlQuery probe(m_db);
        if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !probe.next())
            return corrupt(m_path, probe.lastError().text());
    } // finalised here: an open statement would keep a read transaction and block the journal mode change
    for (const QString& pragma : {QStringLiteral("PRAGMA journal_mode=WAL"),
             options.bulkLoad ? QStringLiteral("PRAGMA synchronous=OFF") : QStringLiteral("PRAGMA synchronous=NORMAL"),
             QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA cache_size=-65536"),
             QStringLiteral("PRAGMA temp_store=MEMORY")}) {
        QSqlQuery query(m_db);
        if (!query.exec(pragma))
            return errorOf(query);
    }
    return {};
}

qint64 Database::rowsWritten() const
{
    return m_handle ? sqlite3_total_changes64(m_handle) : 0;
}

int Database::schemaVersion()
{
    QSqlQuery query(m_db);
    return query.exec(QStringLiteral("PRAGMA user_version")) && query.next() ? query.value(0).toInt() : -1;
}

QSqlQuery& Database::prepared(const QString& sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        query.prepare(sql);
        it = m_statements.insert(sql, query);
    }
    return *it;
}

Status Database::exec(const QString& sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return errorOf(query);
    return {};
}

Error Database::errorOf(const QSqlQuery& query)
{
    const QSqlError error = query.lastError();
    const QString native = error.nativeErrorCode();
    // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26), with or without extended bits.
    const int code = native.toInt() & 0xFF;
    if (code == 11 || code == 26)
        return Error {QStringLiteral("storage.corrupt"), error.text()};
    return Error {QStringLiteral("storage.sql"),
        QCoreApplication::translate("Database", "The local store refused an operation: %1").arg(error.text())};
}

Status Database::begin()
{
    if (m_depth == 0 && m_handle) {
        // A statement still active holds a read transaction on an old snapshot; once the sync writer's connection
        // commits, this write would fail (SQLITE_BUSY_SNAPSHOT). Name it so that the reader is found and finished.
        for (sqlite3_stmt* stmt = sqlite3_next_stmt(m_handle, nullptr); stmt; stmt = sqlite3_next_stmt(m_handle, stmt))
            if (sqlite3_stmt_busy(stmt))
                qWarning("gongdan: a statement is still active at the start of a write: %s", sqlite3_sql(stmt));
    }
    const QString sql
        = m_depth == 0 ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("SAVEPOINT sp%1").arg(m_depth);
    if (Status status = exec(sql); !status)
        return status;
    ++m_depth;
    return {};
}

Status Database::commit()
{
    const QString sql = m_depth == 1 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE sp%1").arg(m_depth - 1);
    if (Status status = exec(sql); !status)
        return status;
    --m_depth;
    return {};
}

void Database::rollback()
{
    if (m_depth == 0)
        return;
    --m_depth;
    if (m_depth == 0) {
        exec(QStringLiteral("ROLLBACK"));
    } else {
        exec(QStringLiteral("ROLLBACK TO sp%1").arg(m_depth));
        exec(QStringLiteral("RELEASE sp%1").arg(m_depth));
    }
}

void Database::watchInserts(const QString& table, std::function<void()> callback)
{
    m_watchedTable = table.toUtf8();
    m_onInsert = std::move(callback);
    if (!m_handle)
        return;
    if (m_watchedTable.isEmpty() || !m_onInsert) {
        sqlite3_update_hook(m_handle, nullptr, nullptr);
        return;
    }
    sqlite3_update_hook(
        m_handle,
        [](void* context, int operation, const char*, const char* tableName, sqlite3_int64) {
            auto* self = static_cast<Database*>(context);
            if (operation == SQLITE_INSERT && self->m_watchedTable == tableName)
                self->m_onInsert();
        },
        this);
}

Status Database::checkIntegrity()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
        return corrupt(m_path, query.lastError().text());
    if (!query.next() || query.value(0).toString() != QLatin1String("ok"))
        return corrupt(m_path, query.value(0).toString());
    return {};
}

SqlTransaction::SqlTransaction(Database& db) : m_db(db), m_started(db.begin()), m_open(m_started.ok()) { }

SqlTransaction::~SqlTransaction()
{
    if (m_open)
        m_db.rollback();
}

Status SqlTransaction::commit()
{
    if (!m_open)
        return m_started.ok() ? Status(Error {QStringLiteral("storage.transaction"), QStringLiteral("committed twice")})
                              : m_started;
    Status status = m_db.commit();
    if (status)
        m_open = false;
    return status;
}

} // namespace gongdan
