// Ximilar's answers: the envelope of a fresh call (its records, each record's status) and
// a record as stored and read again (XimilarTagger::interpret), with the error text read
// from a failed call's body.

#include "fuzzsupport.h"
#include "taggerfixture.h"

#include "taggers/remotetaggersupport.h"
#include "taggers/ximilaranswer.h"
#include "taggers/ximilartagger.h"

#include <QJsonDocument>

using namespace tagdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static fuzz::TaggerFixture<XimilarTagger> fixture;
    const QByteArray body = fuzz::bytes(data, size);
    (void)remote::errorText(body);
    if (const auto envelope = remote::jsonObject(body)) {
        for (const QJsonObject &record : ximilar::records(*envelope)) {
            (void)ximilar::recordStatusCode(record);
            (void)fixture.tagger.interpret(QJsonDocument(record).toJson(QJsonDocument::Compact),
                                           QStringLiteral("gid://shopify/MediaImage/1"));
        }
    }
    (void)fixture.tagger.interpret(body, QStringLiteral("gid://shopify/MediaImage/1"));
    return 0;
}
