#pragma once

#include "taggers/taxonomy.h"
#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace tagdesk::openai {

// What Tagdesk asks a vision model for, and how it checks the answer: one property per
// Tagdesk attribute, each {"<attribute>": value, "confidence": 0..1}. The value sits under
// the attribute's own name rather than a generic "value" so that a model (or a
// schema-following stand-in) reading only the inner object still knows what it is asked.
struct AskedAttribute {
    QString attribute;    // Tagdesk's attribute key, also the property name
    QStringList allowed;  // the only values accepted; empty: any short text
    bool nullable = true; // null means "the photo does not show it"
    QString description;
};

// What is asked about one image. A product filed under a Shopify category (or whose words
// name one) may be asked in the Standard Product Taxonomy's vocabulary: each attribute the
// category has whose values Tagdesk carries (colour, pattern, fabric, sleeve length,
// neckline) allows only the taxonomy's values, and the Shopify category itself is chosen
// among that category and its neighbours, so an answer becomes a category metafield value
// without a guess. Gender keeps women/men/unisex/kids: "kids" fills the age group, which
// the taxonomy keeps apart from the target gender. Without a category: the general question.
struct Question {
    QString categoryId = {}; // short taxonomy id ("aa-1-4"); empty for the general question
    QList<AskedAttribute> attributes = {};
};

// The general question, and the one for a product in `categoryId` (full or short id); an
// id the embedded taxonomy does not know gives the general question.
const Question &generalQuestion();
Question question(const QString &categoryId);

// `response_format.json_schema.schema`, strict-mode compatible
// (https://platform.openai.com/docs/guides/structured-outputs): every
// object closed with additionalProperties:false and every property required.
QJsonObject responseSchema(const Question &question);

// The text part of the user message; it repeats the schema in words for local models that
// do not enforce it (Ollama, llama.cpp's llama-server).
QString prompt(const Question &question);

// What identifies a question: a hash of its prompt and schema.
QString questionHash(const Question &question);

// The labels in a model's answer (`choices[0].message.content`) after checking it has the
// shape `question` asked for: a JSON object, every attribute present as {attribute,
// confidence}, values of the right type and from the allowed list, confidences numbers
// within 0..1. A broken answer is an error saying what was wrong, never a guess.
Result<QList<ProviderLabel>> contentLabels(const QByteArray &content, const Question &question);

// The labels of an answer checked when it came, read again from storage without knowing
// which question it answered: the general question's shape, any value, and the Shopify
// category when the answer has one.
Result<QList<ProviderLabel>> storedContentLabels(const QByteArray &content);

} // namespace tagdesk::openai
