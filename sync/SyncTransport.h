#pragma once

#include "domain/Result.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>
#include <functional>

namespace gongdan {

/// Why a sync step failed, as the engine acts on it (docs/ARCHITECTURE.md, "Sync").
struct SyncFailure {
    enum class Kind {
        None, ///< it did not fail
        SignInRequired, ///< 401: the server refused the token; sign in again
        Unreachable, ///< no answer (refused connection, timeout, closed): tried again within seconds
        ServerError, ///< 5xx: tried again with backoff
        Refused, ///< another status: the server's code and message; tried again with backoff
        StoreRefused, ///< the local store refused a write: tried again with backoff
    };

    Kind kind = Kind::None;
    int status = 0; ///< the HTTP status; 0 when there was no answer or the store refused
    /// The server's code and message (either may be empty), the network's sentence (code
    /// `sync.unreachable`), or the store's error.
    Error error;

    bool failed() const { return kind != Kind::None; }
    /// From an answer with `status` (0: none) and `body`; `networkError` says why there was none.
    static SyncFailure of(int status, const QByteArray& body, const QString& networkError);
    static SyncFailure stored(const Error& error) { return {Kind::StoreRefused, 0, error}; }
};

/// One answer of the team server: its status, its body as sent (a pull page is parsed on the store's
/// thread, not here) and, for anything but a 2xx, what that failure means.
struct SyncReply {
    int status = 0;
    QByteArray body;
    SyncFailure failure;

    bool ok() const { return !failure.failed(); }
    QJsonObject json() const;
};

/// The sync engine's way to the team server: owns the network access, the server's address and the
/// token; sends one JSON request at a time per call (GET or POST, a path with its query, a body) with
/// a transfer timeout, and answers through a callback on the asking object's thread. Nothing waits.
class SyncTransport : public QObject {
    Q_OBJECT

public:
    static constexpr int kDefaultTimeoutMs = 20000;

    explicit SyncTransport(QObject* parent = nullptr);

    void setServer(const QUrl& server, const QString& token);
    QUrl server() const { return m_server; }
    QString token() const { return m_token; }
    /// How long the server may stay silent before a request fails as unreachable.
    void setTimeout(int ms) { m_timeoutMs = ms; }
    int timeout() const { return m_timeoutMs; }

    /// Sends `verb` (GET or POST) to `path` (with its query), `body` as JSON for a POST; `done` runs once
    /// with the answer, unless `context` is gone by then.
    void send(const QByteArray& verb, const QString& path, const QJsonObject& body, QObject* context,
        std::function<void(const SyncReply&)> done);

private:
    QNetworkAccessManager m_network;
    QUrl m_server;
    QString m_token;
    int m_timeoutMs = kDefaultTimeoutMs;
};

} // namespace gongdan
