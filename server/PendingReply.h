#pragma once

#include <QHostAddress>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QPointer>
#include <QString>

class QHttpServerRequest;
class QTcpSocket;

namespace gongdan {

class HttpApi;

/// What is kept of a request once its route has returned: copies only.
struct RequestLine {
    QString method;
    QString path;
    QHostAddress peer;

    static RequestLine of(const QHttpServerRequest& request);
};

/// An answer given after the route returned, when work ran elsewhere (HashWorkers). QHttpServer 6.4 hands a
/// route its request by reference, reuses that object for the connection's next request and deletes it with
/// the connection; a QFuture route even keeps the reference and the raw socket until the future ends. So the
/// route copies what it needs before going away, this keeps the request line (copies), the responder (it
/// writes to the socket only) and a QPointer to the connection, and send() drops the answer when the client
/// has gone. Every answer still goes through HttpApi::finish (the request log, 5xx bodies without internal
/// text). Lives on the request thread; send() once.
class PendingReply {
public:
    PendingReply(const QHttpServerRequest& request, QHttpServerResponder&& responder, HttpApi& api);
    PendingReply(const PendingReply&) = delete;
    PendingReply& operator=(const PendingReply&) = delete;

    const RequestLine& line() const { return m_line; }
    /// The client is still there to read an answer.
    bool connected() const;
    void send(QHttpServerResponse&& response);

private:
    RequestLine m_line;
    QPointer<QTcpSocket> m_socket;
    QHttpServerResponder m_responder;
    QPointer<HttpApi> m_api;
    bool m_sent = false;
};

} // namespace gongdan
