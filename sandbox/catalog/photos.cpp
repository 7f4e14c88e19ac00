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

namespace {
// CRC-32 as PNG computes it (ISO/IEC 15948, annex D).
quint32 pngCrc(const QByteArray &bytes) {
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : bytes) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return crc ^ 0xFFFFFFFFu;
}

void appendBigEndian(QByteArray &out, quint32 value) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(char((value >> shift) & 0xFF));
}

void appendPngChunk(QByteArray &out, const QByteArray &type, const QByteArray &data) {
    appendBigEndian(out, quint32(data.size()));
    out.append(type).append(data);
    appendBigEndian(out, pngCrc(type + data));
}

// A valid PNG header saying 40,000 × 40,000 pixels (6.4 GB decoded), then a few bytes of data.
QByteArray giantPng() {
    QByteArray header;
    appendBigEndian(header, 40000);
    appendBigEndian(header, 40000);
    header.append("\x08\x06\x00\x00\x00", 5); // 8 bits, RGBA, deflate, no filter, no interlace
    QByteArray png("\x89PNG\r\n\x1A\n", 8);
    appendPngChunk(png, "IHDR", header);
    appendPngChunk(png, "IDAT", QByteArray("\x78\x9C\x03\x00\x00\x00\x00\x01", 8));
    appendPngChunk(png, "IEND", {});
    return png;
}
} // namespace

QStringList brokenFileNames() {
    return {QStringLiteral("broken-cut-short.jpg"), QStringLiteral("broken-header.jpg"),
            QStringLiteral("broken-error-page.jpg"), QStringLiteral("broken-over-40mb.jpg"),
            QStringLiteral("broken-40000px.png")};
}

QByteArray brokenFileBytes(const QString &name) {
    const QByteArray photo = photoBytes(photoNames().first());
    if (name == QLatin1String("broken-cut-short.jpg"))
        return photo.left(photo.size() * 3 / 5);
    if (name == QLatin1String("broken-header.jpg"))
        return QByteArray("\xFF\xD8\xFF\xE0", 4) + QByteArray(2048, '\x5A');
    if (name == QLatin1String("broken-error-page.jpg"))
        return "<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body>"
               "<h1>403 Forbidden</h1></body></html>";
    if (name == QLatin1String("broken-over-40mb.jpg")) {
        static const QByteArray huge = photo + QByteArray(41 * 1024 * 1024, '\0');
        return huge;
    }
    if (name == QLatin1String("broken-40000px.png"))
        return giantPng();
    return {};
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
