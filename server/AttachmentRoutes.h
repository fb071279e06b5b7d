#pragma once

#include "server/AuthService.h"
#include "teamdb/BlobStore.h"

#include <QHttpServer>

namespace gongdan {

/// Attachment bytes, content-addressed by SHA-256: POST /api/v1/attachments (the raw body is the file;
/// 201 new, 200 already stored; the type is sniffed from the bytes), GET and HEAD
/// /api/v1/attachments/<sha256> (for whoever uploaded them or may read a ticket that refers to them; 404 to
/// everyone else, and until the bytes arrive). Bodies above `limitBytes` are refused with 413.
class AttachmentRoutes {
public:
    /// 25 MiB unless gongdan-server is told otherwise (--attachment-limit-mb).
    static constexpr qint64 kDefaultLimitBytes = 25 * 1024 * 1024;

    AttachmentRoutes(AuthService& auth, BlobStore& blobs, qint64 limitBytes);
    void install(QHttpServer& http);
    qint64 limitBytes() const { return m_limit; }
    /// The 413's body when the size is not known yet (HttpApi::setBodyLimit).
    QByteArray refusal() const { return tooLarge(0).data(); }

private:
    QHttpServerResponse upload(const QHttpServerRequest& request);
    QHttpServerResponse download(const QString& sha256, const QHttpServerRequest& request);
    void head(const QString& sha256, const QHttpServerRequest& request, QHttpServerResponder&& responder);
    /// The stored bytes' size and type if the caller may read them; otherwise why not (401, 400, 404).
    Result<BlobInfo> readable(const QString& sha256, const QHttpServerRequest& request);
    QHttpServerResponse tooLarge(qint64 size) const;

    AuthService& m_auth;
    BlobStore& m_blobs;
    qint64 m_limit;
};

} // namespace gongdan
