#pragma once

#include "clock.h"
#include "imagereader.h"

#include "server/httptypes.h"

#include <QString>

namespace tagdesk::sandbox {

// An OpenAI-compatible vision model
// (https://platform.openai.com/docs/api-reference/chat/create): `POST /v1/chat/completions` with
// `image_url` parts (data URIs, or URLs the sandbox fetches) and `response_format`
// `json_schema` / `json_object` / `text`, answered as a `chat.completion` whose
// `choices[0].message.content` is a JSON string following the schema (see SchemaAnswer);
// `GET /v1/models`. Errors have OpenAI's shape {"error": {message, type, param, code}}.
class OpenAiEndpoint {
public:
    OpenAiEndpoint(ImageReader &images, QString apiKey, Clock clock);

    SandboxResponse chatCompletions(const SandboxRequest &request);
    SandboxResponse models(const SandboxRequest &request);

private:
    std::optional<SandboxResponse> refuseUnauthorised(const SandboxRequest &request) const;

    ImageReader &m_images;
    QString m_apiKey;
    Clock m_clock;
};

} // namespace tagdesk::sandbox
