#include "dialogs/destinationboxes.h"

#include <QCheckBox>
#include <QHBoxLayout>

namespace tagdesk::ui {

DestinationBoxes::DestinationBoxes(const QString &title, Destinations checked, QWidget *parent)
    : QGroupBox(title, parent) {
    auto *row = new QHBoxLayout(this);
    for (Destination d : {Destination::Tags, Destination::Metafields, Destination::ProductType,
                          Destination::AltText, Destination::Description, Destination::Category,
                          Destination::CategoryMetafields}) {
        auto *box = new QCheckBox(destinationText(d), this);
        box->setObjectName(QStringLiteral("saveTo_") + destinationsToKeys(d));
        box->setChecked(checked.testFlag(d));
        row->addWidget(box);
        m_boxes.append({d, box});
        connect(box, &QCheckBox::toggled, this, &DestinationBoxes::changed);
    }
    row->addStretch();
}

Destinations DestinationBoxes::destinations() const {
    Destinations chosen;
    for (const auto &[d, box] : m_boxes) {
        if (box->isChecked())
            chosen |= d;
    }
    return chosen;
}

void DestinationBoxes::setDestinations(Destinations destinations) {
    for (const auto &[d, box] : m_boxes) {
        const QSignalBlocker quiet(box);
        box->setChecked(destinations.testFlag(d));
    }
    emit changed();
}

QCheckBox *DestinationBoxes::box(Destination d) const {
    for (const auto &[destination, box] : m_boxes) {
        if (destination == d)
            return box;
    }
    return nullptr;
}

} // namespace tagdesk::ui
