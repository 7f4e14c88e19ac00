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

QString urlOrigin(const QUrl &url) {
    return url.scheme() + QLatin1String("://") + url.host().toLower() + QLatin1Char(':') +
           QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
}

Status checkRedirect(const QUrl &from, const QUrl &to, bool carriesCredentials) {
    if (auto safe = checkUrlIsSafe(to); !safe)
        return safe;
    if (from.scheme() == QLatin1String("https") && to.scheme() != QLatin1String("https"))
        return Error::invalid(Texts::tr("%1 redirected to %2, from https to plain http; Tagdesk "
                                        "does not follow it")
                                  .arg(from.host(), to.toDisplayString(QUrl::RemoveQuery)));
    if (carriesCredentials && urlOrigin(from) != urlOrigin(to))
        return Error::invalid(
            Texts::tr("%1 redirected to another host, %2; Tagdesk does not send its credentials "
                      "there. Check the address in Settings")
                .arg(from.host(), to.host()));
    return {};
}

} // namespace tagdesk
