#include "domain/colourhistogram.h"

#include <algorithm>
#include <bit>

namespace tagdesk::colour {

namespace {

constexpr quint32 emptySlot = 0xffffffffu;

// Fibonacci hashing: the top bits of the product spread nearby colours over the table.
size_t slotFor(quint32 colour, int bits) {
    return static_cast<size_t>((colour * 0x9e3779b1u) >> (32 - bits));
}

} // namespace

// An open-addressing table (linear probing) at most half full: a few instructions a
// pixel, where QHash's node allocation cost more than the colour work it saved.
ColourHistogram::ColourHistogram(const std::vector<quint32> &pixels) {
    const int bits = std::max(4, static_cast<int>(std::bit_width(pixels.size() * 2)));
    const size_t mask = (size_t{1} << bits) - 1;
    std::vector<quint32> table(mask + 1, emptySlot);
    m_colourOfPixel.reserve(pixels.size());
    for (quint32 pixel : pixels) {
        size_t slot = slotFor(pixel, bits);
        while (table[slot] != emptySlot && m_colours[table[slot]] != pixel)
            slot = (slot + 1) & mask;
        if (table[slot] == emptySlot) {
            table[slot] = static_cast<quint32>(m_colours.size());
            m_colours.push_back(pixel);
            m_counts.push_back(0);
        }
        ++m_counts[table[slot]];
        m_colourOfPixel.push_back(table[slot]);
    }
}

} // namespace tagdesk::colour
