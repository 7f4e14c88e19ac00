#pragma once

#include "domain/tagger.h"
#include "taggers/tagger.h"

#include <QUrl>

#include <memory>

class QObject;
class QSettings;

namespace tagdesk {

class HttpClient;

// Where a remote tagger lives and how to sign in; values from settings, the keychain or
// the environment (TAGDESK_XIMILAR_URL/_KEY, TAGDESK_PIXYLE_URL/_EMAIL/_PASSWORD,
// TAGDESK_OPENAI_URL/_KEY/_MODEL, TAGDESK_XIMILAR_PROFILE). Never logged.
struct TaggerEndpoint {
    QUrl url;
    QString key;
    QString email;
    QString password;
    QString model;
    QString profile; // Ximilar's custom tag profile (TAGDESK_XIMILAR_PROFILE)
    int concurrency = 2;
};

struct TaggerSettings {
    TaggerEndpoint ximilar;
    TaggerEndpoint pixyle;
    TaggerEndpoint openAi;
    int localThreads = 0; // 0: one per core

    // The providers' public endpoints.
    static TaggerSettings defaults();
    // Defaults overridden by the environment variables.
    static TaggerSettings fromEnvironment();
    // What the user saved in Settings (taggers/<name>/url, model, email, profile,
    // concurrency) — never secrets, which live in the keychain.
    void applySettings(const QSettings &settings);
    // TAGDESK_XIMILAR_URL/_KEY, TAGDESK_PIXYLE_URL/_EMAIL/_PASSWORD,
    // TAGDESK_OPENAI_URL/_KEY/_MODEL: for scripts and the sandbox; they win over Settings.
    void applyEnvironment();
    TaggerEndpoint *endpoint(TaggerKind kind);
};

// Makes the tagger a job asked for, or says why it cannot (no key configured, …).
Result<std::unique_ptr<Tagger>> makeTagger(TaggerKind kind, const TaggerSettings &settings,
                                           HttpClient *http);

} // namespace tagdesk
