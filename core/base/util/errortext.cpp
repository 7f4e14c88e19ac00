#include "util/errortext.h"

#include <QCoreApplication>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
};
} // namespace

QString errorKindText(const Error &error) {
    switch (error.code) {
    case Error::Code::Failed:
    case Error::Code::InvalidInput:
        return {};
    case Error::Code::NotFound:
        return Texts::tr("Not found");
    case Error::Code::NotAllowed:
        return Texts::tr("Not allowed");
    case Error::Code::Storage:
        return Texts::tr("Database error");
    case Error::Code::Locked:
        return Texts::tr("Database in use");
    case Error::Code::Unavailable:
        return Texts::tr("Unavailable");
    case Error::Code::Quota:
        return Texts::tr("Quota used up");
    case Error::Code::TokenRejected:
        return Texts::tr("Token rejected");
    case Error::Code::ScopeMissing:
        return error.scope.isEmpty() ? Texts::tr("Scope missing")
                                     : Texts::tr("Scope missing (%1)").arg(error.scope);
    case Error::Code::Unreachable:
        return Texts::tr("Unreachable");
    case Error::Code::Throttled:
        return Texts::tr("Throttled");
    case Error::Code::Refused:
        return Texts::tr("Refused by the store");
    case Error::Code::LocalIo:
        return Texts::tr("File error");
    case Error::Code::TooExpensive:
        return Texts::tr("Too expensive a query");
    case Error::Code::Busy:
        return Texts::tr("Job busy");
    }
    return {};
}

QString errorText(const Error &error) {
    const QString kind = errorKindText(error);
    return kind.isEmpty() ? error.message : kind + QStringLiteral(": ") + error.message;
}

} // namespace tagdesk
