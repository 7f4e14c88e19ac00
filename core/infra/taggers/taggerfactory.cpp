#include "taggers/taggerfactory.h"

#include "net/httpclient.h"
#include "taggers/localtagger.h"
#include "taggers/openaitagger.h"
#include "taggers/pixyletagger.h"
#include "taggers/remotetaggersupport.h"
#include "taggers/ximilartagger.h"

#include <QCoreApplication>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(TaggerFactory)
};

// The address must be usable before any key is looked at: "set the URL" comes first.
std::optional<Error> badUrl(const TaggerEndpoint &e, const QString &provider, const char *env) {
    if (e.url.isEmpty())
        return Error::invalid(Texts::tr("No address is set for %1: set %2 or add it in Settings")
                                  .arg(provider, QLatin1String(env)));
    if (auto safe = HttpClient::checkUrlIsSafe(e.url); !safe)
        return Error::invalid(Texts::tr("The address of %1 cannot be used: %2 (set %3 or "
                                        "change it in Settings)")
                                  .arg(provider, safe.error().message, QLatin1String(env)));
    return std::nullopt;
}

Error missing(const QString &what, const QString &provider, const char *env) {
    return Error::invalid(Texts::tr("No %1 is set for %2: set %3 or add the %1 in Settings")
                              .arg(what, provider, QLatin1String(env)));
}

int atLeastOne(int concurrency) {
    return std::max(1, concurrency);
}
} // namespace

Result<std::unique_ptr<Tagger>> makeTagger(TaggerKind kind, const TaggerSettings &settings,
                                           HttpClient *http) {
    if (kind == TaggerKind::Local)
        return std::unique_ptr<Tagger>(new LocalTagger({}, settings.localThreads));
    if (!http)
        return Error::unavailable(Texts::tr("The %1 tagger needs the network, which is not "
                                            "available here")
                                      .arg(taggerDisplayName(kind)));

    switch (kind) {
    case TaggerKind::Local:
        break;
    case TaggerKind::Ximilar: {
        const TaggerEndpoint &e = settings.ximilar;
        if (auto bad = badUrl(e, QStringLiteral("Ximilar"), "TAGDESK_XIMILAR_URL"))
            return *bad;
        if (e.key.isEmpty())
            return missing(Texts::tr("API key"), QStringLiteral("Ximilar"), "TAGDESK_XIMILAR_KEY");
        return std::unique_ptr<Tagger>(
            new XimilarTagger({e.url, e.key, e.profile, atLeastOne(e.concurrency)}, http));
    }
    case TaggerKind::Pixyle: {
        const TaggerEndpoint &e = settings.pixyle;
        if (auto bad = badUrl(e, QStringLiteral("Pixyle"), "TAGDESK_PIXYLE_URL"))
            return *bad;
        if (e.email.isEmpty())
            return missing(Texts::tr("account e-mail"), QStringLiteral("Pixyle"),
                           "TAGDESK_PIXYLE_EMAIL");
        if (e.password.isEmpty())
            return missing(Texts::tr("password"), QStringLiteral("Pixyle"),
                           "TAGDESK_PIXYLE_PASSWORD");
        return std::unique_ptr<Tagger>(
            new PixyleTagger({e.url, e.email, e.password, atLeastOne(e.concurrency)}, http));
    }
    case TaggerKind::OpenAi: {
        const TaggerEndpoint &e = settings.openAi;
        const QString provider = taggerDisplayName(kind);
        if (auto bad = badUrl(e, provider, "TAGDESK_OPENAI_URL"))
            return *bad;
        // Ollama and llama.cpp on this machine need no key; everything else does.
        if (e.key.isEmpty() && !remote::isLoopback(e.url))
            return missing(Texts::tr("API key"), provider, "TAGDESK_OPENAI_KEY");
        if (e.model.isEmpty())
            return missing(Texts::tr("model"), provider, "TAGDESK_OPENAI_MODEL");
        OpenAiTagger::Settings s;
        s.url = e.url;
        s.key = e.key;
        s.model = e.model;
        s.concurrency = atLeastOne(e.concurrency);
        // A model on this machine may need minutes to load before its first byte.
        if (remote::isLoopback(e.url))
            s.transferTimeout = std::chrono::milliseconds(300'000);
        return std::unique_ptr<Tagger>(new OpenAiTagger(s, http));
    }
    }
    return Error::unavailable(Texts::tr("Unknown tagger %1").arg(taggerDisplayName(kind)));
}

} // namespace tagdesk
