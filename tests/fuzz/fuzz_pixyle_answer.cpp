// Pixyle's answers: a collection ("autotag multi") result and its products, a single
// product as stored and read again (PixyleTagger::interpret), and a failed call's error
// text.

#include "fuzzsupport.h"
#include "taggerfixture.h"

#include "taggers/pixyleanswer.h"
#include "taggers/pixyletagger.h"
#include "taggers/remotetaggersupport.h"

#include <QJsonDocument>

using namespace tagdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static fuzz::TaggerFixture<PixyleTagger> fixture;
    const QByteArray body = fuzz::bytes(data, size);
    (void)remote::errorText(body);
    if (const auto result = remote::jsonObject(body)) {
        for (const auto &[sku, product] : pixyle::autotagProducts(*result)) {
            (void)fixture.tagger.interpret(QJsonDocument(product).toJson(QJsonDocument::Compact),
                                           sku);
        }
    }
    (void)fixture.tagger.interpret(body, QStringLiteral("gid://shopify/MediaImage/1"));
    return 0;
}
