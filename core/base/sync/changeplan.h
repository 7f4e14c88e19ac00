#pragma once

#include "domain/decision.h"
#include "domain/destination.h"
#include "domain/product.h"
#include "domain/suggestion.h"
#include "domain/writesettings.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace tagdesk {

// One attribute value the reviewer approved for a product (a suggestion or an edit).
struct ApprovedValue {
    QString attribute;
    QString value;

    friend bool operator==(const ApprovedValue &, const ApprovedValue &) = default;
};

// What a product's review settled on: per attribute, the best suggestion unless the
// reviewer edited or rejected it. Attributes the reviewer added by an edit are included.
QList<ApprovedValue> approvedValues(const QList<Suggestion> &suggestions,
                                    const QList<AttributeDecision> &decisions);

// The metafield key an attribute is written under: letters, digits, _ and -, at most 64
// characters (Shopify's rule); "sleeve_length", "neck_style".
QString metafieldKeyFor(const QString &attribute);

// Shopify's limits, checked before sync so a value Shopify would refuse is flagged, not
// discovered after (250 tags of at most 255 characters: shopify.dev/docs/api/admin-graphql
// Product.tags; alt text 512: shopify.dev/docs/api/admin-graphql MediaImage.alt).
namespace shopifylimits {
inline constexpr int maxTags = 250;
inline constexpr int maxTagLength = 255;
inline constexpr int maxAltLength = 512;
inline constexpr int maxListMetafieldItems = 128;
} // namespace shopifylimits

// The before → after of one product: every field the push would change, with the value
// the product had when it was fetched and the value it would get. Computed locally from
// the snapshot; the preview shows it, sync writes it, the push log keeps it, and revert
// writes it backwards.
struct ChangePlan {
    QString productId;
    QJsonObject before;   // field key (see productfields) → the snapshot's value
    QJsonObject after;    // field key → the value to write; only fields that change
    QStringList problems; // why Shopify would refuse it, one line each; empty if none
    // What the plan leaves out and why (a value a category metafield cannot take); unlike
    // a problem it does not stop the rest from being pushed.
    QStringList notes = {};

    bool isEmpty() const { return after.isEmpty(); }
    bool isWritable() const { return problems.isEmpty(); }
    // The same change undone: what a revert writes.
    ChangePlan reversed() const;

    static ChangePlan fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

ChangePlan planChange(const ProductSnapshot &snapshot, const QList<ApprovedValue> &values,
                      Destinations destinations, const WriteSettings &settings);

// The Shopify writes that turn `current` into plan.after. Tags move by difference (never
// the whole list: someone may have added a tag meanwhile); metafields keep their type.
struct ProductWrites {
    QStringList tagsToAdd;
    QStringList tagsToRemove;
    struct MetafieldWrite {
        QString ns, key, type, value;
        std::optional<QString> compareDigest; // nullopt: must not exist yet
    };
    QList<MetafieldWrite> metafieldsToSet;
    // A category metafield (shopify.<key>) to set to the store's metaobjects of these
    // taxonomy values: which metaobjects they are is found (or made) when it is written.
    struct CategoryMetafieldWrite {
        QString attributeHandle = {};              // color
        QString key = {};                          // color-pattern
        QStringList taxonomyValueIds = {};         // or a metaobject id Tagdesk could not read
        std::optional<QString> compareDigest = {}; // nullopt: must not exist yet
    };
    QList<CategoryMetafieldWrite> categoryMetafieldsToSet;
    QList<std::pair<QString, QString>> metafieldsToDelete; // namespace, key
    std::optional<QString> productType;
    std::optional<QString> descriptionHtml;
    std::optional<QJsonValue> category; // a TaxonomyCategory id, or null to clear it
    // media id, alt; only images Shopify reports READY (the others wait for a later sync)
    QList<std::pair<QString, QString>> altTexts;

    bool isEmpty() const;
};

ProductWrites writesFor(const ChangePlan &plan, const ProductSnapshot &current,
                        const WriteSettings &settings);

// The text of a template with {attribute} placeholders filled; empty placeholders vanish
// with the space or dash before them.
QString fillTemplate(const QString &text, const QHash<QString, QString> &values);

} // namespace tagdesk
