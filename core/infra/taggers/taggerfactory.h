#pragma once

#include "domain/tagger.h"
#include "domain/taggersettings.h"
#include "taggers/tagger.h"

#include <memory>

namespace tagdesk {

class HttpClient;

// Makes the tagger a job asked for, or says why it cannot (no key configured, …).
Result<std::unique_ptr<Tagger>> makeTagger(TaggerKind kind, const TaggerSettings &settings,
                                           HttpClient *http);

} // namespace tagdesk
