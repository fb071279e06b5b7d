#pragma once

#include "domain/Result.h"

#include <QObject>
#include <QStringList>
#include <QTemporaryDir>
#include <QTextStream>
#include <functional>

namespace gongdan {

/// `gongdan-server backup --to PATH [--database LOCATION]` and `gongdan-server restore --from PATH
/// [--database LOCATION]`, run while the server runs (teamdb/TeamBackup; docs/ARCHITECTURE.md, "Backup and
/// restore"). SQLite is copied in-process; PostgreSQL through pg_dump, pg_restore and psql, started as processes
/// whose ends arrive as signals. finished(exitCode) when done: 0 done, 1 failed (not a backup, another schema,
/// a tool failed), 2 bad usage or target (the file exists, its folder cannot be written), 3 the team database
/// cannot be reached. The reason goes to `err` as "error: … (code)".
class BackupCommand : public QObject {
    Q_OBJECT

public:
    BackupCommand(QStringList arguments, QTextStream& out, QTextStream& err, QObject* parent = nullptr);

    /// Starts the command; finished() follows (possibly before start() returns).
    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void backup(const QString& location, const QString& path);
    void restore(const QString& location, const QString& path);
    void restorePostgres(const QString& location, const QString& path);
    /// Runs a PostgreSQL tool; `then` gets its exit code (-1: it did not start or crashed) and its stderr.
    void runTool(const QString& name, const QStringList& arguments, const QString& location,
        std::function<void(int, const QString&)> then);
    void fail(const Error& error);
    void done(const QString& message);

    QStringList m_arguments;
    QTextStream& m_out;
    QTextStream& m_err;
    QTemporaryDir m_work; ///< (PostgreSQL restore) the script psql runs; 0700, removed at the end
};

} // namespace gongdan
