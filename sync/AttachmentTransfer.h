#pragma once

#include "domain/Ticket.h"
#include "sync/Backoff.h"

#include <QHash>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <functional>

class QNetworkReply;

namespace gongdan {

class AttachmentStore;

/// Moves attachment bytes between this desk and the team server (docs/ARCHITECTURE.md, "Attachments"):
/// uploads the store's queue oldest first (HEAD first: what the server has is not sent again, and how much of
/// this user's resumable upload it holds; then PUT in chunks from there, or one POST to an older server),
/// fetches a file on demand (open, save, preview) and keeps the files of the user's own tickets for
/// offline use. A failure or a broken connection is retried by a timer with backoff (sync/Backoff), never
/// only by the next attachment; every request is asynchronous, no nested event loops. Started and stopped
/// with the sync engine, with the same server and token.
class AttachmentTransfer : public QObject {
    Q_OBJECT

public:
    enum class Activity { None, Uploading, Downloading };
    Q_ENUM(Activity)

    /// `owner`: whose tickets' files are kept for offline use (the store's user).
    AttachmentTransfer(AttachmentStore& store, std::function<QString()> owner, QObject* parent = nullptr);
    ~AttachmentTransfer() override;

    void start(const QUrl& server, const QString& token);
    void stop();
    bool running() const { return m_running; }
    /// Something was attached or the tickets changed: uploads what is queued, fetches what is missing offline.
    void kick();
    /// Fetches the bytes of `ref` now (open, save as, preview): `fetched` or `fetchFailed` follows.
    void fetch(const AttachmentRef& ref);
    Activity activity(const QString& sha256) const;
    /// Whether the last request failed for want of a connection (the next try is on a timer).
    bool offline() const { return m_offline; }
    /// File bytes handed to the network for uploads since this was made (chunks and whole files, including
    /// those a broken connection lost): what a resumed upload saves shows here.
    qint64 bytesSent() const { return m_bytesSent; }
    /// The size of the chunks a resumable upload sends.
    static constexpr qint64 kChunkBytes = 256 * 1024;

Q_SIGNALS:
    /// What a file is doing or where its bytes are changed (uploaded, fetched, refused, started moving).
    void stateChanged(const QString& sha256);
    void progress(const QString& sha256, qint64 done, qint64 total);
    void fetched(const QString& sha256);
    void fetchFailed(const QString& sha256, const QString& message);
    /// The server refused a queued file for good (too large for its limit): it stays here, unsent.
    void refused(const QString& sha256, const QString& message);
    /// Downloaded files were evicted from the cache (over its cap): chips may say "not available offline".
    void cacheTrimmed(int files);

private:
    enum class Step { Head, Post, Put };
    void pump();
    void pumpUploads();
    void pumpDownloads();
    void scanOwnTickets();
    void trimCache();
    QNetworkReply* send(
        const QByteArray& verb, const QString& path, const QByteArray& body = {}, const QString& fileName = {});
    void uploadAnswered(QNetworkReply* reply, Step step);
    /// The next chunk of m_uploadBytes from m_uploadOffset.
    void sendChunk();
    /// The server has the file being uploaded (`known`: said by HEAD, else stored now): marked, the queue goes on.
    void uploadDone(const QJsonObject& answer, bool known);
    /// A 4xx that will not change by trying again: the file stays here, unsent.
    void uploadRefused(const QJsonObject& answer, const QString& fallback);
    void downloadAnswered(QNetworkReply* reply);
    /// A connection or server failure: everything waits for the retry timer.
    void failed(const QString& why);
    void succeeded();

    AttachmentStore& m_store;
    std::function<QString()> m_owner;
    QNetworkAccessManager m_network;
    QUrl m_server;
    QString m_token;
    bool m_running = false;
    bool m_offline = false;
    Backoff m_backoff;
    QTimer m_retry;
    QTimer m_scan; ///< gathers ticket changes into one look for missing files (and looks again later)
    QPointer<QNetworkReply> m_upload;
    AttachmentRef m_uploading;
    QByteArray m_uploadBytes; ///< the file being uploaded (read once from the store, checked against its hash)
    qint64 m_uploadOffset = 0; ///< how many of them the server has
    qint64 m_bytesSent = 0;
    QPointer<QNetworkReply> m_download;
    AttachmentRef m_downloading;
    QList<AttachmentRef> m_wanted; ///< asked for now (open/save/preview) first, then the own tickets' files
    QSet<QString> m_onDemand;
    QSet<QString> m_unavailable; ///< not on the server yet: looked for again at the next scan
};

} // namespace gongdan
