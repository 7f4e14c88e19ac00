#pragma once

#include "pipeline/productwork.h"
#include "pipeline/runstep.h"

namespace tagdesk {

// Analyses a product whose images are in the cache: answers already paid for (the same
// image, tagger and settings) are read from the database, only the others are sent to the
// tagger (and its answers stored); the images' suggestions are merged into the product's,
// and the product is marked analysed, or failed with the reason. An image another product
// of the run is asking the tagger about right now (the same photo in two products) is not
// asked again: its product waits for that answer and reads it from the database.
// At most the tagger's concurrency() calls are in flight, however many products are being
// analysed: the queue keeps more products than that going, so that their downloads and
// database reads happen while the tagger works, not in the tagger's time.
class ProductAnalyser : public RunStep {
public:
    explicit ProductAnalyser(RunContext &run, QObject *parent = nullptr);

    void analyse(std::shared_ptr<ProductWork> work, std::function<void()> then);

private:
    void useStoredAnswers(const std::shared_ptr<ProductWork> &work,
                          const QHash<QString, QByteArray> &stored, std::function<void()> then);
    void callTagger(std::shared_ptr<ProductWork> work, QList<int> missing,
                    std::function<void()> then);
    void askTagger(std::shared_ptr<ProductWork> work, QList<int> missing,
                   std::function<void()> then);
    // Runs `call` once fewer than the tagger's concurrency() calls are in flight, in the
    // order asked; releaseTaggerCall() ends a call begun so.
    void whenTaggerFree(std::function<void()> call);
    void releaseTaggerCall();
    void storeAnswers(const std::shared_ptr<ProductWork> &work, const QList<int> &chunk,
                      const QList<Result<TaggerAnswer>> &answers, std::function<void()> next);
    void finish(const std::shared_ptr<ProductWork> &work, std::function<void()> then);
    // The images at these indexes are answered (or failed) and stored: whoever waits for
    // them looks again.
    void answered(const ProductWork &work, const QList<int> &images);

    // Images being asked about (answer key and SHA-256), each with the products waiting
    // for its answer.
    QHash<QString, QList<std::function<void()>>> m_asking;
    int m_taggerCalls = 0;
    QList<std::function<void()>> m_waitingForTagger; // first come, first served
};

} // namespace tagdesk
