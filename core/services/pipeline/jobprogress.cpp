#include "pipeline/jobprogress.h"

#include <QCoreApplication>

namespace tagdesk {

namespace {
// The texts were written as JobRunner's; the context stays so translations still match.
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(JobRunner)
};
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

} // namespace tagdesk
