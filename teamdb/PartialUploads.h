#pragma once

#include "domain/Clock.h"
#include "domain/Result.h"

#include <QByteArrayView>
#include <QString>
#include <optional>

namespace gongdan {

/// How far one user's resumable upload of one file has come.
struct PartialUpload {
    qint64 offset = 0; ///< bytes the server has, from the start of the file
    qint64 total = 0; ///< the whole file's size, as the first chunk announced it
};

/// What one user holds in unfinished uploads: how many files, and the sum of the sizes they announced.
struct PartialHolding {
    int count = 0;
    qint64 bytes = 0;
};

/// Resumable attachment uploads that have not finished (server/AttachmentRoutes' PUT): one file per user and
/// SHA-256 in a folder on the server's disk, the chunks appended as they arrive (so memory holds one chunk,
/// never the file), with a small sidecar holding the announced total and when it was last written (by the
/// injected clock). What is on disk is the truth: the offset is the file's size, so a chunk written before
/// a crash counts and a torn one is caught by the digest at the end. Untouched for kExpiryMs, a partial file
/// is deleted (sweep(), and find() never reports an expired one). The finished file goes to BlobStore.
class PartialUploads {
public:
    static constexpr qint64 kExpiryMs = 24LL * 60 * 60 * 1000;

    PartialUploads(QString directory, const Clock& clock);

    /// Where a server keeps its partial uploads unless told (--upload-dir): beside a SQLite file
    /// ("<file>.uploads"), else a folder for this database under the system's temporary folder.
    static QString defaultDirectory(const QString& databaseLocation);

    const QString& directory() const { return m_directory; }
    /// The user's partial upload of `sha256`; nullopt when there is none (or it expired and was deleted).
    std::optional<PartialUpload> find(const QString& userId, const QString& sha256);
    /// Appends `chunk` at `start`, which must be the current offset (0 starts a new file announcing `total`,
    /// replacing any earlier one). The new offset.
    Result<qint64> append(
        const QString& userId, const QString& sha256, qint64 start, qint64 total, QByteArrayView chunk);
    /// The file of a partial upload (to hash and store once it is whole).
    QString filePath(const QString& userId, const QString& sha256) const;
    void discard(const QString& userId, const QString& sha256);
    /// The user's partial uploads that have not expired, leaving out `exceptSha256` (the one being restarted).
    PartialHolding holding(const QString& userId, const QString& exceptSha256) const;
    /// Deletes every partial upload untouched for kExpiryMs; how many went.
    int sweep();
    /// sweep() unless one ran in the last hour (by the clock): called on each chunk.
    void sweepNowAndThen();

private:
    QString userFolder(const QString& userId) const;
    QString metaPath(const QString& userId, const QString& sha256) const;
    /// The sidecar's total and last write; nullopt when missing or unreadable.
    static std::optional<std::pair<qint64, qint64>> readMeta(const QString& path);

    QString m_directory;
    const Clock& m_clock;
    qint64 m_lastSweepMs = -1;
};

} // namespace gongdan
