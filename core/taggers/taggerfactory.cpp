#include "taggers/taggerfactory.h"

#include "taggers/localtagger.h"

#include <QCoreApplication>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(TaggerFactory)
};

void fromEnv(TaggerEndpoint &e, const char *prefix) {
    const QString p = QLatin1String(prefix);
    const auto var = [&p](const char *suffix) {
        return qEnvironmentVariable(qPrintable(p + QLatin1String(suffix)));
    };
    if (const QString url = var("_URL"); !url.isEmpty())
        e.url = QUrl(url);
    if (const QString key = var("_KEY"); !key.isEmpty())
        e.key = key;
    if (const QString email = var("_EMAIL"); !email.isEmpty())
        e.email = email;
    if (const QString password = var("_PASSWORD"); !password.isEmpty())
        e.password = password;
    if (const QString model = var("_MODEL"); !model.isEmpty())
        e.model = model;
}
} // namespace

TaggerSettings TaggerSettings::fromEnvironment() {
    TaggerSettings s;
    s.ximilar.url = QUrl(QStringLiteral("https://api.ximilar.com"));
    s.pixyle.url = QUrl(QStringLiteral("https://api.pixyle.ai"));
    s.openAi.url = QUrl(QStringLiteral("https://api.openai.com"));
    s.openAi.model = QStringLiteral("gpt-4o-mini");
    fromEnv(s.ximilar, "TAGDESK_XIMILAR");
    fromEnv(s.pixyle, "TAGDESK_PIXYLE");
    fromEnv(s.openAi, "TAGDESK_OPENAI");
    return s;
}

Result<std::unique_ptr<Tagger>> makeTagger(TaggerKind kind, const TaggerSettings &settings,
                                           HttpClient *http) {
    (void)http;
    switch (kind) {
    case TaggerKind::Local:
        return std::unique_ptr<Tagger>(new LocalTagger({}, settings.localThreads));
    case TaggerKind::Ximilar:
    case TaggerKind::Pixyle:
    case TaggerKind::OpenAi:
        break;
    }
    return Error::unavailable(
        Texts::tr("The %1 tagger is not available yet in this version of Tagdesk; "
                  "use the local colour analyser")
            .arg(taggerDisplayName(kind)));
}

} // namespace tagdesk
