#include "labelledphotos.h"

#include "domain/colour.h"
#include "support/testdatabase.h"
#include "taggers/localcolouranalyser.h"

#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace tagdesk::test {

namespace {

// A CSV line split into fields; fields may be quoted and contain commas.
QStringList splitCsvLine(const QString &line) {
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('"')) {
            if (quoted && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                field.append(c);
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (c == QLatin1Char(',') && !quoted) {
            fields.append(field);
            field.clear();
        } else {
            field.append(c);
        }
    }
    fields.append(field);
    return fields;
}

} // namespace

QList<LabelledPhoto> labelledPhotos() {
    const QString csvPath = testData(QStringLiteral("images/labels.csv"));
    const QDir folder = QFileInfo(csvPath).dir();
    const QStringList lines =
        QString::fromUtf8(readFile(csvPath)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QList<LabelledPhoto> photos;
    for (qsizetype i = 1; i < lines.size(); ++i) { // line 0 is the header
        const QStringList fields = splitCsvLine(lines.at(i).trimmed());
        if (fields.size() < 4)
            continue;
        photos.append({folder.filePath(fields[0]), fields[1], fields[2], fields[3]});
    }
    return photos;
}

bool answersLabel(const QString &answer, const QString &label) {
    if (label == QStringLiteral("multicolor"))
        return answer == LocalColourAnalyser::multicolour();
    return answer == label || colour::colourFamily(answer) == label;
}

} // namespace tagdesk::test
