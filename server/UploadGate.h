#pragma once

#include <QByteArray>
#include <QObject>

class QTcpSocket;

namespace gongdan {

/// Watches one connection for a request to `path` whose Content-Length is over `limitBytes` and refuses it
/// before its body is read: answers 413 (`attachment.too_large`, "Connection: close"), then reads and drops
/// the body as it arrives (the client sees the answer once it has sent it) and closes. Qt's HTTP server
/// would otherwise hold the whole body in memory before any route sees the request. It sees each read
/// before the HTTP server does (connected first); a request is recognised when a read starts with its
/// request line, as it does when a client waits for each answer before it asks again (QNetworkAccessManager
/// does); any other request is the route's to refuse, from the body it was given.
class UploadGate : public QObject {
    Q_OBJECT

public:
    UploadGate(QTcpSocket* socket, const QByteArray& path, qint64 limitBytes, QByteArray refusal);

private:
    void inspect();
    /// The Content-Length of the request at the start of `head`, -1 when it is not a POST to our path, has no
    /// length, or its headers have not all arrived.
    qint64 announcedLength(const QByteArray& head) const;

    QTcpSocket* m_socket;
    QByteArray m_requestLine; ///< "POST <path>"
    qint64 m_limit;
    QByteArray m_refusal; ///< the 413's JSON body
    qint64 m_toDrop = -1; ///< bytes of the refused request still to come; -1 while none is refused
};

} // namespace gongdan
