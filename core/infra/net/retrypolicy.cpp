#include "net/retrypolicy.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace tagdesk {

bool RetryPolicy::isRetryable(const AttemptOutcome &o) {
    switch (o.kind) {
    case AttemptOutcome::Kind::Success:
    case AttemptOutcome::Kind::HostNotFound:
        return false;
    case AttemptOutcome::Kind::ConnectionError:
    case AttemptOutcome::Kind::Timeout:
    case AttemptOutcome::Kind::Throttled:
    case AttemptOutcome::Kind::Malformed:
        return true;
    case AttemptOutcome::Kind::HttpError:
        return o.httpStatus == 429 || (o.httpStatus >= 500 && o.httpStatus <= 599);
    }
    return false;
}

RetryPolicy::Decision RetryPolicy::decide(int attempt, const AttemptOutcome &outcome,
                                          double random) const {
    if (!isRetryable(outcome) || attempt >= maxAttempts)
        return {};
    using std::chrono::milliseconds;
    // Full jitter: a random point in [0, min(max, base · 2^(attempt-1))] spreads the
    // clients of a recovering server instead of having them return in lockstep.
    const double ceiling =
        std::min(double(maxDelay.count()), double(baseDelay.count()) * std::pow(2.0, attempt - 1));
    milliseconds delay(qint64(std::clamp(random, 0.0, 1.0) * ceiling));
    if (outcome.retryAfter)
        delay = std::max(delay, std::min(*outcome.retryAfter, maxRetryAfter));
    return {true, delay};
}

std::optional<std::chrono::milliseconds> RetryPolicy::parseRetryAfter(const QByteArray &value,
                                                                      const QDateTime &now) {
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = trimmed.toDouble(&ok);
    if (ok)
        return seconds < 0 ? std::nullopt
                           : std::optional(std::chrono::milliseconds(qint64(seconds * 1000)));
    // RFC 9110 HTTP-date, e.g. "Wed, 21 Oct 2026 07:28:00 GMT".
    const QDateTime at = QLocale::c().toDateTime(QString::fromLatin1(trimmed).chopped(4),
                                                 QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!at.isValid() || !trimmed.endsWith(" GMT"))
        return std::nullopt;
    QDateTime utc = at;
    utc.setTimeSpec(Qt::UTC);
    return std::chrono::milliseconds(std::max<qint64>(0, now.msecsTo(utc)));
}

} // namespace tagdesk
