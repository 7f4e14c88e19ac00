// A catalog file the sandbox loads (storefront or Admin REST products.json, Admin GraphQL
// nodes or answers), through parseCatalog, the reader of `tagdesk-sandbox --catalog FILE`.

#include "fuzzsupport.h"

#include "catalog/catalogloader.h"

using namespace tagdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    (void)sandbox::parseCatalog(fuzz::bytes(data, size), QStringLiteral("fuzz.json"));
    return 0;
}
