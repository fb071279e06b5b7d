#include "tests/support/ServerHarness.h"

#include "teamdb/PostgresCluster.h"
#include "tests/support/OpenApiContract.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTest>
#include <QUrl>
#include <QUuid>

namespace gongdan::test {

void addBackendRows()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

TeamDatabase::TeamDatabase(const QString& backend)
{
    if (backend == QLatin1String("sqlite")) {
        m_location = m_dir.filePath(QStringLiteral("team.sqlite"));
        return;
    }
    const QString cluster = qEnvironmentVariable("GONGDAN_TEST_POSTGRES");
    // Without a database the PostgreSQL rows fail (never skip: ctest counts a skip as a pass).
    if (cluster.isEmpty()) {
        m_why = QStringLiteral("GONGDAN_TEST_POSTGRES is not set; scripts/test starts a PostgreSQL cluster");
        return;
    }
    QUrl url(cluster);
    m_postgresName = QStringLiteral("gongdan_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    if (const QString error = runOnPostgresCluster(url, QStringLiteral("CREATE DATABASE ") + m_postgresName);
        !error.isEmpty()) {
        m_why = QStringLiteral("Cannot create a test database in %1: %2").arg(cluster, error);
        m_postgresName.clear();
        return;
    }
    url.setPath(QLatin1Char('/') + m_postgresName);
    m_location = url.toString();
}

TeamDatabase::~TeamDatabase()
{
    if (!m_postgresName.isEmpty())
        runOnPostgresCluster(QUrl(qEnvironmentVariable("GONGDAN_TEST_POSTGRES")),
            QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_postgresName));
}

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        kill();
}

bool ServerProcess::start(
    const QString& databaseLocation, const QStringList& extraArguments, const QStringList& failpoints)
{
    m_stderr.clear();
    m_port = 0;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("GONGDAN_FAILPOINTS"), failpoints.join(QLatin1Char(',')));
    m_process.setProcessEnvironment(environment);
    m_process.setProgram(QStringLiteral(GONGDAN_SERVER_BINARY));
    m_process.setArguments(
        QStringList {QStringLiteral("--database"), databaseLocation, QStringLiteral("--port"), QStringLiteral("0")}
        + extraArguments);
    m_process.start();
    if (!m_process.waitForStarted(10000))
        return false;
    const bool listening = QTest::qWaitFor(
        [this] {
            for (const QJsonObject& line : log()) {
                if (line.value(QStringLiteral("event")).toString() == QLatin1String("listening"))
                    m_port = static_cast<quint16>(line.value(QStringLiteral("port")).toInt());
            }
            return m_port != 0 || m_process.state() == QProcess::NotRunning;
        },
        20000);
    return listening && m_port != 0;
}

int ServerProcess::terminate()
{
    m_process.terminate();
    if (!m_process.waitForFinished(20000)) {
        kill();
        return -1;
    }
    log();
    if (m_process.exitStatus() != QProcess::NormalExit || m_process.exitCode() != 0) // what the failure looked like
        qWarning().noquote() << "gongdan-server ended" << m_process.exitStatus() << m_process.exitCode()
                             << QString::fromUtf8(m_stderr.right(1500));
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

int ServerProcess::waitForExit(int ms)
{
    if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(ms))
        return -1;
    log();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void ServerProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(10000);
    log();
}

QString ServerProcess::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

QString ServerProcess::secureUrl() const
{
    return QStringLiteral("https://127.0.0.1:%1").arg(m_port);
}

QList<QJsonObject> ServerProcess::log()
{
    m_stderr += m_process.readAllStandardError();
    QList<QJsonObject> lines;
    for (const QByteArray& line : m_stderr.split('\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    }
    return lines;
}

int runServerCommand(const QStringList& arguments, const QByteArray& input, QString* output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(GONGDAN_SERVER_BINARY), arguments);
    if (!process.waitForStarted(10000))
        return -1;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    if (output)
        *output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

bool seedTeam(const QString& databaseLocation, QString* error)
{
    const QStringList db {QStringLiteral("admin"), QStringLiteral("--database"), databaseLocation};
    auto user = [&](const char* login, const char* name, const char* role, const char* groups) {
        QStringList args = db
            + QStringList {QStringLiteral("add-user"), QLatin1String(login), QStringLiteral("--name"),
                QString::fromUtf8(name), QStringLiteral("--role"), QLatin1String(role)};
        if (*groups)
            args += QStringList {QStringLiteral("--groups"), QLatin1String(groups)};
        return args;
    };
    const QList<QPair<QStringList, QByteArray>> commands {
        {db
                + QStringList {QStringLiteral("add-group"), QStringLiteral("service"), QStringLiteral("客服部"),
                    QStringLiteral("Customer service")},
            {}},
        {db + QStringList {QStringLiteral("add-group"), QStringLiteral("field-ops"), QStringLiteral("外勤组")}, {}},
        {user("boss", "王经理", "admin", ""), "boss-password\n"},
        {user("li.na", "李娜", "agent", "service")
                + QStringList {QStringLiteral("--skills"), QStringLiteral("粤语,billing")},
            "agent-password\n"},
        {user("zhang", "张伟", "agent", "field-ops"), "zhang-password\n"},
        {user("wang", "王师傅", "field", "field-ops"), "field-password\n"},
    };
    for (const auto& [arguments, input] : commands) {
        if (runServerCommand(arguments, input, error) != 0)
            return false;
    }
    return true;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

std::unique_ptr<TeamDatabase> seededTeam(const QString& backend)
{
    auto database = std::make_unique<TeamDatabase>(backend);
    QString output;
    if (database->available() && !seedTeam(database->location(), &output))
        qFatal("seeding the team failed: %s", qPrintable(output));
    return database;
}

HttpResult HttpClient::send(const QByteArray& verb, const QString& path, const QByteArray& body,
    const QByteArray& contentType, const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QNetworkRequest request(QUrl(m_base + path));
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    if (!m_trusted.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_trusted);
        request.setSslConfiguration(tls);
    }
    if (!body.isEmpty() || verb == "POST" || verb == "PATCH")
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    // A HEAD as a custom verb would wait for the body its Content-Length announces.
    QNetworkReply* reply = verb == "HEAD" ? m_network.head(request) : m_network.sendCustomRequest(request, verb, body);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 30000))
        reply->abort();
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.raw = reply->readAll();
    result.body = QJsonDocument::fromJson(result.raw).object();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    if (m_contract && result.status != 0) {
        if (const QString mismatch = m_contract->check(verb, path, result.status, result.raw); !mismatch.isEmpty())
            m_violations.append(mismatch);
    }
    return result;
}

QByteArray HttpResult::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray HttpClient::jsonBytes(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void expectRefusals(HttpClient& http, const QString& path, const QList<QPair<QJsonObject, QString>>& bodies)
{
    for (const auto& [body, code] : bodies) {
        const HttpResult refused = http.post(path, body);
        QCOMPARE(refused.code(), code);
        QVERIFY2(refused.status >= 400 && refused.status < 500, qPrintable(code));
    }
}

} // namespace gongdan::test
