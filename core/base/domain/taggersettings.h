#pragma once

#include "domain/tagger.h"

#include <QString>
#include <QUrl>

namespace tagdesk {

// Where a remote tagger lives and how to sign in; values from Settings, the keychain or
// the environment (TAGDESK_XIMILAR_URL/_KEY, TAGDESK_PIXYLE_URL/_EMAIL/_PASSWORD,
// TAGDESK_OPENAI_URL/_KEY/_MODEL, TAGDESK_XIMILAR_PROFILE, TAGDESK_<PROVIDER>_CONCURRENCY),
// gathered by each program's main() (app/common/preferencesloader). Never logged.
struct TaggerEndpoint {
    static constexpr int maxConcurrency = 32; // requests at once; Settings offers 1 to this

    QUrl url;
    QString key;
    QString email;
    QString password;
    QString model;
    QString profile; // Ximilar's custom tag profile (TAGDESK_XIMILAR_PROFILE)
    int concurrency = 2;

    // The secret this provider signs in with: Pixyle's password, the others' API key.
    QString &secret(TaggerKind kind) { return kind == TaggerKind::Pixyle ? password : key; }
};

struct TaggerSettings {
    TaggerEndpoint ximilar;
    TaggerEndpoint pixyle;
    TaggerEndpoint openAi;
    int localThreads = 0; // 0: one per core

    // The providers' public endpoints.
    static TaggerSettings defaults();
    // The endpoint of a remote tagger; nullptr for the local one.
    TaggerEndpoint *endpoint(TaggerKind kind);
    const TaggerEndpoint *endpoint(TaggerKind kind) const;
};

} // namespace tagdesk
