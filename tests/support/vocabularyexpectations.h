#pragma once

// What every label the taggers give (as Taxonomy::map leaves it) must become in Shopify's
// taxonomy: a category id or an attribute value handle, or no match with the reason why.
// tests/unit/test_taxonomyvocabulary.cpp collects the labels of the recorded answers in
// tests/data/taggers/, the OpenAI tagger's allowed values and the colour palette;
// tests/sandbox/test_taggers_vocabulary.cpp those of the sandbox's fake taggers. A label
// with no row here fails them.

#include "domain/attribute.h"

#include <QString>

#include <array>
#include <ostream>

namespace tagdesk::test {

struct ExpectedMatch {
    const char *attribute; // Tagdesk's: attributes::category for categories and subcategories
    const char *label;
    const char *expected; // category short id or value handle; nullptr: no match
    const char *reasonUnmatched = nullptr;

    QString attributeName() const { return QLatin1String(attribute); }
    QString labelText() const { return QString::fromUtf8(label); }
};

inline std::ostream &operator<<(std::ostream &os, const ExpectedMatch &row) {
    return os << row.attribute << " '" << row.label << "'";
}

inline constexpr const char *kCategory = "category";
inline constexpr const char *kColour = "colour";
inline constexpr const char *kPattern = "pattern";
inline constexpr const char *kMaterial = "material";
inline constexpr const char *kSleeve = "sleeve_length";
inline constexpr const char *kNeckline = "neckline";
inline constexpr const char *kGender = "gender";

// clang-format off
inline constexpr std::array kExpectedMatches{
    // --- categories and subcategories ------------------------------------------------------
    ExpectedMatch{kCategory, "clothing", "aa-1"},
    ExpectedMatch{kCategory, "dress", "aa-1-4"},
    ExpectedMatch{kCategory, "dresses", "aa-1-4"},
    ExpectedMatch{kCategory, "gown", "aa-1-4"},
    ExpectedMatch{kCategory, "t-shirt", "aa-1-13-8"},
    ExpectedMatch{kCategory, "t-shirts", "aa-1-13-8"},
    ExpectedMatch{kCategory, "t-shirts_ss", "aa-1-13-8"},
    ExpectedMatch{kCategory, "t_shirt", "aa-1-13-8"},
    ExpectedMatch{kCategory, "tshirt", "aa-1-13-8"},
    ExpectedMatch{kCategory, "tee", "aa-1-13-8"},
    ExpectedMatch{kCategory, "shirt", "aa-1-13-7"},
    ExpectedMatch{kCategory, "shirts", "aa-1-13-7"},
    ExpectedMatch{kCategory, "blouse", "aa-1-13-1"},
    ExpectedMatch{kCategory, "top", "aa-1-13"},
    ExpectedMatch{kCategory, "tops", "aa-1-13"},
    ExpectedMatch{kCategory, "upper", "aa-1-13"},
    ExpectedMatch{kCategory, "longsleeve", "aa-1-13"},
    ExpectedMatch{kCategory, "long_sleeve_top", "aa-1-13"},
    ExpectedMatch{kCategory, "sweater", "aa-1-13-12"},
    ExpectedMatch{kCategory, "sweaters", "aa-1-13-12"},
    ExpectedMatch{kCategory, "jumper", "aa-1-13-12"},
    ExpectedMatch{kCategory, "knitwear", "aa-1-13-12"},
    ExpectedMatch{kCategory, "hoodie", "aa-1-13-13"},
    ExpectedMatch{kCategory, "jacket", "aa-1-10-2"},
    ExpectedMatch{kCategory, "jackets", "aa-1-10-2"},
    ExpectedMatch{kCategory, "jackets and coats", "aa-1-10-2"},
    ExpectedMatch{kCategory, "coat", "aa-1-10-2"},
    ExpectedMatch{kCategory, "coats", "aa-1-10-2"},
    ExpectedMatch{kCategory, "outerwear", "aa-1-10"},
    ExpectedMatch{kCategory, "outwear", "aa-1-10"},
    ExpectedMatch{kCategory, "trousers", "aa-1-12-11"},
    ExpectedMatch{kCategory, "pants", "aa-1-12"},
    ExpectedMatch{kCategory, "jeans", "aa-1-12-4"},
    ExpectedMatch{kCategory, "sweat_pants", "aa-1-1-1-4"},
    ExpectedMatch{kCategory, "shorts", "aa-1-14"},
    ExpectedMatch{kCategory, "skirt", "aa-1-15"},
    ExpectedMatch{kCategory, "skirts", "aa-1-15"},
    ExpectedMatch{kCategory, "jumpsuit", "aa-1-9"},
    ExpectedMatch{kCategory, "shoes", "aa-8"},
    ExpectedMatch{kCategory, "shoe", "aa-8"},
    ExpectedMatch{kCategory, "footwear", "aa-8"},
    ExpectedMatch{kCategory, "boots", "aa-8-3"},
    ExpectedMatch{kCategory, "sneakers", "aa-8-8"},
    ExpectedMatch{kCategory, "sandals", "aa-8-6"},
    ExpectedMatch{kCategory, "hat", "aa-2-17"},
    ExpectedMatch{kCategory, "hats", "aa-2-17"},
    ExpectedMatch{kCategory, "hats and caps", "aa-2-17"},
    ExpectedMatch{kCategory, "headwear", "aa-2-17"},
    ExpectedMatch{kCategory, "cap", "aa-2-17-1"},
    ExpectedMatch{kCategory, "caps", "aa-2-17-1"},
    ExpectedMatch{kCategory, "bag", "aa-5-4"},
    ExpectedMatch{kCategory, "accessory", nullptr,
                  "too broad: Clothing Accessories as a whole is not a category Tagdesk carries"},
    ExpectedMatch{kCategory, "accessories", nullptr,
                  "too broad: Clothing Accessories as a whole is not a category Tagdesk carries"},
    ExpectedMatch{kCategory, "bottoms", nullptr, "pants, shorts or skirts: no one category"},
    ExpectedMatch{kCategory, "bottom", nullptr, "pants, shorts or skirts: no one category"},
    ExpectedMatch{kCategory, "other", nullptr, "says only that it is none of the listed kinds"},
    ExpectedMatch{kCategory, "sport card", nullptr,
                  "Ximilar's collectibles example: a trading card, not apparel"},
    ExpectedMatch{kCategory, "mma", nullptr,
                  "Ximilar's collectibles example: a sport, not apparel"},

    // --- colours: the palette's names, its families, Pixyle's words -------------------------
    ExpectedMatch{kColour, "black", "color__black"},
    ExpectedMatch{kColour, "charcoal", "color__gray"},
    ExpectedMatch{kColour, "grey", "color__gray"},
    ExpectedMatch{kColour, "light grey", "color__gray"},
    ExpectedMatch{kColour, "white", "color__white"},
    ExpectedMatch{kColour, "cream", "color__white"},
    ExpectedMatch{kColour, "beige", "color__beige"},
    ExpectedMatch{kColour, "khaki", "color__beige"},
    ExpectedMatch{kColour, "camel", "color__brown"},
    ExpectedMatch{kColour, "brown", "color__brown"},
    ExpectedMatch{kColour, "chocolate", "color__brown"},
    ExpectedMatch{kColour, "navy", "color__navy"},
    ExpectedMatch{kColour, "blue", "color__blue"},
    ExpectedMatch{kColour, "royal blue", "color__blue"},
    ExpectedMatch{kColour, "light blue", "color__blue"},
    ExpectedMatch{kColour, "turquoise", "color__blue"},
    ExpectedMatch{kColour, "green", "color__green"},
    ExpectedMatch{kColour, "dark green", "color__green"},
    ExpectedMatch{kColour, "olive", "color__green"},
    ExpectedMatch{kColour, "mint", "color__green"},
    ExpectedMatch{kColour, "yellow", "color__yellow"},
    ExpectedMatch{kColour, "mustard", "color__yellow"},
    ExpectedMatch{kColour, "orange", "color__orange"},
    ExpectedMatch{kColour, "rust", "color__orange"},
    ExpectedMatch{kColour, "red", "color__red"},
    ExpectedMatch{kColour, "burgundy", "color__red"},
    ExpectedMatch{kColour, "pink", "color__pink"},
    ExpectedMatch{kColour, "fuchsia", "color__pink"},
    ExpectedMatch{kColour, "purple", "color__purple"},
    ExpectedMatch{kColour, "plum", "color__purple"},
    ExpectedMatch{kColour, "lilac", "color__purple"},
    ExpectedMatch{kColour, "multicolour", "color__multicolor"},
    ExpectedMatch{kColour, "multicolor", "color__multicolor"},
    ExpectedMatch{kColour, "ecru", "color__beige"},
    ExpectedMatch{kColour, "gold", "color__gold"},
    ExpectedMatch{kColour, "silver", "color__silver"},

    // --- patterns -------------------------------------------------------------------------
    ExpectedMatch{kPattern, "plain", "pattern__solid"},
    ExpectedMatch{kPattern, "striped", "pattern__striped"},
    ExpectedMatch{kPattern, "checked", "pattern__checkered"},
    ExpectedMatch{kPattern, "floral", "pattern__floral"},
    ExpectedMatch{kPattern, "dotted", "pattern__dots"},
    ExpectedMatch{kPattern, "animal", "pattern__animal"},
    ExpectedMatch{kPattern, "leopard", "pattern__animal"},
    ExpectedMatch{kPattern, "camouflage", "pattern__camouflage"},
    ExpectedMatch{kPattern, "chevron", "pattern__chevron"},
    ExpectedMatch{kPattern, "lace", "pattern__lace"},
    ExpectedMatch{kPattern, "leaf", "pattern__leaves"},
    ExpectedMatch{kPattern, "logoprint", "pattern__logo"},
    ExpectedMatch{kPattern, "paisley", "pattern__paisley"},
    ExpectedMatch{kPattern, "other", "pattern__other"},
    ExpectedMatch{kPattern, "printed", nullptr, "says there is a print, not which"},
    ExpectedMatch{kPattern, "patterned", nullptr, "says there is a pattern, not which"},
    ExpectedMatch{kPattern, "color-block", nullptr, "the taxonomy has no colour-block pattern"},
    ExpectedMatch{kPattern, "color block", nullptr, "the taxonomy has no colour-block pattern"},
    ExpectedMatch{kPattern, "bleached", nullptr, "a denim wash, not a pattern"},
    ExpectedMatch{kPattern, "glitter", nullptr, "a finish, not a pattern"},
    ExpectedMatch{kPattern, "lurex", nullptr, "a metallic yarn, not a pattern"},
    ExpectedMatch{kPattern, "metallic", nullptr, "a finish, not a pattern"},
    ExpectedMatch{kPattern, "melange", nullptr, "a heathered yarn, not a pattern"},
    ExpectedMatch{kPattern, "reversible", nullptr, "a construction, not a pattern"},
    ExpectedMatch{kPattern, "ruffle", nullptr, "a trim, not a pattern"},
    ExpectedMatch{kPattern, "studded", nullptr, "an embellishment, not a pattern"},

    // --- materials → fabric ---------------------------------------------------------------
    ExpectedMatch{kMaterial, "denim", "fabric__denim"},
    ExpectedMatch{kMaterial, "leather", "fabric__leather"},
    ExpectedMatch{kMaterial, "suede", "fabric__suede"},
    ExpectedMatch{kMaterial, "wool", "fabric__wool"},
    ExpectedMatch{kMaterial, "cotton", "fabric__cotton"},
    ExpectedMatch{kMaterial, "linen", "fabric__linen"},
    ExpectedMatch{kMaterial, "silk", "fabric__silk"},
    ExpectedMatch{kMaterial, "satin", "fabric__satin"},
    ExpectedMatch{kMaterial, "velvet", "fabric__velvet"},
    ExpectedMatch{kMaterial, "fur", "fabric__fur"},
    ExpectedMatch{kMaterial, "corduroy", "fabric__corduroy"},
    ExpectedMatch{kMaterial, "knitted", nullptr,
                  "knitting is how a fabric is made; the taxonomy's fabrics have no knit"},
    ExpectedMatch{kMaterial, "knit", nullptr,
                  "knitting is how a fabric is made; the taxonomy's fabrics have no knit"},
    ExpectedMatch{kMaterial, "lace", nullptr,
                  "no lace fabric in the taxonomy (lace is one of its patterns)"},
    ExpectedMatch{kMaterial, "sequins", nullptr, "an embellishment, not a fabric"},

    // --- sleeve length --------------------------------------------------------------------
    ExpectedMatch{kSleeve, "long", "sleeve-length-type__long"},
    ExpectedMatch{kSleeve, "short", "sleeve-length-type__short"},
    ExpectedMatch{kSleeve, "three-quarter", "sleeve-length-type__3-4"},
    ExpectedMatch{kSleeve, "sleeveless", "sleeve-length-type__sleeveless"},
    ExpectedMatch{kSleeve, "strapless", "sleeve-length-type__strapless"},
    ExpectedMatch{kSleeve, "medium-sleeve", nullptr,
                  "elbow length: the taxonomy has nothing between Short and 3/4"},
    ExpectedMatch{kSleeve, "medium sleeve", nullptr,
                  "elbow length: the taxonomy has nothing between Short and 3/4"},
    ExpectedMatch{kSleeve, "straps", nullptr,
                  "the straps' width decides between Spaghetti strap and Sleeveless"},

    // --- neckline (Pixyle's "collar", with hyphens and, in older answers, spaces) ----------
    ExpectedMatch{kNeckline, "boat-neckline", "neckline__boat"},
    ExpectedMatch{kNeckline, "boat neckline", "neckline__boat"},
    ExpectedMatch{kNeckline, "cowl-neck", "neckline__cowl"},
    ExpectedMatch{kNeckline, "cowl neck", "neckline__cowl"},
    ExpectedMatch{kNeckline, "crewneck", "neckline__crew"},
    ExpectedMatch{kNeckline, "grandad", "neckline__mandarin"},
    ExpectedMatch{kNeckline, "high-neck", "neckline__mock"},
    ExpectedMatch{kNeckline, "high neck", "neckline__mock"},
    ExpectedMatch{kNeckline, "hoodie", "neckline__hooded"},
    ExpectedMatch{kNeckline, "off-shoulder", "neckline__bardot"},
    ExpectedMatch{kNeckline, "off shoulder", "neckline__bardot"},
    ExpectedMatch{kNeckline, "round-neck", "neckline__round"},
    ExpectedMatch{kNeckline, "round neck", "neckline__round"},
    ExpectedMatch{kNeckline, "square-neck", "neckline__square"},
    ExpectedMatch{kNeckline, "square neck", "neckline__square"},
    ExpectedMatch{kNeckline, "sweetheart", "neckline__sweetheart"},
    ExpectedMatch{kNeckline, "turtleneck", "neckline__turtle"},
    ExpectedMatch{kNeckline, "v-neck", "neckline__v-neck"},
    ExpectedMatch{kNeckline, "v neck", "neckline__v-neck"},
    ExpectedMatch{kNeckline, "other", "neckline__other"},
    ExpectedMatch{kNeckline, "button-down", nullptr, "a collar style, not a neckline"},
    ExpectedMatch{kNeckline, "button down", nullptr, "a collar style, not a neckline"},
    ExpectedMatch{kNeckline, "classic", nullptr, "a collar style, not a neckline"},
    ExpectedMatch{kNeckline, "notched-collar", nullptr, "a collar style, not a neckline"},
    ExpectedMatch{kNeckline, "notched collar", nullptr, "a collar style, not a neckline"},
    ExpectedMatch{kNeckline, "shawl-collar", nullptr, "a collar style, not a neckline"},
    ExpectedMatch{kNeckline, "shawl collar", nullptr, "a collar style, not a neckline"},
    ExpectedMatch{kNeckline, "collarless", nullptr,
                  "says there is no collar, not the neckline's shape"},

    // --- gender ---------------------------------------------------------------------------
    ExpectedMatch{kGender, "women", "target-gender__female"},
    ExpectedMatch{kGender, "men", "target-gender__male"},
    ExpectedMatch{kGender, "unisex", "target-gender__unisex"},
    ExpectedMatch{kGender, "kids", "age-group__kids"},
};
// clang-format on

// The row for a label, or nullptr.
inline const ExpectedMatch *expectedMatch(const QString &attribute, const QString &label) {
    const QString rowAttribute =
        attribute == QLatin1String("subcategory") ? QString::fromLatin1(kCategory) : attribute;
    for (const ExpectedMatch &row : kExpectedMatches)
        if (row.attributeName() == rowAttribute && row.labelText() == label)
            return &row;
    return nullptr;
}

// The attributes whose labels the vocabulary maps.
inline bool isVocabularyAttribute(const QString &attribute) {
    return attribute == attributes::category || attribute == attributes::subcategory ||
           attribute == attributes::colour || attribute == attributes::pattern ||
           attribute == attributes::material || attribute == attributes::sleeveLength ||
           attribute == attributes::neckline || attribute == attributes::gender;
}

} // namespace tagdesk::test
