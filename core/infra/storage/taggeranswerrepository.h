#pragma once

#include "storage/connection.h"

#include <optional>
#include <QByteArray>

namespace tagdesk {

// The tagger_answers table: every raw answer, keyed by tagger, settings and image, so a
// job run again (or another job with the same picture) never pays twice.
class TaggerAnswerRepository {
public:
    explicit TaggerAnswerRepository(Connection &conn)
        : m_conn(conn) {}

    Result<std::optional<QByteArray>> find(const QString &tagger, const QString &settingsKey,
                                           const QString &imageSha256);
    Status save(const QString &tagger, const QString &settingsKey, const QString &imageSha256,
                const QByteArray &answer);

private:
    Connection &m_conn;
};

} // namespace tagdesk
