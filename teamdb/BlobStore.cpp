#include "teamdb/BlobStore.h"

#include "domain/JsonCodec.h"
#include "teamdb/ServerRows.h"
#include "teamdb/SyncStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <array>
#include <functional>
#include <libpq-fe.h>
#include <memory>

namespace gongdan {

namespace {

using PostgresResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

Error postgresError(PGconn* connection, const QString& what)
{
    return Error {QStringLiteral("server.database"),
        QStringLiteral("%1: %2").arg(what, QString::fromUtf8(PQerrorMessage(connection)).trimmed()), QString()};
}

Error notOpen()
{
    return Error {QStringLiteral("server.database"), QStringLiteral("The PostgreSQL connection is not open"), {}};
}

} // namespace

BlobStore::BlobStore(ServerDatabase& database, const Clock& clock) : m_database(database), m_clock(clock) { }

bool BlobStore::isHash(const QString& text)
{
    static const QRegularExpression hash(QStringLiteral("^[0-9a-f]{64}$"));
    return hash.match(text).hasMatch();
}

QList<std::pair<QString, AttachmentRef>> BlobStore::fieldAttachments(const Ticket& ticket)
{
    // Only an attachment field's value is a list of objects that read as refs (FieldValidator checks each
    // type's shape), so the definitions need not be read: a multi-select's list holds strings.
    QList<std::pair<QString, AttachmentRef>> out;
    for (auto it = ticket.customFields.begin(); it != ticket.customFields.end(); ++it) {
        if (!it.value().isArray())
            continue;
        for (const QJsonValue& item : it.value().toArray()) {
            if (std::optional<AttachmentRef> ref = AttachmentRef::fromJson(item))
                out.append({it.key(), *ref});
        }
    }
    return out;
}

Result<bool> BlobStore::store(const BlobInfo& info, const QByteArray& bytes, const QString& uploaderId)
{
    const QString what = QStringLiteral("Cannot store the attachment");
    ServerTransaction transaction(m_database);
    bool created = false;
    if (PGconn* connection = ServerRows::postgresConnection(m_database)) {
        const QByteArray sha = info.sha256.toLatin1();
        const QByteArray size = QByteArray::number(info.size);
        const QByteArray mime = info.mimeType.toUtf8();
        const QByteArray createdMs = QByteArray::number(m_clock.nowMs());
        const char* values[]
            = {sha.constData(), size.constData(), mime.constData(), bytes.constData(), createdMs.constData()};
        const int lengths[] = {0, 0, 0, static_cast<int>(bytes.size()), 0};
        const int formats[] = {0, 0, 0, 1, 0}; // the bytes as they are (binary), the rest as text
        const PostgresResult result(PQexecParams(connection,
                                        "INSERT INTO attachment_blob(sha256, size, mime_type, content, created_ms) "
                                        "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sha256) DO NOTHING",
                                        5, nullptr, values, lengths, formats, 0),
            &PQclear);
        if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK)
            return postgresError(connection, what);
        created = qstrcmp(PQcmdTuples(result.get()), "1") == 0;
    } else if (m_database.backend() == ServerDatabase::Backend::Postgresql) {
        return notOpen();
    } else {
        QSqlQuery query(m_database.sql());
        query.prepare(QStringLiteral("INSERT INTO attachment_blob(sha256, size, mime_type, content, created_ms) "
                                     "VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING"));
        query.addBindValue(info.sha256);
        query.addBindValue(info.size);
        query.addBindValue(info.mimeType);
        query.addBindValue(bytes);
        query.addBindValue(m_clock.nowMs());
        if (!query.exec())
            return ServerDatabase::failure(query.lastError(), what);
        created = query.numRowsAffected() == 1;
    }
    QSqlQuery& uploader = m_database.prepared(
        QStringLiteral("INSERT INTO attachment_upload(sha256, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING"));
    const auto finished = qScopeGuard([&uploader] { uploader.finish(); });
    uploader.addBindValue(info.sha256);
    uploader.addBindValue(uploaderId);
    if (!uploader.exec())
        return ServerDatabase::failure(uploader.lastError(), what);
    if (m_audit) {
        if (Status audited
            = m_audit->append(QStringLiteral("attachment_upload"), QStringLiteral("attachment"), info.sha256,
                {{QStringLiteral("size"), info.size}, {QStringLiteral("mime_type"), info.mimeType},
                    {QStringLiteral("new"), created}});
            !audited)
            return audited.error();
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return created;
}

Status BlobStore::indexEarlierReferences()
{
    // (sha256, ticket id, source) of every stored comment and ticket that names a hash at all.
    QList<std::array<QString, 3>> refs;
    const auto read = [this](const QString& sql, const std::function<void(const QJsonObject&)>& each) -> Status {
        QSqlQuery query(m_database.sql());
        query.setForwardOnly(true);
        if (!query.exec(sql))
            return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot read earlier attachments"));
        while (query.next())
            each(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object());
        return {};
    };
    if (Status s = read(QStringLiteral("SELECT data FROM ticket_comment WHERE data LIKE '%\"sha256\"%'"),
            [&refs](const QJsonObject& data) {
                if (auto comment = JsonCodec::commentFromJson(data)) {
                    for (const AttachmentRef& ref : comment.value().attachments)
                        refs.append(
                            {ref.sha256, comment.value().ticketId, QStringLiteral("comment:") + comment.value().id});
                }
            });
        !s)
        return s;
    if (Status s = read(QStringLiteral("SELECT data FROM ticket WHERE data LIKE '%\"sha256\"%'"),
            [&refs](const QJsonObject& data) {
                if (auto ticket = JsonCodec::ticketFromJson(data)) {
                    for (const auto& [key, ref] : fieldAttachments(ticket.value()))
                        refs.append({ref.sha256, ticket.value().id, QStringLiteral("field:") + key});
                }
            });
        !s)
        return s;
    ServerTransaction transaction(m_database);
    QSqlQuery insert(m_database.sql());
    insert.prepare(QStringLiteral(
        "INSERT INTO attachment_ref(sha256, ticket_id, source) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    for (const auto& [sha256, ticketId, source] : refs) {
        insert.addBindValue(sha256);
        insert.addBindValue(ticketId);
        insert.addBindValue(source);
        if (!insert.exec())
            return ServerDatabase::failure(insert.lastError(), QStringLiteral("Cannot index earlier attachments"));
    }
    return transaction.commit();
}

Result<std::optional<BlobInfo>> BlobStore::info(const QString& sha256)
{
    QSqlQuery& query
        = m_database.prepared(QStringLiteral("SELECT size, mime_type FROM attachment_blob WHERE sha256 = ?"));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    query.addBindValue(sha256);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot read the attachment"));
    if (!query.next())
        return std::optional<BlobInfo>();
    return std::optional<BlobInfo>(BlobInfo {sha256, query.value(0).toLongLong(), query.value(1).toString()});
}

Result<std::optional<QByteArray>> BlobStore::content(const QString& sha256)
{
    const QString what = QStringLiteral("Cannot read the attachment");
    if (PGconn* connection = ServerRows::postgresConnection(m_database)) {
        const QByteArray sha = sha256.toLatin1();
        const char* values[] = {sha.constData()};
        const PostgresResult result(
            PQexecParams(connection, "SELECT content FROM attachment_blob WHERE sha256 = $1", 1, nullptr, values,
                nullptr, nullptr, 1), // the bytes as they are, not as escaped text
            &PQclear);
        if (!result || PQresultStatus(result.get()) != PGRES_TUPLES_OK)
            return postgresError(connection, what);
        if (PQntuples(result.get()) == 0)
            return std::optional<QByteArray>();
        return std::optional<QByteArray>(QByteArray(PQgetvalue(result.get(), 0, 0), PQgetlength(result.get(), 0, 0)));
    }
    if (m_database.backend() == ServerDatabase::Backend::Postgresql)
        return notOpen();
    QSqlQuery query(m_database.sql());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT content FROM attachment_blob WHERE sha256 = ?"));
    query.addBindValue(sha256);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), what);
    if (!query.next())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(query.value(0).toByteArray());
}

Result<bool> BlobStore::mayRead(const Principal& who, const QString& sha256)
{
    QVariantList values {sha256, who.userId, sha256};
    const QString scope = SyncStore::scopeCondition(who, values, false); // over the ticket's columns
    QSqlQuery query(m_database.sql());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT 1 FROM attachment_upload WHERE sha256 = ? AND user_id = ? "
                                 "UNION ALL SELECT 1 FROM attachment_ref JOIN ticket ON ticket.id = "
                                 "attachment_ref.ticket_id WHERE attachment_ref.sha256 = ? AND (%1) LIMIT 1")
                      .arg(scope));
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot check who may read the attachment"));
    return query.next();
}

} // namespace gongdan
