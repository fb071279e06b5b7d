#include "storage/AttachmentStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QLocale>
#include <QSet>

namespace gongdan {

namespace {

QString hashOf(const QByteArray& data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

} // namespace

AttachmentStore::AttachmentStore(Database& db) : m_db(db) { }

qint64 AttachmentStore::limit()
{
    QSqlQuery& select = m_db.prepared(QStringLiteral("SELECT bytes FROM attachment_limit WHERE id = 1"));
    qint64 bytes = 0;
    if (select.exec() && select.next())
        bytes = select.value(0).toLongLong();
    select.finish();
    return bytes > 0 ? bytes : kDefaultLimitBytes;
}

Status AttachmentStore::setLimit(qint64 bytes)
{
    if (bytes <= 0)
        return {};
    QSqlQuery& upsert = m_db.prepared(QStringLiteral(
        "INSERT INTO attachment_limit(id, bytes) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET bytes = excluded.bytes"));
    upsert.addBindValue(bytes);
    const bool ok = upsert.exec();
    upsert.finish();
    return ok ? Status {} : Status(Database::errorOf(upsert));
}

Status AttachmentStore::checkSize(const QString& fileName, qint64 size)
{
    const qint64 max = limit();
    if (size <= max)
        return {};
    const QLocale locale;
    //: %1 the file's name, %2 its size, %3 the largest size the team server takes (e.g. "25 MB")
    return Error {QStringLiteral("attachment.too_large"),
        QCoreApplication::translate(
            "AttachmentStore", "\"%1\" is %2; files up to %3 can be attached. Share a smaller file or a link instead.")
            .arg(fileName, locale.formattedDataSize(size, 1, QLocale::DataSizeTraditionalFormat),
                locale.formattedDataSize(max, 0, QLocale::DataSizeTraditionalFormat))};
}

Result<AttachmentRef> AttachmentStore::put(const QByteArray& data, const QString& fileName, const QString& mimeType)
{
    if (fileName.trimmed().isEmpty())
        return Error {
            QStringLiteral("attachment.name"), QCoreApplication::translate("AttachmentStore", "A file needs a name.")};
    if (Status fits = checkSize(fileName, data.size()); !fits)
        return fits.error();
    const AttachmentRef ref {hashOf(data), fileName.trimmed(), mimeType, data.size()};
    if (Status stored = storeBytes(ref, data, false, false, true); !stored)
        return stored.error();
    return ref;
}

Status AttachmentStore::remember(const AttachmentRef& ref, bool uploaded, bool pinned, bool own)
{
    // Known already: it keeps its place in the queue; what the server has stays uploaded; attached here stays own.
    QSqlQuery& upsert = m_db.prepared(QStringLiteral(
        "INSERT INTO attachment_state(sha256, file_name, mime, size, uploaded, queued_ms, pinned, own, used_ms) "
        "VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(sha256) DO UPDATE SET uploaded = max(uploaded, excluded.uploaded), "
        "pinned = max(pinned, excluded.pinned), own = max(own, excluded.own), used_ms = excluded.used_ms, "
        "file_name = coalesce(file_name, excluded.file_name)"));
    upsert.addBindValue(ref.sha256);
    upsert.addBindValue(ref.fileName);
    upsert.addBindValue(ref.mimeType);
    upsert.addBindValue(ref.size);
    upsert.addBindValue(uploaded ? 1 : 0);
    upsert.addBindValue(m_db.clock().nowMs());
    upsert.addBindValue(pinned ? 1 : 0);
    upsert.addBindValue(own ? 1 : 0);
    upsert.addBindValue(m_db.clock().nowMs());
    const bool ok = upsert.exec();
    upsert.finish();
    return ok ? Status {} : Status(Database::errorOf(upsert));
}

Status AttachmentStore::storeDownloaded(const AttachmentRef& ref, const QByteArray& data, bool pinned)
{
    if (hashOf(data) != ref.sha256)
        return Error {QStringLiteral("attachment.damaged"),
            QCoreApplication::translate("AttachmentStore", "The file arrived damaged; it will be fetched again.")};
    return storeBytes(ref, data, true, pinned, false);
}

Status AttachmentStore::storeBytes(
    const AttachmentRef& ref, const QByteArray& data, bool uploaded, bool pinned, bool own)
{
    SqlTransaction transaction(m_db);
    if (!transaction.started())
        return transaction.started();
    QSqlQuery& insert = m_db.prepared(QStringLiteral(
        "INSERT INTO attachment(sha256, mime, size, data, created_ms) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING"));
    insert.addBindValue(ref.sha256);
    insert.addBindValue(ref.mimeType);
    insert.addBindValue(data.size());
    insert.addBindValue(data);
    insert.addBindValue(m_db.clock().nowMs());
    const bool ok = insert.exec();
    insert.finish();
    if (!ok)
        return Database::errorOf(insert);
    if (Status remembered = remember(ref, uploaded, pinned, own); !remembered)
        return remembered;
    return transaction.commit();
}

Result<QByteArray> AttachmentStore::get(const QString& sha256)
{
    QSqlQuery& select = m_db.prepared(QStringLiteral("SELECT data FROM attachment WHERE sha256 = ?"));
    select.addBindValue(sha256);
    QByteArray data;
    const bool found = select.exec() && select.next();
    if (found)
        data = select.value(0).toByteArray();
    select.finish();
    if (!found)
        return Error {QStringLiteral("attachment.missing"),
            QCoreApplication::translate("AttachmentStore", "The file is not in the local store.")};
    if (hashOf(data) != sha256)
        return Error {QStringLiteral("storage.corrupt"),
            QCoreApplication::translate("AttachmentStore", "The stored file is damaged.")};
    // Used now: the last to be evicted from the cache.
    QSqlQuery& touch = m_db.prepared(QStringLiteral("UPDATE attachment_state SET used_ms = ? WHERE sha256 = ?"));
    touch.addBindValue(m_db.clock().nowMs());
    touch.addBindValue(sha256);
    touch.exec();
    touch.finish();
    return data;
}

bool AttachmentStore::hasLocal(const QString& sha256)
{
    QSqlQuery& select = m_db.prepared(QStringLiteral("SELECT 1 FROM attachment WHERE sha256 = ?"));
    select.addBindValue(sha256);
    const bool found = select.exec() && select.next();
    select.finish();
    return found;
}

AttachmentState AttachmentStore::state(const QString& sha256)
{
    AttachmentState state;
    state.local = hasLocal(sha256);
    QSqlQuery& select
        = m_db.prepared(QStringLiteral("SELECT uploaded, pinned, refused, own FROM attachment_state WHERE sha256 = ?"));
    select.addBindValue(sha256);
    if (select.exec() && select.next()) {
        state.uploaded = select.value(0).toBool();
        state.pinned = select.value(1).toBool();
        state.refused = select.value(2).toString();
        state.own = select.value(3).toBool();
    } else if (!state.local) {
        state.uploaded = true; // a reference that came from the server: the server has its bytes
    }
    select.finish();
    return state;
}

QList<AttachmentRef> AttachmentStore::pendingUploads()
{
    QList<AttachmentRef> refs;
    QSqlQuery& select
        = m_db.prepared(QStringLiteral("SELECT s.sha256, coalesce(s.file_name, s.sha256), coalesce(s.mime, ''), s.size "
                                       "FROM attachment_state s JOIN attachment a ON a.sha256 = s.sha256 "
                                       "WHERE s.uploaded = 0 AND s.refused IS NULL ORDER BY s.queued_ms, s.sha256"));
    if (select.exec()) {
        while (select.next()) {
            refs.append({select.value(0).toString(), select.value(1).toString(), select.value(2).toString(),
                select.value(3).toLongLong()});
        }
    }
    select.finish();
    return refs;
}

Status AttachmentStore::markUploaded(const QString& sha256)
{
    QSqlQuery& update = m_db.prepared(QStringLiteral("UPDATE attachment_state SET uploaded = 1 WHERE sha256 = ?"));
    update.addBindValue(sha256);
    const bool ok = update.exec();
    update.finish();
    return ok ? Status {} : Status(Database::errorOf(update));
}

Status AttachmentStore::markRefused(const QString& sha256, const QString& code)
{
    QSqlQuery& update = m_db.prepared(QStringLiteral("UPDATE attachment_state SET refused = ? WHERE sha256 = ?"));
    update.addBindValue(code);
    update.addBindValue(sha256);
    const bool ok = update.exec();
    update.finish();
    return ok ? Status {} : Status(Database::errorOf(update));
}

Status AttachmentStore::pin(const QString& sha256)
{
    QSqlQuery& update = m_db.prepared(QStringLiteral("UPDATE attachment_state SET pinned = 1 WHERE sha256 = ?"));
    update.addBindValue(sha256);
    const bool ok = update.exec();
    update.finish();
    return ok ? Status {} : Status(Database::errorOf(update));
}

QList<AttachmentRef> AttachmentStore::missingForAssignee(const QString& userId)
{
    QList<AttachmentRef> refs;
    if (userId.isEmpty())
        return refs;
    // Comments' files, then attachment fields' (a field's value is an array of references).
    QSqlQuery& select = m_db.prepared(QStringLiteral(
        "SELECT f.value FROM ticket t JOIN comment c ON c.ticket_rowid = t.rowid, json_each(c.attachments) f "
        "WHERE t.assignee_id = ? AND json_valid(c.attachments) "
        "UNION ALL "
        "SELECT f.value FROM ticket t, json_each(t.custom_fields) v, json_each(v.value) f "
        "WHERE t.assignee_id = ? AND json_valid(t.custom_fields) AND v.type = 'array' AND f.type = 'object'"));
    select.addBindValue(userId);
    select.addBindValue(userId);
    QSet<QString> seen;
    if (select.exec()) {
        while (select.next()) {
            const auto ref = AttachmentRef::fromJson(QJsonDocument::fromJson(select.value(0).toByteArray()).object());
            if (ref && !seen.contains(ref->sha256)) {
                seen.insert(ref->sha256);
                refs.append(*ref);
            }
        }
    }
    select.finish();
    refs.removeIf([this](const AttachmentRef& ref) { return hasLocal(ref.sha256); });
    return refs;
}

qint64 AttachmentStore::cacheLimit()
{
    QSqlQuery& select = m_db.prepared(QStringLiteral("SELECT cap_bytes FROM attachment_cache WHERE id = 1"));
    qint64 bytes = -1;
    if (select.exec() && select.next())
        bytes = select.value(0).toLongLong();
    select.finish();
    return bytes >= 0 ? bytes : kDefaultCacheBytes;
}

Status AttachmentStore::setCacheLimit(qint64 bytes)
{
    QSqlQuery& upsert = m_db.prepared(QStringLiteral("INSERT INTO attachment_cache(id, cap_bytes) VALUES (1, ?) "
                                                     "ON CONFLICT(id) DO UPDATE SET cap_bytes = excluded.cap_bytes"));
    upsert.addBindValue(std::max<qint64>(bytes, 0));
    const bool ok = upsert.exec();
    upsert.finish();
    return ok ? Status {} : Status(Database::errorOf(upsert));
}

Result<QList<AttachmentStore::Cached>> AttachmentStore::evictable(const QString& userId)
{
    // Downloaded (not attached here), on the server (not queued), and on no ticket assigned to the user.
    QSqlQuery& select = m_db.prepared(QStringLiteral(
        "WITH mine(sha256) AS ("
        "SELECT json_extract(f.value, '$.sha256') FROM ticket t JOIN comment c ON c.ticket_rowid = t.rowid, "
        "json_each(c.attachments) f WHERE t.assignee_id = ? AND json_valid(c.attachments) "
        "UNION SELECT json_extract(f.value, '$.sha256') FROM ticket t, json_each(t.custom_fields) v, "
        "json_each(v.value) f WHERE t.assignee_id = ? AND json_valid(t.custom_fields) AND v.type = 'array' "
        "AND f.type = 'object') "
        "SELECT s.sha256, a.size FROM attachment_state s JOIN attachment a ON a.sha256 = s.sha256 "
        "WHERE s.own = 0 AND s.uploaded = 1 AND s.sha256 NOT IN (SELECT sha256 FROM mine WHERE sha256 IS NOT NULL) "
        "ORDER BY coalesce(s.used_ms, s.queued_ms), s.sha256"));
    select.addBindValue(userId);
    select.addBindValue(userId);
    if (!select.exec()) {
        Error error = Database::errorOf(select);
        select.finish();
        return error;
    }
    QList<Cached> files;
    while (select.next())
        files.append({select.value(0).toString(), select.value(1).toLongLong()});
    select.finish();
    return files;
}

qint64 AttachmentStore::cacheSize(const QString& userId)
{
    auto files = evictable(userId);
    if (!files)
        return 0;
    qint64 total = 0;
    for (const Cached& file : files.value())
        total += file.size;
    return total;
}

Result<int> AttachmentStore::trimCache(const QString& userId)
{
    auto files = evictable(userId);
    if (!files)
        return files.error();
    qint64 total = 0;
    for (const Cached& file : files.value())
        total += file.size;
    const qint64 cap = cacheLimit();
    if (total <= cap)
        return 0;
    SqlTransaction transaction(m_db);
    if (!transaction.started())
        return transaction.started().error();
    int evicted = 0;
    for (const Cached& file : files.value()) {
        if (total <= cap)
            break;
        if (m_held.contains(file.sha256))
            continue; // on screen: stays, and counts
        for (const QString& sql : {QStringLiteral("DELETE FROM attachment WHERE sha256 = ?"),
                 QStringLiteral("DELETE FROM attachment_state WHERE sha256 = ?")}) {
            QSqlQuery& remove = m_db.prepared(sql);
            remove.addBindValue(file.sha256);
            const bool ok = remove.exec();
            remove.finish();
            if (!ok)
                return Database::errorOf(remove);
        }
        total -= file.size;
        ++evicted;
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return evicted;
}

void AttachmentStore::hold(const QString& sha256)
{
    ++m_held[sha256];
}

void AttachmentStore::release(const QString& sha256)
{
    auto it = m_held.find(sha256);
    if (it != m_held.end() && --it.value() <= 0)
        m_held.erase(it);
}

} // namespace gongdan
