#pragma once

#include <QByteArrayView>
#include <QString>
#include <QtGlobal>

namespace tagdesk::sandbox {

// FNV-1a, 64 bit. The sandbox needs hashes that are the same on every machine and every
// run (qHash is seeded and CPU-dependent), so that a catalog maps to the same photos and a
// tagger gives the same confidences everywhere.
inline quint64 stableHash(QByteArrayView bytes) {
    quint64 hash = 14695981039346656037ULL;
    for (const char byte : bytes) {
        hash ^= static_cast<quint8>(byte);
        hash *= 1099511628211ULL;
    }
    return hash;
}

inline quint64 stableHash(const QString &text) {
    return stableHash(QByteArrayView(text.toUtf8()));
}

// A deterministic number in [low, high] drawn from a key: used for plausible confidences.
inline double stableFraction(const QString &key, double low, double high) {
    const double unit = double(stableHash(key) % 10007) / 10006.0;
    return low + (high - low) * unit;
}

} // namespace tagdesk::sandbox
