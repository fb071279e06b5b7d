#include "server/ConnectionGuard.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace gongdan {

namespace {

bool isControl(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
}

QByteArray headerName(const QByteArray& line)
{
    const qsizetype colon = line.indexOf(':');
    return colon < 0 ? QByteArray() : line.left(colon).trimmed().toLower();
}

} // namespace

bool AddressCounter::tryAdd(const QHostAddress& address, int maximum)
{
    int& open = m_open[address.toString()];
    if (open >= maximum)
        return false;
    ++open;
    return true;
}

void AddressCounter::remove(const QHostAddress& address)
{
    const QString key = address.toString();
    if (--m_open[key] <= 0)
        m_open.remove(key);
}

ConnectionGuard* ConnectionGuard::watch(
    QTcpSocket* socket, std::shared_ptr<const ConnectionLimits> limits, std::shared_ptr<AddressCounter> counter)
{
    auto* guard = new ConnectionGuard(socket, limits, counter);
    if (!counter->tryAdd(guard->m_address, limits->maxPerAddress)) {
        guard->m_address = QHostAddress(); // not counted
        guard->refuse(503, "Service Unavailable", QStringLiteral("request.too_many_connections"),
            QStringLiteral("Too many open connections from your address (at most %1).").arg(limits->maxPerAddress));
        return nullptr;
    }
    return guard;
}

ConnectionGuard::ConnectionGuard(
    QTcpSocket* socket, std::shared_ptr<const ConnectionLimits> limits, std::shared_ptr<AddressCounter> counter)
    : QObject(socket)
    , m_socket(socket)
    , m_shared(std::move(limits))
    , m_limits(*m_shared)
    , m_counter(std::move(counter))
    , m_address(socket->peerAddress())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::timedOut);
    // Connected before QHttpServer connects its own (it takes the socket after nextPendingConnection()),
    // so this runs first on every read.
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::readable);
    socket->setReadBufferSize(m_limits.headReadBuffer);
    m_timer.start(m_limits.idleTimeoutMs);
}

ConnectionGuard::~ConnectionGuard()
{
    if (!m_address.isNull())
        m_counter->remove(m_address);
}

void ConnectionGuard::readable()
{
    if (m_stage == Stage::Passthrough)
        return;
    if (m_stage == Stage::Refused) {
        const qint64 dropped = dropBuffered(); // nothing of a refused connection is buffered
        if (m_drainLeft > 0 && (m_drainLeft -= dropped) <= 0)
            close();
        else if (m_drainLeft > 0)
            m_timer.start(m_limits.lingerIdleMs);
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    if (m_stage == Stage::Body && available < m_bodyLeft) { // the middle of a body: counted, never copied
        m_bodyLeft -= available;
        m_timer.start(m_limits.bodyStallMs);
        return;
    }
    const QByteArray data = m_socket->peek(available);
    qsizetype at = 0;
    while (at < data.size() && m_stage != Stage::Refused && m_stage != Stage::Passthrough) {
        if (m_stage == Stage::Idle) {
            if (static_cast<unsigned char>(data.at(at)) == 0x16 && !m_socket->inherits("QSslSocket")) {
                refuse(400, "Bad Request", QStringLiteral("request.tls_on_plain_port"),
                    QStringLiteral("This port speaks plain HTTP."));
                return;
            }
            m_stage = Stage::Head;
            m_head.clear();
            m_timer.start(m_limits.headTimeoutMs);
        }
        if (m_stage == Stage::Head) {
            const qsizetype searchFrom = std::max<qsizetype>(0, m_head.size() - 3);
            const qsizetype before = m_head.size();
            m_head.append(data.constData() + at, data.size() - at);
            const qsizetype end = m_head.indexOf("\r\n\r\n", searchFrom);
            if (end < 0 ? m_head.size() > m_limits.maxHeadBytes : end + 4 > m_limits.maxHeadBytes) {
                refuse(431, "Request Header Fields Too Large", QStringLiteral("request.head_too_large"),
                    QStringLiteral("The request line and headers take at most %1 bytes.").arg(m_limits.maxHeadBytes));
                return;
            }
            if (end < 0) {
                at = data.size();
                continue;
            }
            at += end + 4 - before;
            m_head.truncate(end);
            if (!takeHead(m_head))
                return;
            continue;
        }
        if (m_stage == Stage::Body) {
            const qint64 take = std::min<qint64>(m_bodyLeft, data.size() - at);
            m_bodyLeft -= take;
            at += take;
            if (m_bodyLeft == 0) {
                m_stage = Stage::Idle;
                m_socket->setReadBufferSize(m_limits.headReadBuffer);
                m_timer.start(m_limits.idleTimeoutMs);
            } else {
                m_timer.start(m_limits.bodyStallMs);
            }
        }
    }
}

bool ConnectionGuard::takeHead(const QByteArray& head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        refuse(400, "Bad Request", QStringLiteral("request.malformed"),
            QStringLiteral("This is not an HTTP/1.1 request."));
        return false;
    }
    const QByteArray& method = requestLine.at(0);
    const QByteArray& target = requestLine.at(1);
    const QByteArray decoded = QByteArray::fromPercentEncoding(target);
    if (std::any_of(target.begin(), target.end(), isControl)
        || std::any_of(decoded.begin(), decoded.end(), isControl)) {
        refuse(400, "Bad Request", QStringLiteral("request.bad_target"),
            QStringLiteral("The path or query holds a control character (such as %00)."));
        return false;
    }
    if (lines.size() - 1 > m_limits.maxHeaders) {
        refuse(431, "Request Header Fields Too Large", QStringLiteral("request.too_many_headers"),
            QStringLiteral("A request takes at most %1 headers.").arg(m_limits.maxHeaders));
        return false;
    }
    int lengths = 0;
    qint64 length = 0;
    bool upgrade = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray& line = lines.at(i);
        if (line.startsWith(' ') || line.startsWith('\t')) { // obsolete line folding: read differently by proxies
            refuse(400, "Bad Request", QStringLiteral("request.malformed"),
                QStringLiteral("Headers may not be folded over lines."));
            return false;
        }
        const QByteArray name = headerName(line);
        const QByteArray value = line.mid(line.indexOf(':') + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            length = value.toLongLong(&ok);
            if (++lengths > 1 || !ok || length < 0
                || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                refuse(400, "Bad Request", QStringLiteral("request.content_length"),
                    QStringLiteral("Send one Content-Length header with the body's size in bytes."));
                return false;
            }
        } else if (name == "transfer-encoding") {
            refuse(411, "Length Required", QStringLiteral("request.length_required"),
                QStringLiteral("Send the body with a Content-Length (chunked bodies are not taken)."));
            return false;
        } else if (name == "upgrade" && value.toLower() == "websocket") {
            upgrade = true;
        }
    }
    const QByteArray path = target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
    const BodyLimit limit = m_limits.bodyLimit ? m_limits.bodyLimit(method, path) : BodyLimit {1024 * 1024, {}};
    if (length > limit.bytes) {
        refuse(413, "Payload Too Large", QStringLiteral("request.too_large"),
            QStringLiteral("The body has %1 bytes; at most %2 are taken here.").arg(length).arg(limit.bytes),
            limit.refusal, std::min(length, m_limits.maxDrainBytes));
        return false;
    }
    if (upgrade && length == 0) { // from here the socket is the WebSocket's (PokeHub limits its messages)
        m_stage = Stage::Passthrough;
        m_socket->setReadBufferSize(0);
        m_timer.stop();
        return true;
    }
    if (length > 0) // an accepted body is read whole by QHttpServer (within the route's limit)
        m_socket->setReadBufferSize(0);
    m_bodyLeft = length;
    m_stage = length > 0 ? Stage::Body : Stage::Idle;
    m_timer.start(length > 0 ? m_limits.bodyStallMs : m_limits.idleTimeoutMs);
    return true;
}

void ConnectionGuard::timedOut()
{
    if (m_stage == Stage::Refused) { // the refused body stopped coming
        close();
        return;
    }
    if (m_stage == Stage::Idle) {
        m_socket->disconnectFromHost(); // kept alive long enough
        return;
    }
    if (m_stage == Stage::Head || m_stage == Stage::Body)
        refuse(408, "Request Timeout", QStringLiteral("request.timeout"),
            m_stage == Stage::Head ? QStringLiteral("The request's headers did not arrive in time.")
                                   : QStringLiteral("The request's body stopped arriving."));
}

void ConnectionGuard::refuse(int status, const QByteArray& reason, const QString& code, const QString& message,
    const QByteArray& body, qint64 drain)
{
    m_stage = Stage::Refused;
    m_timer.stop();
    // What already arrived beyond the head counts toward the body to drop.
    const qint64 buffered = dropBuffered();
    const qint64 headBytes = m_head.size() + 4;
    m_drainLeft = drain > 0 ? std::max<qint64>(0, drain - std::max<qint64>(0, buffered - headBytes)) : 0;
    if (code != QLatin1String("request.tls_on_plain_port")) {
        const QByteArray json = !body.isEmpty()
            ? body
            : QJsonDocument(QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("message"), message},
                                {QStringLiteral("field"), QString()}})
                  .toJson(QJsonDocument::Compact);
        m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
            + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(json.size())
            + "\r\nConnection: close\r\n\r\n" + json);
    }
    if (m_limits.refused)
        m_limits.refused(code, m_socket->peerAddress(), status);
    if (m_drainLeft <= 0) {
        close();
        return;
    }
    // A client that sends its whole body before it reads the answer (QNetworkAccessManager) sees it once the
    // body is dropped; one that keeps sending past the drain or the linger time is cut off.
    m_timer.start(m_limits.lingerIdleMs);
    QTimer::singleShot(m_limits.lingerMs, this, &ConnectionGuard::close);
}

qint64 ConnectionGuard::dropBuffered()
{
    const qint64 dropped = m_socket->readAll().size();
    // QHttpServer reads each request in a transaction of the socket's, begun on its first readyRead and kept
    // while the request is incomplete (a refused one stays incomplete): what is read inside it stays in the
    // socket's buffer. Committing drops it; else a refused body filled the read buffer (unbounded, up to the
    // drain; bounded, the socket stopped reading and the client that sends before it reads never saw its 413).
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    return dropped;
}

void ConnectionGuard::close()
{
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        return;
    m_drainLeft = 0;
    m_socket->disconnectFromHost();
    // A peer that neither reads the answer nor closes is cut off.
    QTimer::singleShot(2000, m_socket, [socket = QPointer<QTcpSocket>(m_socket)] {
        if (socket)
            socket->abort();
    });
}

} // namespace gongdan
