#pragma once

#include <QString>

#include <optional>

namespace tagdesk {

// The image-tagging services a job can use.
enum class TaggerKind { Local, Ximilar, Pixyle, OpenAi };

// Stable key used on the command line, in settings and in the database.
QString taggerKey(TaggerKind kind);
std::optional<TaggerKind> taggerFromKey(const QString &key);
QString taggerDisplayName(TaggerKind kind);

} // namespace tagdesk
