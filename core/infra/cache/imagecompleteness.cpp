#include "cache/imagecompleteness.h"

namespace tagdesk {

namespace {
quint32 bigEndian(const QByteArray &data, qsizetype at, int bytes) {
    quint32 value = 0;
    for (int i = 0; i < bytes; ++i)
        value = (value << 8) | quint8(data.at(at + i));
    return value;
}

// JPEG (ITU T.81, B.2): SOI, then marker segments each carrying its own length, up to the
// first start-of-scan; after that, entropy-coded data in which a 0xFF byte is always
// followed by 0x00 or a marker, so the end-of-image marker FF D9 cannot appear by chance.
// Walking the segments skips an embedded thumbnail (inside APP1) with its own FF D9.
ImageCompleteness jpegCompleteness(const QByteArray &data) {
    qsizetype at = 2; // after SOI
    while (true) {
        if (at + 4 > data.size())
            return ImageCompleteness::CutShort;
        if (quint8(data.at(at)) != 0xFF)
            return ImageCompleteness::Damaged;
        const quint8 marker = quint8(data.at(at + 1));
        if (marker == 0xFF) { // fill byte before a marker
            ++at;
            continue;
        }
        if (marker == 0xD9) // end of image before any scan
            return ImageCompleteness::Damaged;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // no length field
            at += 2;
            continue;
        }
        const quint32 length = bigEndian(data, at + 2, 2);
        if (length < 2)
            return ImageCompleteness::Damaged;
        if (marker == 0xDA) // start of scan: the picture's data follows
            return data.indexOf("\xFF\xD9", at + 2 + length) >= 0 ? ImageCompleteness::Complete
                                                                  : ImageCompleteness::CutShort;
        at += 2 + qsizetype(length);
    }
}

// PNG (ISO/IEC 15948, 5.3): the signature, then chunks of length, type, data and CRC,
// ending with IEND.
ImageCompleteness pngCompleteness(const QByteArray &data) {
    qsizetype at = 8; // after the signature
    while (true) {
        if (at + 12 > data.size())
            return ImageCompleteness::CutShort;
        const quint32 length = bigEndian(data, at, 4);
        if (length > 0x7FFFFFFFu) // the standard's own limit on a chunk's length
            return ImageCompleteness::Damaged;
        if (data.mid(at + 4, 4) == "IEND")
            return ImageCompleteness::Complete;
        at += 12 + qsizetype(length);
    }
}
} // namespace

ImageCompleteness imageCompleteness(const QByteArray &data) {
    if (data.startsWith("\xFF\xD8"))
        return jpegCompleteness(data);
    if (data.startsWith("\x89PNG\r\n\x1A\n"))
        return pngCompleteness(data);
    return ImageCompleteness::Complete;
}

} // namespace tagdesk
