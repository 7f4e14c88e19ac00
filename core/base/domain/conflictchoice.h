#pragma once

#include "domain/destination.h"

#include <optional>

namespace tagdesk {

// A person's answer to a conflict (DESIGN: "re-queued only by a person").
struct ConflictChoice {
    enum class Keep { Mine, Theirs };
    Keep keep = Keep::Mine;
    // Keep::Mine only: write just these destinations, and leave Shopify's values for the
    // rest (a merge per field). nullopt: everything that was approved.
    std::optional<Destinations> only;
};

} // namespace tagdesk
