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

const QList<AskedAttribute> &askedAttributes();

// `response_format.json_schema.schema`, strict-mode compatible
// (https://platform.openai.com/docs/guides/structured-outputs): every
// object closed with additionalProperties:false and every property required.
QJsonObject responseSchema();

// The text part of the user message; it repeats the schema in words for local models that
// do not enforce it (Ollama, llama.cpp's llama-server).
QString prompt();

// The labels in a model's answer (`choices[0].message.content`) after checking it has the
// shape asked for: a JSON object, every attribute present as {attribute, confidence}, values
// of the right type and from the allowed list, confidences numbers within 0..1. A broken
// answer is an error saying what was wrong, never a guess.
Result<QList<ProviderLabel>> contentLabels(const QByteArray &content);

} // namespace tagdesk::openai
