#pragma once

#include "net/httpclient.h"
#include "taggers/tagger.h"
#include "util/futures.h"

#include <QByteArray>
#include <QFuture>
#include <QJsonObject>
#include <QPromise>
#include <QString>
#include <QUrl>

#include <optional>

namespace tagdesk {

// What the three remote taggers (Ximilar, Pixyle, OpenAI-compatible) share: how an image
// from the cache travels, how an answer is judged before retrying, how a provider's
// error body is read.
namespace remote {

using AnalyseResult = Result<QList<Result<TaggerAnswer>>>;

// The image type from the bytes themselves (the cache does not always know it):
// image/jpeg, image/png, image/webp, image/gif; empty when it is none of them.
QString sniffImageMime(const QByteArray &bytes);

// "data:image/jpeg;base64,…" — the one image form OpenAI, Ollama and llama.cpp all take
// (https://platform.openai.com/docs/guides/images-vision; Ollama's docs/openai.md takes
// only data URIs).
QString dataUri(const QByteArray &bytes, const QString &mime);

// Why an image cannot be sent at all (not in the cache, not an image), or nothing.
std::optional<Error> unusableImage(const TaggerImage &image, const QString &provider);

// A 2xx answer that is not a JSON object was cut off or garbled on the way: that is
// retried like a dropped connection. Everything else is judged by its status.
AttemptOutcome classifyJsonAnswer(const HttpResponse &response);

// The JSON object of a body, or nothing.
std::optional<QJsonObject> jsonObject(const QByteArray &body);

// The provider's own words from an error body, whichever shape it uses:
// {"detail": …} (Ximilar, Django REST), {"error": "…"} (Pixyle, Ollama),
// {"error": {"message": …}} (OpenAI, llama.cpp), {"status": {"text": …}} (Ximilar).
QString errorText(const QByteArray &body);

// scheme://host:port/path of a service URL, without user info, query or trailing slash:
// part of a settings key (an answer depends on where it came from) that holds no secret.
// The port of a loopback address is left out (see the definition).
QString endpointKey(const QUrl &url);

// localhost, 127.0.0.0/8 or ::1: a service on this machine.
bool isLoopback(const QUrl &url);

// `base` + `path`, keeping any path the base already has ("https://host/proxy" + "/v1").
QUrl joinPath(const QUrl &base, const QString &path);

} // namespace remote
} // namespace tagdesk
