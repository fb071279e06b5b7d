#pragma once

#include "domain/Ticket.h"
#include "storage/Database.h"

namespace gongdan {

/// What the desk knows about one attachment besides its reference.
struct AttachmentState {
    bool local = false; ///< the bytes are in this store
    bool uploaded = false; ///< the server has them (sent from here, or they came from it)
    bool pinned = false; ///< kept for offline use (a file of one of the user's own tickets)
    QString refused; ///< the server's refusal code (`attachment.too_large`); empty when none
};

/// Attachment content, stored once per SHA-256 however many comments or fields refer to it, and its
/// transfer state: the upload queue (files added here, oldest first, kept across restarts until the
/// server has them), what is pinned for offline use, and the size limit (the server's, else 25 MB).
class AttachmentStore {
public:
    static constexpr qint64 kDefaultLimitBytes = 25LL * 1024 * 1024;

    explicit AttachmentStore(Database& db);
    /// The largest file that may be attached: the server's limit as last told, else 25 MB.
    qint64 limit();
    Status setLimit(qint64 bytes);
    /// Whether a file of `size` bytes may be attached: the refusal names the file, its size and the limit.
    Status checkSize(const QString& fileName, qint64 size);
    /// Stores the bytes (once), queues them for upload, and returns the reference to put on a comment or field.
    Result<AttachmentRef> put(const QByteArray& data, const QString& fileName, const QString& mimeType);
    /// Stores bytes that came from the server (checked against `ref.sha256`); `pinned` keeps them for offline use.
    Status storeDownloaded(const AttachmentRef& ref, const QByteArray& data, bool pinned = false);
    /// The bytes of a stored attachment, checked against their hash.
    Result<QByteArray> get(const QString& sha256);
    bool hasLocal(const QString& sha256);
    AttachmentState state(const QString& sha256);

    /// The upload queue, oldest first: files added here that the server does not have yet (nor refused).
    QList<AttachmentRef> pendingUploads();
    Status markUploaded(const QString& sha256);
    Status markRefused(const QString& sha256, const QString& code);
    /// Files on the comments and attachment fields of tickets assigned to `userId` whose bytes are not
    /// here: what a field worker needs offline.
    QList<AttachmentRef> missingForAssignee(const QString& userId);
    /// Marks the bytes of `sha256` as kept for offline use.
    Status pin(const QString& sha256);

private:
    /// The bytes (once per hash) and what the desk knows of them, in one transaction.
    Status storeBytes(const AttachmentRef& ref, const QByteArray& data, bool uploaded, bool pinned);
    Status remember(const AttachmentRef& ref, bool uploaded, bool pinned);

    Database& m_db;
};

} // namespace gongdan
