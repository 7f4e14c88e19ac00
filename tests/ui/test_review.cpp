// The review panel as staff use it, keyboard alone: open a job's products, Enter on one,
// and decide with one key each — A approve, X reject, Shift+A / Shift+X one attribute,
// 1–9 an alternative, E edit, Ctrl+Z undo, ? the key sheet, Esc back — against the demo
// store in this process, asserting what the screen shows and what the database stored.
#include "desktopfixture.h"
#include "history/historypanel.h"
#include "history/pushhistorymodel.h"
#include "joblist/jobactions.h"
#include "joblist/joblistpanel.h"
#include "joblist/jobtablemodel.h"
#include "joblist/syncactions.h"
#include "jobview/jobviewpanel.h"
#include "jobview/producttablemodel.h"
#include "review/attributetablemodel.h"
#include "review/imageviewer.h"
#include "review/reviewpanel.h"
#include "review/reviewqueue.h"
#include "review/savetodialog.h"
#include "settings/settingsdialog.h"
#include "shopify/store.h"
#include "storage/decisionrepository.h"
#include "support/sandboxhttp.h"
#include "sync/productfields.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>

#include <algorithm>

using namespace tagdesk;
using namespace tagdesk::test;
using Verdict = AttributeDecision::Verdict;

namespace {

class ReviewFlow : public DesktopFixture {
protected:
    // A job over the demo store, run with the local tagger, its products in the job view.
    void runJobAndOpenIt() {
        NewJob n;
        n.name = QStringLiteral("Review by keyboard");
        jobId = jobs->create(n).result().value().id;
        openWindow();
        window->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
        runUntilReview(jobId);
        window->openJob(jobId);
        table = window->jobView()->view();
        ASSERT_TRUE(QTest::qWaitFor([&] { return table->model()->rowCount() > 5; }, patientMs));
    }

    ui::ReviewPanel *panel() const { return window->reviewPanel(); }

    // The Where to save window the job view opened, once shown (null if it never was).
    ui::SaveToDialog *jobViewSaveTo() {
        ui::SaveToDialog *dialog = nullptr;
        const bool shown = QTest::qWaitFor(
            [&] {
                return (dialog = window->jobView()->findChild<ui::SaveToDialog *>()) &&
                       dialog->isVisible();
            },
            patientMs);
        return shown ? dialog : nullptr;
    }

    // Enter on the job view's first product: the review opens there.
    bool enterOnFirstProduct() {
        table->setFocus();
        table->setCurrentIndex(table->model()->index(0, 0));
        press(Qt::Key_Return);
        auto *pages = window->findChild<QStackedWidget *>();
        return QTest::qWaitFor([&] { return pages->currentWidget() == panel(); }, patientMs) &&
               showsProductAt(0);
    }

    // Waits until the panel shows the product at `position`, read from the database.
    bool showsProductAt(int position) {
        return QTest::qWaitFor(
            [&] {
                const ProductReview *r = panel()->queue()->current();
                return panel()->queue()->position() == position && r &&
                       panel()->model()->review().product.productId == r->product.productId;
            },
            patientMs);
    }

    // From the job list, keyboard only: Enter opens the selected job, Alt+`key` one of its
    // windows (History, Conflicts), which is returned once shown (null if it never was).
    QDialog *openJobWindow(Qt::Key key, const QString &name) {
        focusOn(window->jobList()->view());
        press(Qt::Key_Return);
        auto *pages = window->findChild<QStackedWidget *>();
        if (!QTest::qWaitFor([&] { return pages->currentWidget() == window->jobView(); },
                             patientMs))
            return nullptr;
        focusOn(window->jobView()->view());
        press(key, Qt::AltModifier);
        QDialog *opened = nullptr;
        const bool shown = QTest::qWaitFor(
            [&] { return (opened = window->findChild<QDialog *>(name)) && opened->isVisible(); },
            patientMs);
        return shown ? opened : nullptr;
    }

    bool allStored() {
        return QTest::qWaitFor([&] { return panel()->decisionsInFlight() == 0; }, patientMs);
    }

    std::optional<AttributeDecision> storedDecision(const QString &productId,
                                                    const QString &attribute) {
        auto d = DecisionRepository(*reader).find(jobId, productId, attribute);
        return d ? d.value() : std::nullopt;
    }

    ProductReview stored(const QString &productId) {
        return JobReader(db.config()).productReview(jobId, productId).value();
    }

    qint64 jobId = 0;
    QTableView *table = nullptr;
};

} // namespace

TEST_F(ReviewFlow, EveryDecisionIsOneKeyAndLandsInTheDatabase) {
    runJobAndOpenIt();
    auto *pages = window->findChild<QStackedWidget *>();

    // Enter on the first product opens the review there.
    ASSERT_TRUE(enterOnFirstProduct());
    QAbstractItemModelTester tester(panel()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);

    const ProductReview first = *panel()->queue()->current();
    ASSERT_FALSE(first.attributes.isEmpty()) << "the local tagger suggests a colour at least";
    QTableView *attributes = panel()->table();
    EXPECT_EQ(panel()->findChild<QLabel *>(QStringLiteral("reviewTitle"))->text(),
              first.product.title);
    EXPECT_EQ(panel()->findChild<QLabel *>(QStringLiteral("reviewPosition"))->text(),
              QStringLiteral("Product 1 of %1").arg(table->model()->rowCount()));
    // Side by side: the store's value and the suggestion, with where it goes.
    const AttributeReview &colour = first.attributes.first();
    auto cell = [&](int row, int column) {
        return panel()->model()->index(row, column).data().toString();
    };
    EXPECT_EQ(cell(0, ui::AttributeTableModel::Suggestion), colour.suggestion.value);
    EXPECT_EQ(cell(0, ui::AttributeTableModel::InShopify),
              colour.current.isEmpty() ? QStringLiteral("—") : colour.current);
    EXPECT_EQ(cell(0, ui::AttributeTableModel::Confidence),
              QStringLiteral("%1 %").arg(qRound(colour.suggestion.confidence * 100)));
    EXPECT_TRUE(cell(0, ui::AttributeTableModel::GoesTo).contains(QStringLiteral("Tags")))
        << cell(0, ui::AttributeTableModel::GoesTo).toStdString();
    // The evidence and the before → after of the focused product.
    EXPECT_TRUE(panel()
                    ->findChild<QLabel *>(QStringLiteral("reviewEvidence"))
                    ->text()
                    .contains(colour.suggestion.value.toHtmlEscaped()));
    const QString preview = panel()->findChild<QLabel *>(QStringLiteral("reviewPreview"))->text();
    EXPECT_TRUE(preview.contains(QStringLiteral("Tags"))) << preview.toStdString();
    // The photos come from the local cache.
    EXPECT_EQ(panel()->images()->count(), first.images.size());
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !panel()->images()->canvas()->image().isNull(); }, patientMs));

    // Shift+X rejects the focused attribute and moves to the next one.
    EXPECT_EQ(attributes->currentIndex().row(), 0);
    press(Qt::Key_X, Qt::ShiftModifier);
    ASSERT_TRUE(allStored());
    ASSERT_TRUE(storedDecision(first.product.productId, colour.attribute));
    EXPECT_EQ(storedDecision(first.product.productId, colour.attribute)->verdict,
              Verdict::Rejected);
    EXPECT_EQ(panel()->model()->attributeAt(0)->verdict, Verdict::Rejected);
    // The next attribute, or this one when it is the product's only one.
    EXPECT_EQ(attributes->currentIndex().row(),
              std::min<qsizetype>(1, first.attributes.size() - 1));

    // U takes it back; Up returns to it first.
    press(Qt::Key_Up);
    EXPECT_EQ(attributes->currentIndex().row(), 0);
    press(Qt::Key_U);
    ASSERT_TRUE(allStored());
    EXPECT_FALSE(storedDecision(first.product.productId, colour.attribute))
        << "an undecided attribute has no decision stored";
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return panel()->model()->attributeAt(0)->verdict == Verdict::Pending; }, patientMs));

    // E edits with a combo box: type a value, Enter.
    attributes->setCurrentIndex(panel()->model()->index(0, ui::AttributeTableModel::Suggestion));
    press(Qt::Key_E);
    QComboBox *editor = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return (editor =
                        attributes->findChild<QComboBox *>(QStringLiteral("suggestionEditor")));
        },
        patientMs));
    // Typed where the keyboard focus is, as a person types.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return editor->hasFocus() || editor->lineEdit()->hasFocus(); }, patientMs));
    editor->lineEdit()->selectAll();
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Teal"));
    EXPECT_EQ(editor->currentText(), QStringLiteral("Teal"));
    press(Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return panel()->model()->attributeAt(0)->verdict == Verdict::Edited; }, patientMs))
        << "Enter in the editor saves the edit";
    ASSERT_TRUE(allStored());
    auto edited = storedDecision(first.product.productId, colour.attribute);
    ASSERT_TRUE(edited);
    EXPECT_EQ(edited->verdict, Verdict::Edited);
    EXPECT_EQ(edited->value, QStringLiteral("Teal"));
    // The reloaded review shows the edit and plans to write it.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return panel()
                ->findChild<QLabel *>(QStringLiteral("reviewPreview"))
                ->text()
                .contains(QStringLiteral("Teal"));
        },
        patientMs));

    // A approves the product and shows the next one.
    attributes->setFocus();
    press(Qt::Key_A);
    ASSERT_TRUE(showsProductAt(1));
    ASSERT_TRUE(allStored());
    EXPECT_EQ(stored(first.product.productId).product.progress.review, ReviewState::Approved);

    // X rejects the second and moves to the third.
    const QString second = panel()->queue()->currentId();
    press(Qt::Key_X);
    ASSERT_TRUE(showsProductAt(2));
    ASSERT_TRUE(allStored());
    EXPECT_EQ(stored(second).product.progress.review, ReviewState::Rejected);

    // Ctrl+Z takes the rejection back and goes back to that product.
    press(Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(showsProductAt(1));
    ASSERT_TRUE(allStored());
    EXPECT_EQ(stored(second).product.progress.review, ReviewState::Pending);

    // 1 picks the first alternative of an attribute that has one.
    const ProductReview now = *panel()->queue()->current();
    int withAlternatives = -1;
    for (int i = 0; i < now.attributes.size() && withAlternatives < 0; ++i) {
        if (!now.attributes.at(i).alternatives.isEmpty())
            withAlternatives = i;
    }
    if (withAlternatives >= 0) {
        attributes->setCurrentIndex(
            panel()->model()->index(withAlternatives, ui::AttributeTableModel::Suggestion));
        press(Qt::Key_1);
        ASSERT_TRUE(allStored());
        const auto picked = storedDecision(second, now.attributes.at(withAlternatives).attribute);
        ASSERT_TRUE(picked);
        EXPECT_EQ(picked->verdict, Verdict::Edited);
        EXPECT_EQ(picked->value, now.attributes.at(withAlternatives).alternatives.first().value);
    } else {
        // Without alternatives, 1 says so and stores nothing.
        press(Qt::Key_1);
        EXPECT_EQ(panel()->decisionsInFlight(), 0);
    }

    // Space skips, K goes back, J goes on.
    press(Qt::Key_Space);
    ASSERT_TRUE(showsProductAt(2));
    press(Qt::Key_K);
    ASSERT_TRUE(showsProductAt(1));
    press(Qt::Key_J);
    ASSERT_TRUE(showsProductAt(2));

    // ? lists every key, from the same actions the keys trigger.
    press(Qt::Key_Question);
    QDialog *sheet = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return (sheet = window->findChild<QDialog *>(QStringLiteral("reviewKeySheet"))) &&
                   sheet->isVisible();
        },
        patientMs));
    const QString keys = sheet->findChild<QPlainTextEdit *>()->toPlainText();
    for (QAction *action : panel()->keyActions())
        EXPECT_TRUE(keys.contains(action->text())) << action->text().toStdString();
    ASSERT_TRUE(QTest::qWaitForWindowActive(sheet));
    // The offscreen platform does not move the keyboard focus into a new window as a
    // window manager does; do it here.
    sheet->findChild<QPlainTextEdit *>()->setFocus();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return QApplication::focusWidget() && QApplication::focusWidget()->window() == sheet;
        },
        patientMs));
    press(Qt::Key_Escape);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !sheet || !sheet->isVisible(); }, patientMs));

    EXPECT_EQ(pages->currentWidget(), panel()) << "Esc closed the sheet, not the review";

    // Esc goes back to the job's products.
    focusOn(attributes);
    press(Qt::Key_Escape);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return pages->currentWidget() == window->jobView(); }, patientMs));

    // Alt+H and Alt+O open the job's history and conflicts, each in its own window.
    for (const auto &[key, name] :
         {std::pair{Qt::Key_H, "historyWindow"}, std::pair{Qt::Key_O, "conflictsWindow"}}) {
        focusOn(window->jobView()->view());
        press(key, Qt::AltModifier);
        QDialog *opened = nullptr;
        ASSERT_TRUE(QTest::qWaitFor(
            [&, name = name] { // named: clang 14 cannot capture a structured binding implicitly
                return (opened = window->findChild<QDialog *>(QLatin1String(name))) &&
                       opened->isVisible();
            },
            patientMs))
            << name;
        EXPECT_TRUE(opened->windowTitle().endsWith(QStringLiteral("Review by keyboard")));
        opened->close();
    }
}

TEST_F(ReviewFlow, TheQueueFollowsTheJobViewsFilterAndTheChosenOrder) {
    runJobAndOpenIt();
    window->openReview(QString());
    ASSERT_TRUE(showsProductAt(0));
    const int all = panel()->queue()->count();
    EXPECT_EQ(all, table->model()->rowCount());

    // Least sure first: confidence never goes down along the queue.
    auto *order = panel()->findChild<QComboBox *>(QStringLiteral("reviewOrder"));
    order->setCurrentIndex(1);
    emit order->activated(1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel()->queue()->isListed(); }, patientMs));
    double last = -1;
    for (int i = 0; i < std::min(all, 6); ++i) {
        panel()->queue()->go(i);
        ASSERT_TRUE(showsProductAt(i));
        double lowest = 2;
        for (const AttributeReview &a : panel()->queue()->current()->attributes)
            lowest = std::min(lowest, a.suggestion.confidence);
        if (panel()->queue()->current()->attributes.isEmpty())
            lowest = -1;
        EXPECT_GE(lowest + 1e-9, last) << "position " << i;
        last = lowest;
    }
}

TEST_F(ReviewFlow, DChoosesWhereToSaveWithItsBeforeAndAfterThenApproves) {
    runJobAndOpenIt();
    window->openReview(QString());
    ASSERT_TRUE(showsProductAt(0));
    const QString id = panel()->queue()->currentId();
    panel()->table()->setFocus();
    press(Qt::Key_D);
    ui::SaveToDialog *dialog = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return (dialog = window->findChild<ui::SaveToDialog *>()) && dialog->isVisible(); },
        patientMs));
    auto *preview = dialog->findChild<QLabel *>(QStringLiteral("saveToPreview"));
    // The job's choice to start with: tags and metafields.
    EXPECT_TRUE(dialog->box(Destination::Tags)->isChecked());
    EXPECT_TRUE(preview->text().contains(QStringLiteral("Tags"))) << preview->text().toStdString();

    // Without tags, the preview no longer writes them; without anything, approving is refused.
    QTest::mouseClick(dialog->box(Destination::Tags), Qt::LeftButton);
    EXPECT_FALSE(preview->text().contains(QStringLiteral("<b>Tags</b>")))
        << preview->text().toStdString();
    EXPECT_TRUE(preview->text().contains(QStringLiteral("Metafield")));
    auto *approve = dialog->findChild<QPushButton *>(QStringLiteral("approveWithDestinations"));
    QTest::mouseClick(dialog->box(Destination::Metafields), Qt::LeftButton);
    EXPECT_FALSE(approve->isEnabled()) << "nowhere to save";
    QTest::mouseClick(dialog->box(Destination::Metafields), Qt::LeftButton);
    ASSERT_TRUE(approve->isEnabled());

    QTest::mouseClick(approve, Qt::LeftButton);
    ASSERT_TRUE(showsProductAt(1));
    ASSERT_TRUE(allStored());
    const ProductReview approved = stored(id);
    EXPECT_EQ(approved.product.progress.review, ReviewState::Approved);
    EXPECT_EQ(approved.destinations, Destinations(Destination::Metafields));
    EXPECT_FALSE(approved.plan.after.contains(productfields::tags));
}

// The whole loop on the demo store, by keyboard: review ten products (A, X, 1, Ctrl+Z),
// sync (Ctrl+Shift+S), meet a conflict a colleague made in Shopify meanwhile (PATCH
// /_sandbox/products), keep mine in the Conflicts window (Ctrl+Shift+M), sync again, and
// revert a product from the History window (Ctrl+Shift+R) — checking the database and the
// store's own products (GET /_sandbox/products) at each step.
TEST_F(ReviewFlow, TheWholeLoopByKeyboardReviewSyncResolveRevert) {
    runJobAndOpenIt();
    QNetworkAccessManager network;
    const auto storeProduct = [&](const QString &id) {
        QUrl url(server->baseUrl() + QStringLiteral("/_sandbox/products"));
        url.setQuery(QStringLiteral("id=") + id);
        const QJsonDocument doc = sandboxJson(network, url);
        return doc.object().value(QStringLiteral("products")).toArray().first().toObject();
    };
    const auto tagsIn = [](const QJsonObject &product) {
        QStringList tags;
        for (const QJsonValue &t : product.value(QStringLiteral("tags")).toArray())
            tags << t.toString();
        tags.sort();
        return tags;
    };
    const auto summary = [&] {
        return JobReader(db.config()).summary(jobId).value();
    };

    // Review ten products: every third rejected, the others approved (with the first
    // alternative where there is one); then Ctrl+Z takes the last decision back and A
    // approves that product again.
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    press(Qt::Key_Return);
    ASSERT_TRUE(showsProductAt(0));
    QStringList approved;
    for (int i = 0; i < 10; ++i) {
        ASSERT_TRUE(showsProductAt(i));
        const ProductReview r = *panel()->queue()->current();
        if (i % 3 == 2) {
            press(Qt::Key_X);
            continue;
        }
        if (!r.attributes.isEmpty() && !r.attributes.first().alternatives.isEmpty()) {
            panel()->table()->setCurrentIndex(
                panel()->model()->index(0, ui::AttributeTableModel::Suggestion));
            press(Qt::Key_1);
            ASSERT_TRUE(allStored());
        }
        press(Qt::Key_A);
        approved << r.product.productId;
    }
    ASSERT_TRUE(allStored());
    press(Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(showsProductAt(9));
    ASSERT_TRUE(allStored());
    EXPECT_EQ(summary().tally.approved, approved.size() - 1);
    press(Qt::Key_A);
    ASSERT_TRUE(allStored());
    ASSERT_EQ(summary().tally.approved, approved.size());
    ASSERT_GE(approved.size(), 3);

    // What the push will write, read before it: the tags of two approved products.
    QHash<QString, QStringList> expectedTags, originalTags;
    for (const QString &id : {approved.at(0), approved.at(1)}) {
        const ProductReview r = stored(id);
        QStringList after;
        for (const QJsonValue &t : r.plan.after.value(productfields::tags).toArray())
            after << t.toString();
        after.sort();
        expectedTags.insert(id, after);
        originalTags.insert(id, tagsIn(storeProduct(id)));
    }
    ASSERT_FALSE(expectedTags.value(approved.at(1)).isEmpty()) << "the push writes tags";

    // A colleague edits the first approved product's tags in Shopify meanwhile: theirs
    // only, and one of the tags Tagdesk is about to add — a field the push writes.
    const QString edited = approved.at(0);
    QStringList colleagueTags{QStringLiteral("colleague-tag")};
    for (const QString &tag : expectedTags.value(edited)) {
        if (!originalTags.value(edited).contains(tag) && colleagueTags.size() < 2)
            colleagueTags << tag;
    }
    ASSERT_EQ(colleagueTags.size(), 2) << "the push adds a tag";
    colleagueTags.sort();
    {
        QUrl url(server->baseUrl() + QStringLiteral("/_sandbox/products"));
        url.setQuery(QStringLiteral("id=") + edited);
        sandboxJson(network, url, "PATCH",
                    QJsonDocument(QJsonObject{{QStringLiteral("tags"),
                                               QJsonArray::fromStringList(colleagueTags)}})
                        .toJson());
    }

    // Esc, Alt+Left: the job list; Ctrl+Shift+S syncs the job.
    press(Qt::Key_Escape);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return window->findChild<QStackedWidget *>()->currentWidget() == window->jobView(); },
        patientMs));
    window->jobView()->view()->setFocus();
    press(Qt::Key_Left, Qt::AltModifier);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return window->findChild<QStackedWidget *>()->currentWidget() == window->jobList(); },
        patientMs));
    window->jobList()->selectJob(jobId);
    window->jobList()->view()->setFocus();
    const auto syncAndWait = [&] {
        // Sync now is enabled once the job list has read, in the background, a tally with
        // products waiting to sync; a slow machine (or the sanitizers) may still be
        // reading it after the conflict was resolved, and a disabled action takes no key.
        const auto *syncAction = window->findChild<QAction *>(QStringLiteral("syncAction"));
        ASSERT_NE(syncAction, nullptr);
        ASSERT_TRUE(QTest::qWaitFor([&] { return syncAction->isEnabled(); }, patientMs))
            << "the job list never offered to sync the approved products";
        press(Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        ASSERT_TRUE(QTest::qWaitFor([&] { return window->workHost()->isBusy(jobId); }, patientMs))
            << "Ctrl+Shift+S started no sync";
        ASSERT_TRUE(QTest::qWaitFor([&] { return !window->workHost()->isBusy(jobId); }, patientMs));
    };
    syncAndWait();
    EXPECT_EQ(summary().tally.synced, approved.size() - 1);
    EXPECT_EQ(summary().tally.conflicts, 1);
    EXPECT_EQ(tagsIn(storeProduct(approved.at(1))), expectedTags.value(approved.at(1)))
        << "the store has what the preview showed";
    EXPECT_EQ(tagsIn(storeProduct(edited)), colleagueTags)
        << "the conflicting product was not written";

    // The sync said what it met in a message: Enter closes it (the offscreen platform does
    // not hand the new window the focus, so the test does). Enter opens the job; Alt+O its
    // conflicts; Ctrl+Shift+M keeps mine.
    QMessageBox *said = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return (said = window->findChild<QMessageBox *>(QStringLiteral("problemMessage"))) &&
                   said->isVisible();
        },
        patientMs))
        << "the conflict is reported when the sync ends";
    EXPECT_TRUE(said->text().contains(QStringLiteral("conflict"), Qt::CaseInsensitive))
        << said->text().toStdString();
    said->setFocus();
    said->activateWindow();
    QTest::keyClick(said, Qt::Key_Escape);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !said || !said->isVisible(); }, patientMs));
    QDialog *conflicts = openJobWindow(Qt::Key_O, QStringLiteral("conflictsWindow"));
    ASSERT_NE(conflicts, nullptr);
    auto *conflictTable = conflicts->findChild<QTableView *>(QStringLiteral("conflictTable"));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return conflictTable->model()->rowCount() == 1; }, patientMs));
    focusOn(conflictTable);
    press(Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return JobReader(db.config()).conflicts(jobId)->isEmpty(); },
                                patientMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window->workHost()->isBusy(jobId); }, patientMs));
    conflicts->close();

    // Sync again: now the product gets Tagdesk's tags beside the colleague's.
    window->showJobList();
    window->jobList()->selectJob(jobId);
    focusOn(window->jobList()->view());
    syncAndWait();
    EXPECT_EQ(summary().tally.synced, approved.size());
    EXPECT_EQ(summary().tally.conflicts, 0);
    const QStringList merged = tagsIn(storeProduct(edited));
    EXPECT_TRUE(merged.contains(QStringLiteral("colleague-tag")))
        << merged.join(QLatin1Char(',')).toStdString();
    for (const QString &tag : expectedTags.value(edited)) {
        if (!originalTags.value(edited).contains(tag)) { // what Tagdesk added
            EXPECT_TRUE(merged.contains(tag)) << tag.toStdString();
        }
    }

    // Alt+H: the history; the second product's row, Ctrl+Shift+R reverts it.
    if (auto *box = window->findChild<QMessageBox *>(QStringLiteral("problemMessage")))
        box->close();
    QDialog *history = openJobWindow(Qt::Key_H, QStringLiteral("historyWindow"));
    ASSERT_NE(history, nullptr);
    auto *historyPanel = history->findChild<ui::HistoryPanel *>();
    historyPanel->setConfirmation([](const QString &, const QString &) { return true; });
    QTableView *historyTable = historyPanel->view();
    const QString reverted = approved.at(1);
    int row = -1;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            for (int r = 0; r < historyTable->model()->rowCount() && row < 0; ++r) {
                if (historyTable->model()
                        ->index(r, 0)
                        .data(ui::PushHistoryModel::ProductIdRole)
                        .toString() == reverted)
                    row = r;
            }
            return row >= 0;
        },
        patientMs));
    historyTable->setFocus();
    historyTable->selectRow(row);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return QApplication::focusWidget() == historyTable; }, patientMs));
    press(Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->workHost()->isBusy(jobId); }, patientMs))
        << "Ctrl+Shift+R started no revert";
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window->workHost()->isBusy(jobId); }, patientMs));
    EXPECT_EQ(tagsIn(storeProduct(reverted)), originalTags.value(reverted))
        << "the store has the product's tags from before the push again";
    EXPECT_NE(tagsIn(storeProduct(approved.at(2))), originalTags.value(approved.at(2), {}))
        << "the other products keep what was pushed";
    history->close();
}

TEST_F(ReviewFlow, FFlagsForLaterAndCtrlZOfAPushedProductRevertsItInShopifyFirst) {
    runJobAndOpenIt();
    ASSERT_TRUE(enterOnFirstProduct());
    focusOn(panel()->table());

    // F flags the third product for later and moves on.
    press(Qt::Key_J);
    press(Qt::Key_J);
    ASSERT_TRUE(showsProductAt(2));
    const QString flagged = panel()->queue()->currentId();
    press(Qt::Key_F);
    ASSERT_TRUE(showsProductAt(3)) << "F moves on";
    ASSERT_TRUE(allStored());
    EXPECT_TRUE(stored(flagged).product.flagged);
    // "Flagged first" puts it at the head of the queue.
    auto *order = panel()->findChild<QComboBox *>(QStringLiteral("reviewOrder"));
    order->setCurrentIndex(3);
    emit order->activated(3);
    ASSERT_TRUE(showsProductAt(3)) << "the same product, now behind the flagged one";
    focusOn(panel()->table());
    for (int i = 2; i >= 0; --i) {
        press(Qt::Key_K);
        ASSERT_TRUE(showsProductAt(i)) << panel()->queue()->position();
    }
    EXPECT_EQ(panel()->queue()->currentId(), flagged);
    EXPECT_TRUE(panel()
                    ->findChild<QLabel *>(QStringLiteral("reviewState"))
                    ->text()
                    .contains(QStringLiteral("Flagged")));

    // Approved and pushed: the store has its tags.
    const QStringList before = server->store().product(flagged)->tags;
    press(Qt::Key_A);
    ASSERT_TRUE(allStored());
    ASSERT_TRUE(window->syncActions()->syncJob(jobId, QStringLiteral("Review by keyboard")).ok());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window->workHost()->isBusy(jobId); }, patientMs));
    ASSERT_EQ(stored(flagged).product.progress.sync, SyncState::Pushed);
    ASSERT_NE(server->store().product(flagged)->tags, before);

    // Ctrl+Z: the push is reverted in Shopify first, then the approval is taken back.
    focusOn(panel()->table());
    press(Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const ProductProgress p = stored(flagged).product.progress;
            return p.review == ReviewState::Pending && !window->workHost()->isBusy(jobId) &&
                   panel()->decisionsInFlight() == 0;
        },
        patientMs))
        << syncText(stored(flagged).product.progress.sync).toStdString();
    EXPECT_EQ(server->store().product(flagged)->tags, before) << "the store is as it was";
    EXPECT_EQ(panel()->queue()->currentId(), flagged) << "the undo shows its product";
}

TEST_F(ReviewFlow, KeysChangedInSettingsWorkInTheReviewAndEveryKeyIsPressedThere) {
    runJobAndOpenIt();
    auto *pages = window->findChild<QStackedWidget *>();

    // Settings › Keys: Y approves. Two actions on one key are refused, naming both.
    ui::SettingsDialog *settings = window->showSettingsDialog();
    auto *keysTable = settings->findChild<QTableWidget *>(QStringLiteral("reviewKeysTable"));
    ASSERT_NE(keysTable, nullptr);
    const auto rowOf = [&](const QString &name) {
        for (int row = 0; row < keysTable->rowCount(); ++row) {
            if (keysTable->item(row, 0)->data(Qt::UserRole).toString() == name)
                return row;
        }
        return -1;
    };
    const int approveRow = rowOf(QStringLiteral("approveProduct"));
    const int rejectRow = rowOf(QStringLiteral("rejectProduct"));
    ASSERT_GE(approveRow, 0);
    ASSERT_GE(rejectRow, 0);
    EXPECT_EQ(keysTable->item(approveRow, 1)->text(), QStringLiteral("A; P"));
    keysTable->item(approveRow, 1)->setText(QStringLiteral("Y"));
    keysTable->item(rejectRow, 1)->setText(QStringLiteral("Y; X"));
    auto *problem = settings->findChild<QLabel *>(QStringLiteral("settingsProblem"));
    EXPECT_TRUE(problem->text().contains(QStringLiteral("both"))) << problem->text().toStdString();
    auto *ok = settings->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    EXPECT_FALSE(ok->isEnabled());
    keysTable->item(rejectRow, 1)->setText(QStringLiteral("X"));
    EXPECT_TRUE(ok->isEnabled()) << problem->text().toStdString();
    QSignalSpy saved(settings, &ui::SettingsDialog::saved);
    ok->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return saved.count() == 1; }, patientMs));
    EXPECT_EQ(panel()->keyAction(QStringLiteral("approveProduct"))->shortcuts(),
              QList<QKeySequence>{QKeySequence(Qt::Key_Y)});
    EXPECT_TRUE(panel()
                    ->findChild<QLabel *>(QStringLiteral("reviewHint"))
                    ->text()
                    .startsWith(QStringLiteral("Y approve")))
        << "the line of keys under the review says so too";

    // In the review, Y approves; A does nothing any more.
    window->openReview(QString());
    ASSERT_TRUE(QTest::qWaitFor([&] { return pages->currentWidget() == panel(); }, patientMs));
    ASSERT_TRUE(showsProductAt(0));
    const QString first = panel()->queue()->currentId();
    focusOn(panel()->table());
    press(Qt::Key_A);
    ASSERT_TRUE(allStored());
    EXPECT_EQ(panel()->queue()->position(), 0);
    EXPECT_EQ(stored(first).product.progress.review, ReviewState::Pending);
    press(Qt::Key_Y);
    ASSERT_TRUE(showsProductAt(1));
    ASSERT_TRUE(allStored());
    EXPECT_EQ(stored(first).product.progress.review, ReviewState::Approved);

    // Every key of the review, pressed in the review: each triggers its action.
    for (QAction *action : panel()->keyActions()) {
        if (pages->currentWidget() != panel()) {
            window->openReview(QString());
            ASSERT_TRUE(
                QTest::qWaitFor([&] { return pages->currentWidget() == panel(); }, patientMs));
            ASSERT_TRUE(showsProductAt(0));
        }
        focusOn(panel()->table());
        QSignalSpy triggered(action, &QAction::triggered);
        const QKeyCombination key = action->shortcuts().first()[0];
        press(key.key(), key.keyboardModifiers());
        EXPECT_EQ(triggered.count(), 1) << action->objectName().toStdString();
        // What a key opened is closed again before the next.
        if (auto *sheet = window->findChild<QDialog *>(QStringLiteral("reviewKeySheet")))
            sheet->close();
        if (auto *saveTo = panel()->findChild<ui::SaveToDialog *>())
            saveTo->reject();
        ASSERT_TRUE(allStored());
        QApplication::processEvents();
    }
}

TEST_F(ReviewFlow, GApprovesAProductWithThoseLikeItAndShiftGKeepsItAndRejectsThem) {
    runJobAndOpenIt();
    auto *pages = window->findChild<QStackedWidget *>();
    const JobReader jobReader(db.config());
    // Products the local tagger gave the same colour to.
    const auto firstWithGroup = [&]() -> std::pair<QString, ProductGroup> {
        const QStringList ids = jobReader.productIds({jobId}).value();
        for (const QString &id : ids) {
            if (stored(id).product.progress.review != ReviewState::Pending)
                continue;
            const auto g = jobReader.productGroup(jobId, id);
            EXPECT_TRUE(g.ok()) << g.error().message.toStdString();
            if (g && !g->isEmpty())
                return {id, g.value()};
        }
        return {};
    };
    // Not a structured binding: lambdas below capture `lead`, which clang 14 (the asan
    // preset's compiler) cannot do for a binding although C++20 allows it (P1091R3).
    const auto firstGroup = firstWithGroup();
    const auto &lead = firstGroup.first;
    const auto &group = firstGroup.second;
    ASSERT_FALSE(lead.isEmpty()) << "the demo catalog has products of one colour";

    window->openReview(lead);
    ASSERT_TRUE(QTest::qWaitFor([&] { return pages->currentWidget() == panel(); }, patientMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel()->queue()->currentId() == lead; }, patientMs));
    auto *like = panel()->findChild<QLabel *>(QStringLiteral("reviewGroup"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return like->isVisible(); }, patientMs));
    EXPECT_TRUE(
        like->text().contains(QStringLiteral("approves all %1").arg(group.all().size() + 1)))
        << like->text().toStdString();

    // G: it and every product like it, approved with one key.
    focusOn(panel()->table());
    press(Qt::Key_G);
    ASSERT_TRUE(allStored());
    for (const QString &id : QStringList{lead} + group.all())
        EXPECT_EQ(stored(id).product.progress.review, ReviewState::Approved) << id.toStdString();
    // Ctrl+Z takes the whole group back.
    press(Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel()->queue()->currentId() == lead; }, patientMs));
    ASSERT_TRUE(allStored());
    for (const QString &id : QStringList{lead} + group.all())
        EXPECT_EQ(stored(id).product.progress.review, ReviewState::Pending) << id.toStdString();

    // Shift+G: keep this one, reject the rest.
    ASSERT_TRUE(QTest::qWaitFor([&] { return like->isVisible(); }, patientMs));
    focusOn(panel()->table());
    press(Qt::Key_G, Qt::ShiftModifier);
    ASSERT_TRUE(allStored());
    EXPECT_EQ(stored(lead).product.progress.review, ReviewState::Approved);
    for (const QString &id : group.all())
        EXPECT_EQ(stored(id).product.progress.review, ReviewState::Rejected) << id.toStdString();
}

TEST_F(ReviewFlow, WhereToSaveForASelectionFromTheJobView) {
    runJobAndOpenIt();
    focusOn(table);
    // Three products that can be reviewed (on a busy machine a photo may fail to download,
    // and its product with it).
    auto *products = window->jobView()->model();
    QStringList chosen;
    int lastChosen = -1;
    for (int row = 0; row < products->rowCount() && chosen.size() < 3; ++row) {
        if (products->rowAt(row)->progress.stage != PipelineStage::Analysed)
            continue;
        table->selectionModel()->select(products->index(row, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        chosen << products->rowAt(row)->productId;
        lastChosen = row;
    }
    ASSERT_EQ(chosen.size(), 3);
    press(Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    ui::SaveToDialog *dialog = jobViewSaveTo();
    ASSERT_NE(dialog, nullptr) << "no Where to save window opened";
    EXPECT_TRUE(dialog->windowTitle().contains(QStringLiteral("3 products")))
        << dialog->windowTitle().toStdString();
    // Tags only, for these three.
    for (Destination d : {Destination::Metafields, Destination::ProductType, Destination::AltText,
                          Destination::Description})
        dialog->box(d)->setChecked(false);
    dialog->box(Destination::Tags)->setChecked(true);
    auto *approve = dialog->findChild<QPushButton *>(QStringLiteral("approveWithDestinations"));
    EXPECT_EQ(approve->text(), QStringLiteral("&Approve 3 with these"));
    approve->click();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return std::all_of(chosen.begin(), chosen.end(), [&](const QString &id) {
                return stored(id).product.progress.review == ReviewState::Approved;
            });
        },
        patientMs));
    for (const QString &id : chosen)
        EXPECT_EQ(stored(id).destinations, Destinations(Destination::Tags)) << id.toStdString();
    EXPECT_EQ(stored(products->rowAt(lastChosen + 1)->productId).product.progress.review,
              ReviewState::Pending)
        << "only the selection";
}

TEST_F(ReviewFlow, WhereToSaveForTheWholeJobChangesItsPlacesAndHowItWrites) {
    runJobAndOpenIt();
    focusOn(table);
    table->setCurrentIndex(table->model()->index(0, 0));
    press(Qt::Key_W, Qt::AltModifier);
    ui::SaveToDialog *dialog = jobViewSaveTo();
    ASSERT_NE(dialog, nullptr) << "no Where to save window opened";
    ASSERT_NE(dialog->writingForm(), nullptr);
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("approveWithDestinations"));
    auto *tags = dialog->findChild<QLineEdit *>(QStringLiteral("writeTagTemplate"));
    tags->setText(QStringLiteral("{attribute}"));
    EXPECT_FALSE(save->isEnabled()) << "a template without {value} is refused before saving";
    tags->setText(QStringLiteral("ai-{value}"));
    for (Destination d : {Destination::Metafields, Destination::ProductType, Destination::AltText,
                          Destination::Description})
        dialog->box(d)->setChecked(false);
    dialog->box(Destination::Tags)->setChecked(true);
    ASSERT_TRUE(save->isEnabled());
    // The before → after follows the template as it is typed.
    const QJsonArray after = dialog->plan().after.value(productfields::tags).toArray();
    EXPECT_TRUE(std::any_of(after.begin(), after.end(), [](const QJsonValue &t) {
        return t.toString().startsWith(QLatin1String("ai-"));
    })) << QJsonDocument(after).toJson().toStdString();
    save->click();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const Job job = JobReader(db.config()).job(jobId).value();
            return job.writing.tagTemplate == QStringLiteral("ai-{value}") &&
                   job.destinations == Destinations(Destination::Tags);
        },
        patientMs));
}

// The window opens on the job list and builds the job view and the review the first time
// they are asked for (start-up does not wait for panels it does not show); built then, by
// the keyboard alone, each works as it does for every other test here.
TEST_F(ReviewFlow, TheJobViewAndTheReviewAreBuiltWhenFirstOpenedByKeyboard) {
    NewJob n;
    n.name = QStringLiteral("Opened late");
    jobId = jobs->create(n).result().value().id;
    openWindow();
    window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    runUntilReview(jobId);
    EXPECT_EQ(window->findChild<ui::JobViewPanel *>(), nullptr) << "not opened yet";
    EXPECT_EQ(window->findChild<ui::ReviewPanel *>(), nullptr) << "not opened yet";

    // Enter on the job in the list: the job view is built, shown and filled.
    auto *pages = window->findChild<QStackedWidget *>();
    window->jobList()->selectJob(jobId);
    focusOn(window->jobList()->view());
    press(Qt::Key_Return);
    ui::JobViewPanel *view = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return (view = window->findChild<ui::JobViewPanel *>()) &&
                   pages->currentWidget() == view;
        },
        patientMs));
    table = view->view();
    ASSERT_TRUE(QTest::qWaitFor([&] { return table->model()->rowCount() > 5; }, patientMs));
    EXPECT_EQ(window->findChild<ui::ReviewPanel *>(), nullptr) << "the review is not open yet";

    // Enter on its first product: the review is built and shows that product.
    focusOn(table);
    table->setCurrentIndex(table->model()->index(0, 0));
    press(Qt::Key_Return);
    ui::ReviewPanel *review = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return (review = window->findChild<ui::ReviewPanel *>()) &&
                   pages->currentWidget() == review;
        },
        patientMs));
    EXPECT_EQ(review, window->reviewPanel()) << "one review, the one the window holds";
    ASSERT_TRUE(showsProductAt(0));

    // A approves the product and moves on to the next.
    const QString first = review->queue()->currentId();
    focusOn(review->table());
    press(Qt::Key_A);
    ASSERT_TRUE(showsProductAt(1));
    ASSERT_TRUE(allStored());
    EXPECT_EQ(stored(first).product.progress.review, ReviewState::Approved);

    // Esc goes back to the same job view, not to a second one.
    focusOn(review->table());
    press(Qt::Key_Escape);
    ASSERT_TRUE(QTest::qWaitFor([&] { return pages->currentWidget() == view; }, patientMs));
    EXPECT_EQ(window->findChildren<ui::JobViewPanel *>().size(), 1);
    EXPECT_EQ(view->jobId(), jobId);
}

namespace {
// The store's originals are 2048 px on their long side, as Shopify's usually are; analysis
// downloads the 768 px rendition.
class ReviewOfLargeOriginals : public ReviewFlow {
protected:
    void SetUp() override {
        sandboxConfig.shopify.originalLongSide = 2048;
        ReviewFlow::SetUp();
    }

    // Requests for the sandbox's photos since the log was last emptied.
    int photoRequests() {
        const QStringList paths = sandboxRequestPaths(network, server->baseUrl());
        return int(std::count_if(paths.cbegin(), paths.cend(), [](const QString &path) {
            return path.startsWith(QStringLiteral("/_sandbox/images/"));
        }));
    }

    static int longSide(const QImage &image) { return std::max(image.width(), image.height()); }

    QNetworkAccessManager network;
};
} // namespace

TEST_F(ReviewOfLargeOriginals, ZoomingInFetchesTheFullSizeOriginalOnceAndSaysWhenItCannot) {
    runJobAndOpenIt();
    sandboxJson(network, QUrl(server->baseUrl() + QStringLiteral("/_sandbox/requests")), "DELETE");
    ASSERT_TRUE(enterOnFirstProduct());
    ui::ImageCanvas *canvas = panel()->images()->canvas();
    QLabel *zoomLine = panel()->images()->findChild<QLabel *>(QStringLiteral("imageZoom"));
    ASSERT_NE(zoomLine, nullptr);
    const ProductReview *shown = panel()->queue()->current();
    ASSERT_FALSE(shown->images.isEmpty());
    EXPECT_FALSE(shown->images.first().original.isEmpty()) << "the snapshot knows the original";

    // Fitted, the review shows the rendition analysis downloaded, and fetches nothing.
    ASSERT_TRUE(QTest::qWaitFor([&] { return longSide(canvas->image()) == 768; }, patientMs));
    EXPECT_EQ(photoRequests(), 0) << "the review works from the local cache";

    // Z shows it at 100 %: the original is fetched, shown, and the zoom line says so.
    focusOn(panel()->table());
    press(Qt::Key_Z);
    ASSERT_TRUE(QTest::qWaitFor([&] { return longSide(canvas->image()) == 2048; }, patientMs));
    EXPECT_EQ(canvas->zoom(), 1.0);
    EXPECT_TRUE(zoomLine->text().contains(QStringLiteral("full size")))
        << zoomLine->text().toStdString();
    EXPECT_EQ(photoRequests(), 1);

    // Fitted again, to the next product and back: the original stays, fetched once.
    press(Qt::Key_Z);
    EXPECT_EQ(canvas->zoom(), 0);
    press(Qt::Key_J);
    ASSERT_TRUE(showsProductAt(1));
    press(Qt::Key_K);
    ASSERT_TRUE(showsProductAt(0));
    ASSERT_TRUE(QTest::qWaitFor([&] { return longSide(canvas->image()) == 2048; }, patientMs));
    EXPECT_EQ(photoRequests(), 1);

    // Offline: the next product with another photo (the demo store shares some) keeps its
    // rendition at 100 %, and the zoom line says why.
    const QUrl firstOriginal = panel()->queue()->current()->images.first().original;
    server.reset();
    int position = 0;
    for (;;) {
        press(Qt::Key_J);
        ASSERT_TRUE(showsProductAt(++position));
        const ProductReview *next = panel()->queue()->current();
        if (!next->images.isEmpty() && !next->images.first().sha256.isEmpty() &&
            next->images.first().original != firstOriginal)
            break;
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return longSide(canvas->image()) == 768; }, patientMs));
    press(Qt::Key_Z);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return zoomLine->text().contains(QStringLiteral("full size failed")); }, patientMs))
        << zoomLine->text().toStdString();
    EXPECT_EQ(longSide(canvas->image()), 768) << "the smaller copy stays";
    EXPECT_EQ(canvas->zoom(), 1.0);
    EXPECT_TRUE(zoomLine->accessibleDescription().contains(QStringLiteral("Could not reach")))
        << "the reason, for a screen reader and as the line's tooltip: "
        << zoomLine->accessibleDescription().toStdString();

    // Not tried again by itself; Z to fit and back to 100 % tries again.
    press(Qt::Key_Z);
    press(Qt::Key_Z);
    EXPECT_TRUE(zoomLine->text().contains(QStringLiteral("fetching")))
        << zoomLine->text().toStdString();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return zoomLine->text().contains(QStringLiteral("full size failed")); }, patientMs))
        << zoomLine->text().toStdString();
}
