#include "domain/taggersettings.h"

#include <utility>

namespace tagdesk {

TaggerSettings TaggerSettings::defaults() {
    TaggerSettings s;
    s.ximilar.url = QUrl(QStringLiteral("https://api.ximilar.com"));
    s.pixyle.url = QUrl(QStringLiteral("https://api.pixyle.ai"));
    s.openAi.url = QUrl(QStringLiteral("https://api.openai.com"));
    s.openAi.model = QStringLiteral("gpt-4o-mini");
    return s;
}

TaggerEndpoint *TaggerSettings::endpoint(TaggerKind kind) {
    return const_cast<TaggerEndpoint *>(std::as_const(*this).endpoint(kind));
}

const TaggerEndpoint *TaggerSettings::endpoint(TaggerKind kind) const {
    switch (kind) {
    case TaggerKind::Ximilar:
        return &ximilar;
    case TaggerKind::Pixyle:
        return &pixyle;
    case TaggerKind::OpenAi:
        return &openAi;
    case TaggerKind::Local:
        break;
    }
    return nullptr;
}

} // namespace tagdesk
