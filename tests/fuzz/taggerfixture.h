#pragma once

// A tagger of kind T that only reads answers: its HTTP client never sends.

#include "net/httpclient.h"

#include <QNetworkAccessManager>

namespace tagdesk::fuzz {

template <typename T> struct TaggerFixture {
    QNetworkAccessManager network;
    HttpClient http{&network};
    T tagger{typename T::Settings{}, &http};
};

} // namespace tagdesk::fuzz
