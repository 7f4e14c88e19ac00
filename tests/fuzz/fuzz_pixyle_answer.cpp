// Pixyle's answers: a collection ("autotag multi") result and its products, a single
// product as stored and read again (PixyleTagger::interpret), and a failed call's error
// text.

#include "fuzzsupport.h"
#include "taggerfixture.h"

#include "taggers/pixyleanswer.h"
#include "taggers/pixyletagger.h"

using namespace tagdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz::readAnswer<PixyleTagger>(fuzz::bytes(data, size), [](const QJsonObject &result) {
        return pixyle::autotagProducts(result);
    });
    return 0;
}
