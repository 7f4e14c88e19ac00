#include "taggers/localtagger.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(LocalTagger)
};
} // namespace

LocalTagger::LocalTagger(LocalColourAnalyser::Settings settings, int threads)
    : m_analyser(settings) {
    m_pool.setMaxThreadCount(threads > 0 ? threads : std::max(1, QThread::idealThreadCount()));
}

QFuture<Result<QList<Result<TaggerAnswer>>>>
LocalTagger::analyse(const QList<TaggerImage> &images) {
    // The analyser is const and thread-safe; the suggestions are written as the raw
    // answer and read back through interpret(), the same path a cache hit takes.
    return QtConcurrent::run(&m_pool, [this, images]() -> Result<QList<Result<TaggerAnswer>>> {
        QList<Result<TaggerAnswer>> answers;
        answers.reserve(images.size());
        for (const TaggerImage &image : images) {
            auto suggestions = m_analyser.analyse(image.bytes, image.mediaId);
            if (!suggestions) {
                answers.append(suggestions.error());
                continue;
            }
            QJsonArray list;
            for (const Suggestion &s : suggestions.value())
                list.append(s.toJson());
            const QJsonObject raw{{QStringLiteral("analyser"), m_analyser.settingsKey()},
                                  {QStringLiteral("suggestions"), list}};
            answers.append(TaggerAnswer{QJsonDocument(raw).toJson(QJsonDocument::Compact),
                                        suggestions.value()});
        }
        return answers;
    });
}

Result<QList<Suggestion>> LocalTagger::interpret(const QByteArray &raw,
                                                 const QString &mediaId) const {
    const QJsonDocument doc = QJsonDocument::fromJson(raw);
    if (!doc.isObject() || !doc.object().value(QLatin1String("suggestions")).isArray())
        return Error::failed(Texts::tr("A stored answer of the local colour analyser is damaged"));
    QList<Suggestion> out;
    for (const QJsonValue &v : doc.object().value(QLatin1String("suggestions")).toArray()) {
        Suggestion s = Suggestion::fromJson(v.toObject());
        s.sourceImageId = mediaId; // the same picture may belong to another product's media
        out.append(s);
    }
    return out;
}

} // namespace tagdesk
