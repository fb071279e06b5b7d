#pragma once

#include "domain/Access.h"
#include "domain/Clock.h"
#include "domain/Ticket.h"
#include "teamdb/AuditLog.h"
#include "teamdb/ServerDatabase.h"

#include <QByteArray>
#include <optional>

namespace gongdan {

/// What the server knows of stored attachment bytes.
struct BlobInfo {
    QString sha256; ///< 64 lowercase hex digits: the key
    qint64 size = 0;
    QString mimeType; ///< sniffed from the bytes when they were stored, never the client's word
};

/// Attachment bytes in the team database (attachment_blob: BLOB on SQLite, BYTEA on PostgreSQL), stored
/// once by the SHA-256 of their content, who uploaded them, and who may read them back: their uploaders
/// and whoever may read a ticket whose comment or attachment field refers to them (attachment_ref, which
/// SyncStore writes with the comment or ticket). On PostgreSQL the bytes go through libpq in binary form,
/// so a request holds them once (QPSQL would escape them into a text twice their size).
class BlobStore {
public:
    BlobStore(ServerDatabase& database, const Clock& clock);

    /// Stores `bytes` under `info.sha256` unless they are there already, and records `uploaderId` as one
    /// who may read them. True when the bytes were new. The caller computed the hash and the type.
    Result<bool> store(const BlobInfo& info, const QByteArray& bytes, const QString& uploaderId);
    /// Every upload is appended to this audit trail (attachment_upload) in its transaction. None by default.
    void setAuditLog(AuditLog* audit) { m_audit = audit; }
    /// The size and type of stored bytes; nullopt when they have not arrived.
    Result<std::optional<BlobInfo>> info(const QString& sha256);
    /// The stored bytes; nullopt when they have not arrived.
    Result<std::optional<QByteArray>> content(const QString& sha256);
    /// May `who` read the bytes of `sha256`: they uploaded them, or they may read (domain/Access) a ticket
    /// that refers to them. One query, over attachment_ref's key and the ticket's.
    Result<bool> mayRead(const Principal& who, const QString& sha256);

    /// Indexes the references stored before the index existed (a database migrated from before schema 8):
    /// every comment's and attachment field's, in one transaction. Run once, at the start that migrated.
    Status indexEarlierReferences();
    /// The schema that added attachments: a database migrated from below it needs indexEarlierReferences().
    static constexpr int kSchema = 8;

    /// The attachments a ticket's custom fields hold (the values of attachment fields: lists of refs), by key.
    static QList<std::pair<QString, AttachmentRef>> fieldAttachments(const Ticket& ticket);
    /// Whether `text` is a content hash as the API takes it (64 lowercase hex digits).
    static bool isHash(const QString& text);

private:
    ServerDatabase& m_database;
    const Clock& m_clock;
    AuditLog* m_audit = nullptr;
};

} // namespace gongdan
