#include "server/UploadGate.h"

#include <QTcpSocket>

namespace gongdan {

namespace {

constexpr qint64 kHeadBytes = 16 * 1024; ///< a request line and headers longer than this are left to the route

} // namespace

UploadGate::UploadGate(QTcpSocket* socket, const QByteArray& path, qint64 limitBytes, QByteArray refusal)
    : QObject(socket)
    , m_socket(socket)
    , m_requestLine("POST " + path)
    , m_limit(limitBytes)
    , m_refusal(std::move(refusal))
{
    connect(socket, &QTcpSocket::readyRead, this, &UploadGate::inspect);
}

qint64 UploadGate::announcedLength(const QByteArray& head) const
{
    if (!head.startsWith(m_requestLine))
        return -1;
    const char after = head.size() > m_requestLine.size() ? head.at(m_requestLine.size()) : '\0';
    if (after != ' ' && after != '?')
        return -1;
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0)
        return -1;
    for (const QByteArray& line : head.left(end).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const qint64 length = line.mid(colon + 1).trimmed().toLongLong(&ok);
            return ok ? length + end + 4 : -1; // the whole request: headers and body
        }
    }
    return -1;
}

void UploadGate::inspect()
{
    if (m_toDrop < 0) {
        if (!m_socket->peek(m_requestLine.size()).startsWith(m_requestLine))
            return; // most reads: another request, or the middle of a body
        const QByteArray head = m_socket->peek(qMin(m_socket->bytesAvailable(), kHeadBytes));
        const qint64 total = announcedLength(head);
        if (total < 0 || total - head.indexOf("\r\n\r\n") - 4 <= m_limit)
            return; // the HTTP server reads it
        m_toDrop = total;
        QByteArray answer = "HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(m_refusal.size()) + "\r\nConnection: close\r\n\r\n" + m_refusal;
        m_socket->write(answer);
    }
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    // Read here, the HTTP server finds nothing to parse; dropped, nothing is held.
    m_toDrop -= m_socket->skip(m_socket->bytesAvailable());
    if (m_toDrop <= 0)
        m_socket->disconnectFromHost();
}

} // namespace gongdan
