#include "pipeline/bulkpushwriter.h"

#include "shopify/bulkmutation.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(SyncRunner)
};

// The order writes are sent in, one bulk mutation each.
const QStringList bulkDocuments{QStringLiteral("TagsAdd"),       QStringLiteral("TagsRemove"),
                                QStringLiteral("MetafieldsSet"), QStringLiteral("MetafieldsDelete"),
                                QStringLiteral("ProductUpdate"), QStringLiteral("FileUpdate")};
} // namespace

BulkPushWriter::BulkPushWriter(SyncContext &sync, QObject *parent)
    : SyncStep(sync, parent) {
}

void BulkPushWriter::add(const ProductChange &change, const ProductSnapshot &remote) {
    m_checked.append({change, remote, {}, {}, std::nullopt});
}

QList<ProductChange> BulkPushWriter::takeFrom(qsizetype index) {
    QList<ProductChange> changes;
    for (qsizetype i = index; i < m_checked.size(); ++i)
        changes.append(m_checked.at(i).change);
    m_checked.clear();
    return changes;
}

void BulkPushWriter::write(std::function<void()> written) {
    m_written = std::move(written);
    for (Checked &c : m_checked)
        c.mutations = productwriter::mutationsFor(
            c.change.product.productId, writesFor(c.change.plan, c.remote, m_sync.job.writing));
    runKind(0);
}

void BulkPushWriter::runKind(int kind) {
    if (kind >= bulkDocuments.size())
        return m_written();
    const QString &document = bulkDocuments.at(kind);
    QList<QJsonObject> lines;
    QList<std::pair<qsizetype, QString>> owners; // checked index, payload name, per line
    for (qsizetype i = 0; i < m_checked.size(); ++i) {
        if (m_checked.at(i).error)
            continue; // refused earlier: nothing more is sent for it
        for (const ShopifyMutation &m : m_checked.at(i).mutations) {
            if (m.document == document) {
                lines.append(m.variables);
                owners.append({i, m.payload});
            }
        }
    }
    if (lines.isEmpty())
        return runKind(kind + 1);
    bulkmutation::run(m_sync.services.shopify, document, lines, m_sync.services.bulkPollMs)
        .then(this, [this, kind, owners](const Result<QList<QJsonObject>> &results) {
            if (m_sync.finished)
                return;
            if (!results) {
                if (stopsTheSync(results.error()))
                    return m_sync.unreachable(results.error());
                for (const auto &[index, payload] : owners)
                    m_checked[index].error = results.error();
                return runKind(kind + 1);
            }
            settleLines(owners, results.value());
            runKind(kind + 1);
        });
}

void BulkPushWriter::settleLines(const QList<std::pair<qsizetype, QString>> &owners,
                                 const QList<QJsonObject> &results) {
    for (qsizetype line = 0; line < owners.size(); ++line) {
        const auto &[index, payloadName] = owners.at(line);
        const QJsonObject data = results.at(line);
        Checked &c = m_checked[index];
        if (c.error)
            continue;
        if (data.contains(QLatin1String("errors"))) {
            c.error = Error::failed(
                Texts::tr("Shopify did not run %1 for it in the bulk update: %2")
                    .arg(payloadName,
                         QString::fromUtf8(
                             QJsonDocument(data.value(QLatin1String("errors")).toArray())
                                 .toJson(QJsonDocument::Compact))));
            continue;
        }
        const QJsonObject payload = data.value(payloadName).toObject();
        if (auto refused = productwriter::refusal(payloadName, payload))
            c.error = *refused;
        else
            c.answers.append(QJsonObject{{payloadName, payload}});
    }
}

} // namespace tagdesk
