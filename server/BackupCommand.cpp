#include "server/BackupCommand.h"

#include "teamdb/TeamBackup.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace gongdan {

namespace {

int exitCodeOf(const Error& error)
{
    if (error.code == QLatin1String("backup.bad_target") || error.code == QLatin1String("backup.usage"))
        return 2;
    if (error.code == QLatin1String("backup.unreachable"))
        return 3;
    return 1;
}

} // namespace

BackupCommand::BackupCommand(QStringList arguments, QTextStream& out, QTextStream& err, QObject* parent)
    : QObject(parent), m_arguments(std::move(arguments)), m_out(out), m_err(err)
{
}

void BackupCommand::start()
{
    const QString command = m_arguments.value(1);
    const bool isBackup = command == QLatin1String("backup");
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("database"),
        QStringLiteral("Team database: a SQLite file (default gongdan-team.sqlite) or postgresql://user@host:port/db."),
        QStringLiteral("LOCATION"), QStringLiteral("gongdan-team.sqlite")});
    parser.addOption({isBackup ? QStringLiteral("to") : QStringLiteral("from"),
        isBackup ? QStringLiteral("The new backup file.") : QStringLiteral("The backup file to restore."),
        QStringLiteral("PATH")});
    QStringList arguments = m_arguments;
    arguments.removeAt(1);
    const QString pathOption = isBackup ? QStringLiteral("to") : QStringLiteral("from");
    if (!parser.parse(arguments) || !parser.positionalArguments().isEmpty() || !parser.isSet(pathOption)) {
        fail(Error {QStringLiteral("backup.usage"),
            QStringLiteral("Usage: gongdan-server backup --to PATH [--database LOCATION]\n"
                           "       gongdan-server restore --from PATH [--database LOCATION]%1")
                .arg(parser.errorText().isEmpty() ? QString() : QStringLiteral("\n") + parser.errorText())});
        return;
    }
    const QString location = parser.value(QStringLiteral("database"));
    if (isBackup)
        backup(location, parser.value(pathOption));
    else
        restore(location, parser.value(pathOption));
}

void BackupCommand::backup(const QString& location, const QString& path)
{
    Result<QString> temporary = TeamBackup::prepareTarget(path);
    if (!temporary)
        return fail(temporary.error());
    if (!TeamBackup::isPostgres(location)) {
        if (Status copied = TeamBackup::backupSqlite(TeamBackup::sqlitePath(location), temporary.value()); !copied)
            return fail(copied.error());
        if (Status named = TeamBackup::publish(temporary.value(), path); !named)
            return fail(named.error());
        return done(
            QStringLiteral("Backed up the team database to %1 (%2 bytes).").arg(path).arg(QFileInfo(path).size()));
    }
    const QString partial = temporary.value();
    Result<TeamBackup::PostgresTeam> schema = TeamBackup::postgresTeam(location);
    if (!schema || schema.value().schemaVersion == 0) {
        QFile::remove(partial);
        return fail(schema
                ? Error {QStringLiteral("backup.unreachable"), QStringLiteral("The database holds no gongdan team.")}
                : schema.error());
    }
    runTool(QStringLiteral("pg_dump"),
        {QStringLiteral("--format=custom"), QStringLiteral("--no-password"), QStringLiteral("--file"), partial},
        location, [this, partial, path](int code, const QString& error) {
            if (code != 0) {
                QFile::remove(partial);
                return fail(Error {QStringLiteral("backup.failed"), QStringLiteral("pg_dump failed: %1").arg(error)});
            }
            if (Status named = TeamBackup::publish(partial, path); !named)
                return fail(named.error());
            done(QStringLiteral("Backed up the team database to %1 (%2 bytes).").arg(path).arg(QFileInfo(path).size()));
        });
}

void BackupCommand::restore(const QString& location, const QString& path)
{
    if (!QFileInfo(path).isFile() || !QFileInfo(path).isReadable())
        return fail(Error {QStringLiteral("backup.not_a_backup"), QStringLiteral("Cannot read %1.").arg(path)});
    if (TeamBackup::isPostgres(location))
        return restorePostgres(location, path);
    if (Status restored = TeamBackup::restoreSqlite(TeamBackup::sqlitePath(location), path); !restored)
        return fail(restored.error());
    done(QStringLiteral("Restored %1; the server goes on with a new epoch (every workstation resyncs).").arg(path));
}

void BackupCommand::restorePostgres(const QString& location, const QString& path)
{
    Result<TeamBackup::PostgresTeam> schema = TeamBackup::postgresTeam(location);
    if (!schema)
        return fail(schema.error());
    if (!m_work.isValid())
        return fail(Error {QStringLiteral("backup.failed"), QStringLiteral("Cannot make a temporary folder.")});
    const QString body = m_work.filePath(QStringLiteral("restore.sql"));
    // pg_restore turns the dump into a script (and refuses a file that is no dump); psql runs it between the
    // prologue and the epilogue in one transaction: the server sees the old database or the restored one.
    runTool(QStringLiteral("pg_restore"),
        {QStringLiteral("--clean"), QStringLiteral("--if-exists"), QStringLiteral("--no-owner"),
            QStringLiteral("--no-privileges"), QStringLiteral("--file"), body, path},
        QString(), [this, location, path, body, live = schema.value()](int code, const QString& error) {
            if (code != 0)
                return fail(Error {QStringLiteral("backup.not_a_backup"),
                    QStringLiteral("%1 is not a PostgreSQL backup of the team: %2").arg(path, error)});
            const TeamBackup::RestoreScript script = TeamBackup::restoreScript(live);
            const QString prologue = m_work.filePath(QStringLiteral("prologue.sql"));
            const QString epilogue = m_work.filePath(QStringLiteral("epilogue.sql"));
            for (const auto& [file, text] :
                {std::pair {prologue, script.prologue}, std::pair {epilogue, script.epilogue}}) {
                QFile out(file);
                if (!out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0)
                    return fail(Error {QStringLiteral("backup.failed"), QStringLiteral("Cannot write %1.").arg(file)});
            }
            runTool(QStringLiteral("psql"),
                {QStringLiteral("--no-psqlrc"), QStringLiteral("--quiet"), QStringLiteral("--no-password"),
                    QStringLiteral("--single-transaction"), QStringLiteral("--set=ON_ERROR_STOP=1"),
                    QStringLiteral("--file"), prologue, QStringLiteral("--file"), body, QStringLiteral("--file"),
                    epilogue},
                location, [this, path](int psqlCode, const QString& psqlError) {
                    if (psqlCode != 0)
                        return fail(Error {
                            psqlCode == 2 ? QStringLiteral("backup.unreachable") : QStringLiteral("backup.failed"),
                            QStringLiteral("The restore was rolled back; the team database is as it was: %1")
                                .arg(psqlError)});
                    done(QStringLiteral("Restored %1; the server goes on with a new epoch (every workstation resyncs).")
                             .arg(path));
                });
        });
}

void BackupCommand::runTool(const QString& name, const QStringList& arguments, const QString& location,
    std::function<void(int, const QString&)> then)
{
    const QString program = TeamBackup::postgresTool(name);
    if (program.isEmpty())
        return fail(Error {QStringLiteral("backup.failed"),
            QStringLiteral("%1 was not found (install postgresql-client).").arg(name)});
    auto* process = new QProcess(this);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!location.isEmpty() && !TeamBackup::postgresPassword(location).isEmpty())
        environment.insert(QStringLiteral("PGPASSWORD"), TeamBackup::postgresPassword(location));
    process->setProcessEnvironment(environment);
    process->setStandardOutputFile(QProcess::nullDevice());
    connect(process, &QProcess::finished, this, [process, then](int code, QProcess::ExitStatus status) {
        process->deleteLater();
        then(status == QProcess::NormalExit ? code : -1,
            QString::fromLocal8Bit(process->readAllStandardError()).trimmed());
    });
    connect(process, &QProcess::errorOccurred, this, [process, then, name](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        process->deleteLater();
        then(-1, QStringLiteral("%1 did not start").arg(name));
    });
    process->start(program, location.isEmpty() ? arguments : TeamBackup::postgresArguments(location) + arguments);
}

void BackupCommand::fail(const Error& error)
{
    m_err << "error: " << error.message << " (" << error.code << ")\n";
    m_err.flush();
    Q_EMIT finished(exitCodeOf(error));
}

void BackupCommand::done(const QString& message)
{
    m_out << message << "\n";
    m_out.flush();
    Q_EMIT finished(0);
}

} // namespace gongdan
