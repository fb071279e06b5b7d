#pragma once

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace gongdan::test {

class OpenApiContract;

/// A number the server gave (GYYYYMMDDNNN…), not a provisional reference — which may start with a G too
/// (a device code such as "GQF" gives "GQF-0001").
inline bool isFinalNumber(const QString& number)
{
    static const QRegularExpression kFinal(QStringLiteral("^G\\d{11,}$"));
    return kFinal.match(number).hasMatch();
}

/// A loopback port nothing listens on right now (a server restarted on the same port, a silent peer).
quint16 freePort();

/// The rows every team-database test runs for: a "backend" column with "sqlite" and "postgresql".
void addBackendRows();

/// A fresh, empty team database for one test: a SQLite file in a temporary folder, or a new database
/// in the PostgreSQL cluster named by GONGDAN_TEST_POSTGRES (scripts/test starts one), dropped again
/// at the end. `available()` is false for PostgreSQL when no cluster is given; the test then skips.
class TeamDatabase {
public:
    explicit TeamDatabase(const QString& backend);
    ~TeamDatabase();
    TeamDatabase(const TeamDatabase&) = delete;
    TeamDatabase& operator=(const TeamDatabase&) = delete;

    bool available() const { return !m_location.isEmpty(); }
    QString why() const { return m_why; }
    /// What gongdan-server's --database takes.
    QString location() const { return m_location; }

private:
    QTemporaryDir m_dir;
    QString m_location;
    QString m_why;
    QString m_postgresName;
};

/// A real gongdan-server process on a free loopback port, its JSON-line log collected.
class ServerProcess {
public:
    ServerProcess() = default;
    ~ServerProcess();

    /// Starts the server and waits until it listens; false with the log in lastLog() otherwise.
    /// `failpoints` go to GONGDAN_FAILPOINTS (storage/Failpoints.h).
    bool start(
        const QString& databaseLocation, const QStringList& extraArguments = {}, const QStringList& failpoints = {});
    /// Waits for a process that ends by itself (a failpoint); its exit code, -1 if it did not end.
    int waitForExit(int ms = 20000);
    bool running() const { return m_process.state() != QProcess::NotRunning; }
    /// SIGTERM, then waits; the exit code (-1 when it had to be killed).
    int terminate();
    void kill();
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    QString baseUrl() const;
    /// The same with https (a server started with --tls-cert).
    QString secureUrl() const;
    /// Every log line so far, each a JSON object.
    QList<QJsonObject> log();
    QString lastLog() const { return QString::fromUtf8(m_stderr); }

private:
    QProcess m_process;
    QByteArray m_stderr;
    quint16 m_port = 0;
};

/// Runs `gongdan-server` once with `arguments` (e.g. the admin commands) and returns its exit code;
/// `output` gets stdout and stderr.
int runServerCommand(const QStringList& arguments, const QByteArray& input = {}, QString* output = nullptr);

/// Makes the team most server tests start from, with the admin tool: groups "service" (客服部) and
/// "field-ops" (外勤组); boss (admin, "boss-password"), li.na (agent in service, "agent-password"),
/// zhang (agent in field-ops, "zhang-password"), wang (field staff in field-ops, "field-password").
/// False with the tool's output in `error` when a step fails.
bool seedTeam(const QString& databaseLocation, QString* error);

/// A fresh team database for `backend` with seedTeam() run on it; the database without the seed
/// when the backend is not available here (check available(), then skip).
std::unique_ptr<TeamDatabase> seededTeam(const QString& backend);

/// What most server tests start each row with: the seeded team on `backend` and a server on it, stopped
/// with SIGTERM when this ends. In init(): construct, QFAIL when skipReason() says the database could not be made (a
/// skip would pass under ctest), QVERIFY start().
class SeededServer {
public:
    explicit SeededServer(const QString& backend) : m_team(seededTeam(backend)) { }
    ~SeededServer()
    {
        if (m_server.running())
            m_server.terminate();
    }

    /// Why this backend cannot run here; empty when it can.
    QString skipReason() const { return m_team->available() ? QString() : m_team->why(); }
    bool start() { return m_server.start(m_team->location()); }
    ServerProcess& server() { return m_server; }
    QString baseUrl() const { return m_server.baseUrl(); }

private:
    std::unique_ptr<TeamDatabase> m_team;
    ServerProcess m_server;
};

struct HttpResult {
    int status = 0; ///< 0: no answer
    QJsonObject body;
    QByteArray raw;
    QList<QPair<QByteArray, QByteArray>> headers;

    QByteArray header(const QByteArray& name) const;
    QString code() const { return body.value(QStringLiteral("code")).toString(); }
};

/// A small HTTP client for API tests: one call, waited for with QTest::qWaitFor.
class HttpClient {
public:
    explicit HttpClient(QString baseUrl) : m_base(std::move(baseUrl)) { }
    void setToken(const QString& token) { m_token = token; }
    const QString& token() const { return m_token; }
    /// For https: trust exactly these certificates (a test's self-signed one).
    void setTrusted(const QList<QSslCertificate>& certificates) { m_trusted = certificates; }
    const QString& baseUrl() const { return m_base; }
    HttpResult get(const QString& path) { return send("GET", path, {}); }
    HttpResult post(const QString& path, const QJsonObject& body) { return send("POST", path, jsonBytes(body)); }
    HttpResult patch(const QString& path, const QJsonObject& body) { return send("PATCH", path, jsonBytes(body)); }
    HttpResult del(const QString& path) { return send("DELETE", path, {}); }
    HttpResult send(const QByteArray& verb, const QString& path, const QByteArray& body,
        const QByteArray& contentType = "application/json", const QList<QPair<QByteArray, QByteArray>>& headers = {});

    static QByteArray jsonBytes(const QJsonObject& object);

    /// From now on every answer is held to docs/api/openapi.yaml; what does not match is collected.
    void holdTo(const OpenApiContract* contract) { m_contract = contract; }
    /// The answers that did not match the document (status not listed, body not matching its schema).
    const QStringList& contractViolations() const { return m_violations; }

private:
    QNetworkAccessManager m_network;
    const OpenApiContract* m_contract = nullptr;
    QStringList m_violations;
    QString m_base;
    QString m_token;
    QList<QSslCertificate> m_trusted;
};

/// POSTs each body to `path`; each answer must be a 4xx whose code is the one paired with it (QTest
/// checks: a failure ends the calling test function's check here).
void expectRefusals(HttpClient& http, const QString& path, const QList<QPair<QJsonObject, QString>>& bodies);

} // namespace gongdan::test
