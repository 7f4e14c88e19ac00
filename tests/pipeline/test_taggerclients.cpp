// The three remote tagger clients (Ximilar, Pixyle, OpenAI-compatible) against the sandbox
// over real loopback sockets with the bundled photos, plus the real provider answers kept
// in tests/data/taggers/ read through the same parsing code.
#include "catalog/photos.h"
#include "domain/attribute.h"
#include "pipeline/sandboxfixture.h"
#include "support/qtprinters.h"
#include "taggers/openaitagger.h"
#include "taggers/pixyleanswer.h"
#include "taggers/pixyletagger.h"
#include "taggers/requestpacer.h"
#include "taggers/taggerendpoints.h"
#include "taggers/taggerfactory.h"
#include "taggers/ximilaranswer.h"
#include "taggers/ximilartagger.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <functional>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

using Answers = QList<Result<TaggerAnswer>>;

const sandbox::TaggerCredentials credentials;

TaggerImage imageOf(const QString &photo, int index) {
    const QByteArray bytes = sandbox::photoBytes(photo);
    return {
        QStringLiteral("gid://shopify/MediaImage/%1").arg(1000 + index),
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()),
        bytes, QString()};
}

// One photo of every garment class, or every bundled photo.
QStringList onePhotoPerLabel() {
    QStringList photos;
    for (const QString &label : sandbox::photoLabels())
        photos << sandbox::photosWithLabel(label).first();
    return photos;
}

QList<TaggerImage> imagesOf(const QStringList &photos) {
    QList<TaggerImage> images;
    for (int i = 0; i < photos.size(); ++i)
        images << imageOf(photos[i], i);
    return images;
}

const Suggestion *find(const QList<Suggestion> &suggestions, const QString &attribute) {
    for (const Suggestion &s : suggestions)
        if (s.attribute == attribute)
            return &s;
    return nullptr;
}

// Every answer usable and its own image's: a category and a colour, each suggestion naming
// the image it was read from, and the raw answer read again to the same suggestions. What
// the values are is the stand-in's business (the sandbox's taggers look a bundled photo's
// label up, they do not see); how Tagdesk maps a provider's answer is checked against
// recorded real answers and canned ones below.
void expectUsableAnswers(const Tagger &tagger, const QList<TaggerImage> &images,
                         const QStringList &photos, const Result<Answers> &answers) {
    ASSERT_TRUE(answers.ok()) << answers.error().message.toStdString();
    ASSERT_EQ(answers->size(), images.size());
    for (int i = 0; i < images.size(); ++i) {
        const Result<TaggerAnswer> &answer = answers->at(i);
        ASSERT_TRUE(answer.ok()) << photos[i].toStdString() << ": "
                                 << answer.error().message.toStdString();
        const Suggestion *category = find(answer->suggestions, attributes::category);
        ASSERT_NE(category, nullptr)
            << photos[i].toStdString() << " answered " << answer->raw.toStdString();
        EXPECT_FALSE(category->value.isEmpty());
        const Suggestion *colour = find(answer->suggestions, attributes::colour);
        ASSERT_NE(colour, nullptr) << photos[i].toStdString();
        EXPECT_FALSE(colour->value.isEmpty());
        EXPECT_GT(colour->confidence, 0.0);
        EXPECT_LE(colour->confidence, 1.0);
        for (const Suggestion &s : answer->suggestions)
            EXPECT_EQ(s.sourceImageId, images[i].mediaId);
        EXPECT_FALSE(answer->raw.contains(images[i].bytes.toBase64().left(64)))
            << "the raw answer does not keep a second copy of the image";
        auto again = tagger.interpret(answer->raw, images[i].mediaId);
        ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
        EXPECT_EQ(again.value(), answer->suggestions);
    }
}

QList<QList<Suggestion>> suggestionsOf(const Result<Answers> &answers) {
    QList<QList<Suggestion>> out;
    if (!answers)
        return out;
    for (const Result<TaggerAnswer> &a : answers.value())
        out << (a ? a->suggestions : QList<Suggestion>{});
    return out;
}

QList<QJsonObject> requestsTo(SandboxFixture &sandbox, const QString &path) {
    QList<QJsonObject> out;
    for (const QJsonValue &entry : sandbox.requestLog())
        if (entry.toObject().value(QLatin1String("path")).toString() == path)
            out << entry.toObject();
    return out;
}

XimilarTagger::Settings ximilarSettings(const SandboxFixture &sandbox,
                                        const QString &key = credentials.ximilarToken) {
    return {QUrl(sandbox.server.baseUrl()), key, {}, 2};
}

PixyleTagger::Settings pixyleSettings(const SandboxFixture &sandbox,
                                      const QString &password = credentials.pixylePassword) {
    return {QUrl(sandbox.server.baseUrl()), credentials.pixyleEmail, password, 2};
}

OpenAiTagger::Settings openAiSettings(const QString &baseUrl,
                                      const QString &key = credentials.openAiKey) {
    OpenAiTagger::Settings s;
    s.url = QUrl(baseUrl);
    s.key = key;
    s.model = QStringLiteral("sandbox-vision");
    return s;
}

QByteArray testFile(const QString &name) {
    QFile file(testData(QStringLiteral("taggers/") + name));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
    return file.readAll();
}

// A stand-in for a provider on a loopback port that answers every request with what
// `answer` returns, counting requests: for the answers the sandbox never gives (a broken
// model answer, used-up credits).
struct FakeProvider {
    using Answer = std::function<QHttpServerResponse(const QHttpServerRequest &)>;

    explicit FakeProvider(Answer answer) {
        server.route(QStringLiteral("/<arg>"),
                     [this, answer](const QUrl &, const QHttpServerRequest &r) {
                         ++requests;
                         return answer(r);
                     });
        port = server.listen(QHostAddress::LocalHost);
        EXPECT_NE(port, 0);
    }

    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(port); }

    QHttpServer server;
    quint16 port = 0;
    int requests = 0;
};

QHttpServerResponse
json(const QJsonObject &body,
     QHttpServerResponder::StatusCode status = QHttpServerResponder::StatusCode::Ok) {
    return QHttpServerResponse(QByteArrayLiteral("application/json"),
                               QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

// A chat completion whose message content is `content`.
QHttpServerResponse completion(const QString &content) {
    const QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                              {QStringLiteral("content"), content},
                              {QStringLiteral("refusal"), QJsonValue::Null}};
    return json(
        {{QStringLiteral("object"), QStringLiteral("chat.completion")},
         {QStringLiteral("choices"),
          QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                 {QStringLiteral("message"), message},
                                 {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}}});
}

} // namespace

TEST(XimilarTagger, TagsEveryPhotoTenImagesACallAndKeepsEachImagesOwnRecord) {
    SandboxFixture sandbox({});
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    XimilarTagger tagger(ximilarSettings(sandbox), &http);
    EXPECT_EQ(tagger.maxImagesPerCall(), 10);

    const QStringList photos = sandbox::photoNames();
    ASSERT_EQ(photos.size(), 30);
    const QList<TaggerImage> images = imagesOf(photos);
    const auto answers = await(tagger.analyse(images));
    expectUsableAnswers(tagger, images, photos, answers);

    const auto calls = requestsTo(sandbox, QStringLiteral("/tagging/fashion/v2/detect_tags"));
    EXPECT_EQ(calls.size(), 3) << "30 images, at most 10 records a call";
    // The raw answer is that image's own record, found by the media id sent as `_id`.
    const QJsonObject record = QJsonDocument::fromJson(answers->at(17)->raw).object();
    EXPECT_EQ(record.value(QLatin1String("_id")).toString(), images[17].mediaId);
    EXPECT_FALSE(record.contains(QLatin1String("_base64")));
}

TEST(XimilarTagger, AnImageItCannotReadIsThatImagesErrorOnly) {
    SandboxFixture sandbox({});
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    XimilarTagger tagger(ximilarSettings(sandbox), &http);
    QList<TaggerImage> images = imagesOf(onePhotoPerLabel().mid(0, 3));
    images[1].bytes = images[1].bytes.left(300); // a JPEG cut off: Ximilar cannot decode it
    TaggerImage notCached = images[2];
    notCached.mediaId = QStringLiteral("gid://shopify/MediaImage/9");
    notCached.bytes.clear();
    images << notCached;

    const auto answers = await(tagger.analyse(images));
    ASSERT_TRUE(answers.ok()) << answers.error().message.toStdString();
    ASSERT_EQ(answers->size(), 4);
    EXPECT_TRUE(answers->at(0).ok());
    ASSERT_FALSE(answers->at(1).ok());
    EXPECT_TRUE(answers->at(1).error().message.contains(QStringLiteral("Ximilar could not read")))
        << answers->at(1).error().message.toStdString();
    EXPECT_TRUE(answers->at(2).ok());
    ASSERT_FALSE(answers->at(3).ok());
    EXPECT_TRUE(answers->at(3).error().message.contains(QStringLiteral("local image cache")));
}

TEST(PixyleTagger, SignsInOnceAndTagsPhotosAtMostTwoRequestsASecond) {
    SandboxFixture sandbox({});
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    PixyleTagger tagger(pixyleSettings(sandbox), &http);

    // Six calls at once, as a runner with some concurrency makes them: one sign-in serves
    // them all, and the pacing keeps every product request within Pixyle's limit.
    const QStringList photos = onePhotoPerLabel().mid(0, 6);
    const QList<TaggerImage> images = imagesOf(photos);
    QList<QFuture<Result<Answers>>> calls;
    for (const TaggerImage &image : images)
        calls << tagger.analyse({image});
    for (int i = 0; i < calls.size(); ++i)
        expectUsableAnswers(tagger, {images[i]}, {photos[i]}, await(calls[i]));

    EXPECT_EQ(requestsTo(sandbox, QStringLiteral("/auth/v1/token")).size(), 1);
    const auto uploads = requestsTo(sandbox, QStringLiteral("/main/v1.1/products"));
    EXPECT_EQ(uploads.size(), 6) << "no request was refused and sent again";
    for (const QJsonObject &upload : uploads)
        EXPECT_EQ(upload.value(QLatin1String("status")).toInt(), 200)
            << "Pixyle answered " << upload.value(QLatin1String("status")).toInt();
}

TEST(OpenAiTagger, TagsEveryPhotoOverHttpAndLeavesUnsaidWhatTheModelCannotSee) {
    SandboxFixture sandbox({});
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    OpenAiTagger tagger(openAiSettings(sandbox.server.baseUrl()), &http);

    const QStringList photos = onePhotoPerLabel();
    const QList<TaggerImage> images = imagesOf(photos);
    const auto answers = await(tagger.analyse(images));
    expectUsableAnswers(tagger, images, photos, answers);
    // What the model cannot see stays unsaid, not guessed.
    for (const Result<TaggerAnswer> &a : answers.value())
        EXPECT_EQ(find(a->suggestions, attributes::gender), nullptr);
}

TEST(OpenAiTagger, TakesABaseUrlWithOrWithoutV1AsOllamaAndLlamaCppAreGiven) {
    QNetworkAccessManager network;
    HttpClient http(&network);
    EXPECT_EQ(OpenAiTagger(openAiSettings(QStringLiteral("http://localhost:11434/v1/")), &http)
                  .completionsUrl(),
              QUrl(QStringLiteral("http://localhost:11434/v1/chat/completions")));
    EXPECT_EQ(OpenAiTagger(openAiSettings(QStringLiteral("http://127.0.0.1:8080")), &http)
                  .completionsUrl(),
              QUrl(QStringLiteral("http://127.0.0.1:8080/v1/chat/completions")));
}

TEST(TaggerClients, WrongCredentialsSayWhichProviderAndWhereToFixThem) {
    SandboxFixture sandbox({});
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    const QList<TaggerImage> images = imagesOf(onePhotoPerLabel().mid(0, 1));

    XimilarTagger ximilar(ximilarSettings(sandbox, QStringLiteral("wrong")), &http);
    PixyleTagger pixyle(pixyleSettings(sandbox, QStringLiteral("wrong")), &http);
    OpenAiTagger openAi(openAiSettings(sandbox.server.baseUrl(), QStringLiteral("sk-wrong-key")),
                        &http);
    const QList<std::pair<Tagger *, QString>> cases{
        {&ximilar, QStringLiteral("TAGDESK_XIMILAR_KEY")},
        {&pixyle, QStringLiteral("TAGDESK_PIXYLE_PASSWORD")},
        {&openAi, QStringLiteral("TAGDESK_OPENAI_KEY")}};
    for (const auto &[tagger, variable] : cases) {
        const auto answers = await(tagger->analyse(images));
        ASSERT_FALSE(answers.ok()) << variable.toStdString();
        const QString message = answers.error().message;
        EXPECT_NE(answers.error().code, Error::Code::Quota);
        EXPECT_TRUE(message.contains(variable)) << message.toStdString();
        EXPECT_TRUE(message.contains(QStringLiteral("Settings"))) << message.toStdString();
        EXPECT_TRUE(message.contains(QStringLiteral("refused"))) << message.toStdString();
    }
}

TEST(TaggerClients, ServerErrorsThrottlingAndDroppedConnectionsAreRetriedToTheSameAnswers) {
    const QStringList photos = onePhotoPerLabel();
    const QList<TaggerImage> images = imagesOf(photos);

    const auto run = [&images](SandboxFixture &sandbox) {
        HttpClient http(&sandbox.network, sandbox.fastRetries(30));
        XimilarTagger ximilar(ximilarSettings(sandbox), &http);
        PixyleTagger pixyle(pixyleSettings(sandbox), &http);
        OpenAiTagger openAi(openAiSettings(sandbox.server.baseUrl()), &http);
        QList<QList<QList<Suggestion>>> out;
        out << suggestionsOf(await(ximilar.analyse(images.mid(0, 5))));
        out << suggestionsOf(await(ximilar.analyse(images.mid(5))));
        for (Tagger *tagger : std::initializer_list<Tagger *>{&pixyle, &openAi}) {
            QList<QList<Suggestion>> each;
            for (const TaggerImage &image : images) {
                const auto answers = await(tagger->analyse({image}));
                EXPECT_TRUE(answers.ok()) << answers.error().message.toStdString();
                each += suggestionsOf(answers);
            }
            out << each;
        }
        return out;
    };

    SandboxFixture clean({});
    const auto expected = run(clean);
    sandbox::SandboxConfig config;
    for (const QString &spec :
         {QStringLiteral("ximilar:errorRate=0.3,drop=0.1,malformed=0.1,hang=0.05,stormEvery=4,"
                         "stormLength=1"),
          QStringLiteral("pixyle:errorRate=0.3,errorStatus=502,drop=0.1,malformed=0.1"),
          QStringLiteral("openai:errorRate=0.3,errorStatus=500,drop=0.1,malformed=0.1,hang=0.05,"
                         "stormEvery=5,stormLength=1")})
        ASSERT_TRUE(config.faults.addFlag(spec).ok());
    SandboxFixture faults({}, config);
    const auto retried = run(faults);
    ASSERT_EQ(retried.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i)
        EXPECT_EQ(retried[i], expected[i]) << "tagger call " << i;

    int faultsSeen = 0;
    for (const QJsonValue &entry : faults.requestLog())
        faultsSeen += entry.toObject().contains(QLatin1String("fault")) ? 1 : 0;
    EXPECT_GT(faultsSeen, 5) << "the faults were really there";
}

TEST(OpenAiTagger, AnAnswerNotOfTheShapeAskedForIsAClearErrorForThatImage) {
    QList<std::pair<QString, QString>> cases{
        {QStringLiteral("Here are the tags: dress, blue"), QStringLiteral("not the JSON object")},
        {QStringLiteral("{\"category\":{\"category\":\"dress\",\"confidence\":0.9}}"),
         QStringLiteral("'colour' is missing")},
        {QStringLiteral("{\"category\":{\"category\":\"spaceship\",\"confidence\":0.9}}"),
         QStringLiteral("'category' is 'spaceship', which is not one of")},
        {QStringLiteral("{\"category\":{\"category\":\"dress\",\"confidence\":7}}"),
         QStringLiteral("outside 0 to 1")},
        {QStringLiteral("{\"colour\":\"blue\"}"), QStringLiteral("'colour' should be an object")},
    };
    int next = 0;
    FakeProvider model([&](const QHttpServerRequest &) { return completion(cases[next].first); });
    QNetworkAccessManager network;
    HttpClient http(&network);
    OpenAiTagger tagger(openAiSettings(model.baseUrl()), &http);
    const QList<TaggerImage> images = imagesOf(onePhotoPerLabel().mid(0, 1));
    for (next = 0; next < cases.size(); ++next) {
        const auto answers = await(tagger.analyse(images));
        ASSERT_TRUE(answers.ok()) << "a broken answer is the image's error, not the job's";
        ASSERT_EQ(answers->size(), 1);
        ASSERT_FALSE(answers->at(0).ok())
            << "no made-up suggestion for " << cases[next].first.toStdString();
        EXPECT_TRUE(answers->at(0).error().message.contains(cases[next].second))
            << answers->at(0).error().message.toStdString();
        EXPECT_FALSE(tagger.interpret(cases[next].first.toUtf8(), images[0].mediaId).ok());
    }
}

TEST(PixyleTagger, ItsPacerLetsTwoRequestsStartInAnySecond) {
    using namespace std::chrono_literals;
    RequestPacer pacer(2, 1000ms, 100ms);
    const RequestPacer::Clock::time_point t0{};
    EXPECT_EQ(pacer.waitBeforeStart(t0), 0ms);
    pacer.started(t0);
    EXPECT_EQ(pacer.waitBeforeStart(t0 + 10ms), 0ms);
    pacer.started(t0 + 10ms);
    EXPECT_EQ(pacer.waitBeforeStart(t0 + 20ms), 1080ms) << "the first leaves the window at 1100";
    EXPECT_EQ(pacer.waitBeforeStart(t0 + 1100ms), 0ms);
    // A timer that fired late counts from when its request really started.
    pacer.started(t0 + 1300ms);
    EXPECT_EQ(pacer.waitBeforeStart(t0 + 1300ms), 0ms) << "the one at 10 ms left at 1110";
    pacer.started(t0 + 1300ms);
    EXPECT_EQ(pacer.waitBeforeStart(t0 + 1300ms), 1100ms);
}

TEST(PixyleTagger, SignsInAgainOnceWhenItsTokenIsRefused) {
    // The sandbox's tokens last an hour; a stand-in refuses the first token as Pixyle does
    // an expired one, and takes the second.
    int logins = 0;
    const QJsonObject product =
        QJsonDocument::fromJson(
            testFile(QStringLiteral("mendrea-PixyleAI_autotag_multi_result.json")))
            .object()
            .value(QLatin1String("detected_categories"))
            .toObject()
            .value(QLatin1String("jackets"))
            .toObject()
            .value(QLatin1String("products"))
            .toObject()
            .value(QLatin1String("150444_90-L"))
            .toObject();
    FakeProvider pixyleServer([&](const QHttpServerRequest &r) {
        if (r.url().path() == QLatin1String("/auth/v1/token"))
            return json(
                {{QStringLiteral("access_token"), QStringLiteral("token-%1").arg(++logins)}});
        if (r.value("Authorization") != "Bearer token-2")
            return json({{QStringLiteral("error"), QStringLiteral("Token has expired")}},
                        QHttpServerResponder::StatusCode::Unauthorized);
        return json(product);
    });
    QNetworkAccessManager network;
    HttpClient http(&network);
    PixyleTagger pixyle(
        {QUrl(pixyleServer.baseUrl()), QStringLiteral("a@b.c"), QStringLiteral("p"), 1}, &http);
    const QList<TaggerImage> images = imagesOf(onePhotoPerLabel().mid(0, 1));
    auto answers = await(pixyle.analyse(images));
    ASSERT_TRUE(answers.ok()) << answers.error().message.toStdString();
    ASSERT_TRUE(answers->at(0).ok()) << answers->at(0).error().message.toStdString();
    EXPECT_EQ(find(answers->at(0)->suggestions, attributes::category)->value,
              QStringLiteral("jackets"));
    EXPECT_EQ(logins, 2);

    // A token refused again right after signing in is not a loop: the job stops, saying so.
    answers = await(pixyle.analyse(images)); // token-2 is kept and still taken
    ASSERT_TRUE(answers.ok());
    EXPECT_EQ(logins, 2);
    logins = 10; // from now on every new token is refused
    PixyleTagger refused(
        {QUrl(pixyleServer.baseUrl()), QStringLiteral("a@b.c"), QStringLiteral("p"), 1}, &http);
    answers = await(refused.analyse(images));
    ASSERT_FALSE(answers.ok());
    EXPECT_TRUE(answers.error().message.contains(QStringLiteral("Pixyle")))
        << answers.error().message.toStdString();
    EXPECT_EQ(logins, 12) << "one sign-in, one more after the refusal, then stop";
}

TEST(OpenAiTagger, ARefusalOrACutOffAnswerIsThatImagesErrorSayingSo) {
    const QList<std::pair<QJsonObject, QString>> cases{
        {{{QStringLiteral("role"), QStringLiteral("assistant")},
          {QStringLiteral("content"), QJsonValue::Null},
          {QStringLiteral("refusal"), QStringLiteral("I can't help with that.")}},
         QStringLiteral("refused to tag this image: I can't help with that.")},
        {{{QStringLiteral("role"), QStringLiteral("assistant")},
          {QStringLiteral("content"), QStringLiteral("{\"category\":{\"categ")}},
         QStringLiteral("cut off")},
    };
    qsizetype next = 0;
    FakeProvider model([&](const QHttpServerRequest &) {
        const bool cutOff = next == 1;
        return json({{QStringLiteral("object"), QStringLiteral("chat.completion")},
                     {QStringLiteral("choices"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("index"), 0},
                          {QStringLiteral("message"), cases[next].first},
                          {QStringLiteral("finish_reason"),
                           cutOff ? QStringLiteral("length") : QStringLiteral("stop")}}}}});
    });
    QNetworkAccessManager network;
    HttpClient http(&network);
    OpenAiTagger tagger(openAiSettings(model.baseUrl()), &http);
    const QList<TaggerImage> images = imagesOf(onePhotoPerLabel().mid(0, 1));
    for (next = 0; next < cases.size(); ++next) {
        const auto answers = await(tagger.analyse(images));
        ASSERT_TRUE(answers.ok());
        ASSERT_FALSE(answers->at(0).ok());
        EXPECT_TRUE(answers->at(0).error().message.contains(cases[next].second))
            << answers->at(0).error().message.toStdString();
    }
}

TEST(TaggerClients, UsedUpCreditsOrQuotaStopTheJobWithoutRetrying) {
    const QList<TaggerImage> images = imagesOf(onePhotoPerLabel().mid(0, 1));
    QNetworkAccessManager network;
    HttpClient http(&network);

    FakeProvider openAiServer([](const QHttpServerRequest &) {
        return json({{QStringLiteral("error"),
                      QJsonObject{{QStringLiteral("message"),
                                   QStringLiteral("You exceeded your current quota, please check "
                                                  "your plan and billing details.")},
                                  {QStringLiteral("type"), QStringLiteral("insufficient_quota")},
                                  {QStringLiteral("param"), QJsonValue::Null},
                                  {QStringLiteral("code"), QStringLiteral("insufficient_quota")}}}},
                    QHttpServerResponder::StatusCode::TooManyRequests);
    });
    OpenAiTagger openAi(openAiSettings(openAiServer.baseUrl()), &http);
    auto answers = await(openAi.analyse(images));
    ASSERT_FALSE(answers.ok());
    EXPECT_EQ(answers.error().code, Error::Code::Quota);
    EXPECT_TRUE(answers.error().message.contains(QStringLiteral("quota")))
        << answers.error().message.toStdString();
    EXPECT_EQ(openAiServer.requests, 1) << "a billing problem is not a rate limit";

    FakeProvider ximilarServer([](const QHttpServerRequest &) {
        return json({{QStringLiteral("detail"), QStringLiteral("Insufficient credits")}},
                    QHttpServerResponder::StatusCode::PaymentRequired);
    });
    XimilarTagger ximilar({QUrl(ximilarServer.baseUrl()), QStringLiteral("k"), {}, 1}, &http);
    answers = await(ximilar.analyse(images));
    ASSERT_FALSE(answers.ok());
    EXPECT_EQ(answers.error().code, Error::Code::Quota);
    EXPECT_TRUE(answers.error().message.contains(QStringLiteral("credits")))
        << answers.error().message.toStdString();
    EXPECT_EQ(ximilarServer.requests, 1);

    FakeProvider pixyleServer([](const QHttpServerRequest &r) {
        if (r.url().path() == QLatin1String("/auth/v1/token"))
            return json({{QStringLiteral("access_token"), QStringLiteral("t")}});
        // As a 429, like a rate limit, but waiting does not lift it.
        return json({{QStringLiteral("error"), QStringLiteral("Monthly quota exceeded")}},
                    QHttpServerResponder::StatusCode::TooManyRequests);
    });
    PixyleTagger pixyle(
        {QUrl(pixyleServer.baseUrl()), QStringLiteral("a@b.c"), QStringLiteral("p"), 1}, &http);
    answers = await(pixyle.analyse(images));
    ASSERT_FALSE(answers.ok());
    EXPECT_EQ(answers.error().code, Error::Code::Quota);
    EXPECT_TRUE(answers.error().message.contains(QStringLiteral("Monthly quota exceeded")))
        << answers.error().message.toStdString();
    EXPECT_EQ(pixyleServer.requests, 2) << "one sign-in, one upload, no retry";
}

TEST(TaggerClients, ARealXimilarAnswerMapsThroughTheSameParsing) {
    // Ximilar's documentation example (collectibles/sport_id, not fashion): the same v2
    // envelope and record shape the fashion endpoint uses, plus two things the fashion
    // answers we know do not have — a plain-string "Category" on the record and a feature
    // list ("Graded Slab") beside `_objects`.
    const QJsonObject envelope =
        QJsonDocument::fromJson(
            testFile(QStringLiteral("ximilar-collectibles-sport_id-docs-example-response.json")))
            .object();
    const QList<QJsonObject> records = ximilar::records(envelope);
    ASSERT_EQ(records.size(), 1);
    QNetworkAccessManager network;
    HttpClient http(&network);
    XimilarTagger tagger(
        {QUrl(QStringLiteral("https://api.ximilar.com")), QStringLiteral("k"), {}, 1}, &http);
    const auto suggestions =
        tagger.interpret(QJsonDocument(records[0]).toJson(), QStringLiteral("m1"));
    ASSERT_TRUE(suggestions.ok()) << suggestions.error().message.toStdString();
    const Suggestion *category = find(*suggestions, attributes::category);
    ASSERT_NE(category, nullptr);
    EXPECT_EQ(category->value, QStringLiteral("sport card"))
        << "the most specific part of Card/Sport Card";
    EXPECT_DOUBLE_EQ(category->confidence, 1.0);
    ASSERT_NE(find(*suggestions, attributes::subcategory), nullptr);
    EXPECT_EQ(find(*suggestions, attributes::subcategory)->value, QStringLiteral("mma"));
    // Features Tagdesk has no attribute for are kept under their own names.
    ASSERT_NE(find(*suggestions, QStringLiteral("autograph")), nullptr);
    EXPECT_EQ(find(*suggestions, QStringLiteral("autograph"))->value, QStringLiteral("not signed"));
    const Suggestion *slab = find(*suggestions, QStringLiteral("graded_slab"));
    ASSERT_NE(slab, nullptr);
    EXPECT_EQ(slab->value, QStringLiteral("no"));
    ASSERT_EQ(slab->alternatives.size(), 1);
    EXPECT_EQ(slab->alternatives[0].value, QStringLiteral("yes"));
}

TEST(TaggerClients, RealPixyleResultsMapThroughTheSameParsing) {
    // Pixyle's 2020 "autotag multi" collection result: products grouped by detected
    // category, keyed by sku — the live API answers one such product by itself, with the
    // same category/attributes/hex_codes fields. The older file names attributes and
    // values with spaces ("sleeve length": "long sleeve") where the newer uses "_" and "-".
    QNetworkAccessManager network;
    HttpClient http(&network);
    PixyleTagger tagger({QUrl(QStringLiteral("https://api.pixyle.ai")), QStringLiteral("a@b.c"),
                         QStringLiteral("p"), 1},
                        &http);
    QHash<QString, QList<Suggestion>> bySku[2];
    const QStringList files{QStringLiteral("mendrea-PixyleAI_autotag_multi_result.json"),
                            QStringLiteral("mendrea-PixyleAI_autotag_multi_result_old1.json")};
    for (int f = 0; f < files.size(); ++f) {
        const auto products =
            pixyle::autotagProducts(QJsonDocument::fromJson(testFile(files[f])).object());
        ASSERT_EQ(products.size(), 8) << files[f].toStdString();
        for (const auto &[sku, product] : products) {
            const auto suggestions =
                tagger.interpret(QJsonDocument(product).toJson(), QStringLiteral("m1"));
            ASSERT_TRUE(suggestions.ok()) << sku.toStdString();
            bySku[f].insert(sku, suggestions.value());
            ASSERT_NE(find(*suggestions, attributes::category), nullptr);
            ASSERT_NE(find(*suggestions, attributes::colour), nullptr) << sku.toStdString();
            ASSERT_NE(find(*suggestions, attributes::pattern), nullptr) << sku.toStdString();
        }
    }
    const QList<Suggestion> &jacket = bySku[0].value(QStringLiteral("150444_90-L"));
    EXPECT_EQ(find(jacket, attributes::category)->value, QStringLiteral("jackets"));
    EXPECT_EQ(find(jacket, attributes::colour)->value, QStringLiteral("black"));
    EXPECT_NEAR(find(jacket, attributes::colour)->confidence, 0.77669, 1e-9);
    ASSERT_NE(find(jacket, attributes::sleeveLength), nullptr);
    EXPECT_EQ(find(jacket, attributes::sleeveLength)->value, QStringLiteral("long"));
    ASSERT_NE(find(jacket, attributes::neckline), nullptr);
    EXPECT_EQ(find(jacket, attributes::neckline)->value, QStringLiteral("v-neck"));
    ASSERT_NE(find(jacket, attributes::length), nullptr);
    EXPECT_EQ(find(jacket, attributes::length)->value, QStringLiteral("medium"));
    const QList<Suggestion> &jeans = bySku[0].value(QStringLiteral("150980_2986-10"));
    EXPECT_EQ(find(jeans, attributes::colour)->value, QStringLiteral("grey"));
    ASSERT_NE(find(jeans, attributes::fit), nullptr);
    EXPECT_EQ(find(jeans, attributes::fit)->value, QStringLiteral("slim"));
    ASSERT_NE(find(jeans, QStringLiteral("rise")), nullptr) << "unknown features are kept";
    EXPECT_LE(find(jeans, attributes::colour)->alternatives.size(), pixyle::kAlternatives);

    // Both generations of the format give the same attributes and values for a product
    // (the older one writes "v neck" where the newer writes "v-neck").
    const auto spelled = [](QString value) {
        return value.replace(QLatin1Char('-'), QLatin1Char(' '));
    };
    int compared = 0;
    for (const QString &sku : bySku[0].keys()) {
        const QList<Suggestion> &now = bySku[0].value(sku);
        const QList<Suggestion> &old = bySku[1].value(sku);
        for (const QString &attribute :
             {attributes::category, attributes::colour, attributes::sleeveLength,
              attributes::neckline, attributes::fit}) {
            const Suggestion *a = find(now, attribute);
            const Suggestion *b = find(old, attribute);
            ASSERT_EQ(a == nullptr, b == nullptr)
                << sku.toStdString() << " " << attribute.toStdString();
            if (!a)
                continue; // neither generation has it, as asserted just above
            EXPECT_EQ(spelled(a->value), spelled(b->value))
                << sku.toStdString() << " " << attribute.toStdString();
            ++compared;
        }
    }
    EXPECT_GE(compared, 2 * bySku[0].size()) << "at least category and colour of each product";
}

TEST(TaggerClients, TheFactoryMakesEachTaggerOrSaysWhatSettingIsMissing) {
    QNetworkAccessManager network;
    HttpClient http(&network);
    TaggerSettings settings;
    auto made = makeTagger(TaggerKind::Ximilar, settings, &http);
    ASSERT_FALSE(made.ok());
    EXPECT_TRUE(made.error().message.contains(QStringLiteral("TAGDESK_XIMILAR_URL")))
        << made.error().message.toStdString();

    settings.ximilar.url = QUrl(QStringLiteral("https://api.ximilar.com"));
    made = makeTagger(TaggerKind::Ximilar, settings, &http);
    ASSERT_FALSE(made.ok());
    EXPECT_TRUE(made.error().message.contains(QStringLiteral("TAGDESK_XIMILAR_KEY")))
        << made.error().message.toStdString();
    EXPECT_TRUE(made.error().message.contains(QStringLiteral("Settings")));

    settings.pixyle.url = QUrl(QStringLiteral("http://pixyle.example.com"));
    settings.pixyle.email = QStringLiteral("a@b.c");
    settings.pixyle.password = QStringLiteral("p");
    made = makeTagger(TaggerKind::Pixyle, settings, &http);
    ASSERT_FALSE(made.ok()) << "no password over plain http to another machine";
    EXPECT_TRUE(made.error().message.contains(QStringLiteral("plain http")));
    settings.pixyle.url = QUrl(QStringLiteral("https://api.pixyle.ai"));
    made = makeTagger(TaggerKind::Pixyle, settings, &http);
    ASSERT_TRUE(made.ok()) << made.error().message.toStdString();
    EXPECT_FALSE(made.value()->settingsKey().contains(QStringLiteral("a@b.c")));
    EXPECT_FALSE(made.value()->settingsKey().contains(QStringLiteral("|p")));

    settings.ximilar.key = QStringLiteral("secret-key");
    settings.ximilar.profile = QStringLiteral("shop-profile");
    made = makeTagger(TaggerKind::Ximilar, settings, &http);
    ASSERT_TRUE(made.ok()) << made.error().message.toStdString();
    EXPECT_FALSE(made.value()->settingsKey().contains(QStringLiteral("secret-key")));
    EXPECT_TRUE(made.value()->settingsKey().contains(QStringLiteral("shop-profile")));

    // Ollama on this machine needs no key.
    settings.openAi.url = QUrl(QStringLiteral("http://localhost:11434"));
    settings.openAi.model = QStringLiteral("qwen2.5vl:7b");
    made = makeTagger(TaggerKind::OpenAi, settings, &http);
    ASSERT_TRUE(made.ok()) << made.error().message.toStdString();
    const QString ollamaKey = made.value()->settingsKey();
    settings.openAi.model = QStringLiteral("llava:13b");
    EXPECT_NE(makeTagger(TaggerKind::OpenAi, settings, &http).value()->settingsKey(), ollamaKey)
        << "another model gives other answers";
    settings.openAi.url = QUrl(QStringLiteral("https://api.openai.com"));
    made = makeTagger(TaggerKind::OpenAi, settings, &http);
    ASSERT_FALSE(made.ok());
    EXPECT_TRUE(made.error().message.contains(QStringLiteral("TAGDESK_OPENAI_KEY")));
}

namespace {
// The value at `path` in a JSON document: object keys, or array indexes written as digits.
QJsonValue at(QJsonValue v, std::initializer_list<const char *> path) {
    for (const char *step : path) {
        bool index = false;
        const int i = QByteArray(step).toInt(&index);
        v = index ? v.toArray().at(i) : v.toObject().value(QLatin1String(step));
    }
    return v;
}
} // namespace

// What Tagdesk sends is checked here, on a stand-in that keeps each request's body, and how
// a known answer maps onto suggestions: nothing in these depends on what a photo shows.

TEST(OpenAiTagger, SendsEachImageAsItIsWithAStrictSchemaOfTheAttributesItAsksFor) {
    QList<QJsonObject> bodies;
    QList<QByteArray> authorizations;
    // The model's answer: a dress in navy, sure of both; nothing else it could tell.
    const auto answerTo = [](const QJsonObject &schema) {
        QJsonObject answer;
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it) {
            QJsonValue value = QJsonValue::Null;
            double confidence = 0.0;
            if (it.key() == attributes::category) {
                value = QStringLiteral("dress");
                confidence = 0.91;
            } else if (it.key() == attributes::colour) {
                value = QStringLiteral("navy");
                confidence = 0.8;
            }
            answer.insert(it.key(), QJsonObject{{it.key(), value},
                                                {QStringLiteral("confidence"), confidence}});
        }
        return QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact));
    };
    FakeProvider model([&](const QHttpServerRequest &r) {
        const QJsonObject body = QJsonDocument::fromJson(r.body()).object();
        bodies << body;
        authorizations << r.value("Authorization");
        return completion(
            answerTo(at(body, {"response_format", "json_schema", "schema"}).toObject()));
    });
    QNetworkAccessManager network;
    HttpClient http(&network);
    OpenAiTagger tagger(openAiSettings(model.baseUrl()), &http);
    const QList<TaggerImage> images = imagesOf(onePhotoPerLabel().mid(0, 3));
    const auto answers = await(tagger.analyse(images));
    ASSERT_TRUE(answers.ok()) << answers.error().message.toStdString();

    // One image a request, with the model chosen, the key, and no randomness.
    ASSERT_EQ(bodies.size(), images.size());
    for (int i = 0; i < bodies.size(); ++i) {
        const QJsonObject &body = bodies[i];
        EXPECT_EQ(authorizations[i], "Bearer " + credentials.openAiKey.toUtf8());
        EXPECT_EQ(body.value(QLatin1String("model")).toString(), QStringLiteral("sandbox-vision"));
        EXPECT_EQ(body.value(QLatin1String("temperature")).toDouble(-1), 0.0);
        const QJsonArray content = at(body, {"messages", "0", "content"}).toArray();
        QList<QJsonObject> pictures;
        for (const QJsonValue &part : content)
            if (part.toObject().value(QLatin1String("type")).toString() ==
                QLatin1String("image_url"))
                pictures << part.toObject().value(QLatin1String("image_url")).toObject();
        ASSERT_EQ(pictures.size(), 1);
        // The cached file as it is, as a JPEG data URI, at the low detail a tag needs.
        const QString url = pictures[0].value(QLatin1String("url")).toString();
        const QString prefix = QStringLiteral("data:image/jpeg;base64,");
        ASSERT_TRUE(url.startsWith(prefix)) << url.left(40).toStdString();
        EXPECT_EQ(QByteArray::fromBase64(url.mid(prefix.size()).toLatin1()), images[i].bytes);
        EXPECT_EQ(pictures[0].value(QLatin1String("detail")).toString(), QStringLiteral("low"));

        // Structured output, strict: every object closed and every property required, as
        // OpenAI's strict mode demands (platform.openai.com/docs/guides/structured-outputs).
        const QJsonObject format = body.value(QLatin1String("response_format")).toObject();
        EXPECT_EQ(format.value(QLatin1String("type")).toString(), QStringLiteral("json_schema"));
        EXPECT_TRUE(at(format, {"json_schema", "strict"}).toBool());
        const QJsonObject schema = at(format, {"json_schema", "schema"}).toObject();
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        QStringList required;
        for (const QJsonValue &r : schema.value(QLatin1String("required")).toArray())
            required << r.toString();
        const QStringList asked = properties.keys();
        EXPECT_EQ(QSet<QString>(required.begin(), required.end()),
                  QSet<QString>(asked.begin(), asked.end()));
        EXPECT_FALSE(schema.value(QLatin1String("additionalProperties")).toBool(true));
        for (const QString &attribute : {attributes::category, attributes::colour,
                                         attributes::pattern, attributes::sleeveLength}) {
            const QJsonObject entry = properties.value(attribute).toObject();
            ASSERT_FALSE(entry.isEmpty()) << attribute.toStdString() << " is asked for";
            EXPECT_FALSE(entry.value(QLatin1String("additionalProperties")).toBool(true));
            EXPECT_EQ(entry.value(QLatin1String("required")).toArray().size(), 2);
        }
        const QJsonArray categories =
            at(properties, {"category", "properties", "category", "enum"}).toArray();
        EXPECT_TRUE(categories.contains(QStringLiteral("dress")));
        EXPECT_FALSE(categories.contains(QStringLiteral("spaceship")));
    }

    // The answer maps to exactly what it said, with its confidence, on its own image.
    for (int i = 0; i < images.size(); ++i) {
        ASSERT_TRUE(answers->at(i).ok()) << answers->at(i).error().message.toStdString();
        const QList<Suggestion> &suggestions = answers->at(i)->suggestions;
        ASSERT_EQ(suggestions.size(), 3)
            << "category, colour and the Shopify category; null means unsaid, not a suggestion";
        const Suggestion *shopifyCategory = find(suggestions, attributes::shopifyCategory);
        ASSERT_NE(shopifyCategory, nullptr);
        EXPECT_EQ(shopifyCategory->value,
                  QStringLiteral("Apparel & Accessories > Clothing > Dresses"));
        const Suggestion *category = find(suggestions, attributes::category);
        const Suggestion *colour = find(suggestions, attributes::colour);
        ASSERT_NE(category, nullptr);
        ASSERT_NE(colour, nullptr);
        EXPECT_EQ(category->value, QStringLiteral("dress"));
        EXPECT_DOUBLE_EQ(category->confidence, 0.91);
        EXPECT_EQ(colour->value, QStringLiteral("navy"));
        EXPECT_DOUBLE_EQ(colour->confidence, 0.8);
        EXPECT_EQ(colour->sourceImageId, images[i].mediaId);
    }
}

TEST(OpenAiTagger, AsksAProductInAShopifyCategoryInTheTaxonomysOwnValues) {
    QList<QJsonObject> schemas;
    // The model's answer: what the test sets, null for everything else.
    QJsonObject said;
    FakeProvider model([&](const QHttpServerRequest &r) {
        const QJsonObject body = QJsonDocument::fromJson(r.body()).object();
        const QJsonObject schema =
            at(body, {"response_format", "json_schema", "schema"}).toObject();
        schemas << schema;
        QJsonObject answer;
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it)
            answer.insert(it.key(), said.contains(it.key())
                                        ? said.value(it.key())
                                        : QJsonObject{{it.key(), QJsonValue::Null},
                                                      {QStringLiteral("confidence"), 0.0}});
        return completion(QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)));
    });
    QNetworkAccessManager network;
    HttpClient http(&network);
    OpenAiTagger tagger(openAiSettings(model.baseUrl()), &http);
    const auto entry = [](const QString &attribute, const QString &value, double confidence) {
        return QJsonObject{{attribute, value}, {QStringLiteral("confidence"), confidence}};
    };
    const QString dresses = QStringLiteral("Apparel & Accessories > Clothing > Dresses");
    const QString skirts = QStringLiteral("Apparel & Accessories > Clothing > Skirts");
    said = {
        {attributes::category, entry(attributes::category, QStringLiteral("dress"), 0.9)},
        {attributes::shopifyCategory, entry(attributes::shopifyCategory, skirts, 0.7)},
        {attributes::colour, entry(attributes::colour, QStringLiteral("Navy"), 0.8)},
        {attributes::pattern, entry(attributes::pattern, QStringLiteral("Solid"), 0.85)},
        {attributes::sleeveLength, entry(attributes::sleeveLength, QStringLiteral("Cap"), 0.6)}};

    TaggerImage image = imagesOf(onePhotoPerLabel().mid(0, 1)).first();
    image.categoryId = QStringLiteral("gid://shopify/TaxonomyCategory/aa-1-4");
    const auto answers = await(tagger.analyse({image}));
    ASSERT_TRUE(answers.ok()) << answers.error().message.toStdString();
    ASSERT_EQ(schemas.size(), 1);

    // The schema lists Shopify's values for what a dress has, and its neighbours as categories.
    const QJsonObject properties = schemas[0].value(QLatin1String("properties")).toObject();
    const auto allowed = [&](const QString &attribute) {
        QStringList values;
        for (const QJsonValue &v : at(properties, {attribute.toUtf8().constData(), "properties",
                                                   attribute.toUtf8().constData(), "enum"})
                                       .toArray())
            if (v.isString())
                values << v.toString();
        return values;
    };
    EXPECT_EQ(allowed(attributes::colour).size(), 19);
    EXPECT_TRUE(allowed(attributes::colour).contains(QStringLiteral("Navy")));
    EXPECT_FALSE(allowed(attributes::colour).contains(QStringLiteral("navy")));
    EXPECT_EQ(allowed(attributes::pattern).size(), 51);
    EXPECT_TRUE(allowed(attributes::material).contains(QStringLiteral("Denim")));
    EXPECT_TRUE(allowed(attributes::neckline).contains(QStringLiteral("V-neck")));
    EXPECT_TRUE(allowed(attributes::sleeveLength).contains(QStringLiteral("Spaghetti strap")));
    EXPECT_EQ(allowed(attributes::gender),
              (QStringList{QStringLiteral("women"), QStringLiteral("men"), QStringLiteral("unisex"),
                           QStringLiteral("kids")}))
        << "gender fills two taxonomy attributes and keeps its own words";
    const QStringList categories = allowed(attributes::shopifyCategory);
    ASSERT_FALSE(categories.isEmpty());
    EXPECT_EQ(categories.first(), dresses) << "the shop's own category comes first";
    EXPECT_TRUE(categories.contains(skirts));
    EXPECT_LE(categories.size(), 40);
    const QStringList required = [&] {
        QStringList r;
        for (const QJsonValue &v : schemas[0].value(QLatin1String("required")).toArray())
            r << v.toString();
        return r;
    }();
    EXPECT_TRUE(required.contains(attributes::shopifyCategory)) << "strict mode needs it";

    // The answer keeps the taxonomy's spelling of the category, and the model's own choice of
    // it leads; the garment word's category stays as an alternative.
    ASSERT_TRUE(answers->at(0).ok()) << answers->at(0).error().message.toStdString();
    const QList<Suggestion> &suggestions = answers->at(0)->suggestions;
    const Suggestion *category = find(suggestions, attributes::shopifyCategory);
    ASSERT_NE(category, nullptr);
    EXPECT_EQ(category->value, skirts);
    EXPECT_DOUBLE_EQ(category->confidence, 0.7);
    ASSERT_FALSE(category->alternatives.isEmpty());
    EXPECT_EQ(category->alternatives.first().value, dresses);
    const Suggestion *colour = find(suggestions, attributes::colour);
    ASSERT_NE(colour, nullptr);
    EXPECT_EQ(colour->value, QStringLiteral("navy"));
    const Suggestion *sleeves = find(suggestions, attributes::sleeveLength);
    ASSERT_NE(sleeves, nullptr);
    EXPECT_EQ(sleeves->value, QStringLiteral("cap"));
    auto again = tagger.interpret(answers->at(0)->raw, image.mediaId);
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_EQ(again.value(), suggestions) << "a stored answer reads back the same";

    // A value outside the category's list is that image's error, naming it.
    said.insert(attributes::colour, entry(attributes::colour, QStringLiteral("navy blue"), 0.8));
    const auto wrong = await(tagger.analyse({image}));
    ASSERT_TRUE(wrong.ok());
    ASSERT_FALSE(wrong->at(0).ok());
    EXPECT_TRUE(wrong->at(0).error().message.contains(QStringLiteral("'navy blue'")))
        << wrong->at(0).error().message.toStdString();

    // Answers are kept per question: each category's apart, none's under the settings alone.
    EXPECT_EQ(tagger.answerKey({}), tagger.settingsKey());
    EXPECT_EQ(tagger.answerKey(QStringLiteral("no-such-category")), tagger.settingsKey());
    EXPECT_NE(tagger.answerKey(QStringLiteral("aa-1-4")), tagger.settingsKey());
    EXPECT_NE(tagger.answerKey(QStringLiteral("aa-1-4")),
              tagger.answerKey(QStringLiteral("aa-1-15")));
    EXPECT_EQ(tagger.answerKey(QStringLiteral("aa-1-4")),
              tagger.answerKey(QStringLiteral("gid://shopify/TaxonomyCategory/aa-1-4")));
}

TEST(XimilarTagger, SendsAtMostTenRecordsACallEachTheImageItselfUnderItsMediaId) {
    // Each record is answered with the documentation's real record, its `_id` echoed.
    const QJsonObject example =
        ximilar::records(
            QJsonDocument::fromJson(testFile(QStringLiteral("ximilar-collectibles-sport_id-docs-"
                                                            "example-response.json")))
                .object())
            .value(0);
    ASSERT_FALSE(example.isEmpty());
    QList<QJsonArray> calls;
    FakeProvider ximilarServer([&](const QHttpServerRequest &r) {
        const QJsonArray records =
            QJsonDocument::fromJson(r.body()).object().value(QLatin1String("records")).toArray();
        calls << records;
        QJsonArray answered;
        for (const QJsonValue &record : records) {
            QJsonObject a = example;
            a.insert(QStringLiteral("_id"), record.toObject().value(QLatin1String("_id")));
            answered.append(a);
        }
        return json({{QStringLiteral("records"), answered},
                     {QStringLiteral("status"),
                      QJsonObject{{QStringLiteral("code"), 200},
                                  {QStringLiteral("text"), QStringLiteral("OK")}}}});
    });
    QNetworkAccessManager network;
    HttpClient http(&network);
    XimilarTagger tagger({QUrl(ximilarServer.baseUrl()), QStringLiteral("k"), {}, 1}, &http);
    const QStringList photos = sandbox::photoNames().mid(0, 23);
    const QList<TaggerImage> images = imagesOf(photos);
    const auto answers = await(tagger.analyse(images));
    ASSERT_TRUE(answers.ok()) << answers.error().message.toStdString();

    QList<int> sizes;
    QStringList ids;
    for (const QJsonArray &records : calls) {
        sizes << int(records.size());
        for (const QJsonValue &v : records) {
            const QJsonObject record = v.toObject();
            ids << record.value(QLatin1String("_id")).toString();
            const int i = int(ids.size()) - 1;
            ASSERT_LT(i, images.size());
            EXPECT_EQ(QByteArray::fromBase64(
                          record.value(QLatin1String("_base64")).toString().toLatin1()),
                      images[i].bytes)
                << "record " << i << " is its image, in order";
        }
    }
    EXPECT_EQ(sizes, (QList<int>{10, 10, 3})) << "Ximilar takes at most ten records a call";
    ASSERT_EQ(ids.size(), images.size());
    const auto expected = tagger.interpret(QJsonDocument(example).toJson(), QString());
    ASSERT_TRUE(expected.ok());
    for (int i = 0; i < images.size(); ++i) {
        EXPECT_EQ(ids[i], images[i].mediaId);
        ASSERT_TRUE(answers->at(i).ok());
        // The same record gives the same suggestions, each on the image it answered.
        QList<Suggestion> want = expected.value();
        for (Suggestion &s : want)
            s.sourceImageId = images[i].mediaId;
        EXPECT_EQ(answers->at(i)->suggestions, want);
    }
}
