#include "pipeline/suggestionmerge.h"

#include "domain/attribute.h"

#include <QHash>

#include <algorithm>

namespace tagdesk {

namespace {
using Others = QHash<QString, double>; // value → best confidence, per attribute

void keepBest(Others &others, const QString &value, double confidence) {
    others[value] = std::max(others.value(value), confidence);
}

QList<Alternative> alternativesOf(const Others &others, const QString &chosen) {
    QList<Alternative> alternatives;
    for (auto it = others.cbegin(); it != others.cend(); ++it) {
        if (it.key() != chosen)
            alternatives.append({it.key(), it.value()});
    }
    std::sort(
        alternatives.begin(), alternatives.end(),
        [](const Alternative &a, const Alternative &b) { return a.confidence > b.confidence; });
    return alternatives;
}
} // namespace

QList<Suggestion> mergeSuggestions(const QList<QList<Suggestion>> &perImage,
                                   const QStringList &wanted) {
    QStringList order;
    QHash<QString, Suggestion> best;
    QHash<QString, Others> others;
    for (const QList<Suggestion> &list : perImage) {
        for (const Suggestion &s : list) {
            if (!attributes::isWanted(wanted, s.attribute))
                continue;
            Others &seen = others[s.attribute];
            if (!best.contains(s.attribute)) {
                order << s.attribute;
                best.insert(s.attribute, s);
            } else if (s.confidence > best[s.attribute].confidence) {
                keepBest(seen, best[s.attribute].value, best[s.attribute].confidence);
                best[s.attribute] = s;
            } else if (s.value != best[s.attribute].value) {
                keepBest(seen, s.value, s.confidence);
            }
            for (const Alternative &a : s.alternatives)
                keepBest(seen, a.value, a.confidence);
        }
    }
    QList<Suggestion> out;
    for (const QString &attribute : order) {
        Suggestion s = best.value(attribute);
        s.alternatives = alternativesOf(others.value(attribute), s.value);
        out.append(s);
    }
    return out;
}

} // namespace tagdesk
