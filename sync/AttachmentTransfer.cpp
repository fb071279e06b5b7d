#include "sync/AttachmentTransfer.h"

#include "storage/AttachmentStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace gongdan {

namespace {

constexpr int kRequestTimeoutMs = 30 * 1000;
constexpr int kScanSoonMs = 1000; ///< ticket changes of one burst (a pulled page) looked at together
constexpr int kScanLaterMs = 30 * 1000; ///< a file not on the server yet (its desk has not sent it) looked for again

int statusOf(QNetworkReply* reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

AttachmentTransfer::AttachmentTransfer(AttachmentStore& store, std::function<QString()> owner, QObject* parent)
    : QObject(parent), m_store(store), m_owner(std::move(owner)), m_network(this)
{
    m_retry.setSingleShot(true);
    m_scan.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &AttachmentTransfer::pump);
    connect(&m_scan, &QTimer::timeout, this, &AttachmentTransfer::scanOwnTickets);
}

AttachmentTransfer::~AttachmentTransfer()
{
    stop();
}

void AttachmentTransfer::start(const QUrl& server, const QString& token)
{
    stop();
    m_server = server;
    m_token = token;
    m_running = true;
    m_backoff.reset();
    trimCache();
    pump();
    m_scan.start(0);
}

void AttachmentTransfer::stop()
{
    m_running = false;
    m_retry.stop();
    m_scan.stop();
    // Forgotten before they are aborted: their answers are not waited for.
    for (QPointer<QNetworkReply>* slot : {&m_upload, &m_download}) {
        if (QNetworkReply* reply = slot->data()) {
            *slot = nullptr;
            reply->abort();
            reply->deleteLater();
        }
    }
    m_uploadBytes.clear();
    const QSet<QString> asked = std::exchange(m_onDemand, {});
    m_wanted.clear();
    for (const QString& sha256 : asked)
        Q_EMIT fetchFailed(sha256, tr("Not available offline: this desk is not connected to the team server."));
}

void AttachmentTransfer::kick()
{
    if (!m_running)
        return;
    pump();
    if (!m_scan.isActive() || m_scan.remainingTime() > kScanSoonMs)
        m_scan.start(kScanSoonMs);
}

void AttachmentTransfer::fetch(const AttachmentRef& ref)
{
    if (m_store.hasLocal(ref.sha256)) {
        QMetaObject::invokeMethod(
            this, [this, sha256 = ref.sha256] { Q_EMIT fetched(sha256); }, Qt::QueuedConnection);
        return;
    }
    if (!m_running) {
        QMetaObject::invokeMethod(
            this,
            [this, sha256 = ref.sha256] {
                Q_EMIT fetchFailed(sha256, tr("Not available offline: this desk is not connected to the team server."));
            },
            Qt::QueuedConnection);
        return;
    }
    m_onDemand.insert(ref.sha256);
    if (m_download && m_downloading.sha256 == ref.sha256)
        return; // on its way already
    m_wanted.removeIf([&ref](const AttachmentRef& wanted) { return wanted.sha256 == ref.sha256; });
    m_wanted.prepend(ref);
    Q_EMIT stateChanged(ref.sha256);
    pumpDownloads();
}

AttachmentTransfer::Activity AttachmentTransfer::activity(const QString& sha256) const
{
    if (m_upload && m_uploading.sha256 == sha256)
        return Activity::Uploading;
    if ((m_download && m_downloading.sha256 == sha256) || m_onDemand.contains(sha256))
        return Activity::Downloading;
    return Activity::None;
}

void AttachmentTransfer::pump()
{
    if (!m_running)
        return;
    pumpUploads();
    pumpDownloads();
}

QNetworkReply* AttachmentTransfer::send(
    const QByteArray& verb, const QString& path, const QByteArray& body, const QString& fileName)
{
    QUrl url = m_server;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(kRequestTimeoutMs);
    if (verb == "HEAD")
        return m_network.head(request);
    if (verb == "GET")
        return m_network.get(request);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    if (!fileName.isEmpty())
        request.setRawHeader("X-File-Name", QUrl::toPercentEncoding(fileName));
    return m_network.post(request, body);
}

void AttachmentTransfer::pumpUploads()
{
    if (!m_running || m_upload || m_retry.isActive())
        return;
    const QList<AttachmentRef> pending = m_store.pendingUploads();
    if (pending.isEmpty())
        return;
    m_uploading = pending.first();
    // HEAD first: bytes the server has (another desk sent them, or an answer lost on the way) are not sent again.
    m_upload = send("HEAD", QStringLiteral("/api/v1/attachments/") + m_uploading.sha256);
    QNetworkReply* reply = m_upload;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { uploadAnswered(reply, Step::Head); });
    Q_EMIT stateChanged(m_uploading.sha256);
}

void AttachmentTransfer::uploadAnswered(QNetworkReply* reply, Step step)
{
    reply->deleteLater();
    if (reply != m_upload)
        return; // stopped meanwhile
    m_upload = nullptr;
    const QString sha256 = m_uploading.sha256;
    const int status = statusOf(reply);
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    const QString code = answer.value(QStringLiteral("code")).toString();
    if (status == 0 || status >= 500 || status == 401 || status == 429 || status == 408
        || code == QLatin1String("attachment.digest_mismatch")) {
        // Asked again from the HEAD on: the server says how far it got (a digest mismatch: from 0, discarded).
        m_uploadBytes.clear();
        failed(reply->errorString());
        Q_EMIT stateChanged(sha256);
        return;
    }
    if (step == Step::Head && status == 404) {
        auto bytes = m_store.get(sha256);
        if (!bytes) { // damaged here: nothing to send that the server would take
            m_store.markRefused(sha256, bytes.error().code);
            Q_EMIT refused(sha256, bytes.error().message);
            Q_EMIT stateChanged(sha256);
            return pumpUploads();
        }
        m_uploadBytes = bytes.value();
        bool resumable = false;
        const qint64 offset = reply->rawHeader("Upload-Offset").toLongLong(&resumable);
        if (resumable) { // PUT in chunks, from what this user's earlier attempt left on the server
            m_uploadOffset = offset > 0 && offset < m_uploadBytes.size() ? offset : 0;
            return sendChunk();
        }
        // A server from before resumable uploads: the whole file in one POST.
        m_bytesSent += m_uploadBytes.size();
        m_upload = send("POST", QStringLiteral("/api/v1/attachments"), m_uploadBytes, m_uploading.fileName);
        QNetworkReply* post = m_upload;
        connect(post, &QNetworkReply::uploadProgress, this,
            [this, sha256](qint64 done, qint64 total) { Q_EMIT progress(sha256, done, total); });
        connect(post, &QNetworkReply::finished, this, [this, post] { uploadAnswered(post, Step::Post); });
        return;
    }
    if (step == Step::Put && (status == 202 || code == QLatin1String("attachment.offset_mismatch"))) {
        // A chunk taken, or sent from the wrong place (an answer lost on the way): on from where the server is.
        const qint64 offset = answer.value(QStringLiteral("offset")).toInteger(-1);
        if (offset < 0 || offset >= m_uploadBytes.size()) {
            m_uploadBytes.clear();
            failed(tr("The server answered with an offset outside the file."));
            Q_EMIT stateChanged(sha256);
            return;
        }
        m_uploadOffset = offset;
        succeeded();
        Q_EMIT progress(sha256, m_uploadOffset, m_uploadBytes.size());
        return sendChunk();
    }
    if (step == Step::Head ? status == 200 : (status == 200 || status == 201))
        return uploadDone(answer, step == Step::Head);
    uploadRefused(answer, reply->errorString());
}

void AttachmentTransfer::sendChunk()
{
    const qint64 length = std::min(kChunkBytes, m_uploadBytes.size() - m_uploadOffset);
    QUrl url = m_server;
    url.setPath(QStringLiteral("/api/v1/attachments/") + m_uploading.sha256);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(kRequestTimeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    request.setRawHeader("Content-Range",
        "bytes " + QByteArray::number(m_uploadOffset) + '-' + QByteArray::number(m_uploadOffset + length - 1) + '/'
            + QByteArray::number(m_uploadBytes.size()));
    if (!m_uploading.fileName.isEmpty())
        request.setRawHeader("X-File-Name", QUrl::toPercentEncoding(m_uploading.fileName));
    m_bytesSent += length;
    m_upload = m_network.put(request, m_uploadBytes.mid(m_uploadOffset, length));
    QNetworkReply* put = m_upload;
    const QString sha256 = m_uploading.sha256;
    const qint64 from = m_uploadOffset;
    const qint64 total = m_uploadBytes.size();
    connect(put, &QNetworkReply::uploadProgress, this, [this, sha256, from, total](qint64 done, qint64 sending) {
        if (sending > 0) // Qt ends a request with (0, 0)
            Q_EMIT progress(sha256, from + done, total);
    });
    connect(put, &QNetworkReply::finished, this, [this, put] { uploadAnswered(put, Step::Put); });
}

void AttachmentTransfer::uploadDone(const QJsonObject& answer, bool known)
{
    const QString sha256 = m_uploading.sha256;
    const qint64 size = std::exchange(m_uploadBytes, {}).size();
    if (!known && answer.value(QStringLiteral("sha256")).toString() != sha256) {
        failed(tr("The server stored different bytes than were sent."));
        Q_EMIT stateChanged(sha256);
        return;
    }
    if (!known && size > 0)
        Q_EMIT progress(sha256, size, size);
    m_store.markUploaded(sha256);
    succeeded();
    Q_EMIT stateChanged(sha256);
    pumpUploads();
}

void AttachmentTransfer::uploadRefused(const QJsonObject& answer, const QString& fallback)
{
    // Refused for good (too large for the server, or bytes it cannot take): kept here, not sent again.
    const QString sha256 = m_uploading.sha256;
    m_uploadBytes.clear();
    const QString code = answer.value(QStringLiteral("code")).toString(QStringLiteral("attachment.refused"));
    QString message = answer.value(QStringLiteral("message")).toString(fallback);
    const qint64 limit = answer.value(QStringLiteral("limit")).toInteger();
    if (code == QLatin1String("attachment.too_large") && limit > 0) { // the file's limit, not a chunk's
        m_store.setLimit(limit);
        if (Status fits = m_store.checkSize(m_uploading.fileName, m_uploading.size); !fits)
            message = fits.error().message;
    }
    m_store.markRefused(sha256, code);
    succeeded(); // the server answered: the connection is fine
    Q_EMIT refused(sha256, message);
    Q_EMIT stateChanged(sha256);
    pumpUploads();
}

void AttachmentTransfer::scanOwnTickets()
{
    if (!m_running)
        return;
    m_unavailable.clear();
    for (const AttachmentRef& ref : m_store.missingForAssignee(m_owner ? m_owner() : QString())) {
        const bool queued = std::any_of(m_wanted.cbegin(), m_wanted.cend(),
            [&ref](const AttachmentRef& wanted) { return wanted.sha256 == ref.sha256; });
        if (!queued && !(m_download && m_downloading.sha256 == ref.sha256))
            m_wanted.append(ref);
    }
    pumpDownloads();
}

void AttachmentTransfer::pumpDownloads()
{
    while (m_running && !m_download && !m_wanted.isEmpty()) {
        // After a failure the own tickets' files wait for the retry timer; a file asked for now is tried now.
        if (m_retry.isActive() && !m_onDemand.contains(m_wanted.first().sha256))
            return;
        m_downloading = m_wanted.takeFirst();
        if (m_store.hasLocal(m_downloading.sha256)) {
            if (m_onDemand.remove(m_downloading.sha256))
                Q_EMIT fetched(m_downloading.sha256);
            continue;
        }
        m_download = send("GET", QStringLiteral("/api/v1/attachments/") + m_downloading.sha256);
        QNetworkReply* reply = m_download;
        const QString sha256 = m_downloading.sha256;
        connect(reply, &QNetworkReply::downloadProgress, this,
            [this, sha256](qint64 done, qint64 total) { Q_EMIT progress(sha256, done, total); });
        connect(reply, &QNetworkReply::finished, this, [this, reply] { downloadAnswered(reply); });
        Q_EMIT stateChanged(sha256);
    }
}

void AttachmentTransfer::downloadAnswered(QNetworkReply* reply)
{
    reply->deleteLater();
    if (reply != m_download)
        return;
    m_download = nullptr;
    const AttachmentRef ref = m_downloading;
    const bool asked = m_onDemand.remove(ref.sha256);
    const int status = statusOf(reply);
    if (status == 200) {
        Status stored = m_store.storeDownloaded(ref, reply->readAll(), !asked);
        if (stored) {
            succeeded();
            trimCache();
            Q_EMIT stateChanged(ref.sha256);
            if (asked)
                Q_EMIT fetched(ref.sha256);
        } else {
            if (asked)
                Q_EMIT fetchFailed(ref.sha256, stored.error().message);
            Q_EMIT stateChanged(ref.sha256);
            failed(stored.error().message);
        }
    } else if (status == 404 || status == 403) {
        // Not sent by its desk yet (or not this user's to read): looked for again later.
        m_unavailable.insert(ref.sha256);
        if (!m_scan.isActive())
            m_scan.start(kScanLaterMs);
        if (asked)
            Q_EMIT fetchFailed(ref.sha256,
                tr("The file is not on the team server yet: the desk that attached it "
                   "has not sent it. Try again later."));
        Q_EMIT stateChanged(ref.sha256);
    } else {
        if (asked)
            Q_EMIT fetchFailed(ref.sha256,
                tr("Not available offline: the team server cannot be reached (%1).").arg(reply->errorString()));
        else
            m_wanted.append(ref); // the own tickets' files are fetched when the connection is back
        Q_EMIT stateChanged(ref.sha256);
        failed(reply->errorString());
    }
    pumpDownloads();
}

void AttachmentTransfer::trimCache()
{
    // Other people's files beyond the cap go, least recently used first (storage/AttachmentStore).
    auto evicted = m_store.trimCache(m_owner ? m_owner() : QString());
    if (evicted && evicted.value() > 0)
        Q_EMIT cacheTrimmed(evicted.value());
}

void AttachmentTransfer::failed(const QString& why)
{
    Q_UNUSED(why)
    m_offline = true;
    if (!m_retry.isActive())
        m_retry.start(m_backoff.next());
}

void AttachmentTransfer::succeeded()
{
    m_offline = false;
    m_backoff.reset();
}

} // namespace gongdan
