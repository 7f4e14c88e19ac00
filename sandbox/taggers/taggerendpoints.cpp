#include "taggerendpoints.h"

using namespace Qt::StringLiterals;

namespace tagdesk::sandbox {
namespace {

Clock systemClockUnless(Clock clock) {
    return clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); });
}

} // namespace

TaggerEndpoints::TaggerEndpoints(std::function<std::optional<QByteArray>(const QUrl &)> fetchImage,
                                 Credentials credentials, Clock clock)
    : m_images(std::move(fetchImage))
    , m_clock(systemClockUnless(std::move(clock)))
    , m_ximilar(m_images, credentials.ximilarToken)
    , m_pixyle(m_images, credentials.pixyleEmail, credentials.pixylePassword, m_clock)
    , m_openAi(m_images, credentials.openAiKey, m_clock) {
}

std::optional<SandboxResponse> TaggerEndpoints::handle(const SandboxRequest &request) {
    // Clients may add a trailing slash; the services accept both.
    QString path = request.path;
    if (path.size() > 1 && path.endsWith(u'/'))
        path.chop(1);

    if (path == u"/tagging/fashion/v2/detect_tags"_s)
        return m_ximilar.detectTags(request);
    if (path == QLatin1StringView(PixyleEndpoint::kLoginPath))
        return m_pixyle.login(request);
    if (path == QLatin1StringView(PixyleEndpoint::kLiveProductPath))
        return m_pixyle.uploadProduct(request);
    if (path == u"/v1/chat/completions"_s)
        return m_openAi.chatCompletions(request);
    if (path == u"/v1/models"_s && request.method == "GET")
        return m_openAi.models(request);
    return std::nullopt;
}

} // namespace tagdesk::sandbox
