#include "pipeline/productanalyser.h"

#include "domain/attribute.h"
#include "domain/taxonomyvocabulary.h"
#include "pipeline/suggestionmerge.h"
#include "storage/jobproductrepository.h"
#include "storage/suggestionrepository.h"
#include "storage/taggeranswerrepository.h"
#include "util/futures.h"

#include <QCoreApplication>

#include <algorithm>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(JobRunner)
};

// Why a product has no (or partial) suggestions; empty when every image was analysed.
QString problemsOf(const ProductWork &work, bool usable) {
    QStringList errors;
    for (const ImageWork &image : work.images) {
        if (!image.analysed && !image.error.isEmpty())
            errors << image.error;
    }
    if (work.images.isEmpty())
        return Texts::tr("Skipped: the product has no images to analyse");
    if (!usable)
        return errors.join(QStringLiteral("; "));
    if (!errors.isEmpty())
        return Texts::tr("Some images could not be used: %1")
            .arg(errors.join(QStringLiteral("; ")));
    return {};
}

// The Shopify category a tagger is asked in (TaggerImage::categoryId), for a job that files
// products in Shopify's taxonomy: the product's own unless archived, else the one its type
// or title names. Other jobs ask the general question, whose free words make better tags.
QString categoryToAskIn(const Job &job, const ProductWork &work) {
    if (!job.destinations.testFlag(Destination::Category) &&
        !job.destinations.testFlag(Destination::CategoryMetafields))
        return {};
    if (!work.product.snapshot)
        return {};
    const ProductSnapshot &product = *work.product.snapshot;
    if (!product.category.isEmpty() && !product.category.archived)
        return product.category.id;
    return vocabulary::categoryFromProductWords(product.productType, product.title).best.id;
}

QString askingKey(const ProductWork &work, const ImageWork &image) {
    return work.answerKey + QLatin1Char('\n') + image.sha256;
}
} // namespace

ProductAnalyser::ProductAnalyser(RunContext &run, QObject *parent)
    : RunStep(run, parent) {
}

void ProductAnalyser::analyse(std::shared_ptr<ProductWork> work, std::function<void()> then) {
    QStringList shas;
    for (const ImageWork &image : work->images) {
        if (!image.sha256.isEmpty())
            shas << image.sha256;
    }
    work->askedIn = categoryToAskIn(m_run.job, *work);
    work->answerKey = m_run.services.tagger->answerKey(work->askedIn);
    const QString tagger = taggerKey(m_run.services.tagger->kind());
    const QString settings = work->answerKey;
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
        [this, work, then = std::move(then)](QHash<QString, QByteArray> stored) {
            useStoredAnswers(work, stored, then);
        });
}

void ProductAnalyser::useStoredAnswers(const std::shared_ptr<ProductWork> &work,
                                       const QHash<QString, QByteArray> &stored,
                                       std::function<void()> then) {
    // An answer already paid for is read again, never asked for twice.
    QList<int> missing;
    for (int i = 0; i < work->images.size(); ++i) {
        ImageWork &image = work->images[i];
        if (image.sha256.isEmpty())
            continue;
        const auto raw = stored.constFind(image.sha256);
        if (raw == stored.cend()) {
            missing << i;
            continue;
        }
        auto suggestions = m_run.services.tagger->interpret(*raw, image.media.id);
        if (suggestions) {
            image.suggestions = suggestions.value();
            image.analysed = true;
        } else {
            missing << i; // a damaged stored answer is asked for again
        }
    }
    // Two products with the same photo analysed at once would both miss the stored answers
    // and pay twice: the second waits for the first's answer, then looks again.
    for (int i : std::as_const(missing)) {
        auto asking = m_asking.find(askingKey(*work, work->images[i]));
        if (asking != m_asking.end()) {
            asking->append([this, work, then = std::move(then)] { analyse(work, then); });
            return;
        }
    }
    for (int i : std::as_const(missing)) {
        const QString key = askingKey(*work, work->images[i]);
        if (!m_asking.contains(key))
            m_asking.insert(key, {});
    }
    callTagger(work, missing, std::move(then));
}

void ProductAnalyser::answered(const ProductWork &work, const QList<int> &images) {
    for (int i : images) {
        const QList<std::function<void()>> waiting = m_asking.take(askingKey(work, work.images[i]));
        for (const auto &lookAgain : waiting)
            lookAgain();
    }
}

void ProductAnalyser::callTagger(std::shared_ptr<ProductWork> work, QList<int> missing,
                                 std::function<void()> then) {
    if (missing.isEmpty())
        return finish(work, std::move(then));
    whenTaggerFree([this, work, missing = std::move(missing), then = std::move(then)] {
        askTagger(work, missing, then);
    });
}

void ProductAnalyser::whenTaggerFree(std::function<void()> call) {
    if (m_taggerCalls < std::max(1, m_run.services.tagger->concurrency())) {
        ++m_taggerCalls;
        return call();
    }
    m_waitingForTagger.append(std::move(call));
}

void ProductAnalyser::releaseTaggerCall() {
    --m_taggerCalls;
    if (m_run.stopped) {
        m_waitingForTagger.clear(); // the run is over: nothing waiting will be asked
        return;
    }
    if (!m_waitingForTagger.isEmpty()) {
        ++m_taggerCalls;
        m_waitingForTagger.takeFirst()();
    }
}

void ProductAnalyser::askTagger(std::shared_ptr<ProductWork> work, QList<int> missing,
                                std::function<void()> then) {
    Tagger *tagger = m_run.services.tagger;
    const QList<int> chunk = missing.mid(0, std::max(1, tagger->maxImagesPerCall()));
    const QList<int> rest = missing.mid(chunk.size());
    QList<TaggerImage> images;
    for (int i : chunk) {
        const ImageWork &image = work->images[i];
        auto bytes = m_run.services.images->load(image.sha256);
        images.append({image.media.id, image.sha256, bytes ? bytes.value() : QByteArray(),
                       QString(), work->askedIn});
    }
    whenFinished(this, tagger->analyse(images),
                 [this, work, chunk, rest,
                  then = std::move(then)](const Result<QList<Result<TaggerAnswer>>> &answers) {
                     releaseTaggerCall();
                     if (m_run.stopped)
                         return;
                     // The whole call failed: no credits, wrong key, service unreachable. That
                     // stops the job with the provider's reason; it resumes when run again.
                     if (!answers)
                         return m_run.stop(answers.error());
                     storeAnswers(work, chunk, answers.value(), [this, work, chunk, rest, then] {
                         answered(*work, chunk);
                         callTagger(work, rest, then);
                     });
                 });
}

void ProductAnalyser::storeAnswers(const std::shared_ptr<ProductWork> &work,
                                   const QList<int> &chunk,
                                   const QList<Result<TaggerAnswer>> &answers,
                                   std::function<void()> next) {
    QList<std::pair<QString, QByteArray>> toStore;
    for (int k = 0; k < chunk.size() && k < answers.size(); ++k) {
        ImageWork &image = work->images[chunk[k]];
        const Result<TaggerAnswer> &answer = answers.at(k);
        if (!answer) {
            image.error = answer.error().message;
            continue;
        }
        image.suggestions = answer->suggestions;
        image.analysed = true;
        toStore.append({image.sha256, answer->raw});
    }
    const QString tagger = taggerKey(m_run.services.tagger->kind());
    const QString settings = work->answerKey;
    write<bool>(
        [toStore, tagger, settings](Connection &conn) -> Result<bool> {
            TaggerAnswerRepository answers(conn);
            for (const auto &[sha, raw] : toStore) {
                if (auto saved = answers.save(tagger, settings, sha, raw); !saved)
                    return saved.error();
            }
            return true;
        },
        [next = std::move(next)](bool) { next(); });
}

namespace {
// A tagger that names no garment (the local colour analyser) still leaves a product with a
// Shopify category to review when its own type or title names one: less sure than a tagger
// that saw the garment, and said to come from the product's words, not an image.
void addCategoryFromProductWords(QList<Suggestion> &suggestions, const ProductSnapshot &product,
                                 const QStringList &wanted) {
    if (!attributes::isWanted(wanted, attributes::shopifyCategory) ||
        std::any_of(suggestions.begin(), suggestions.end(),
                    [](const Suggestion &s) { return s.attribute == attributes::shopifyCategory; }))
        return;
    const CategoryMatch match =
        vocabulary::categoryFromProductWords(product.productType, product.title);
    if (!match.matched())
        return;
    const bool fromType = vocabulary::matchCategory(product.productType).matched();
    Suggestion s;
    s.attribute = attributes::shopifyCategory;
    s.value = match.best.fullName;
    s.confidence = fromType ? 0.5 : 0.35;
    s.providerLabel = fromType ? Texts::tr("type “%1”").arg(product.productType)
                               : Texts::tr("title “%1”").arg(product.title);
    for (const TaxonomyCategoryChoice &nearby : match.alternatives)
        s.alternatives.append({nearby.fullName, s.confidence / 2});
    suggestions.append(s);
}
} // namespace

void ProductAnalyser::finish(const std::shared_ptr<ProductWork> &work, std::function<void()> then) {
    QList<QList<Suggestion>> perImage;
    for (const ImageWork &image : work->images) {
        if (image.analysed)
            perImage.append(image.suggestions);
    }
    const bool usable = !perImage.isEmpty();
    const QString error = problemsOf(*work, usable);
    QList<Suggestion> suggestions = mergeSuggestions(perImage, m_run.job.attributes);
    // Only for a job that writes the category: elsewhere a guess from words would be one
    // more value to review, and the least sure one (approving "all above 60 %" weighs it).
    if (usable && work->product.snapshot && m_run.job.destinations.testFlag(Destination::Category))
        addCategoryFromProductWords(suggestions, *work->product.snapshot, m_run.job.attributes);
    const qint64 id = m_run.jobId;
    const QString productId = work->product.productId;
    const ProductProgress &was = work->product.progress;
    // A product with no images is skipped, not failed: there was nothing to analyse.
    const PipelineStage stage = usable                   ? PipelineStage::Analysed
                                : work->images.isEmpty() ? PipelineStage::Skipped
                                                         : PipelineStage::Failed;
    const ProductProgress next{stage, was.review, was.sync};
    write<bool>(
        [id, productId, suggestions, next, error](Connection &conn) -> Result<bool> {
            if (auto saved = SuggestionRepository(conn).replace(id, productId, suggestions); !saved)
                return saved.error();
            return succeeded(JobProductRepository(conn).setProgress(id, productId, next, error));
        },
        [this, then = std::move(then)](bool) {
            m_run.progress.advance();
            then();
        });
}

} // namespace tagdesk
