#include "server/httpbackend.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QTcpSocket>
#include <QUuid>

namespace tagdesk::sandbox {

namespace {

QByteArray methodName(QHttpServerRequest::Method m) {
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 402:
        return "Payment Required";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 422:
        return "Unprocessable Entity";
    case 423:
        return "Locked";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

} // namespace

ReplyChannel::ReplyChannel(QTcpSocket *socket)
    : m_socket(socket) {
}

bool ReplyChannel::isOpen() const {
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void ReplyChannel::send(const SandboxResponse &r) {
    if (!isOpen())
        return;
    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reasonPhrase(r.status) + "\r\n";
    head += "Content-Type: " + r.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    head += "X-Request-Id: " + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + "\r\n";
    for (const auto &[name, value] : r.headers)
        head += name + ": " + value + "\r\n";
    head += "\r\n";
    // One write with Nagle's algorithm off: a head and a body written apart, on a
    // keep-alive connection, wait for the client's delayed ACK (about 40 ms on Linux)
    // before the body leaves, and every sandbox figure would measure that stall.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->write(head + r.body);
}

void ReplyChannel::drop() {
    if (m_socket)
        m_socket->abort();
}

class HttpBackend::Server : public QAbstractHttpServer {
public:
    explicit Server(Handler handler)
        : m_handler(std::move(handler)) {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override {
        SandboxRequest r;
        r.method = methodName(request.method());
        r.path = request.url().path();
        r.query = request.query();
        for (const auto &[name, value] : request.headers())
            r.headers.insert(name.toLower(), value);
        r.body = request.body();
        m_handler(r, ReplyChannel(socket));
        return true;
    }

    void missingHandler(const QHttpServerRequest &, QTcpSocket *socket) override {
        ReplyChannel(socket).send(SandboxResponse::json("{\"error\":\"not found\"}", 404));
    }

private:
    Handler m_handler;
};

HttpBackend::HttpBackend(Handler handler)
    : m_server(std::make_unique<Server>(std::move(handler))) {
}

HttpBackend::~HttpBackend() = default;

quint16 HttpBackend::listen(quint16 port) {
    return m_server->listen(QHostAddress::LocalHost, port);
}

} // namespace tagdesk::sandbox
