// Ximilar's answers: the envelope of a fresh call (its records, each record's status) and
// a record as stored and read again (XimilarTagger::interpret), with the error text read
// from a failed call's body.

#include "fuzzsupport.h"
#include "taggerfixture.h"

#include "taggers/ximilaranswer.h"
#include "taggers/ximilartagger.h"

using namespace tagdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz::readAnswer<XimilarTagger>(fuzz::bytes(data, size), [](const QJsonObject &envelope) {
        QList<std::pair<QString, QJsonObject>> records;
        for (const QJsonObject &record : ximilar::records(envelope)) {
            (void)ximilar::recordStatusCode(record);
            records.append({record.value(QLatin1String("_id")).toString(), record});
        }
        return records;
    });
    return 0;
}
