#include "domain/urlsafety.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(HttpClient)
};
} // namespace

bool isLoopbackUrl(const QUrl &url) {
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Status checkUrlIsSafe(const QUrl &url) {
    if (!url.isValid() || url.host().isEmpty())
        return Error::invalid(Texts::tr("'%1' is not a valid address").arg(url.toString()));
    if (url.scheme() == QLatin1String("https"))
        return {};
    if (url.scheme() == QLatin1String("http") && isLoopbackUrl(url))
        return {};
    if (url.scheme() == QLatin1String("http"))
        return Error::invalid(
            Texts::tr("'%1' uses plain http; Tagdesk sends credentials only over https "
                      "(http is allowed to this computer only)")
                .arg(url.toDisplayString()));
    return Error::invalid(Texts::tr("'%1' is not an http(s) address").arg(url.toDisplayString()));
}

} // namespace tagdesk
