#pragma once

// The text snapshots were stored as until 2026-12-04: a QJsonObject built field by field and
// printed compact. ProductSnapshot::toJsonText now writes the text directly; the tests hold
// it to this reference so that every snapshot already in a database still reads the same.
#include "domain/product.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tagdesk::test {

inline QString referenceSnapshotText(const ProductSnapshot &s) {
    QJsonArray media;
    for (const MediaImage &m : s.media)
        media.append(QJsonObject{{QStringLiteral("id"), m.id},
                                 {QStringLiteral("url"), m.url.toString()},
                                 {QStringLiteral("alt"), m.alt},
                                 {QStringLiteral("width"), m.width},
                                 {QStringLiteral("height"), m.height},
                                 {QStringLiteral("status"), m.status},
                                 {QStringLiteral("analysisUrl"), m.analysisUrl.toString()}});
    QJsonArray metafields;
    for (const Metafield &m : s.metafields)
        metafields.append(QJsonObject{{QStringLiteral("namespace"), m.ns},
                                      {QStringLiteral("key"), m.key},
                                      {QStringLiteral("type"), m.type},
                                      {QStringLiteral("value"), m.value},
                                      {QStringLiteral("compareDigest"), m.compareDigest}});
    QJsonObject json{
        {QStringLiteral("id"), s.id},
        {QStringLiteral("handle"), s.handle},
        {QStringLiteral("title"), s.title},
        {QStringLiteral("vendor"), s.vendor},
        {QStringLiteral("productType"), s.productType},
        {QStringLiteral("status"), s.status},
        {QStringLiteral("descriptionHtml"), s.descriptionHtml},
        {QStringLiteral("tags"), QJsonArray::fromStringList(s.tags)},
        {QStringLiteral("media"), media},
        {QStringLiteral("metafields"), metafields},
        {QStringLiteral("updatedAt"), s.updatedAt.toUTC().toString(Qt::ISODateWithMs)}};
    if (!s.category.isEmpty())
        json.insert(QStringLiteral("category"),
                    QJsonObject{{QStringLiteral("id"), s.category.id},
                                {QStringLiteral("fullName"), s.category.fullName},
                                {QStringLiteral("isArchived"), s.category.archived}});
    if (!s.categoryMetaobjects.isEmpty()) {
        QJsonArray entries;
        for (const CategoryMetaobject &m : s.categoryMetaobjects)
            entries.append(QJsonObject{{QStringLiteral("id"), m.id},
                                       {QStringLiteral("type"), m.type},
                                       {QStringLiteral("handle"), m.handle},
                                       {QStringLiteral("taxonomyValueIds"),
                                        QJsonArray::fromStringList(m.taxonomyValueIds)}});
        json.insert(QStringLiteral("categoryMetaobjects"), entries);
    }
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

// Checks that `s` stored as text reads back as itself and as the reference text does.
inline void expectStoredTextReadsBack(const ProductSnapshot &s) {
    const QString text = s.toJsonText();
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(text.toUtf8(), &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError)
        << error.errorString().toStdString() << " in " << text.toStdString();
    const QJsonDocument reference = QJsonDocument::fromJson(referenceSnapshotText(s).toUtf8());
    EXPECT_EQ(parsed, reference) << s.id.toStdString();
    const auto back = ProductSnapshot::fromJson(parsed.object());
    ASSERT_TRUE(back.ok()) << s.id.toStdString();
    const auto old = ProductSnapshot::fromJson(reference.object());
    ASSERT_TRUE(old.ok()) << s.id.toStdString();
    EXPECT_EQ(back.value(), old.value()) << s.id.toStdString();
    EXPECT_EQ(back.value(), s) << s.id.toStdString();
}

} // namespace tagdesk::test
