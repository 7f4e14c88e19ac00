#pragma once

#include "net/httpclient.h"
#include "taggers/openaiattributes.h"
#include "taggers/tagger.h"

#include <QObject>
#include <QUrl>

#include <chrono>
#include <optional>

namespace tagdesk {

// An OpenAI-compatible vision model
// (https://platform.openai.com/docs/api-reference/chat/create): OpenAI itself, Ollama or
// llama.cpp's llama-server. `POST {url}/v1/chat/completions` (or `{url}/chat/completions` when the
// URL already ends in /v1), `Authorization: Bearer <key>` when a key is set, one user message with
// the question and the cached image as a data URI, `response_format` json_schema (see
// openaiattributes.h; asked in the Shopify category's vocabulary when the image has one). The
// answer in `choices[0].message.content` is checked locally; what is not the shape asked for is
// that image's error.
class OpenAiTagger : public Tagger {
public:
    struct Settings {
        QUrl url;    // https://api.openai.com, http://localhost:11434, http://localhost:8080
        QString key; // optional for local servers; never part of settingsKey()
        QString model;
        int concurrency = 2;
        int maxTokens = 600;
        // No byte for this long ends an attempt; unset: the HttpClient's default. A local
        // model may think for minutes before its first byte.
        std::optional<std::chrono::milliseconds> transferTimeout;
    };

    OpenAiTagger(Settings settings, HttpClient *http);

    TaggerKind kind() const override { return TaggerKind::OpenAi; }
    QString settingsKey() const override;
    QString answerKey(const QString &categoryId) const override;
    int concurrency() const override { return m_settings.concurrency; }
    QFuture<Result<QList<Result<TaggerAnswer>>>> analyse(const QList<TaggerImage> &images) override;
    Result<QList<Suggestion>> interpret(const QByteArray &raw,
                                        const QString &mediaId) const override;

    QUrl completionsUrl() const;

private:
    using Answers = QList<Result<TaggerAnswer>>;
    // The outer Result fails for the whole job, the inner one for this image only.
    QFuture<Result<Result<TaggerAnswer>>> analyseOne(const TaggerImage &image);
    Result<Result<TaggerAnswer>> readAnswer(const TaggerImage &image,
                                            const openai::Question &question,
                                            const Result<HttpResponse> &answer) const;
    QString serverName() const;

    Settings m_settings;
    HttpClient *m_http;
    QObject m_context; // continuations end with the tagger
};

} // namespace tagdesk
