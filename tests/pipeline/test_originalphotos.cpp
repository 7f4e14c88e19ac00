// OriginalPhotos against the sandbox over loopback: an original is fetched into the image
// cache once, a file that is not a picture is refused with a message and kept out of the
// cache, and an original the cache has since lost is fetched again.
#include "cache/imagecache.h"
#include "catalog/photos.h"
#include "pipeline/originalphotos.h"
#include "pipeline/sandboxfixture.h"

#include <QDirIterator>
#include <QTemporaryDir>

using namespace tagdesk;
using namespace tagdesk::test;

TEST(OriginalPhotos, FetchesAnOriginalIntoTheImageCacheOnce) {
    SandboxFixture sandbox({});
    QTemporaryDir folder;
    OriginalPhotos originals(folder.path(), std::chrono::seconds(10));
    const QString photo = sandbox::photoNames().first();
    const QString path = QStringLiteral("/_sandbox/images/") + photo;
    const QUrl url(sandbox.server.baseUrl() + path);

    auto first = await(originals.fetch(url));
    ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
    const ImageCache cache(folder.path());
    ASSERT_TRUE(cache.contains(first.value()));
    EXPECT_EQ(cache.load(first.value()).value(), sandbox::photoBytes(photo));
    auto again = await(originals.fetch(url));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.value(), first.value());
    EXPECT_EQ(sandbox.requestCount(path), 1) << "asked twice, downloaded once";

    // The cache's janitor made room: asked again, it is fetched again.
    ASSERT_TRUE(cache.remove(first.value()).ok());
    auto refetched = await(originals.fetch(url));
    ASSERT_TRUE(refetched.ok()) << refetched.error().message.toStdString();
    EXPECT_TRUE(cache.contains(refetched.value()));
    EXPECT_EQ(sandbox.requestCount(path), 2);
}

TEST(OriginalPhotos, AnAnswerThatIsNotAPictureIsRefusedAndNotCached) {
    SandboxFixture sandbox({});
    QTemporaryDir folder;
    OriginalPhotos originals(folder.path(), std::chrono::seconds(10));
    // The sandbox's statistics: JSON, with status 200.
    auto notAPicture =
        await(originals.fetch(QUrl(sandbox.server.baseUrl() + QStringLiteral("/_sandbox/stats"))));
    ASSERT_FALSE(notAPicture.ok());
    EXPECT_FALSE(notAPicture.error().message.isEmpty());
    QDirIterator files(folder.path(), QDir::Files, QDirIterator::Subdirectories);
    EXPECT_FALSE(files.hasNext()) << "nothing but pictures goes into the cache";

    auto missing = await(originals.fetch(
        QUrl(sandbox.server.baseUrl() + QStringLiteral("/_sandbox/images/no-such-photo.jpg"))));
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("HTTP 404")))
        << missing.error().message.toStdString();
}

TEST(OriginalPhotos, OfflineTheFetchEndsWithTheReason) {
    auto sandbox = std::make_unique<SandboxFixture>(sandbox::Catalog{});
    const QUrl url(sandbox->server.baseUrl() + QStringLiteral("/_sandbox/images/") +
                   sandbox::photoNames().first());
    sandbox.reset(); // the store is gone: nothing listens on its port
    QTemporaryDir folder;
    OriginalPhotos originals(folder.path(), std::chrono::seconds(10));
    auto offline = await(originals.fetch(url));
    ASSERT_FALSE(offline.ok());
    EXPECT_TRUE(offline.error().message.contains(QStringLiteral("Could not reach")))
        << offline.error().message.toStdString();
}
