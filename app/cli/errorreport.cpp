#include "cli/errorreport.h"

#include "util/errortext.h"

namespace tagdesk::cli {

int exitCodeFor(const Error &error) {
    switch (error.code) {
    case Error::Code::InvalidInput:
        return UsageError;
    case Error::Code::Failed:
    case Error::Code::NotFound:
    case Error::Code::NotAllowed:
    case Error::Code::Storage:
    case Error::Code::Locked:
    case Error::Code::Unavailable:
    case Error::Code::Quota:
    case Error::Code::TokenRejected:
    case Error::Code::ScopeMissing:
    case Error::Code::Unreachable:
    case Error::Code::Throttled:
    case Error::Code::Refused:
    case Error::Code::LocalIo:
    case Error::Code::TooExpensive:
    case Error::Code::Busy:
        return Failed;
    }
    return Failed;
}

int reportError(QTextStream &err, const Error &error) {
    err << "tagdesk-cli: " << errorText(error) << Qt::endl;
    return exitCodeFor(error);
}

} // namespace tagdesk::cli
