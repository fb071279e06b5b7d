#include "storage/AttachmentStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace gongdan {

AttachmentStore::AttachmentStore(Database& db) : m_db(db) { }

Result<AttachmentRef> AttachmentStore::put(const QByteArray& data, const QString& fileName, const QString& mimeType)
{
    if (fileName.trimmed().isEmpty())
        return Error {
            QStringLiteral("attachment.name"), QCoreApplication::translate("AttachmentStore", "A file needs a name.")};
    if (data.size() > kMaxBytes) {
        return Error {QStringLiteral("attachment.too_large"),
            QCoreApplication::translate("AttachmentStore", "\"%1\" is larger than %2 MB.")
                .arg(fileName)
                .arg(kMaxBytes >> 20)};
    }
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    QSqlQuery& insert = m_db.prepared(QStringLiteral(
        "INSERT INTO attachment(sha256, mime, size, data, created_ms) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING"));
    insert.addBindValue(hash);
    insert.addBindValue(mimeType);
    insert.addBindValue(data.size());
    insert.addBindValue(data);
    insert.addBindValue(m_db.clock().nowMs());
    const bool ok = insert.exec();
    insert.finish();
    if (!ok)
        return Database::errorOf(insert);
    return AttachmentRef {hash, fileName.trimmed(), mimeType, data.size()};
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
    if (QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()) != sha256)
        return Error {QStringLiteral("storage.corrupt"),
            QCoreApplication::translate("AttachmentStore", "The stored file is damaged.")};
    return data;
}

} // namespace gongdan
