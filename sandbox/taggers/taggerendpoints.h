#pragma once

#include "clock.h"
#include "imagereader.h"
#include "openaiendpoint.h"
#include "pixyleendpoint.h"
#include "ximilarendpoint.h"

#include "server/httptypes.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

namespace tagdesk::sandbox {

// The image-tagging services the sandbox stands in for — Ximilar, Pixyle and an
// OpenAI-compatible vision model — behind one entry point for the HTTP server. Answers are
// deterministic and come from the image itself: its colours from its pixels, its category
// from the bundled photo's dataset label (found by URL or by content).
// What the sandbox's taggers accept as valid credentials.
// (Declared outside TaggerEndpoints so that `Credentials = {}` can be a default argument:
// a nested struct's member initialisers are not usable until its enclosing class is
// complete.)
struct TaggerCredentials {
    QString ximilarToken = QStringLiteral("sandbox-ximilar");
    QString pixyleEmail = QStringLiteral("sandbox@tagdesk.test");
    QString pixylePassword = QStringLiteral("sandbox");
    QString openAiKey = QStringLiteral("sk-sandbox");
};

class TaggerEndpoints {
public:
    using Credentials = TaggerCredentials;

    // `fetchImage` downloads an image URL a request names (the sandbox serves its photos
    // itself); nothing if it cannot. `clock` defaults to the system clock.
    explicit TaggerEndpoints(std::function<std::optional<QByteArray>(const QUrl &)> fetchImage,
                             Credentials credentials = {}, Clock clock = {});

    // The answer for a tagger endpoint; std::nullopt when the path is not one of them.
    std::optional<SandboxResponse> handle(const SandboxRequest &request);

private:
    ImageReader m_images;
    Clock m_clock;
    XimilarEndpoint m_ximilar;
    PixyleEndpoint m_pixyle;
    OpenAiEndpoint m_openAi;
};

} // namespace tagdesk::sandbox
