#include "domain/tagger.h"

#include <QCoreApplication>

namespace tagdesk {

QString taggerKey(TaggerKind kind) {
    switch (kind) {
    case TaggerKind::Local:
        return QStringLiteral("local");
    case TaggerKind::Ximilar:
        return QStringLiteral("ximilar");
    case TaggerKind::Pixyle:
        return QStringLiteral("pixyle");
    case TaggerKind::OpenAi:
        return QStringLiteral("openai");
    }
    return {};
}

std::optional<TaggerKind> taggerFromKey(const QString &key) {
    for (auto kind :
         {TaggerKind::Local, TaggerKind::Ximilar, TaggerKind::Pixyle, TaggerKind::OpenAi}) {
        if (key.compare(taggerKey(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

QString taggerDisplayName(TaggerKind kind) {
    switch (kind) {
    case TaggerKind::Local:
        return QCoreApplication::translate("Tagger", "Local colour analyser");
    case TaggerKind::Ximilar:
        return QCoreApplication::translate("Tagger", "Ximilar");
    case TaggerKind::Pixyle:
        return QCoreApplication::translate("Tagger", "Pixyle");
    case TaggerKind::OpenAi:
        return QCoreApplication::translate("Tagger", "OpenAI-compatible vision model");
    }
    return {};
}

} // namespace tagdesk
