#pragma once

#include "server/AuthService.h"
#include "teamdb/BlobStore.h"
#include "teamdb/PartialUploads.h"

#include <QHttpServer>

namespace gongdan {

/// Attachment bytes, content-addressed by SHA-256: POST /api/v1/attachments (the raw body is the file;
/// 201 new, 200 already stored; the type is sniffed from the bytes), GET and HEAD
/// /api/v1/attachments/<sha256> (for whoever uploaded them or may read a ticket that refers to them; 404 to
/// everyone else, and until the bytes arrive). Bodies above `limitBytes` are refused with 413.
///
/// Resumable uploads: PUT /api/v1/attachments/<sha256> with "Content-Range: bytes START-END/TOTAL" appends
/// one chunk (at most kMaxChunkBytes) to the caller's partial file (teamdb/PartialUploads); START must be
/// the offset the server has (else 409 attachment.offset_mismatch with the offset), 0 starts afresh. A TOTAL
/// over the limit is refused before any byte is kept. 202 with the new offset until the last chunk, which
/// checks the whole file's SHA-256 (a mismatch discards it: 400 attachment.digest_mismatch) and stores it
/// like POST. Starting a file is refused with 429 attachment.partial_limit when the user already holds
/// kMaxPartialUploads unfinished files, or their announced sizes with this one would pass kPartialBytesFactor
/// times the limit. HEAD's 404 says in Upload-Offset how many bytes of the caller's partial upload are here.
class AttachmentRoutes {
public:
    /// 25 MiB unless gongdan-server is told otherwise (--attachment-limit-mb).
    static constexpr qint64 kDefaultLimitBytes = 25 * 1024 * 1024;
    /// The largest chunk a PUT may carry (a client sends less: sync/AttachmentTransfer 256 KiB).
    static constexpr qint64 kMaxChunkBytes = 1024 * 1024;
    /// Unfinished resumable uploads one user may hold at once (a desk uploads its queue one file at a time;
    /// a partial upload expires after 24 hours untouched).
    static constexpr int kMaxPartialUploads = 8;
    /// The sizes a user's unfinished uploads may announce together, in multiples of the per-file limit.
    static constexpr qint64 kPartialBytesFactor = 4;

    AttachmentRoutes(AuthService& auth, BlobStore& blobs, PartialUploads& partials, qint64 limitBytes);
    void install(QHttpServer& http);
    qint64 limitBytes() const { return m_limit; }
    /// The 413's body when the size is not known yet (HttpApi::setBodyLimit).
    QByteArray refusal() const { return tooLarge(0).data(); }
    /// The 413's body for a chunk over kMaxChunkBytes (HttpApi::setBodyLimit for PUT).
    QByteArray chunkRefusal() const { return chunkTooLarge(0).data(); }

private:
    QHttpServerResponse upload(const QHttpServerRequest& request);
    QHttpServerResponse uploadChunk(const QString& sha256, const QHttpServerRequest& request);
    /// The last chunk is in: the whole file checked against `sha256` and stored.
    QHttpServerResponse finishUpload(const QString& sha256, const QString& userId, const QHttpServerRequest& request);
    /// POST's and the last PUT's answer: 201 new, 200 stored already.
    static QHttpServerResponse stored(const BlobInfo& info, bool created, const QHttpServerRequest& request);
    QHttpServerResponse download(const QString& sha256, const QHttpServerRequest& request);
    void head(const QString& sha256, const QHttpServerRequest& request, QHttpServerResponder&& responder);
    /// The stored bytes' size and type if the caller may read them; otherwise why not (401, 400, 404).
    Result<BlobInfo> readable(const QString& sha256, const Result<Authenticated>& who);
    QHttpServerResponse tooLarge(qint64 size) const;
    QHttpServerResponse chunkTooLarge(qint64 size) const;
    /// 429 attachment.partial_limit when starting `total` more bytes would pass what one user may hold unfinished.
    std::optional<QHttpServerResponse> overPartialLimit(const QString& userId, const QString& sha256, qint64 total);

    AuthService& m_auth;
    BlobStore& m_blobs;
    PartialUploads& m_partials;
    qint64 m_limit;
};

} // namespace gongdan
