#pragma once

#include <QList>
#include <QString>

namespace tagdesk::test {

// One row of tests/data/images/labels.csv.
struct LabelledPhoto {
    QString file;     // path of the photo
    QString category; // garment class
    QString colour;   // colour assigned by eye
    QString note;     // why the colour may be debatable

    bool ambiguous() const { return note.contains(QStringLiteral("ambiguous")); }
};

// All rows of tests/data/images/labels.csv, with `file` resolved to a full path.
QList<LabelledPhoto> labelledPhotos();

// Whether the analyser's answer names the labelled colour: the same palette name, a
// name of that colour family ("olive" for "green", "navy" for "blue"), or multicolour
// for the label "multicolor".
bool answersLabel(const QString &answer, const QString &label);

} // namespace tagdesk::test
