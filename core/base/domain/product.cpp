#include "domain/product.h"

#include "util/jsonwriter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <array>

namespace tagdesk {

namespace {
template <typename Enum, std::size_t N>
std::optional<Enum> fromKey(const QString &key, const std::array<Enum, N> &all,
                            QString (*toKey)(Enum)) {
    for (Enum e : all) {
        if (toKey(e) == key)
            return e;
    }
    return std::nullopt;
}

QString str(const QJsonObject &o, const char *name) {
    return o.value(QLatin1String(name)).toString();
}

void writeStrings(JsonWriter &w, const QStringList &strings) {
    w.beginArray();
    for (const QString &s : strings)
        w.value(s);
    w.endArray();
}
} // namespace

const Metafield *ProductSnapshot::metafield(const QString &ns, const QString &key) const {
    for (const Metafield &m : metafields) {
        if (m.ns == ns && m.key == key)
            return &m;
    }
    return nullptr;
}

const CategoryMetaobject *ProductSnapshot::categoryMetaobject(const QString &id) const {
    for (const CategoryMetaobject &m : categoryMetaobjects) {
        if (m.id == id)
            return &m;
    }
    return nullptr;
}

QString ProductSnapshot::toJsonText() const {
    using namespace Qt::StringLiterals;
    // Keys in the order a QJsonObject keeps them (sorted), so that the text is the one
    // snapshots were stored as when a QJsonObject was built and printed.
    JsonWriter w;
    w.reserve(1024);
    const auto field = [&w](QLatin1StringView name, const auto &value) {
        w.key(name);
        w.value(value);
    };
    w.beginObject();
    if (!category.isEmpty()) {
        w.key("category"_L1);
        w.beginObject();
        field("fullName"_L1, category.fullName);
        field("id"_L1, category.id);
        field("isArchived"_L1, category.archived);
        w.endObject();
    }
    if (!categoryMetaobjects.isEmpty()) {
        w.key("categoryMetaobjects"_L1);
        w.beginArray();
        for (const CategoryMetaobject &m : categoryMetaobjects) {
            w.beginObject();
            field("handle"_L1, m.handle);
            field("id"_L1, m.id);
            w.key("taxonomyValueIds"_L1);
            writeStrings(w, m.taxonomyValueIds);
            field("type"_L1, m.type);
            w.endObject();
        }
        w.endArray();
    }
    field("descriptionHtml"_L1, descriptionHtml);
    field("handle"_L1, handle);
    field("id"_L1, id);
    w.key("media"_L1);
    w.beginArray();
    for (const MediaImage &m : media) {
        w.beginObject();
        field("alt"_L1, m.alt);
        field("analysisUrl"_L1, m.analysisUrl.toString());
        field("height"_L1, m.height);
        field("id"_L1, m.id);
        field("status"_L1, m.status);
        field("url"_L1, m.url.toString());
        field("width"_L1, m.width);
        w.endObject();
    }
    w.endArray();
    w.key("metafields"_L1);
    w.beginArray();
    for (const Metafield &m : metafields) {
        w.beginObject();
        field("compareDigest"_L1, m.compareDigest);
        field("key"_L1, m.key);
        field("namespace"_L1, m.ns);
        field("type"_L1, m.type);
        field("value"_L1, m.value);
        w.endObject();
    }
    w.endArray();
    field("productType"_L1, productType);
    field("status"_L1, status);
    w.key("tags"_L1);
    writeStrings(w, tags);
    field("title"_L1, title);
    field("updatedAt"_L1, updatedAt.toUTC().toString(Qt::ISODateWithMs));
    field("vendor"_L1, vendor);
    w.endObject();
    return QString::fromUtf8(w.data());
}

QJsonObject ProductSnapshot::toJson() const {
    return QJsonDocument::fromJson(toJsonText().toUtf8()).object();
}

Result<ProductSnapshot> ProductSnapshot::fromJson(const QJsonObject &json) {
    ProductSnapshot s;
    s.id = str(json, "id");
    if (!s.id.startsWith(QLatin1String("gid://shopify/Product/")))
        return Error::invalid(QCoreApplication::translate(
                                  "ProductSnapshot", "A product snapshot has no valid id ('%1')")
                                  .arg(s.id));
    s.handle = str(json, "handle");
    s.title = str(json, "title");
    s.vendor = str(json, "vendor");
    s.productType = str(json, "productType");
    // Snapshots stored before categories were read have none: no category known.
    if (const QJsonObject c = json.value(QStringLiteral("category")).toObject(); !c.isEmpty())
        s.category = {str(c, "id"), str(c, "fullName"),
                      c.value(QStringLiteral("isArchived")).toBool()};
    s.status = str(json, "status");
    s.descriptionHtml = str(json, "descriptionHtml");
    for (const auto &t : json.value(QStringLiteral("tags")).toArray())
        s.tags << t.toString();
    for (const auto &v : json.value(QStringLiteral("media")).toArray()) {
        const QJsonObject m = v.toObject();
        s.media.append({str(m, "id"), QUrl(str(m, "url")), str(m, "alt"),
                        m.value(QStringLiteral("width")).toInt(),
                        m.value(QStringLiteral("height")).toInt(),
                        // Snapshots stored before the status was read: their files were
                        // treated as ready.
                        m.value(QStringLiteral("status")).toString(QStringLiteral("READY")),
                        // Snapshots stored before renditions were asked for have none: their
                        // originals are analysed.
                        QUrl(str(m, "analysisUrl"))});
    }
    for (const auto &v : json.value(QStringLiteral("metafields")).toArray()) {
        const QJsonObject m = v.toObject();
        s.metafields.append({str(m, "namespace"), str(m, "key"), str(m, "type"), str(m, "value"),
                             str(m, "compareDigest")});
    }
    // Snapshots stored before category metafields were read have none.
    for (const auto &v : json.value(QStringLiteral("categoryMetaobjects")).toArray()) {
        const QJsonObject m = v.toObject();
        QStringList values;
        for (const QJsonValue &id : m.value(QStringLiteral("taxonomyValueIds")).toArray())
            values << id.toString();
        s.categoryMetaobjects.append({str(m, "id"), str(m, "type"), str(m, "handle"), values});
    }
    s.updatedAt = QDateTime::fromString(str(json, "updatedAt"), Qt::ISODateWithMs);
    return s;
}

QString stageKey(PipelineStage s) {
    switch (s) {
    case PipelineStage::Pending:
        return QStringLiteral("pending");
    case PipelineStage::Fetching:
        return QStringLiteral("fetching");
    case PipelineStage::Fetched:
        return QStringLiteral("fetched");
    case PipelineStage::Analysing:
        return QStringLiteral("analysing");
    case PipelineStage::Analysed:
        return QStringLiteral("analysed");
    case PipelineStage::Failed:
        return QStringLiteral("failed");
    case PipelineStage::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

QString reviewKey(ReviewState s) {
    switch (s) {
    case ReviewState::Pending:
        return QStringLiteral("pending");
    case ReviewState::Approved:
        return QStringLiteral("approved");
    case ReviewState::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

QString syncKey(SyncState s) {
    switch (s) {
    case SyncState::None:
        return QStringLiteral("none");
    case SyncState::Queued:
        return QStringLiteral("queued");
    case SyncState::Pushing:
        return QStringLiteral("pushing");
    case SyncState::Pushed:
        return QStringLiteral("pushed");
    case SyncState::Failed:
        return QStringLiteral("failed");
    case SyncState::Conflict:
        return QStringLiteral("conflict");
    case SyncState::Reverting:
        return QStringLiteral("reverting");
    case SyncState::Reverted:
        return QStringLiteral("reverted");
    }
    return {};
}

std::optional<PipelineStage> stageFromKey(const QString &key) {
    using S = PipelineStage;
    return fromKey(key,
                   std::array{S::Pending, S::Fetching, S::Fetched, S::Analysing, S::Analysed,
                              S::Failed, S::Skipped},
                   &stageKey);
}

std::optional<ReviewState> reviewFromKey(const QString &key) {
    using S = ReviewState;
    return fromKey(key, std::array{S::Pending, S::Approved, S::Rejected}, &reviewKey);
}

std::optional<SyncState> syncFromKey(const QString &key) {
    using S = SyncState;
    return fromKey(key,
                   std::array{S::None, S::Queued, S::Pushing, S::Pushed, S::Failed, S::Conflict,
                              S::Reverting, S::Reverted},
                   &syncKey);
}

QString stageText(PipelineStage s) {
    switch (s) {
    case PipelineStage::Pending:
        return QCoreApplication::translate("PipelineStage", "Waiting");
    case PipelineStage::Fetching:
        return QCoreApplication::translate("PipelineStage", "Downloading");
    case PipelineStage::Fetched:
        return QCoreApplication::translate("PipelineStage", "Downloaded");
    case PipelineStage::Analysing:
        return QCoreApplication::translate("PipelineStage", "Analysing");
    case PipelineStage::Analysed:
        return QCoreApplication::translate("PipelineStage", "Analysed");
    case PipelineStage::Failed:
        return QCoreApplication::translate("PipelineStage", "Failed");
    case PipelineStage::Skipped:
        return QCoreApplication::translate("PipelineStage", "Skipped");
    }
    return {};
}

QString reviewText(ReviewState s) {
    switch (s) {
    case ReviewState::Pending:
        return QCoreApplication::translate("ReviewState", "Needs review");
    case ReviewState::Approved:
        return QCoreApplication::translate("ReviewState", "Approved");
    case ReviewState::Rejected:
        return QCoreApplication::translate("ReviewState", "Rejected");
    }
    return {};
}

QString syncText(SyncState s) {
    switch (s) {
    case SyncState::None:
        return QCoreApplication::translate("SyncState", "Not queued");
    case SyncState::Queued:
        return QCoreApplication::translate("SyncState", "Waiting to sync");
    case SyncState::Pushing:
        return QCoreApplication::translate("SyncState", "Syncing");
    case SyncState::Pushed:
        return QCoreApplication::translate("SyncState", "Synced");
    case SyncState::Failed:
        return QCoreApplication::translate("SyncState", "Sync failed");
    case SyncState::Conflict:
        return QCoreApplication::translate("SyncState", "Conflict");
    case SyncState::Reverting:
        return QCoreApplication::translate("SyncState", "Reverting");
    case SyncState::Reverted:
        return QCoreApplication::translate("SyncState", "Reverted");
    }
    return {};
}

} // namespace tagdesk
