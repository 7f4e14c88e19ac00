// The history and conflict panels against the sandbox store over loopback, driven with the
// keyboard: a job's pushes are listed with each field's before → after, one product is
// reverted and Shopify has its old values again; products edited in Shopify before the
// push show their three versions side by side, and keep theirs, keep mine and keep mine
// for ticked fields settle them so that the next push writes exactly what was chosen.
// The three models pass QAbstractItemModelTester.
#include "fieldvalues.h"
#include "history/conflictfieldsmodel.h"
#include "history/conflictlistmodel.h"
#include "history/conflictpanel.h"
#include "history/historypanel.h"
#include "history/pushhistorymodel.h"
#include "pipeline/synchharness.h"
#include "pipeline/workhost.h"
#include "server/adminendpoints.h"
#include "settings/account.h"
#include "sync/productfields.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

// Generous: a slow, busy machine must never fail a test by being slow.
constexpr int patientMs = 5 * 60 * 1000;

const Destinations tagsAndType = Destinations(Destination::Tags) | Destination::ProductType;

class HistoryPanels : public ::testing::Test {
protected:
    HistoryPanels()
        : sandbox(realCatalog(QStringLiteral("kith-storefront-products.json")))
        , h(sandbox, sandbox.fastRetries())
        , account(FixedAccount::Values{QStringLiteral("Test store"), sandbox.server.baseUrl(),
                                       SandboxFixture::credentials().accessToken,
                                       TaggerSettings::defaults(), images.path(), false})
        , host(*h.writer, account) {}

    // Runs a piece of work on the host, as the window would, and waits for its end.
    WorkResult work(const WorkRequest &request) {
        std::optional<WorkResult> result;
        QObject guard;
        QObject::connect(&host, &WorkHost::finished, &guard,
                         [&](qint64, const WorkResult &r) { result = r; });
        const Status started = host.start(request);
        EXPECT_TRUE(started.ok()) << (started ? "" : started.error().message.toStdString());
        EXPECT_TRUE(QTest::qWaitFor([&] { return result.has_value(); }, patientMs));
        return result.value_or(WorkResult{});
    }

    WorkResult push(qint64 job) {
        return work(WorkRequest::sync(WorkKind::Push, job, QStringLiteral("Ann"), 500));
    }

    // Shown and active, so that the panel's shortcuts reach it as a person's keys would.
    static void showActive(QWidget &panel) {
        panel.resize(1000, 700);
        panel.show();
        panel.activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&panel));
    }

    static QString cell(QAbstractItemModel *model, int row, int column) {
        return model->index(row, column).data().toString();
    }

    SandboxFixture sandbox;
    SyncHarness h;
    QTemporaryDir images;
    FixedAccount account;
    WorkHost host;
};

QJsonArray tagsOf(const QJsonObject &storeValues) {
    return storeValues.value(QStringLiteral("tags")).toArray();
}

} // namespace

TEST_F(HistoryPanels, ListsEveryPushWithBeforeAndAfterAndRevertsTheSelectedProduct) {
    const qint64 job = h.analysedJob(3, tagsAndType);
    const auto original = h.storeValues();
    ASSERT_EQ(h.approveAll(job), 3);
    const WorkResult pushed = push(job);
    ASSERT_TRUE(pushed.status.ok());
    ASSERT_EQ(pushed.report.written, 3);

    ui::HistoryPanel panel(h.jobReader, host);
    panel.setReviewer(QStringLiteral("Bea"));
    QStringList asked;
    bool answer = false;
    panel.setConfirmation([&](const QString &, const QString &question) {
        asked << question;
        return answer;
    });
    showActive(panel);
    QSignalSpy loaded(&panel, &ui::HistoryPanel::loaded);
    panel.openJob(job);
    ASSERT_TRUE(QTest::qWaitFor([&] { return loaded.count() >= 1; }, patientMs));

    // One row per push: product titles (once the products are read), who, the outcome.
    QAbstractItemModel *rows = panel.view()->model();
    ASSERT_EQ(rows->rowCount(), 3);
    QStringList titles;
    for (const QString &id : std::as_const(h.productIds))
        titles << h.product(job, id).title;
    // The product to revert: one whose title no other title contains, so that typing it
    // in the filter leaves one row.
    QString target, title;
    for (qsizetype i = 0; i < titles.size() && target.isEmpty(); ++i) {
        if (titles.filter(titles.at(i), Qt::CaseInsensitive).size() == 1 &&
            !titles.at(i).isEmpty()) {
            target = h.productIds.at(i);
            title = titles.at(i);
        }
    }
    ASSERT_FALSE(target.isEmpty());
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            QStringList shown;
            for (int r = 0; r < rows->rowCount(); ++r)
                shown << cell(rows, r, ui::PushHistoryModel::Product);
            std::sort(shown.begin(), shown.end());
            QStringList expected = titles;
            std::sort(expected.begin(), expected.end());
            return shown == expected;
        },
        patientMs));
    for (int r = 0; r < 3; ++r) {
        EXPECT_EQ(cell(rows, r, ui::PushHistoryModel::Action), QStringLiteral("Push"));
        EXPECT_EQ(cell(rows, r, ui::PushHistoryModel::Who), QStringLiteral("Ann"));
        EXPECT_EQ(cell(rows, r, ui::PushHistoryModel::Outcome), QStringLiteral("Written"));
    }

    // Filter to one product by typing its title, then focus its row with the keyboard.
    auto *filter = panel.findChild<QLineEdit *>(QStringLiteral("historyProductFilter"));
    ASSERT_NE(filter, nullptr);
    panel.view()->setFocus();
    QTest::keyClick(panel.view(), Qt::Key_F, Qt::ControlModifier);
    ASSERT_TRUE(filter->hasFocus()) << "Ctrl+F goes to the product filter";
    QTest::keyClicks(filter, title);
    ASSERT_EQ(rows->rowCount(), 1);
    QTest::keyClick(filter, Qt::Key_Tab);
    ASSERT_TRUE(panel.view()->hasFocus());
    QTest::keyClick(panel.view(), Qt::Key_Home, Qt::ControlModifier);
    ASSERT_EQ(panel.view()->selectionModel()->selectedRows().size(), 1);

    // The focused push, field by field: before → after.
    auto *summary = panel.findChild<QLabel *>(QStringLiteral("historyDetailsSummary"));
    auto *details = panel.findChild<QTableWidget *>(QStringLiteral("historyDetails"));
    ASSERT_NE(summary, nullptr);
    ASSERT_NE(details, nullptr);
    EXPECT_TRUE(summary->text().contains(title)) << summary->text().toStdString();
    EXPECT_TRUE(summary->text().contains(QStringLiteral("Ann")));
    ASSERT_EQ(details->rowCount(), 2);
    EXPECT_EQ(details->item(0, 0)->text(), productfields::describe(productfields::tags));
    EXPECT_EQ(details->item(1, 0)->text(), productfields::describe(productfields::productType));
    const QJsonObject before = original.value(target);
    EXPECT_EQ(details->item(0, 1)->text(), ui::fieldvalues::text(tagsOf(before)));
    EXPECT_TRUE(details->item(0, 2)->text().contains(QStringLiteral("category:dresses")))
        << details->item(0, 2)->text().toStdString();
    EXPECT_EQ(details->item(1, 1)->text(),
              ui::fieldvalues::text(before.value(QStringLiteral("productType"))));
    EXPECT_EQ(details->item(1, 2)->text(), QStringLiteral("Dresses"));

    // Declining the confirmation reverts nothing.
    QTest::keyClick(panel.view(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_EQ(asked.size(), 1);
    EXPECT_TRUE(asked.first().contains(title)) << asked.first().toStdString();
    EXPECT_FALSE(host.isBusy(job));

    // Ctrl+Shift+R, confirmed: the product has its old values in Shopify again, the others
    // keep Tagdesk's.
    answer = true;
    QSignalSpy reverted(&panel, &ui::HistoryPanel::reverted);
    QSignalSpy messages(&panel, &ui::HistoryPanel::message);
    QTest::keyClick(panel.view(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_EQ(asked.size(), 2);
    ASSERT_TRUE(QTest::qWaitFor([&] { return reverted.count() == 1; }, patientMs));
    EXPECT_EQ(h.storeValues(target), before);
    for (const QString &id : std::as_const(h.productIds)) {
        if (id != target) {
            EXPECT_TRUE(tagsOf(h.storeValues(id)).contains(QStringLiteral("category:dresses")));
        }
    }
    EXPECT_TRUE(messages.last().first().toString().contains(QStringLiteral("1 product")))
        << messages.last().first().toString().toStdString();

    // The history is read again: the revert is there, by who reverted it.
    ASSERT_TRUE(QTest::qWaitFor([&] { return rows->rowCount() == 2; }, patientMs));
    QTest::keyClick(panel.view(), Qt::Key_Home, Qt::ControlModifier);
    EXPECT_EQ(cell(rows, 0, ui::PushHistoryModel::Action), QStringLiteral("Revert"))
        << "newest first";
    EXPECT_EQ(cell(rows, 0, ui::PushHistoryModel::Who), QStringLiteral("Bea"));
    EXPECT_TRUE(summary->text().contains(QStringLiteral("Reverted")));
    EXPECT_EQ(details->item(1, 1)->text(), QStringLiteral("Dresses"));
    EXPECT_EQ(details->item(1, 2)->text(),
              ui::fieldvalues::text(before.value(QStringLiteral("productType"))));
    filter->clear();
    EXPECT_EQ(rows->rowCount(), 4);

    // Revert whole job (Ctrl+Alt+Shift+R): the other two products are back as they were.
    QTest::keyClick(panel.view(), Qt::Key_R,
                    Qt::ControlModifier | Qt::AltModifier | Qt::ShiftModifier);
    ASSERT_EQ(asked.size(), 3);
    ASSERT_TRUE(QTest::qWaitFor([&] { return reverted.count() == 2; }, patientMs));
    EXPECT_EQ(h.storeValues(), original);
    ASSERT_TRUE(QTest::qWaitFor([&] { return rows->rowCount() == 6; }, patientMs));
    EXPECT_FALSE(panel.revertJobAction()->isEnabled()) << "nothing pushed is left to revert";
}

TEST_F(HistoryPanels, ConflictsShowTheThreeVersionsAndSettleAsChosen) {
    const qint64 job = h.analysedJob(4, tagsAndType);
    ASSERT_EQ(h.approveAll(job), 4);
    // Colleagues edit three products in Shopify after Tagdesk read them.
    const QString mine = h.productIds.at(0);
    const QString theirs = h.productIds.at(1);
    const QString merged = h.productIds.at(2);
    // Tags: theirs, and the category tag Tagdesk is about to add (a field the push writes).
    const QJsonArray colleagueTags{QStringLiteral("category:dresses"),
                                   QStringLiteral("colleague-tag")};
    for (const QString &id : {mine, merged})
        ASSERT_TRUE(sandbox::editProductAsMerchant(sandbox.server.store(), id,
                                                   {{QStringLiteral("tags"), colleagueTags}})
                        .ok());
    ASSERT_TRUE(sandbox::editProductAsMerchant(
                    sandbox.server.store(), theirs,
                    {{QStringLiteral("productType"), QStringLiteral("Edited type")}})
                    .ok());
    const QJsonObject theirsEdited = h.storeValues(theirs);
    const QString reviewedTags =
        ui::fieldvalues::text(productfields::sortedTags(h.product(job, mine).snapshot->tags));
    const WorkResult pushed = push(job);
    ASSERT_TRUE(pushed.status.ok());
    ASSERT_EQ(pushed.report.conflicts, 3);
    ASSERT_EQ(pushed.report.written, 1);

    ui::ConflictPanel panel(h.jobReader, host);
    showActive(panel);
    QSignalSpy loaded(&panel, &ui::ConflictPanel::loaded);
    panel.openJob(job);
    ASSERT_TRUE(QTest::qWaitFor([&] { return loaded.count() >= 1; }, patientMs));
    ui::ConflictListModel *list = panel.model();
    ASSERT_EQ(list->rowCount(), 3);
    EXPECT_EQ(cell(list, list->rowOf(mine), ui::ConflictListModel::Product),
              h.product(job, mine).title);
    EXPECT_EQ(cell(list, list->rowOf(theirs), ui::ConflictListModel::Changed),
              productfields::describe(productfields::productType));

    // Focus a product with the keyboard; its fields show when reviewed, Shopify now, mine.
    const auto focusRow = [&](const QString &id) {
        panel.view()->setFocus();
        QTest::keyClick(panel.view(), Qt::Key_Home, Qt::ControlModifier);
        for (int r = 0; r < list->rowOf(id); ++r)
            QTest::keyClick(panel.view(), Qt::Key_Down);
        ASSERT_EQ(panel.view()->currentIndex().row(), list->rowOf(id));
        ASSERT_EQ(panel.view()->selectionModel()->selectedRows().size(), 1);
    };
    focusRow(mine);
    QAbstractItemModel *fields = panel.fieldsView()->model();
    ASSERT_EQ(fields->rowCount(), 2);
    using F = ui::ConflictFieldsModel;
    EXPECT_EQ(cell(fields, 0, F::Field), productfields::describe(productfields::tags));
    EXPECT_EQ(cell(fields, 0, F::Reviewed), reviewedTags);
    EXPECT_EQ(cell(fields, 0, F::ShopifyNow), QStringLiteral("category:dresses, colleague-tag"));
    EXPECT_TRUE(cell(fields, 0, F::Mine).contains(QStringLiteral("category:dresses")));
    EXPECT_TRUE(fields->index(0, F::ShopifyNow).data(F::DifferentRole).toBool());
    EXPECT_TRUE(fields->index(0, F::ShopifyNow).data(Qt::BackgroundRole).isValid())
        << "the change in Shopify is highlighted";
    EXPECT_FALSE(fields->index(1, F::ShopifyNow).data(F::DifferentRole).toBool())
        << "the product type was not changed in Shopify";
    EXPECT_EQ(cell(fields, 1, F::Mine), QStringLiteral("Dresses"));

    // Keep mine (Ctrl+Shift+M): read again and queued.
    QSignalSpy resolved(&panel, &ui::ConflictPanel::resolved);
    QTest::keyClick(panel.view(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return resolved.count() == 1; }, patientMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return list->rowCount() == 2; }, patientMs));
    EXPECT_EQ(list->rowOf(mine), -1);
    EXPECT_EQ(h.product(job, mine).progress.sync, SyncState::Queued);

    // Keep theirs (Ctrl+Shift+T): nothing will be written.
    focusRow(theirs);
    QTest::keyClick(panel.view(), Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return resolved.count() == 2; }, patientMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return list->rowCount() == 1; }, patientMs));
    EXPECT_EQ(h.product(job, theirs).progress.review, ReviewState::Rejected);

    // Pick per field: untick Tags (Space on its Keep mine box), keep mine for the type.
    focusRow(merged);
    QTableView *fieldsView = panel.fieldsView();
    fieldsView->setFocus();
    QTest::keyClick(fieldsView, Qt::Key_Home, Qt::ControlModifier);
    QTest::keyClick(fieldsView, Qt::Key_End);
    ASSERT_EQ(fieldsView->currentIndex(), fields->index(0, F::KeepMine));
    EXPECT_EQ(fields->index(0, F::KeepMine).data(Qt::CheckStateRole).toInt(), Qt::Checked);
    QTest::keyClick(fieldsView, Qt::Key_Space);
    EXPECT_EQ(fields->index(0, F::KeepMine).data(Qt::CheckStateRole).toInt(), Qt::Unchecked);
    EXPECT_EQ(fields->index(1, F::KeepMine).data(Qt::CheckStateRole).toInt(), Qt::Checked);
    ASSERT_TRUE(panel.keepTickedAction()->isEnabled());
    QTest::keyClick(fieldsView, Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return resolved.count() == 3; }, patientMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return list->rowCount() == 0; }, patientMs));

    // The next push writes exactly what was chosen.
    const WorkResult resumed = push(job);
    ASSERT_TRUE(resumed.status.ok());
    EXPECT_EQ(resumed.report.written, 2);
    EXPECT_TRUE(resumed.report.clean())
        << resumed.report.problems.join(QLatin1Char('\n')).toStdString();
    const QJsonArray mineTags = tagsOf(h.storeValues(mine));
    EXPECT_TRUE(mineTags.contains(QStringLiteral("colleague-tag")));
    EXPECT_TRUE(mineTags.contains(QStringLiteral("category:dresses")));
    EXPECT_EQ(h.storeValues(theirs), theirsEdited) << "keep theirs writes nothing";
    EXPECT_EQ(tagsOf(h.storeValues(merged)), colleagueTags) << "their tags stay";
    EXPECT_EQ(h.storeValues(merged).value(QStringLiteral("productType")).toString(),
              QStringLiteral("Dresses"))
        << "my type is written";
}

TEST_F(HistoryPanels, ARevertLeavesAProductEditedInShopifyAloneAndSaysSo) {
    const qint64 job = h.analysedJob(2, tagsAndType);
    const auto original = h.storeValues();
    ASSERT_EQ(h.approveAll(job), 2);
    ASSERT_EQ(push(job).report.written, 2);
    // A colleague takes the category tag Tagdesk added off a product after the push: the
    // revert must not overwrite their edit.
    const QString edited = h.productIds.at(0);
    const QString untouched = h.productIds.at(1);
    QJsonArray theirTags;
    for (const QJsonValue &t : h.storeValues(edited).value(QStringLiteral("tags")).toArray()) {
        if (t.toString() != QLatin1String("category:dresses"))
            theirTags.append(t);
    }
    ASSERT_TRUE(sandbox::editProductAsMerchant(sandbox.server.store(), edited,
                                               {{QStringLiteral("tags"), theirTags}})
                    .ok());
    const QJsonObject editedNow = h.storeValues(edited);

    ui::HistoryPanel history(h.jobReader, host);
    history.setConfirmation([](const QString &, const QString &) { return true; });
    showActive(history);
    QSignalSpy loaded(&history, &ui::HistoryPanel::loaded);
    history.openJob(job);
    ASSERT_TRUE(QTest::qWaitFor([&] { return loaded.count() >= 1; }, patientMs));
    ASSERT_TRUE(history.revertJobAction()->isEnabled());
    QSignalSpy problems(&history, &ui::HistoryPanel::problem);
    QSignalSpy reverted(&history, &ui::HistoryPanel::reverted);
    QTest::keyClick(history.view(), Qt::Key_R,
                    Qt::ControlModifier | Qt::AltModifier | Qt::ShiftModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return reverted.count() == 1; }, patientMs));
    EXPECT_EQ(h.storeValues(edited), editedNow) << "nothing was overwritten";
    EXPECT_EQ(h.storeValues(untouched), original.value(untouched));
    ASSERT_EQ(problems.count(), 1);
    EXPECT_TRUE(problems.first().first().toString().contains(QStringLiteral("1 edited in Shopify")))
        << problems.first().first().toString().toStdString();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            QAbstractItemModel *rows = history.view()->model();
            for (int r = 0; r < rows->rowCount(); ++r) {
                if (cell(rows, r, ui::PushHistoryModel::Outcome)
                        .startsWith(QStringLiteral("Conflict")))
                    return true;
            }
            return false;
        },
        patientMs));

    // The conflict is listed, but there is nothing to settle: the push stays in Shopify.
    ui::ConflictPanel conflicts(h.jobReader, host);
    showActive(conflicts);
    QSignalSpy listed(&conflicts, &ui::ConflictPanel::loaded);
    conflicts.openJob(job);
    ASSERT_TRUE(QTest::qWaitFor([&] { return listed.count() >= 1; }, patientMs));
    ASSERT_EQ(conflicts.model()->rowCount(), 1);
    EXPECT_FALSE(conflicts.model()->settleable(edited));
    EXPECT_FALSE(conflicts.keepMineAction()->isEnabled());
    EXPECT_FALSE(conflicts.keepTheirsAction()->isEnabled());
    auto *note = conflicts.findChild<QLabel *>(QStringLiteral("conflictNote"));
    ASSERT_NE(note, nullptr);
    EXPECT_TRUE(note->text().contains(QStringLiteral("revert"))) << note->text().toStdString();
}

namespace {

PushRecord record(qint64 id, const QString &product, PushRecord::Kind kind) {
    PushRecord r;
    r.id = id;
    r.jobId = 1;
    r.productId = product;
    r.kind = kind;
    r.at = QDateTime(QDate(2026, 1, 1), QTime(10, int(id)), Qt::UTC);
    r.who = QStringLiteral("Ann");
    r.before = {{productfields::tags, QJsonArray{QStringLiteral("a")}}};
    r.after = {{productfields::tags, QJsonArray{QStringLiteral("a"), QStringLiteral("b")}}};
    return r;
}

Conflict conflict(const QString &product) {
    Conflict c;
    c.jobId = 1;
    c.productId = product;
    c.detectedAt = QDateTime(QDate(2026, 1, 2), QTime(9, 0), Qt::UTC);
    const QString colour =
        productfields::metafield(QStringLiteral("tagdesk"), QStringLiteral("colour"));
    const QString size =
        productfields::metafield(QStringLiteral("tagdesk"), QStringLiteral("size"));
    c.snapshotValues = {{productfields::tags, QJsonArray{QStringLiteral("a")}},
                        {colour, QJsonValue::Null},
                        {size, QStringLiteral("M")},
                        {QStringLiteral("updatedAt"), QStringLiteral("2026-01-01T00:00:00.000Z")}};
    c.remoteValues = {{productfields::tags, QJsonArray{QStringLiteral("x")}},
                      {colour, QJsonValue::Null},
                      {size, QStringLiteral("M")},
                      {QStringLiteral("updatedAt"), QStringLiteral("2026-01-02T00:00:00.000Z")}};
    c.approvedValues = {{productfields::tags, QJsonArray{QStringLiteral("a"), QStringLiteral("b")}},
                        {colour, QStringLiteral("navy")},
                        {size, QStringLiteral("L")}};
    return c;
}

} // namespace

TEST(HistoryModels, PushHistoryModelPassesTheModelTester) {
    ui::PushHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRecords({record(1, QStringLiteral("p1"), PushRecord::Kind::Push),
                      record(2, QStringLiteral("p2"), PushRecord::Kind::Push)});
    EXPECT_EQ(model.index(0, ui::PushHistoryModel::Product).data().toString(),
              QStringLiteral("p1"));
    model.setTitles({{QStringLiteral("p1"), QStringLiteral("Blue dress")}});
    EXPECT_EQ(model.index(0, ui::PushHistoryModel::Product).data().toString(),
              QStringLiteral("Blue dress"));
    PushRecord failed = record(3, QStringLiteral("p1"), PushRecord::Kind::Revert);
    failed.outcome = PushRecord::Outcome::Failed;
    failed.message = QStringLiteral("Product not found");
    model.setRecords({record(1, QStringLiteral("p1"), PushRecord::Kind::Push), failed});
    EXPECT_EQ(model.index(1, ui::PushHistoryModel::Action).data().toString(),
              QStringLiteral("Revert"));
    EXPECT_EQ(model.index(1, ui::PushHistoryModel::Outcome).data().toString(),
              QStringLiteral("Failed: Product not found"));
    model.setRecords({});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(HistoryModels, ConflictModelsPassTheModelTesterAndTickByDestination) {
    ui::ConflictListModel list;
    QAbstractItemModelTester listTester(&list,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
    list.setConflicts({conflict(QStringLiteral("p1")), conflict(QStringLiteral("p2"))});
    JobProduct p;
    p.productId = QStringLiteral("p2");
    p.title = QStringLiteral("Striped shirt");
    p.progress.sync = SyncState::Pushed; // a conflict found by a revert
    list.setProducts({p});
    EXPECT_EQ(list.index(1, ui::ConflictListModel::Product).data().toString(),
              QStringLiteral("Striped shirt"));
    EXPECT_EQ(list.index(0, ui::ConflictListModel::Changed).data().toString(),
              productfields::describe(productfields::tags));
    EXPECT_TRUE(list.settleable(QStringLiteral("p1"))) << "unknown until the products are read";
    EXPECT_FALSE(list.settleable(QStringLiteral("p2")));
    list.setConflicts({});

    using F = ui::ConflictFieldsModel;
    F fields;
    QAbstractItemModelTester fieldsTester(&fields,
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    fields.setConflict(conflict(QStringLiteral("p1")), nullptr);
    ASSERT_EQ(fields.rowCount(), 3) << "updatedAt is not a field";
    EXPECT_EQ(fields.fieldKeyAt(0), productfields::tags);
    EXPECT_EQ(fields.index(1, F::ShopifyNow).data().toString(), QStringLiteral("(none)"));
    EXPECT_EQ(fields.index(1, F::Mine).data().toString(), QStringLiteral("navy"));
    EXPECT_TRUE(fields.allKeptMine());
    // Unticking one metafield unticks them all: Tagdesk writes metafields together.
    ASSERT_TRUE(fields.setData(fields.index(1, F::KeepMine), Qt::Unchecked, Qt::CheckStateRole));
    EXPECT_EQ(fields.index(2, F::KeepMine).data(Qt::CheckStateRole).toInt(), Qt::Unchecked);
    EXPECT_EQ(fields.keptMine(), Destinations(Destination::Tags));
    EXPECT_FALSE(fields.allKeptMine());
    EXPECT_FALSE(fields.setData(fields.index(1, F::Mine), QStringLiteral("x"), Qt::EditRole));
    fields.setConflict(std::nullopt, nullptr);
    EXPECT_EQ(fields.rowCount(), 0);
}
