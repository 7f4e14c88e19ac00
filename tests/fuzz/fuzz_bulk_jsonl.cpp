// The JSONL file of a products bulk query (BulkProductReader), fed in pieces as it streams
// in: the first byte of the input says how large the pieces are (and whether category
// metafields are kept), the rest is the file.

#include "fuzzsupport.h"

#include "shopify/bulkproductreader.h"

using namespace tagdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    const qsizetype piece = 1 + (data[0] & 0x7f);
    const QByteArray file = fuzz::bytes(data + 1, size - 1);
    qint64 emitted = 0;
    BulkProductReader reader([&emitted](ProductSnapshot) { ++emitted; }, data[0] & 0x80);
    for (qsizetype at = 0; at < file.size(); at += piece) {
        if (!reader.feed(QByteArrayView(file).sliced(at, std::min(piece, file.size() - at))))
            return 0;
    }
    QHash<QString, CategoryMetaobject> metaobjects;
    for (const QString &id : reader.categoryMetaobjectIds())
        metaobjects.insert(id, CategoryMetaobject{});
    reader.setCategoryMetaobjects(metaobjects);
    if (reader.finish() && emitted != reader.productsRead())
        __builtin_trap(); // every product read is handed over
    return 0;
}
