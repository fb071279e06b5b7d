#include "server/AttachmentRoutes.h"

#include "server/ApiSupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QUrl>

namespace gongdan {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponse::StatusCode;
using namespace api;

namespace {

Error notFound(const QString& sha256)
{
    // The same answer whether the bytes are missing or not the caller's to read: no hint what exists.
    return Error {QStringLiteral("attachment.not_found"),
        QStringLiteral("There is no attachment %1 among those you can read.").arg(sha256), QStringLiteral("sha256")};
}

QByteArray etagOf(const QString& sha256)
{
    return '"' + sha256.toLatin1() + '"';
}

Error badHash()
{
    return Error {QStringLiteral("attachment.bad_hash"),
        QStringLiteral("An attachment is named by the SHA-256 of its bytes: 64 lowercase hex digits."),
        QStringLiteral("sha256")};
}

Error badRange(const QString& why)
{
    return Error {QStringLiteral("attachment.bad_range"), why, QStringLiteral("Content-Range")};
}

/// "bytes START-END/TOTAL" (END inclusive, as HTTP has it).
struct ChunkRange {
    qint64 start = 0;
    qint64 end = 0;
    qint64 total = 0;
};

std::optional<ChunkRange> parseRange(const QByteArray& header)
{
    static const QRegularExpression form(QStringLiteral("^bytes (\\d{1,15})-(\\d{1,15})/(\\d{1,15})$"));
    const QRegularExpressionMatch match = form.match(QString::fromLatin1(header.trimmed()));
    if (!match.hasMatch())
        return std::nullopt;
    const ChunkRange range {
        match.captured(1).toLongLong(), match.captured(2).toLongLong(), match.captured(3).toLongLong()};
    if (range.end < range.start || range.end >= range.total)
        return std::nullopt;
    return range;
}

QHttpServerResponse withOffset(QHttpServerResponse response, qint64 offset)
{
    response.addHeader(QByteArrayLiteral("Upload-Offset"), QByteArray::number(offset));
    return response;
}

} // namespace

AttachmentRoutes::AttachmentRoutes(AuthService& auth, BlobStore& blobs, PartialUploads& partials, qint64 limitBytes)
    : m_auth(auth), m_blobs(blobs), m_partials(partials), m_limit(limitBytes)
{
}

void AttachmentRoutes::install(QHttpServer& http)
{
    http.route(QStringLiteral("/api/v1/attachments"), Method::Post,
        [this](const QHttpServerRequest& request) { return upload(request); });
    http.route(QStringLiteral("/api/v1/attachments/<arg>"), Method::Get,
        [this](const QString& sha256, const QHttpServerRequest& request) { return download(sha256, request); });
    http.route(QStringLiteral("/api/v1/attachments/<arg>"), Method::Put,
        [this](const QString& sha256, const QHttpServerRequest& request) { return uploadChunk(sha256, request); });
    http.route(QStringLiteral("/api/v1/attachments/<arg>"), Method::Head,
        [this](const QString& sha256, const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            head(sha256, request, std::move(responder));
        });
}

QHttpServerResponse AttachmentRoutes::tooLarge(qint64 size) const
{
    const QString megabytes = QString::number(static_cast<double>(m_limit) / (1024.0 * 1024.0), 'g', 4);
    const QString message = size > 0
        ? QStringLiteral("The file has %1 bytes; attachments may be at most %2 MB.").arg(size).arg(megabytes)
        : QStringLiteral("Attachments may be at most %1 MB.").arg(megabytes);
    return jsonResponse(
        {{QStringLiteral("code"), QStringLiteral("attachment.too_large")}, {QStringLiteral("message"), message},
            {QStringLiteral("field"), QString()}, {QStringLiteral("limit"), m_limit}},
        StatusCode::PayloadTooLarge);
}

QHttpServerResponse AttachmentRoutes::chunkTooLarge(qint64 size) const
{
    const QString message = size > 0
        ? QStringLiteral("The chunk has %1 bytes; send at most %2 bytes per request.").arg(size).arg(kMaxChunkBytes)
        : QStringLiteral("Send at most %1 bytes per request.").arg(kMaxChunkBytes);
    return jsonResponse(
        {{QStringLiteral("code"), QStringLiteral("attachment.chunk_too_large")}, {QStringLiteral("message"), message},
            {QStringLiteral("field"), QString()}, {QStringLiteral("limit"), kMaxChunkBytes}},
        StatusCode::PayloadTooLarge);
}

QHttpServerResponse AttachmentRoutes::stored(const BlobInfo& info, bool created, const QHttpServerRequest& request)
{
    QJsonObject answer {{QStringLiteral("sha256"), info.sha256}, {QStringLiteral("size"), info.size},
        {QStringLiteral("mime_type"), info.mimeType}};
    const QByteArray name = request.value(QByteArrayLiteral("X-File-Name"));
    if (!name.isEmpty()) // only echoed: the name belongs to each reference, not to the bytes
        answer.insert(QStringLiteral("file_name"), QUrl::fromPercentEncoding(name));
    return jsonResponse(answer, created ? StatusCode::Created : StatusCode::Ok);
}

QHttpServerResponse AttachmentRoutes::upload(const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    // The announced length decides before anything is done with the body (the connection guard usually refused
    // it before the body was even read); the body's own size for a client that announced none.
    bool announced = false;
    const qint64 length = request.value(QByteArrayLiteral("Content-Length")).toLongLong(&announced);
    if (announced && length > m_limit)
        return tooLarge(length);
    const QByteArray bytes = request.body(); // shared with the request: held once
    if (bytes.size() > m_limit)
        return tooLarge(bytes.size());
    if (bytes.isEmpty())
        return errorResponse(Error {
            QStringLiteral("attachment.empty"), QStringLiteral("Send the file's bytes as the body."), QString()});
    const BlobInfo info {QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()),
        bytes.size(), QMimeDatabase().mimeTypeForData(bytes).name()};
    auto created = m_blobs.store(info, bytes, who.value().user.id);
    if (!created)
        return errorResponse(created.error());
    return stored(info, created.value(), request);
}

QHttpServerResponse AttachmentRoutes::uploadChunk(const QString& sha256, const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    if (!BlobStore::isHash(sha256))
        return errorResponse(badHash());
    const std::optional<ChunkRange> range = parseRange(request.value(QByteArrayLiteral("Content-Range")));
    if (!range)
        return errorResponse(badRange(QStringLiteral(
            "Say which bytes the body holds: \"Content-Range: bytes START-END/TOTAL\" (END inclusive, below TOTAL).")));
    // The whole file's size decides before a byte is kept.
    if (range->total > m_limit)
        return tooLarge(range->total);
    const QByteArray bytes = request.body();
    if (bytes.size() > kMaxChunkBytes)
        return chunkTooLarge(bytes.size());
    if (bytes.size() != range->end - range->start + 1)
        return errorResponse(badRange(QStringLiteral("The body has %1 bytes; Content-Range announces %2.")
                                          .arg(bytes.size())
                                          .arg(range->end - range->start + 1)));
    m_partials.sweepNowAndThen();
    const QString userId = who.value().user.id;
    if (range->start > 0) {
        const std::optional<PartialUpload> partial = m_partials.find(userId, sha256);
        const qint64 offset = partial && partial->total == range->total ? partial->offset : 0;
        if (range->start != offset)
            return withOffset(
                jsonResponse(
                    {{QStringLiteral("code"), QStringLiteral("attachment.offset_mismatch")},
                        {QStringLiteral("message"),
                            QStringLiteral("The server has %1 bytes of this file from you; send from there.")
                                .arg(offset)},
                        {QStringLiteral("field"), QStringLiteral("Content-Range")}, {QStringLiteral("offset"), offset}},
                    StatusCode::Conflict),
                offset);
    }
    if (range->start == 0) {
        if (auto refused = overPartialLimit(userId, sha256, range->total))
            return std::move(*refused);
    }
    auto appended = m_partials.append(userId, sha256, range->start, range->total, bytes);
    if (!appended)
        return errorResponse(appended.error());
    if (appended.value() < range->total)
        return withOffset(
            jsonResponse({{QStringLiteral("sha256"), sha256}, {QStringLiteral("offset"), appended.value()},
                             {QStringLiteral("size"), range->total}},
                StatusCode::Accepted),
            appended.value());
    return finishUpload(sha256, userId, request);
}

std::optional<QHttpServerResponse> AttachmentRoutes::overPartialLimit(
    const QString& userId, const QString& sha256, qint64 total)
{
    const PartialHolding held = m_partials.holding(userId, sha256);
    const qint64 byteLimit = kPartialBytesFactor * m_limit;
    QString message;
    qint64 limit = 0;
    if (held.count >= kMaxPartialUploads) {
        limit = kMaxPartialUploads;
        message = QStringLiteral("You have %1 unfinished uploads; finish one (or let it expire after 24 hours) "
                                 "before starting another.")
                      .arg(held.count);
    } else if (held.bytes + total > byteLimit) {
        limit = byteLimit;
        message = QStringLiteral("Your unfinished uploads hold %1 of at most %2 bytes; finish one before starting "
                                 "this file of %3 bytes.")
                      .arg(held.bytes)
                      .arg(byteLimit)
                      .arg(total);
    } else {
        return std::nullopt;
    }
    return jsonResponse(
        {{QStringLiteral("code"), QStringLiteral("attachment.partial_limit")}, {QStringLiteral("message"), message},
            {QStringLiteral("field"), QStringLiteral("Content-Range")}, {QStringLiteral("limit"), limit}},
        StatusCode::TooManyRequests);
}

QHttpServerResponse AttachmentRoutes::finishUpload(
    const QString& sha256, const QString& userId, const QHttpServerRequest& request)
{
    const auto discarded = qScopeGuard([this, &userId, &sha256] { m_partials.discard(userId, sha256); });
    QFile file(m_partials.filePath(userId, sha256));
    if (!file.open(QIODevice::ReadOnly))
        return errorResponse(Error {QStringLiteral("server.disk"),
            QStringLiteral("Cannot read the partial upload: %1").arg(file.errorString()), QString()});
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) // read in blocks: the file is never held whole for this
        return errorResponse(Error {QStringLiteral("server.disk"),
            QStringLiteral("Cannot read the partial upload: %1").arg(file.errorString()), QString()});
    if (QString::fromLatin1(hash.result().toHex()) != sha256)
        return errorResponse(Error {QStringLiteral("attachment.digest_mismatch"),
            QStringLiteral("The bytes received do not have the SHA-256 %1; the partial upload is discarded, send "
                           "the file again from the start.")
                .arg(sha256),
            QStringLiteral("sha256")});
    // Mapped, not read: the pages come from the file as the database write takes them.
    const qint64 size = file.size();
    uchar* mapped = file.map(0, size);
    if (!mapped)
        return errorResponse(Error {QStringLiteral("server.disk"),
            QStringLiteral("Cannot map the partial upload: %1").arg(file.errorString()), QString()});
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(mapped), size);
    const BlobInfo info {sha256, size, QMimeDatabase().mimeTypeForData(bytes).name()};
    auto created = m_blobs.store(info, bytes, userId);
    file.unmap(mapped);
    if (!created)
        return errorResponse(created.error());
    return stored(info, created.value(), request);
}

Result<BlobInfo> AttachmentRoutes::readable(const QString& sha256, const Result<Authenticated>& who)
{
    if (!who)
        return who.error();
    if (!BlobStore::isHash(sha256))
        return badHash();
    auto allowed = m_blobs.mayRead(who.value().user.principal(), sha256);
    if (!allowed)
        return allowed.error();
    if (!allowed.value())
        return notFound(sha256);
    auto info = m_blobs.info(sha256);
    if (!info)
        return info.error();
    if (!info.value()) // referred to, not uploaded yet (an offline desk pushed the comment first)
        return notFound(sha256);
    return *info.value();
}

QHttpServerResponse AttachmentRoutes::download(const QString& sha256, const QHttpServerRequest& request)
{
    auto info = readable(sha256, m_auth.authenticate(request));
    if (!info)
        return errorResponse(info.error());
    auto bytes = m_blobs.content(sha256);
    if (!bytes)
        return errorResponse(bytes.error());
    if (!bytes.value())
        return errorResponse(notFound(sha256));
    QHttpServerResponse response(info.value().mimeType.toUtf8(), std::move(*bytes.value()));
    response.addHeader(QByteArrayLiteral("ETag"), etagOf(sha256));
    return response;
}

void AttachmentRoutes::head(const QString& sha256, const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    // The answer GET would give, without its body (QHttpServerResponse would send one: written by hand).
    const Result<Authenticated> who = m_auth.authenticate(request);
    auto info = readable(sha256, who);
    if (!info) {
        const QHttpServerResponse refusal = errorResponse(info.error());
        responder.writeStatusLine(refusal.statusCode());
        responder.writeHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
        responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(refusal.data().size()));
        if (who && info.error().code == QLatin1String("attachment.not_found")) {
            // Not here for this caller: how much of their own resumable upload of it is (0: none).
            const std::optional<PartialUpload> partial = m_partials.find(who.value().user.id, sha256);
            responder.writeHeader(
                QByteArrayLiteral("Upload-Offset"), QByteArray::number(partial ? partial->offset : 0));
            if (partial)
                responder.writeHeader(QByteArrayLiteral("Upload-Length"), QByteArray::number(partial->total));
        }
        responder.writeBody(QByteArray()); // ends the headers
        return;
    }
    responder.writeStatusLine(StatusCode::Ok);
    responder.writeHeader(QByteArrayLiteral("Content-Type"), info.value().mimeType.toUtf8());
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(info.value().size));
    responder.writeHeader(QByteArrayLiteral("ETag"), etagOf(sha256));
    responder.writeBody(QByteArray());
}

} // namespace gongdan
