// An OpenAI-compatible model's answer (`choices[0].message.content`), checked against the
// general question and against a category's question, and read again from storage
// (OpenAiTagger::interpret); and a failed call's error text. The first byte chooses the
// category whose question is asked.

#include "fuzzsupport.h"
#include "taggerfixture.h"

#include "taggers/openaiattributes.h"
#include "taggers/openaitagger.h"
#include "taggers/remotetaggersupport.h"

using namespace tagdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static fuzz::TaggerFixture<OpenAiTagger> fixture;
    // Apparel categories of Shopify's Standard Product Taxonomy (resources/taxonomy),
    // and one it does not know.
    static const QList<openai::Question> questions = {
        openai::generalQuestion(), openai::question(QStringLiteral("aa-1-4")),
        openai::question(QStringLiteral("aa-1-13-8")), openai::question(QStringLiteral("aa-8")),
        openai::question(QStringLiteral("zz-404"))};
    if (size == 0)
        return 0;
    const QByteArray content = fuzz::bytes(data + 1, size - 1);
    (void)openai::contentLabels(content, questions.at(data[0] % questions.size()));
    (void)fixture.tagger.interpret(content, QStringLiteral("gid://shopify/MediaImage/1"));
    (void)remote::errorText(content);
    return 0;
}
