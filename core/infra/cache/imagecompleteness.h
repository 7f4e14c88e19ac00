#pragma once

#include <QByteArray>

namespace tagdesk {

// Whether a JPEG or PNG file holds its whole picture. A download cut short still has a
// readable header, and Qt decodes what is there and paints the rest grey — so a broken
// file would be analysed as a half-grey photo. Other formats are taken as complete.
enum class ImageCompleteness { Complete, CutShort, Damaged };

ImageCompleteness imageCompleteness(const QByteArray &data);

} // namespace tagdesk
