#pragma once

#include "domain/destination.h"

#include <QGroupBox>
#include <QList>

#include <utility>

class QCheckBox;

namespace tagdesk::ui {

// Where approved values are saved, one box a place: tags, metafields, product type, image
// alt text, description. New job and Where to save show the same row.
class DestinationBoxes : public QGroupBox {
    Q_OBJECT
public:
    DestinationBoxes(const QString &title, Destinations checked, QWidget *parent = nullptr);
    Destinations destinations() const;
    void setDestinations(Destinations destinations);
    // The box of a place ("saveTo_tags" and so on, for tests and accessibility).
    QCheckBox *box(Destination d) const;
signals:
    void changed();

private:
    QList<std::pair<Destination, QCheckBox *>> m_boxes;
};

} // namespace tagdesk::ui
