#pragma once

#include "domain/Ticket.h"
#include "storage/Database.h"

#include <QHash>

namespace gongdan {

/// What the desk knows about one attachment besides its reference.
struct AttachmentState {
    bool local = false; ///< the bytes are in this store
    bool uploaded = false; ///< the server has them (sent from here, or they came from it)
    bool pinned = false; ///< kept for offline use (a file of one of the user's own tickets)
    bool own = false; ///< attached on this desk (kept; never evicted from the cache)
    QString refused; ///< the server's refusal code (`attachment.too_large`); empty when none
};

/// Attachment content, stored once per SHA-256 however many comments or fields refer to it, and its
/// transfer state: the upload queue (files added here, oldest first, kept across restarts until the
/// server has them), what is pinned for offline use, and the size limit (the server's, else 25 MB).
///
/// Downloaded files are a bounded cache: those of tickets assigned to the user and those attached here are
/// kept; the others are evicted least recently used first once they take more than cacheLimit() (500 MB
/// unless set), never one held open (hold()) or still queued for upload.
class AttachmentStore {
public:
    static constexpr qint64 kDefaultLimitBytes = 25LL * 1024 * 1024;
    static constexpr qint64 kDefaultCacheBytes = 500LL * 1024 * 1024;

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

    /// The most the evictable files (downloaded, not of `userId`'s own tickets) may take: the setting, else 500 MB.
    qint64 cacheLimit();
    Status setCacheLimit(qint64 bytes);
    /// How many bytes the evictable files take now, for `userId`.
    qint64 cacheSize(const QString& userId);
    /// Evicts evictable files, least recently used first, until they fit cacheLimit(); how many went.
    Result<int> trimCache(const QString& userId);
    /// A file shown on screen (a chip) is held: never evicted until released as often as held.
    void hold(const QString& sha256);
    void release(const QString& sha256);

private:
    struct Cached {
        QString sha256;
        qint64 size = 0;
    };
    /// The evictable files, least recently used first.
    Result<QList<Cached>> evictable(const QString& userId);
    Status storeBytes(const AttachmentRef& ref, const QByteArray& data, bool uploaded, bool pinned, bool own);
    Status remember(const AttachmentRef& ref, bool uploaded, bool pinned, bool own);

    Database& m_db;
    QHash<QString, int> m_held;
};

} // namespace gongdan
