#include "server/AttachmentRoutes.h"

#include "server/ApiSupport.h"

#include <QCryptographicHash>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QMimeDatabase>
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

} // namespace

AttachmentRoutes::AttachmentRoutes(AuthService& auth, BlobStore& blobs, qint64 limitBytes)
    : m_auth(auth), m_blobs(blobs), m_limit(limitBytes)
{
}

void AttachmentRoutes::install(QHttpServer& http)
{
    http.route(QStringLiteral("/api/v1/attachments"), Method::Post,
        [this](const QHttpServerRequest& request) { return upload(request); });
    http.route(QStringLiteral("/api/v1/attachments/<arg>"), Method::Get,
        [this](const QString& sha256, const QHttpServerRequest& request) { return download(sha256, request); });
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
    QJsonObject answer {{QStringLiteral("sha256"), info.sha256}, {QStringLiteral("size"), info.size},
        {QStringLiteral("mime_type"), info.mimeType}};
    const QByteArray name = request.value(QByteArrayLiteral("X-File-Name"));
    if (!name.isEmpty()) // only echoed: the name belongs to each reference, not to the bytes
        answer.insert(QStringLiteral("file_name"), QUrl::fromPercentEncoding(name));
    return jsonResponse(answer, created.value() ? StatusCode::Created : StatusCode::Ok);
}

Result<BlobInfo> AttachmentRoutes::readable(const QString& sha256, const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return who.error();
    if (!BlobStore::isHash(sha256))
        return Error {QStringLiteral("attachment.bad_hash"),
            QStringLiteral("An attachment is named by the SHA-256 of its bytes: 64 lowercase hex digits."),
            QStringLiteral("sha256")};
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
    auto info = readable(sha256, request);
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
    auto info = readable(sha256, request);
    if (!info) {
        const QHttpServerResponse refusal = errorResponse(info.error());
        responder.writeStatusLine(refusal.statusCode());
        responder.writeHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
        responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(refusal.data().size()));
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
