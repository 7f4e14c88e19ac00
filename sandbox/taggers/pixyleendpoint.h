#pragma once

#include "clock.h"
#include "imagereader.h"
#include "pixyletokens.h"
#include "ratelimiter.h"

#include "server/httptypes.h"

#include <QDateTime>
#include <QMutex>
#include <QString>

namespace tagdesk::sandbox {

// Pixyle's current API
// (https://pixyleai.gitbook.io/pixyle.ai-documentation):
//  - `POST /auth/v1/token` {email, password, permanent_login} → access and refresh JWTs;
//  - the live single-product endpoint under `/main/v1.1`, Bearer auth, limited to
//    2 requests per second per token (then HTTP 429 with Retry-After): body
//    {sku, image_url_1 … image_url_8, category?}, answer the product's generated data.
// Errors are Pixyle's `ErrorResponse` {"error": …}.
//
// UNVERIFIED in Pixyle's published docs (its OpenAPI block was truncated): the live
// route's path after `/main/v1.1`, the answer's schema and the login answer's field names.
// The sandbox uses `/main/v1.1/products`, answers with the attribute model of Pixyle's
// real results ({category, attributes{attr:{correct:[{tag:score}], all:[…]}}, hex_codes,
// primary_image, extra_images, verified}) and `access_token` / `refresh_token` /
// `expires_in`, as the legacy v4 API did. Check these before relying on them live.
class PixyleEndpoint {
public:
    static constexpr auto kLoginPath = "/auth/v1/token";
    static constexpr auto kLiveProductPath = "/main/v1.1/products";
    static constexpr int kRequestsPerSecond = 2;
    static constexpr qint64 kAccessTokenSeconds = 3600;
    static constexpr qint64 kPermanentTokenSeconds = 30 * 24 * 3600;

    PixyleEndpoint(ImageReader &images, QString email, QString password, Clock clock);

    SandboxResponse login(const SandboxRequest &request);
    SandboxResponse uploadProduct(const SandboxRequest &request);

private:
    ImageReader &m_images;
    QString m_email;
    QString m_password;
    Clock m_clock;
    QMutex m_tokensMutex;
    PixyleTokens m_tokens;
    RateLimiter m_limiter{kRequestsPerSecond, 1000};
};

} // namespace tagdesk::sandbox
