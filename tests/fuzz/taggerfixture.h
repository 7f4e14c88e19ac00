#pragma once

// What the remote taggers' harnesses share: a tagger of kind T that only reads answers
// (its HTTP client never sends), and the reading of one input.

#include "net/httpclient.h"
#include "taggers/remotetaggersupport.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>

namespace tagdesk::fuzz {

template <typename T> struct TaggerFixture {
    QNetworkAccessManager network;
    HttpClient http{&network};
    T tagger{typename T::Settings{}, &http};
};

// `body` as a failed call's error text, as a whole answer whose parts (`parts` gives them
// from the answer's object, as (media id, part) pairs) are each read as the tagger stores
// them, and as a stored part itself.
template <typename T, typename Parts> void readAnswer(const QByteArray &body, Parts parts) {
    static TaggerFixture<T> fixture;
    (void)remote::errorText(body);
    if (const auto answer = remote::jsonObject(body)) {
        for (const auto &[mediaId, part] : parts(*answer))
            (void)fixture.tagger.interpret(QJsonDocument(part).toJson(QJsonDocument::Compact),
                                           mediaId);
    }
    (void)fixture.tagger.interpret(body, QStringLiteral("gid://shopify/MediaImage/1"));
}

} // namespace tagdesk::fuzz
