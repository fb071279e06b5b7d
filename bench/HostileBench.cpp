#include "bench/HostileBench.h"

#include "bench/BenchPaths.h"
#include "bench/DemoServer.h"
#include "teamdb/PostgresCluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>
#include <QUuid>
#include <functional>
#include <memory>

namespace gongdan::demo {

namespace {

const QString kPassword = QStringLiteral("bench-password");
constexpr qint64 kGiB = 1024LL * 1024 * 1024;

void printFigure(QTextStream& out, const QString& name, double value, const QString& unit, const QString& backend)
{
    const QJsonObject object {{QStringLiteral("name"), name}, {QStringLiteral("value"), value},
        {QStringLiteral("unit"), unit}, {QStringLiteral("backend"), backend}};
    out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << Qt::endl;
}

bool waitFor(const std::function<bool()>& done, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::usleep(200);
    }
    return true;
}

/// One whole HTTP answer off the front of `buffer`: its status, or 0 while incomplete.
int takeAnswer(QByteArray& buffer, QByteArray* body = nullptr)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return 0;
    qint64 length = 0;
    for (const QByteArray& line : buffer.left(headEnd).split('\n')) {
        if (line.trimmed().toLower().startsWith("content-length:"))
            length = line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
    }
    if (buffer.size() < headEnd + 4 + length)
        return 0;
    const int status = buffer.mid(9, 3).toInt();
    if (body)
        *body = buffer.mid(headEnd + 4, length);
    buffer.remove(0, headEnd + 4 + length);
    return status;
}

QByteArray request(
    const QByteArray& verb, const QByteArray& path, const QByteArray& body = {}, const QString& token = {})
{
    QByteArray bytes = verb + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        bytes += "Authorization: Bearer " + token.toLatin1() + "\r\n";
    if (!body.isEmpty())
        bytes += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return bytes + "\r\n" + body;
}

QByteArray signInBody(const QString& login, const QString& password)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("login"), login}, {QStringLiteral("password"), password}})
        .toJson(QJsonDocument::Compact);
}

/// A gongdan-server of the bench's own, its log in a file (a pipe nobody reads would stall it).
class BenchServer {
public:
    BenchServer(const QString& database, const QString& logFile)
    {
        m_process.setProgram(QCoreApplication::applicationDirPath() + QStringLiteral("/gongdan-server"));
        m_process.setArguments({QStringLiteral("--database"), database, QStringLiteral("--port"), QStringLiteral("0")});
        m_process.setStandardErrorFile(logFile);
        m_process.setStandardOutputFile(QProcess::nullDevice());
        m_process.start();
        QFile log(logFile);
        waitFor(
            [&] {
                if (!log.isOpen())
                    (void)log.open(QIODevice::ReadOnly);
                for (const QByteArray& line : log.readAll().split('\n')) {
                    const QJsonObject entry = QJsonDocument::fromJson(line).object();
                    if (entry.value(QStringLiteral("event")).toString() == QLatin1String("listening"))
                        m_port = static_cast<quint16>(entry.value(QStringLiteral("port")).toInt());
                }
                return m_port != 0 || m_process.state() == QProcess::NotRunning;
            },
            30000);
    }
    ~BenchServer()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(20000))
            m_process.kill();
    }
    quint16 port() const { return m_port; }
    /// The peak resident memory so far, in MiB (VmHWM); -1 when unknown.
    double peakRssMb() const
    {
        QFile status(QStringLiteral("/proc/%1/status").arg(m_process.processId()));
        if (!status.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
        }
        return -1;
    }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

/// A keep-alive connection from `source`; ask() waits for one answer (the event loop runs meanwhile).
class Client {
public:
    Client(const QString& source, quint16 port)
    {
        m_socket.bind(QHostAddress(source));
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    }
    int ask(const QByteArray& bytes, QByteArray* body = nullptr, double* ms = nullptr)
    {
        QElapsedTimer timer;
        timer.start();
        m_socket.write(bytes);
        int status = 0;
        waitFor(
            [&] {
                m_buffer += m_socket.readAll();
                status = takeAnswer(m_buffer, body);
                return status != 0 || m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            30000);
        if (ms)
            *ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        return status;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

/// 20 uploads declaring 1 GiB each, streaming until the server has answered and closed; the 5xx among them.
int uploadFlood(quint16 port, QTextStream& err)
{
    const QList<QByteArray> targets {"POST /api/v1/session", "POST /api/v1/attachments", "POST /v1/sync/push",
        "POST /api/v1/tickets", "PATCH /api/v1/users/someone"};
    struct Upload {
        std::unique_ptr<QTcpSocket> socket = std::make_unique<QTcpSocket>();
        qint64 sent = 0;
        QByteArray answer;
    };
    std::vector<Upload> uploads(20);
    const QByteArray chunk(64 * 1024, 'x');
    for (size_t i = 0; i < uploads.size(); ++i) {
        QTcpSocket* socket = uploads[i].socket.get();
        socket->connectToHost(QStringLiteral("127.0.0.1"), port);
        socket->write(targets.at(static_cast<qsizetype>(i) % targets.size())
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(kGiB) + "\r\n\r\n");
    }
    waitFor(
        [&] {
            bool allDone = true;
            for (Upload& upload : uploads) {
                upload.answer += upload.socket->readAll();
                if (upload.socket->state() == QAbstractSocket::UnconnectedState)
                    continue;
                allDone = false;
                while (upload.sent < kGiB && upload.socket->bytesToWrite() < 4 * chunk.size()
                    && upload.socket->state() == QAbstractSocket::ConnectedState) {
                    upload.socket->write(chunk);
                    upload.sent += chunk.size();
                }
            }
            return allDone;
        },
        120000);
    int errors = 0, refused = 0;
    for (Upload& upload : uploads) {
        const int status = upload.answer.startsWith("HTTP/1.1 ") ? upload.answer.mid(9, 3).toInt() : 0;
        errors += status >= 500 ? 1 : 0;
        refused += status >= 400 && status < 500 ? 1 : 0;
    }
    if (refused != static_cast<int>(uploads.size()))
        err << "only " << refused << " of " << uploads.size() << " uploads were refused with a 4xx" << Qt::endl;
    return errors;
}

/// A client sending wrong passwords for made-up logins as fast as it is answered.
class Flooder {
public:
    Flooder(quint16 port, int index, int* serverErrors) : m_index(index)
    {
        QObject::connect(&m_socket, &QTcpSocket::connected, &m_socket, [this] { next(); });
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this, serverErrors] {
            m_buffer += m_socket.readAll();
            while (const int status = takeAnswer(m_buffer)) {
                *serverErrors += status >= 500 ? 1 : 0;
                ++answers;
                next();
            }
        });
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    }
    int answers = 0;

private:
    void next()
    {
        m_socket.write(request("POST", "/api/v1/session",
            signInBody(QStringLiteral("intruder-%1-%2").arg(m_index).arg(m_sent++), QStringLiteral("wrong-password"))));
    }
    QTcpSocket m_socket;
    QByteArray m_buffer;
    int m_index;
    int m_sent = 0;
};

struct BackendFigures {
    double peakRssMb = -1;
    double p99Ms = -1;
    double quietP99Ms = -1; ///< the same probes before the flood
    int serverErrors = 0;
    bool ok = false;
};

BackendFigures measure(const QString& database, const QString& logFolder, qint64 tickets, QTextStream& err)
{
    BackendFigures figures;
    TeamSeedOptions seeding;
    seeding.database = database;
    seeding.password = kPassword;
    seeding.tickets = tickets;
    seeding.fresh = true;
    if (seedTeamServer(seeding, err, err) != 0)
        return figures;
    {
        BenchServer server(database, logFolder + QStringLiteral("/upload.log"));
        if (server.port() == 0) {
            err << "gongdan-server did not start; see " << logFolder << "/upload.log" << Qt::endl;
            return figures;
        }
        figures.serverErrors += uploadFlood(server.port(), err);
        figures.peakRssMb = server.peakRssMb();
    }
    BenchServer server(database, logFolder + QStringLiteral("/flood.log"));
    if (server.port() == 0) {
        err << "gongdan-server did not start; see " << logFolder << "/flood.log" << Qt::endl;
        return figures;
    }
    // The reader signs in from another address before the flood and finds a ticket to read.
    Client reader(QStringLiteral("127.0.0.2"), server.port());
    QByteArray body;
    if (reader.ask(request("POST", "/api/v1/session", signInBody(QStringLiteral("agent1"), kPassword)), &body) != 201) {
        err << "agent1 could not sign in: " << QString::fromUtf8(body) << Qt::endl;
        return figures;
    }
    const QString token = QJsonDocument::fromJson(body).object().value(QStringLiteral("token")).toString();
    reader.ask(request("GET", "/api/v1/tickets?limit=1", {}, token), &body);
    const QJsonObject first
        = QJsonDocument::fromJson(body).object().value(QStringLiteral("tickets")).toArray().first().toObject();
    const QByteArray ticketPath = "/api/v1/tickets/" + first.value(QStringLiteral("id")).toString().toUtf8();
    if (reader.ask(request("GET", ticketPath, {}, token)) != 200) {
        err << "agent1 cannot read " << ticketPath << Qt::endl;
        return figures;
    }
    // The same probes without a flood first: what this machine gives anyway.
    QList<double> quiet;
    for (int i = 0; i < 100; ++i) {
        double ms = 0;
        figures.serverErrors += reader.ask(request("GET", "/health"), nullptr, &ms) >= 500 ? 1 : 0;
        quiet.append(ms);
        figures.serverErrors += reader.ask(request("GET", ticketPath, {}, token), nullptr, &ms) >= 500 ? 1 : 0;
        quiet.append(ms);
        waitFor([] { return false; }, 10);
    }
    std::sort(quiet.begin(), quiet.end());
    figures.quietP99Ms = quiet.at(std::min<qsizetype>(quiet.size() - 1, quiet.size() * 99 / 100));
    std::vector<std::unique_ptr<Flooder>> flood;
    for (int i = 0; i < 50; ++i)
        flood.push_back(std::make_unique<Flooder>(server.port(), i, &figures.serverErrors));
    waitFor([] { return false; }, 300); // under way
    QList<double> latencies;
    for (int i = 0; i < 200; ++i) {
        double ms = 0;
        const int health = reader.ask(request("GET", "/health"), nullptr, &ms);
        latencies.append(ms);
        const int read = reader.ask(request("GET", ticketPath, {}, token), nullptr, &ms);
        latencies.append(ms);
        figures.serverErrors += (health >= 500 || health == 0 ? 1 : 0) + (read >= 500 || read == 0 ? 1 : 0);
        waitFor([] { return false; }, 10);
    }
    int floodAnswers = 0;
    for (const auto& flooder : flood)
        floodAnswers += flooder->answers;
    err << "flood: " << floodAnswers << " sign-in answers during the probes" << Qt::endl;
    std::sort(latencies.begin(), latencies.end());
    figures.p99Ms = latencies.at(std::min<qsizetype>(latencies.size() - 1, latencies.size() * 99 / 100));
    figures.ok = true;
    return figures;
}

} // namespace

int runHostileBench(const HostileBenchOptions& options, QTextStream& out, QTextStream& err)
{
    const QString parent = options.directory.isEmpty() ? QDir::tempPath() : options.directory;
    QString problem = folderProblem(QStringLiteral("--dir"), parent);
    if (problem.isEmpty() && !options.database.isEmpty()) {
        problem = options.database.startsWith(QLatin1String("postgres"))
            ? databaseProblem(QStringLiteral("--database"), options.database)
            : QStringLiteral("--database for server-hostile is a postgresql://… location (SQLite is always run)");
    }
    if (!problem.isEmpty()) {
        err << problem << Qt::endl;
        return 2;
    }
    QTemporaryDir dir(parent + QStringLiteral("/gongdan-hostile-bench-XXXXXX"));
    if (!dir.isValid()) {
        err << "cannot make a temporary folder in " << parent << ": " << dir.errorString() << Qt::endl;
        return 1;
    }
    QList<std::pair<QString, QString>> backends {
        {QStringLiteral("sqlite"), dir.filePath(QStringLiteral("team.sqlite"))}};
    QString dropAfter;
    QUrl cluster(qEnvironmentVariable("GONGDAN_TEST_POSTGRES"));
    if (!options.database.isEmpty()) {
        backends.append({QStringLiteral("postgresql"), options.database});
    } else if (cluster.isValid() && !cluster.isEmpty()) {
        const QString name = QStringLiteral("gongdan_bench_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        if (const QString error = runOnPostgresCluster(cluster, QStringLiteral("CREATE DATABASE ") + name);
            !error.isEmpty()) {
            err << "cannot make a database in " << cluster.toString() << ": " << error << Qt::endl;
            return 1;
        }
        dropAfter = name;
        QUrl location = cluster;
        location.setPath(QLatin1Char('/') + name);
        backends.append({QStringLiteral("postgresql"), location.toString()});
    }
    int status = 0;
    for (const auto& [backend, database] : backends) {
        const BackendFigures figures = measure(database, dir.path(), options.tickets, err);
        if (!figures.ok) {
            status = 1;
            break;
        }
        printFigure(
            out, QStringLiteral("hostile.upload.peak_rss_mb"), figures.peakRssMb, QStringLiteral("MB"), backend);
        printFigure(out, QStringLiteral("hostile.signin_flood.p99_ms"), figures.p99Ms, QStringLiteral("ms"), backend);
        printFigure(out, QStringLiteral("hostile.quiet.p99_ms"), figures.quietP99Ms, QStringLiteral("ms"), backend);
        printFigure(
            out, QStringLiteral("hostile.server_errors"), figures.serverErrors, QStringLiteral("count"), backend);
    }
    if (!dropAfter.isEmpty())
        runOnPostgresCluster(cluster, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(dropAfter));
    return status;
}

} // namespace gongdan::demo
