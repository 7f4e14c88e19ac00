#pragma once

#include "pipeline/runstep.h"

#include <QUrl>

namespace tagdesk {

// Lists a job's selection into the database: products picked by hand as they are, a
// search page by page (a page brings every field, so listing is fetching), and a large
// search as a bulk export streamed in. Each page, or batch of the export, is stored with
// the cursor after it, so an interrupted listing resumes where it stopped.
class ProductLister : public RunStep {
public:
    // `stored`: how many of the job's products are already stored (positions go on after them).
    ProductLister(RunContext &run, int stored, QObject *parent = nullptr);

    // Lists what is left, then `listed` — also when cancelled part way (the caller looks
    // at the run's flag); not called if the run stops.
    void run(std::function<void()> listed);

private:
    void choose();
    void listPicked();
    void listPage();
    void storePage(const ProductPage &page);
    void listInBulk();
    void pollBulk(const QString &operationId);
    void readBulk(const QUrl &url);
    void finishListing();
    JobProduct listed(ProductSnapshot snapshot);

    int m_position = 0; // next position for listed products
    std::function<void()> m_listed;
};

} // namespace tagdesk
