#pragma once

#include "imagereader.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace tagdesk::sandbox {

// What the sandbox's stand-in for a vision model answers: a JSON value that follows the
// JSON schema the caller sent in `response_format` (the subset structured outputs allow:
// object/array/string/number/integer/boolean/null, `enum`, `const`, nullable type lists,
// `anyOf`, local `$ref`s), each property filled from what the image shows — chosen by the
// property's name (category, colours, pattern, sleeves, alt text…). What an image cannot
// tell (material, style) is null where the schema allows it, else "unknown".
class SchemaAnswer {
public:
    explicit SchemaAnswer(const ImageReading &image);

    // The answer for a whole schema (`rootSchema` resolves `$ref`s).
    QJsonValue answer(const QJsonObject &rootSchema) const;
    // The object answered when the caller asked for JSON without a schema.
    QJsonObject freeFormAnswer() const;
    // One sentence about the image, for callers that asked for text.
    QString sentence() const;

private:
    enum class Meaning {
        Category,
        Colour,
        Pattern,
        Sleeves,
        AltText,
        Description,
        Title,
        Tags,
        Confidence,
        Unknown,
    };

    static Meaning meaningOf(const QString &propertyName);
    QJsonValue valueFor(const QJsonObject &schema, Meaning meaning, const QJsonObject &rootSchema,
                        int depth) const;
    QStringList candidates(Meaning meaning) const;
    QStringList listCandidates(Meaning meaning) const;
    QString garmentNoun() const;
    QString colourWords() const;

    const ImageReading &m_image;
};

} // namespace tagdesk::sandbox
