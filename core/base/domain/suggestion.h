#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace tagdesk {

struct Alternative {
    QString value;
    double confidence = 0.0;

    friend bool operator==(const Alternative &, const Alternative &) = default;
};

// One attribute value a tagger proposed for a product.
struct Suggestion {
    QString attribute;               // a key from attributes::known(), or the provider's own label
    QString value;                   // the proposed value, in Tagdesk's vocabulary
    double confidence = 0;           // 0..1
    QString sourceImageId;           // the MediaImage gid the value was read from
    QList<Alternative> alternatives; // other values the tagger considered, best first
    QString providerLabel;           // the provider's own words, before the taxonomy map

    QJsonObject toJson() const;
    static Suggestion fromJson(const QJsonObject &json);

    friend bool operator==(const Suggestion &, const Suggestion &) = default;
};

} // namespace tagdesk
