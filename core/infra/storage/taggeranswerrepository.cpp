#include "storage/taggeranswerrepository.h"

#include <QCoreApplication>
#include <QDateTime>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(TaggerAnswerRepository)
};
} // namespace

Result<std::optional<QByteArray>> TaggerAnswerRepository::find(const QString &tagger,
                                                               const QString &settingsKey,
                                                               const QString &imageSha256) {
    auto q = runSql(
        m_conn.db(),
        QStringLiteral("SELECT answer FROM tagger_answers WHERE tagger = ? AND settings_key = ? "
                       "AND image_sha256 = ?"),
        {tagger, settingsKey, imageSha256}, Texts::tr("reading a stored tagger answer"));
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(q->value(0).toString().toUtf8());
}

Status TaggerAnswerRepository::save(const QString &tagger, const QString &settingsKey,
                                    const QString &imageSha256, const QByteArray &answer) {
    auto q = runSql(
        m_conn.db(),
        QStringLiteral("INSERT INTO tagger_answers (tagger, settings_key, image_sha256, answer, "
                       "received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tagger, settings_key, "
                       "image_sha256) DO UPDATE SET answer = excluded.answer, "
                       "received_at = excluded.received_at"),
        {tagger, settingsKey, imageSha256, QString::fromUtf8(answer),
         toDbTime(QDateTime::currentDateTimeUtc())},
        Texts::tr("storing a tagger answer"));
    return q ? Status{} : Status{q.error()};
}

} // namespace tagdesk
