#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <functional>
#include <memory>

namespace gongdan {

/// The largest body a route takes, and its own 413 body (empty: the generic request.too_large).
struct BodyLimit {
    qint64 bytes = 0;
    QByteArray refusal;
};

/// What a connection may send before the server spends memory or time on it (docs/ARCHITECTURE.md,
/// "Limits"). Defaults follow nginx's.
struct ConnectionLimits {
    qint64 maxHeadBytes = 16 * 1024; ///< request line and headers (431 over it)
    int maxHeaders = 100; ///< header lines (431 over it)
    int headTimeoutMs = 10 * 1000; ///< from a request's first byte to the end of its headers (408)
    int bodyStallMs = 20 * 1000; ///< the longest a body may send nothing (408)
    int idleTimeoutMs = 75 * 1000; ///< a kept-alive connection with no request is closed
    int maxPerAddress = 256; ///< open connections from one address (a call centre behind one NAT)
    /// After a 413 the body still coming is read and dropped, up to this, for at most lingerMs and while it
    /// keeps coming (lingerIdleMs), so a client that sends before it reads sees the answer (nginx's lingering
    /// close); then the connection ends.
    qint64 maxDrainBytes = 16LL * 1024 * 1024;
    /// What a connection's socket reads ahead while no accepted body is coming: a refused body is dropped in pieces
    /// this size, so twenty 1 GiB uploads at once cost little (unbounded, each read took what the kernel held).
    qint64 headReadBuffer = 64 * 1024;
    int lingerMs = 10 * 1000;
    int lingerIdleMs = 2 * 1000;
    /// The largest body a request may declare, by method and path (413 over it, before it is read).
    std::function<BodyLimit(const QByteArray& method, const QByteArray& path)> bodyLimit;
    /// Told of every refusal (for the log).
    std::function<void(const QString& code, const QHostAddress& peer, int status)> refused;
};

/// Counts the open connections of each address.
class AddressCounter {
public:
    bool tryAdd(const QHostAddress& address, int maximum);
    void remove(const QHostAddress& address);

private:
    QHash<QString, int> m_open;
};

/// Reads along with one HTTP connection before QHttpServer does (its readyRead slot is connected first,
/// and only peeks) and ends it, with an answer, as soon as the request breaks a limit: a declared body
/// over the route's limit (before the body is read, so a 1 GiB upload costs nothing), a body without a
/// Content-Length (chunked: 411) or with two of them (request smuggling behind a proxy: 400), headers
/// too large or too many (431), control characters or %00 in the request target (400), a head that does
/// not end in time or a body that stalls (408), a TLS hello on the plain port. A refused connection's
/// bytes are drained and dropped, so the server never buffers them. After a WebSocket upgrade the
/// socket is the WebSocket's (PokeHub), and the guard only counts it.
class ConnectionGuard : public QObject {
    Q_OBJECT

public:
    /// Watches `socket` (and is its child). Returns nullptr after refusing it at once (too many
    /// connections from its address). The guard shares the limits and the counter: a connection may
    /// outlive the server object that made it (Qt deletes the listening socket's children last).
    static ConnectionGuard* watch(
        QTcpSocket* socket, std::shared_ptr<const ConnectionLimits> limits, std::shared_ptr<AddressCounter> counter);
    ~ConnectionGuard() override;

private:
    ConnectionGuard(
        QTcpSocket* socket, std::shared_ptr<const ConnectionLimits> limits, std::shared_ptr<AddressCounter> counter);
    void readable();
    /// Takes the request line and headers; false after refusing them.
    bool takeHead(const QByteArray& head);
    void refuse(int status, const QByteArray& reason, const QString& code, const QString& message,
        const QByteArray& body = {}, qint64 drain = 0);
    /// Reads and drops what the socket holds (a refused connection's bytes); how many.
    qint64 dropBuffered();
    /// The end of a refusal: closes once the answer is out.
    void close();
    void timedOut();

    QTcpSocket* m_socket;
    std::shared_ptr<const ConnectionLimits> m_shared;
    const ConnectionLimits& m_limits;
    std::shared_ptr<AddressCounter> m_counter;
    QHostAddress m_address;
    enum class Stage { Idle, Head, Body, Passthrough, Refused } m_stage = Stage::Idle;
    QByteArray m_head;
    qint64 m_bodyLeft = 0;
    qint64 m_drainLeft = 0; ///< of a refused body, still to be read and dropped
    QTimer m_timer;
};

} // namespace gongdan
