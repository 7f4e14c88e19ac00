#include "taggers/pixyleanswer.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace tagdesk::pixyle {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(PixyleTagger)
};

// [{tag: score}, …] → (tag, score) pairs.
QList<QPair<QString, double>> scores(const QJsonArray &list) {
    QList<QPair<QString, double>> out;
    for (const QJsonValue &entry : list) {
        const QJsonObject o = entry.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.append({it.key(), it.value().toDouble()});
    }
    return out;
}
} // namespace

Result<QList<ProviderLabel>> productLabels(const QJsonObject &product) {
    if (!product.value(QLatin1String("attributes")).isObject() &&
        !product.value(QLatin1String("category")).isString())
        return Error::failed(
            Texts::tr("Pixyle's answer has neither a category nor attributes%1")
                .arg(
                    product.value(QLatin1String("errors")).toArray().isEmpty()
                        ? QString()
                        : QStringLiteral(": ") +
                              product.value(QLatin1String("errors")).toArray().first().toString()));

    QList<ProviderLabel> labels;
    const QString category = product.value(QLatin1String("category")).toString();
    if (!category.isEmpty())
        labels.append({QStringLiteral("category"), category, 1.0});

    const QJsonObject attributes = product.value(QLatin1String("attributes")).toObject();
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        const QJsonObject attribute = it.value().toObject();
        const auto correct = scores(attribute.value(QLatin1String("correct")).toArray());
        if (correct.isEmpty())
            continue;
        for (const auto &[tag, score] : correct)
            labels.append({it.key(), tag, score});
        int alternatives = 0;
        for (const auto &[tag, score] : scores(attribute.value(QLatin1String("all")).toArray())) {
            if (alternatives == kAlternatives)
                break;
            if (std::any_of(correct.begin(), correct.end(),
                            // An init-capture: clang before 16 (Apple's too) cannot
                            // capture a structured binding itself.
                            [&alternative = tag](const auto &c) { return c.first == alternative; }))
                continue;
            labels.append({it.key(), tag, score});
            ++alternatives;
        }
    }
    return labels;
}

QList<QPair<QString, QJsonObject>> autotagProducts(const QJsonObject &result) {
    QList<QPair<QString, QJsonObject>> out;
    const QJsonObject categories = result.value(QLatin1String("detected_categories")).toObject();
    for (auto c = categories.begin(); c != categories.end(); ++c) {
        const QJsonObject products =
            c.value().toObject().value(QLatin1String("products")).toObject();
        for (auto p = products.begin(); p != products.end(); ++p) {
            QJsonObject product = p.value().toObject();
            if (!product.contains(QLatin1String("sku")))
                product.insert(QStringLiteral("sku"), p.key()); // the live API names it inside
            out.append({p.key(), product});
        }
    }
    return out;
}

} // namespace tagdesk::pixyle
