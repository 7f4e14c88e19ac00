#include "photos.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tagdesk::sandbox {
namespace {

const QString kImageFolder = u":/demo/images"_s;

// Splits one CSV line with double-quoted fields (labels.csv quotes its notes).
QStringList splitCsvLine(const QString &line) {
    QStringList fields;
    QString current;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"') {
                current += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                current += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields << current;
            current.clear();
        } else {
            current += c;
        }
    }
    fields << current;
    return fields;
}

// Read once from the embedded resources; immutable afterwards, so sharing it between
// threads (the sandbox serves from several) needs no lock.
class PhotoLibrary {
public:
    PhotoLibrary() {
        loadLabels();
        const QStringList files =
            QDir(kImageFolder).entryList({u"*.jpg"_s}, QDir::Files, QDir::Name);
        for (const QString &name : files) {
            QFile file(kImageFolder + u'/' + name);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = file.readAll();
            m_bytes.insert(name, bytes);
            m_bySha1.insert(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1), name);
            if (!m_info.contains(name))
                m_info.insert(name, PhotoInfo{name, labelFromFileName(name), {}, 0, 0});
            m_names << name;
        }
        for (const PhotoInfo &info : std::as_const(m_info))
            if (m_bytes.contains(info.name))
                m_byLabel[info.label] << info.name;
        for (QStringList &names : m_byLabel)
            names.sort();
    }

    QByteArray bytes(const QString &photo) const { return m_bytes.value(photo); }
    QStringList names() const { return m_names; }
    std::optional<PhotoInfo> info(const QString &photo) const {
        const auto it = m_info.constFind(photo);
        if (it == m_info.cend() || !m_bytes.contains(photo))
            return std::nullopt;
        return *it;
    }
    QStringList labels() const { return m_byLabel.keys(); }
    QStringList withLabel(const QString &label) const { return m_byLabel.value(label); }
    std::optional<QString> withContent(const QByteArray &bytes) const {
        const auto it =
            m_bySha1.constFind(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1));
        if (it == m_bySha1.cend())
            return std::nullopt;
        return *it;
    }

private:
    // The dataset's file names start with the class: "t-shirt__<uuid>.jpg".
    static QString labelFromFileName(const QString &name) { return name.section(u"__"_s, 0, 0); }

    void loadLabels() {
        QFile csv(kImageFolder + u"/labels.csv"_s);
        if (!csv.open(QIODevice::ReadOnly | QIODevice::Text))
            return;
        const QStringList header = splitCsvLine(QString::fromUtf8(csv.readLine()).trimmed());
        const auto column = [&header](const QString &name) {
            return header.indexOf(name);
        };
        const int fileColumn = column(u"file"_s);
        const int labelColumn = column(u"category"_s);
        const int colourColumn = column(u"colour"_s);
        const int widthColumn = column(u"width"_s);
        const int heightColumn = column(u"height"_s);
        if (fileColumn < 0 || labelColumn < 0)
            return;
        while (!csv.atEnd()) {
            const QString line = QString::fromUtf8(csv.readLine()).trimmed();
            if (line.isEmpty())
                continue;
            const QStringList fields = splitCsvLine(line);
            const auto field = [&fields](int index) {
                return index >= 0 && index < fields.size() ? fields.at(index) : QString();
            };
            PhotoInfo info;
            info.name = field(fileColumn);
            info.label = field(labelColumn);
            info.colour = field(colourColumn);
            info.width = field(widthColumn).toInt();
            info.height = field(heightColumn).toInt();
            m_info.insert(info.name, info);
        }
    }

    QHash<QString, QByteArray> m_bytes;
    QHash<QByteArray, QString> m_bySha1;
    QHash<QString, PhotoInfo> m_info;
    QMap<QString, QStringList> m_byLabel;
    QStringList m_names;
};

const PhotoLibrary &library() {
    static const PhotoLibrary instance;
    return instance;
}

} // namespace

QByteArray photoBytes(const QString &photo) {
    return library().bytes(photo);
}
QByteArray photoVariant(const QByteArray &jpeg, const QString &variant) {
    if (!jpeg.startsWith("\xFF\xD8") || variant.isEmpty())
        return jpeg;
    const QByteArray text = "tagdesk-sandbox image " + variant.toUtf8().left(1000);
    const int length = int(text.size()) + 2; // the length field counts itself
    QByteArray segment("\xFF\xFE");
    segment.append(char(length >> 8)).append(char(length & 0xFF)).append(text);
    return jpeg.left(2) + segment + jpeg.mid(2);
}

QStringList photoNames() {
    return library().names();
}
std::optional<PhotoInfo> photoInfo(const QString &photo) {
    return library().info(photo);
}
QStringList photoLabels() {
    return library().labels();
}
QStringList photosWithLabel(const QString &label) {
    return library().withLabel(label);
}
std::optional<QString> photoWithContent(const QByteArray &bytes) {
    return library().withContent(bytes);
}

} // namespace tagdesk::sandbox
