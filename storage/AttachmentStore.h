#pragma once

#include "domain/Ticket.h"
#include "storage/Database.h"

namespace gongdan {

/// Attachment content, stored once per SHA-256 however many comments or fields refer to it.
class AttachmentStore {
public:
    static constexpr qint64 kMaxBytes = 64LL * 1024 * 1024;

    explicit AttachmentStore(Database& db);
    /// Stores the bytes (once) and returns the reference to put on a comment or field.
    Result<AttachmentRef> put(const QByteArray& data, const QString& fileName, const QString& mimeType);
    /// The bytes of a stored attachment, checked against their hash.
    Result<QByteArray> get(const QString& sha256);

private:
    Database& m_db;
};

} // namespace gongdan
