#pragma once

#include "domain/suggestion.h"

namespace tagdesk {

// A product's suggestions from the suggestions of each of its images: per attribute the
// value with the highest confidence, the other values seen as its alternatives (each with
// the highest confidence it had), in the order attributes first appear. Attributes not
// in `wanted` are dropped (an empty `wanted` keeps all).
QList<Suggestion> mergeSuggestions(const QList<QList<Suggestion>> &perImage,
                                   const QStringList &wanted);

} // namespace tagdesk
