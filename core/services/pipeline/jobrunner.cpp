#include "pipeline/jobrunner.h"

#include "domain/attribute.h"
#include "pipeline/imagecachejanitor.h"
#include "storage/imagerepository.h"
#include "storage/jobproductrepository.h"
#include "storage/jobrepository.h"
#include "storage/suggestionrepository.h"
#include "storage/taggeranswerrepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(JobRunner)
};

constexpr int batchSize = 64;

// Writer tasks return a value; a step that only succeeds or fails returns `true`.
Result<bool> succeeded(const Status &status) {
    return status ? Result<bool>(true) : Result<bool>(status.error());
}

// One product's images as the analysis step sees them.
struct ImageWork {
    MediaImage media;
    QString sha256;
    QString error;
    QList<Suggestion> suggestions;
    bool analysed = false;
};

// Best value per attribute across a product's images; the others become alternatives.
QList<Suggestion> mergeSuggestions(const QList<QList<Suggestion>> &perImage,
                                   const QStringList &wanted) {
    QStringList order;
    QHash<QString, Suggestion> best;
    QHash<QString, QHash<QString, double>> others;
    for (const QList<Suggestion> &list : perImage) {
        for (const Suggestion &s : list) {
            if (!wanted.isEmpty() && !wanted.contains(s.attribute))
                continue;
            if (!best.contains(s.attribute)) {
                order << s.attribute;
                best.insert(s.attribute, s);
            } else if (s.confidence > best[s.attribute].confidence) {
                others[s.attribute][best[s.attribute].value] =
                    std::max(others[s.attribute].value(best[s.attribute].value),
                             best[s.attribute].confidence);
                best[s.attribute] = s;
            } else if (s.value != best[s.attribute].value) {
                others[s.attribute][s.value] =
                    std::max(others[s.attribute].value(s.value), s.confidence);
            }
            for (const Alternative &a : s.alternatives)
                others[s.attribute][a.value] =
                    std::max(others[s.attribute].value(a.value), a.confidence);
        }
    }
    QList<Suggestion> out;
    for (const QString &attribute : order) {
        Suggestion s = best.value(attribute);
        QList<Alternative> alternatives;
        const auto &alts = others.value(attribute);
        for (auto it = alts.cbegin(); it != alts.cend(); ++it) {
            if (it.key() != s.value)
                alternatives.append({it.key(), it.value()});
        }
        std::sort(
            alternatives.begin(), alternatives.end(),
            [](const Alternative &a, const Alternative &b) { return a.confidence > b.confidence; });
        s.alternatives = alternatives;
        out.append(s);
    }
    return out;
}
} // namespace

QString JobProgress::describe() const {
    QString what;
    switch (phase) {
    case Phase::Starting:
        return Texts::tr("Starting");
    case Phase::Listing:
        what = Texts::tr("Listing products");
        break;
    case Phase::Fetching:
        what = Texts::tr("Fetching products");
        break;
    case Phase::Downloading:
        what = Texts::tr("Downloading images");
        break;
    case Phase::Analysing:
        what = Texts::tr("Analysing");
        break;
    case Phase::Pushing:
        what = Texts::tr("Pushing to Shopify");
        break;
    case Phase::Reverting:
        what = Texts::tr("Reverting");
        break;
    case Phase::Finished:
        return Texts::tr("Finished");
    }
    QString text = total > 0 ? Texts::tr("%1: %2 of %3").arg(what).arg(done).arg(total)
                             : Texts::tr("%1: %2").arg(what).arg(done);
    if (perSecond > 0)
        text += Texts::tr(", %1/s").arg(perSecond, 0, 'f', perSecond < 10 ? 1 : 0);
    if (secondsLeft >= 0)
        text += Texts::tr(", about %1 left")
                    .arg(secondsLeft >= 120 ? Texts::tr("%1 min").arg((secondsLeft + 30) / 60)
                                            : Texts::tr("%1 s").arg(secondsLeft));
    return text;
}

JobRunner::JobRunner(RunnerServices services, qint64 jobId, QObject *parent)
    : QObject(parent)
    , m_s(services)
    , m_jobId(jobId) {
}

template <typename T>
void JobRunner::write(std::function<Result<T>(Connection &)> task, std::function<void(T)> next) {
    m_s.writer->submit<T>(std::move(task))
        .then(this, [this, next = std::move(next)](const Result<T> &r) {
            if (m_stopped)
                return;
            if (!r)
                return storeFailed(r.error());
            next(r.value());
        });
}

void JobRunner::start() {
    begin();
}

void JobRunner::cancel() {
    m_cancelled = true;
}

void JobRunner::begin() {
    struct Begun {
        Job job;
        int stored = 0;
    };
    const qint64 id = m_jobId;
    write<Begun>(
        [id](Connection &conn) -> Result<Begun> {
            JobRepository jobs(conn);
            auto job = jobs.find(id);
            if (!job)
                return job.error();
            // A kill mid-step left products marked as in progress: do those steps again.
            if (auto reset = JobProductRepository(conn).resetInterrupted(id); !reset)
                return reset.error();
            if (auto set = jobs.setRunState(id, true, QString()); !set)
                return set.error();
            auto count = JobProductRepository(conn).count(id);
            if (!count)
                return count.error();
            Begun b{job.value(), count.value()};
            b.job.runRequested = true;
            b.job.fatalError.clear();
            return b;
        },
        [this](Begun begun) {
            m_job = begun.job;
            m_position = begun.stored; // listing resumes after the products already stored
            enterPhase(JobProgress::Phase::Listing, 0);
            chooseListing();
        });
}

// While a bulk listing is under way the job's cursor holds this marker, so a run that
// was interrupted lists in bulk again rather than page by page.
static const QString bulkMarker = QStringLiteral("bulk");

void JobRunner::chooseListing() {
    if (m_job.listingDone || m_job.selection.kind == ProductSelection::Kind::Products)
        return listPage();
    if (m_job.listingCursor == bulkMarker)
        return listInBulk();
    if (!m_job.listingCursor.isEmpty())
        return listPage(); // resuming a paged listing
    m_s.shopify->countProducts(m_job.selection.shopifySearchQuery())
        .then(this, [this](const Result<qint64> &count) {
            if (m_stopped)
                return;
            if (!count)
                return stop(count.error());
            m_progress.total = count.value();
            emit progress(m_progress);
            if (count.value() > m_s.bulkThreshold)
                return listInBulk();
            listPage();
        });
}

void JobRunner::listInBulk() {
    const qint64 id = m_jobId;
    write<bool>(
        [id](Connection &conn) -> Result<bool> {
            return succeeded(JobRepository(conn).setListing(id, bulkMarker, false));
        },
        [this](bool) {
            m_job.listingCursor = bulkMarker;
            m_s.shopify->startProductsBulkQuery(m_job.selection.shopifySearchQuery())
                .then(this, [this](const Result<QString> &operation) {
                    if (m_stopped)
                        return;
                    if (!operation)
                        return stop(operation.error());
                    pollBulk(operation.value());
                });
        });
}

void JobRunner::pollBulk(const QString &operationId) {
    if (m_cancelled)
        return complete();
    m_s.shopify->bulkOperation(operationId)
        .then(this, [this, operationId](const Result<BulkOperationStatus> &op) {
            if (m_stopped)
                return;
            if (!op)
                return stop(op.error());
            if (!op->finished()) {
                m_progress.done = op->objectCount;
                stepDone();
                QTimer::singleShot(m_s.bulkPollMs, this,
                                   [this, operationId] { pollBulk(operationId); });
                return;
            }
            if (op->status != QLatin1String("COMPLETED"))
                return stop(
                    Error::failed(Texts::tr("Shopify's bulk export of the products ended %1 (%2)")
                                      .arg(op->status.toLower(), op->errorCode.isEmpty()
                                                                     ? Texts::tr("no reason given")
                                                                     : op->errorCode)));
            readBulk(op->url);
        });
}

void JobRunner::readBulk(const QUrl &url) {
    const qint64 id = m_jobId;
    auto finishListing = [this, id] {
        write<bool>(
            [id](Connection &conn) -> Result<bool> {
                return succeeded(JobRepository(conn).setListing(id, QString(), true));
            },
            [this](bool) {
                m_job.listingCursor.clear();
                m_job.listingDone = true;
                fetchPending();
            });
    };
    if (url.isEmpty())
        return finishListing(); // nothing matched the selection

    // Products are stored in batches as the file streams in; the batch is the only
    // thing held in memory.
    constexpr int storeEvery = 250;
    auto batch = std::make_shared<QList<JobProduct>>();
    auto storeBatch = [this, id, batch] {
        if (batch->isEmpty())
            return;
        const QList<JobProduct> products = std::exchange(*batch, {});
        const int n = int(products.size());
        write<bool>(
            [id, products](Connection &conn) -> Result<bool> {
                return succeeded(JobProductRepository(conn).addProducts(id, products));
            },
            [this, n](bool) {
                m_progress.done += n;
                stepDone();
            });
    };
    m_s.shopify
        ->readBulkProducts(url,
                           [this, batch, storeBatch](ProductSnapshot snapshot) {
                               JobProduct p;
                               p.productId = snapshot.id;
                               p.title = snapshot.title;
                               p.position = m_position++;
                               p.progress.stage = PipelineStage::Fetched;
                               p.snapshot = std::move(snapshot);
                               batch->append(std::move(p));
                               if (batch->size() >= storeEvery)
                                   storeBatch();
                           })
        .then(this, [this, storeBatch, finishListing](const Result<qint64> &read) {
            if (m_stopped)
                return;
            if (!read)
                return stop(read.error());
            storeBatch();
            // The writer runs tasks in order: listing is marked done after the last batch.
            finishListing();
        });
}

void JobRunner::listPage() {
    if (m_job.listingDone)
        return fetchPending();
    if (m_cancelled)
        return complete();

    if (m_job.selection.kind == ProductSelection::Kind::Products) {
        // Picked by hand: the ids are the list; each product is fetched on its own.
        QList<JobProduct> picked;
        for (const QString &id : m_job.selection.productIds) {
            JobProduct p;
            p.productId = id;
            p.position = int(picked.size());
            picked.append(p);
        }
        const qint64 id = m_jobId;
        write<bool>(
            [id, picked](Connection &conn) -> Result<bool> {
                if (auto added = JobProductRepository(conn).addProducts(id, picked); !added)
                    return added.error();
                if (auto listed = JobRepository(conn).setListing(id, QString(), true); !listed)
                    return listed.error();
                return true;
            },
            [this](bool) {
                m_job.listingDone = true;
                fetchPending();
            });
        return;
    }

    // A page of the selection comes with every field we need: listing is fetching.
    const QString query = m_job.selection.shopifySearchQuery();
    m_s.shopify->productsPage(query, m_job.listingCursor, m_s.pageSize)
        .then(this, [this](const Result<ProductPage> &page) {
            if (m_stopped)
                return;
            if (!page)
                return stop(page.error());
            QList<JobProduct> products;
            for (const ProductSnapshot &snapshot : page->products) {
                JobProduct p;
                p.productId = snapshot.id;
                p.title = snapshot.title;
                p.position = m_position++;
                p.progress.stage = PipelineStage::Fetched;
                p.snapshot = snapshot;
                products.append(p);
            }
            const qint64 id = m_jobId;
            const QString cursor = page->endCursor;
            const bool done = !page->hasNextPage;
            const int count = int(products.size());
            // The page and the cursor after it are stored together: a kill between
            // pages resumes with the next page, never repeats or skips one.
            write<bool>(
                [id, products, cursor, done](Connection &conn) -> Result<bool> {
                    if (auto added = JobProductRepository(conn).addProducts(id, products); !added)
                        return added.error();
                    if (auto listed = JobRepository(conn).setListing(id, cursor, done); !listed)
                        return listed.error();
                    return true;
                },
                [this, cursor, done, count](bool) {
                    m_job.listingCursor = cursor;
                    m_job.listingDone = done;
                    m_progress.done += count;
                    stepDone();
                    listPage();
                });
        });
}

void JobRunner::fetchPending() {
    if (m_cancelled)
        return complete();
    const qint64 id = m_jobId;
    write<QList<JobProduct>>(
        [id](Connection &conn) {
            return JobProductRepository(conn).inStage(id, PipelineStage::Pending, batchSize);
        },
        [this](QList<JobProduct> pending) {
            if (pending.isEmpty())
                return analyse();
            if (m_progress.phase != JobProgress::Phase::Fetching)
                enterPhase(JobProgress::Phase::Fetching, 0);
            auto batch = std::make_shared<QList<JobProduct>>(pending);
            forEachBounded(
                int(batch->size()), m_s.parallelDownloads,
                [this, batch](int i, Step done) {
                    const JobProduct p = batch->at(i);
                    m_s.shopify->product(p.productId)
                        .then(this, [this, p,
                                     done](const Result<std::optional<ProductSnapshot>> &answer) {
                            if (m_stopped)
                                return;
                            // A store that cannot be reached stops the run; a product that
                            // is gone is that product's error only.
                            if (!answer)
                                return stop(answer.error());
                            const qint64 id = m_jobId;
                            const std::optional<ProductSnapshot> snapshot = answer.value();
                            write<bool>(
                                [id, p, snapshot](Connection &conn) -> Result<bool> {
                                    JobProductRepository products(conn);
                                    if (!snapshot) {
                                        return succeeded(products.setProgress(
                                            id, p.productId,
                                            {PipelineStage::Failed, p.progress.review,
                                             p.progress.sync},
                                            Texts::tr("The product no longer exists in Shopify")));
                                    }
                                    if (auto s = products.setSnapshot(id, *snapshot); !s)
                                        return s.error();
                                    return succeeded(
                                        products.setProgress(id, p.productId,
                                                             {PipelineStage::Fetched,
                                                              p.progress.review, p.progress.sync}));
                                },
                                [this, done](bool) {
                                    ++m_progress.done;
                                    stepDone();
                                    done();
                                });
                        });
                },
                [this] { fetchPending(); });
        });
}

void JobRunner::analyse() {
    if (m_cancelled)
        return complete();
    const qint64 id = m_jobId;
    if (m_toAnalyse < 0) {
        // Once per run: how many products are left to analyse, for progress and time left.
        write<ProductTally>([id](Connection &conn) { return JobProductRepository(conn).tally(id); },
                            [this](ProductTally t) {
                                m_toAnalyse = t.unanalysed;
                                analyse();
                            });
        return;
    }
    write<QList<JobProduct>>(
        [id](Connection &conn) {
            return JobProductRepository(conn).inStage(id, PipelineStage::Fetched, batchSize);
        },
        [this](QList<JobProduct> fetched) {
            if (fetched.isEmpty())
                return complete();
            if (m_progress.phase != JobProgress::Phase::Analysing)
                enterPhase(JobProgress::Phase::Analysing, m_toAnalyse);
            auto batch = std::make_shared<QList<JobProduct>>(fetched);
            forEachBounded(
                int(batch->size()), std::max(1, m_s.tagger->concurrency()),
                [this, batch](int i, Step done) { analyseProduct(batch->at(i), std::move(done)); },
                [this] { analyse(); });
        });
}

struct JobRunner::ProductWork {
    JobProduct product;
    QList<ImageWork> images;
    std::function<void()> done;
};

void JobRunner::analyseProduct(const JobProduct &product, std::function<void()> done) {
    auto work = std::make_shared<ProductWork>();
    work->product = product;
    work->done = std::move(done);
    const int wanted = m_job.imagesPerProduct;
    if (product.snapshot) {
        for (const MediaImage &m : product.snapshot->media) {
            if (work->images.size() >= wanted)
                break;
            if (m.url.isValid())
                work->images.append({m, {}, {}, {}, false});
        }
    }
    const qint64 id = m_jobId;
    const QString productId = product.productId;
    const ProductProgress analysing{PipelineStage::Analysing, product.progress.review,
                                    product.progress.sync};
    write<QList<ProductImage>>(
        [id, productId, analysing](Connection &conn) -> Result<QList<ProductImage>> {
            if (auto set = JobProductRepository(conn).setProgress(id, productId, analysing); !set)
                return set.error();
            return ImageRepository(conn).forProduct(id, productId);
        },
        [this, work](QList<ProductImage> stored) {
            // Images already in the cache from an earlier run are not downloaded again.
            for (ImageWork &image : work->images) {
                for (const ProductImage &s : stored) {
                    if (s.mediaId == image.media.id && !s.sha256.isEmpty() &&
                        m_s.images->contains(s.sha256))
                        image.sha256 = s.sha256;
                }
            }
            downloadImages(work, 0);
        });
}

void JobRunner::downloadImages(std::shared_ptr<ProductWork> work, int index) {
    while (index < work->images.size() && !work->images[index].sha256.isEmpty())
        ++index;
    if (index >= work->images.size())
        return lookUpAnswers(work);

    ImageWork &image = work->images[index];
    HttpRequest request;
    request.url = image.media.url;
    request.purpose = Texts::tr("downloading an image of %1").arg(work->product.title);
    request.maxResponseBytes = 40 * 1024 * 1024;
    m_s.http->send(request).then(this, [this, work, index](const Result<HttpResponse> &answer) {
        if (m_stopped)
            return;
        ImageWork &image = work->images[index];
        CachedImage cached;
        if (!answer)
            image.error = answer.error().message;
        else if (!answer->isSuccess())
            image.error = Texts::tr("The image server answered HTTP %1 for %2")
                              .arg(answer->status)
                              .arg(image.media.url.toDisplayString());
        else if (auto stored = m_s.images->store(answer->body); !stored)
            image.error = stored.error().message;
        else
            cached = stored.value();
        image.sha256 = cached.sha256;

        const ProductImage row{m_jobId,         work->product.productId, image.media.id, index,
                               image.media.url, cached.sha256,           image.error};
        write<bool>(
            [row, cached](Connection &conn) -> Result<bool> {
                ImageRepository images(conn);
                if (!cached.sha256.isEmpty()) {
                    if (auto r = images.recordImage(cached, QDateTime::currentDateTimeUtc()); !r)
                        return r.error();
                }
                return succeeded(images.saveProductImage(row));
            },
            [this, work, index](bool) { downloadImages(work, index + 1); });
    });
}

void JobRunner::lookUpAnswers(std::shared_ptr<ProductWork> work) {
    QStringList shas;
    for (const ImageWork &image : work->images) {
        if (!image.sha256.isEmpty())
            shas << image.sha256;
    }
    const QString tagger = taggerKey(m_s.tagger->kind());
    const QString settings = m_s.tagger->settingsKey();
    write<QHash<QString, QByteArray>>(
        [shas, tagger, settings](Connection &conn) -> Result<QHash<QString, QByteArray>> {
            QHash<QString, QByteArray> found;
            TaggerAnswerRepository answers(conn);
            for (const QString &sha : shas) {
                auto answer = answers.find(tagger, settings, sha);
                if (!answer)
                    return answer.error();
                if (answer.value())
                    found.insert(sha, *answer.value());
            }
            return found;
        },
        [this, work](QHash<QString, QByteArray> cachedAnswers) {
            // An answer already paid for is read again, never asked for twice.
            QList<int> missing;
            for (int i = 0; i < work->images.size(); ++i) {
                ImageWork &image = work->images[i];
                if (image.sha256.isEmpty())
                    continue;
                const auto raw = cachedAnswers.constFind(image.sha256);
                if (raw == cachedAnswers.cend()) {
                    missing << i;
                    continue;
                }
                auto suggestions = m_s.tagger->interpret(*raw, image.media.id);
                if (suggestions) {
                    image.suggestions = suggestions.value();
                    image.analysed = true;
                } else {
                    missing << i; // a damaged stored answer is asked for again
                }
            }
            callTagger(work, missing);
        });
}

void JobRunner::callTagger(std::shared_ptr<ProductWork> work, QList<int> missing) {
    if (missing.isEmpty())
        return finishProduct(work);
    const QList<int> chunk = missing.mid(0, std::max(1, m_s.tagger->maxImagesPerCall()));
    const QList<int> rest = missing.mid(chunk.size());
    QList<TaggerImage> images;
    for (int i : chunk) {
        ImageWork &image = work->images[i];
        auto bytes = m_s.images->load(image.sha256);
        images.append(
            {image.media.id, image.sha256, bytes ? bytes.value() : QByteArray(), QString()});
    }
    m_s.tagger->analyse(images).then(
        this, [this, work, chunk, rest](const Result<QList<Result<TaggerAnswer>>> &answers) {
            if (m_stopped)
                return;
            if (!answers) {
                // The whole call failed: no credits, wrong key, service unreachable. That
                // stops the job with the provider's reason; it resumes when run again.
                return stop(answers.error());
            }
            QList<std::tuple<QString, QByteArray>> toStore;
            for (int k = 0; k < chunk.size() && k < answers->size(); ++k) {
                ImageWork &image = work->images[chunk[k]];
                const Result<TaggerAnswer> &answer = answers->at(k);
                if (!answer) {
                    image.error = answer.error().message;
                    continue;
                }
                image.suggestions = answer->suggestions;
                image.analysed = true;
                toStore.append({image.sha256, answer->raw});
            }
            const QString tagger = taggerKey(m_s.tagger->kind());
            const QString settings = m_s.tagger->settingsKey();
            write<bool>(
                [toStore, tagger, settings](Connection &conn) -> Result<bool> {
                    TaggerAnswerRepository answers(conn);
                    for (const auto &[sha, raw] : toStore) {
                        if (auto saved = answers.save(tagger, settings, sha, raw); !saved)
                            return saved.error();
                    }
                    return true;
                },
                [this, work, rest](bool) { callTagger(work, rest); });
        });
}

void JobRunner::finishProduct(std::shared_ptr<ProductWork> work) {
    QList<QList<Suggestion>> perImage;
    QStringList errors;
    for (const ImageWork &image : work->images) {
        if (image.analysed)
            perImage.append(image.suggestions);
        else if (!image.error.isEmpty())
            errors << image.error;
    }
    const bool usable = !perImage.isEmpty();
    QString error;
    if (work->images.isEmpty())
        error = Texts::tr("This product has no images to analyse");
    else if (!usable)
        error = errors.join(QStringLiteral("; "));
    else if (!errors.isEmpty())
        error =
            Texts::tr("Some images could not be used: %1").arg(errors.join(QStringLiteral("; ")));

    const QList<Suggestion> suggestions = mergeSuggestions(perImage, m_job.attributes);
    const qint64 id = m_jobId;
    const JobProduct product = work->product;
    const ProductProgress next{usable ? PipelineStage::Analysed : PipelineStage::Failed,
                               product.progress.review, product.progress.sync};
    write<bool>(
        [id, product, suggestions, next, error](Connection &conn) -> Result<bool> {
            if (auto saved = SuggestionRepository(conn).replace(id, product.productId, suggestions);
                !saved)
                return saved.error();
            return succeeded(
                JobProductRepository(conn).setProgress(id, product.productId, next, error));
        },
        [this, work](bool) {
            ++m_progress.done;
            stepDone();
            work->done();
        });
}

void JobRunner::complete() {
    if (m_stopped)
        return;
    const qint64 id = m_jobId;
    const bool finishedAll = !m_cancelled;
    write<bool>(
        [id](Connection &conn) -> Result<bool> {
            return succeeded(JobRepository(conn).setRunState(id, false, QString()));
        },
        [this, finishedAll](bool) {
            m_stopped = true;
            if (m_s.imageCacheCapBytes > 0) {
                // Best effort: a cache that cannot be trimmed now is trimmed next time.
                (void)enforceImageCacheCap(*m_s.writer, *m_s.images, m_s.imageCacheCapBytes);
            }
            enterPhase(JobProgress::Phase::Finished, 0);
            emit finished(finishedAll ? Status{}
                                      : Status{Error::failed(Texts::tr(
                                            "Cancelled; run the job again to resume it"))});
        });
}

void JobRunner::stop(const Error &error) {
    if (m_stopped)
        return;
    m_stopped = true;
    // The reason is recorded on the job (status Error, with the message); running the
    // job again clears it and resumes where this run stopped.
    const qint64 id = m_jobId;
    m_s.writer
        ->submit<bool>([id, error](Connection &conn) -> Result<bool> {
            return succeeded(JobRepository(conn).setRunState(id, false, error.message));
        })
        .then(this, [this, error](const Result<bool> &) { emit finished(error); });
}

void JobRunner::storeFailed(const Error &error) {
    if (m_stopped)
        return;
    m_stopped = true;
    emit finished(error);
}

void JobRunner::forEachBounded(int count, int parallel, std::function<void(int, Step)> work,
                               Step then) {
    struct State {
        int next = 0;
        int running = 0;
        int count = 0;
        bool finished = false;
    };
    auto state = std::make_shared<State>();
    state->count = count;
    auto pump = std::make_shared<Step>();
    *pump = [this, state, work, then, parallel, weakPump = std::weak_ptr<Step>(pump)] {
        if (m_stopped || state->finished)
            return;
        while (state->running < parallel && state->next < state->count && !m_cancelled) {
            const int index = state->next++;
            ++state->running;
            work(index, [state, weakPump] {
                --state->running;
                if (auto p = weakPump.lock())
                    (*p)();
            });
        }
        if (state->running == 0 && (state->next >= state->count || m_cancelled)) {
            state->finished = true;
            then();
        }
    };
    m_pumps.push_back(pump); // alive as long as the runner: a handful per run
    (*pump)();
}

void JobRunner::enterPhase(JobProgress::Phase phase, qint64 total) {
    m_progress = {};
    m_progress.phase = phase;
    m_progress.total = total;
    m_phaseClock.start();
    emit progress(m_progress);
}

void JobRunner::stepDone() {
    const double seconds = m_phaseClock.elapsed() / 1000.0;
    if (seconds > 0.5)
        m_progress.perSecond = m_progress.done / seconds;
    if (m_progress.perSecond > 0 && m_progress.total > m_progress.done)
        m_progress.secondsLeft =
            qint64((m_progress.total - m_progress.done) / m_progress.perSecond);
    emit progress(m_progress);
}

} // namespace tagdesk
