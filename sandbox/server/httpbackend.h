#pragma once

#include "server/httptypes.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QTcpSocket;

namespace tagdesk::sandbox {

// Where one request's answer goes. The sandbox may answer later (latency), never (a hang),
// or close the connection without answering (a dropped connection), so handlers hold the
// channel rather than returning a response.
class ReplyChannel {
public:
    explicit ReplyChannel(QTcpSocket *socket);

    void send(const SandboxResponse &response);
    // Closes the connection without a word.
    void drop();
    bool isOpen() const;

private:
    QPointer<QTcpSocket> m_socket;
};

// The only place that touches Qt HttpServer's API (which changes between Qt versions): it
// turns each request into a SandboxRequest and hands it over with a ReplyChannel.
class HttpBackend {
public:
    using Handler = std::function<void(const SandboxRequest &, ReplyChannel)>;

    explicit HttpBackend(Handler handler);
    ~HttpBackend();

    // Listens on 127.0.0.1; returns the port, or 0 if it could not.
    quint16 listen(quint16 port);

private:
    class Server;
    std::unique_ptr<Server> m_server;
};

} // namespace tagdesk::sandbox
