#!/usr/bin/env python3
"""Writes resources/demo/catalog.json, the sandbox's built-in demo catalog.

Deterministic: no clock, no randomness. Run it again and the file does not change.
Every product shows one of the bundled CC0 photos (resources/demo/images, see README.md);
titles, vendors, descriptions and tags are invented for the demo. The output is a JSON array
of Shopify Admin GraphQL product nodes, which the sandbox's catalog loader reads.
"""
import csv
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
IMAGES = ROOT / "resources" / "demo" / "images"
OUT = ROOT / "resources" / "demo" / "catalog.json"

COLLECTIONS = {
    "dresses": "Dresses",
    "tops": "Tops & Knitwear",
    "bottoms": "Trousers, Shorts & Skirts",
    "outerwear": "Outerwear",
    "footwear": "Footwear",
    "accessories": "Hats & Accessories",
    "kids": "Kids",
    "summer-edit": "The Summer Edit",
    "new-arrivals": "New Arrivals",
    "sale": "Sale",
}

# Per label: product type, main collection.
LABEL_DEFAULTS = {
    "dress": ("Dresses", "dresses"),
    "hat": ("Hats", "accessories"),
    "longsleeve": ("Sweaters", "tops"),
    "outwear": ("Jackets", "outerwear"),
    "pants": ("Trousers", "bottoms"),
    "shirt": ("Shirts", "tops"),
    "shoes": ("Shoes", "footwear"),
    "shorts": ("Shorts", "bottoms"),
    "skirt": ("Skirts", "bottoms"),
    "t-shirt": ("T-Shirts", "tops"),
}

# Each label's Shopify Standard Product Taxonomy category (ids from resources/taxonomy/).
LABEL_CATEGORY = {
    "dress": "aa-1-4",         # Dresses
    "hat": "aa-2-17",          # Clothing Accessories > Hats
    "longsleeve": "aa-1-13-12",  # Clothing Tops > Sweaters
    "outwear": "aa-1-10-2",    # Outerwear > Coats & Jackets
    "pants": "aa-1-12",        # Pants
    "shirt": "aa-1-13-7",      # Clothing Tops > Shirts
    "shoes": "aa-8",           # Shoes
    "shorts": "aa-1-14",       # Shorts
    "skirt": "aa-1-15",        # Skirts
    "t-shirt": "aa-1-13-8",    # Clothing Tops > T-Shirts
}
# The category the sandbox serves as archived (sandbox/shopify/sandboxtaxonomy.h).
ARCHIVED_CATEGORY = "aa-1-2"
ARCHIVED_PRODUCT = 10

# The store's existing shopify--color-pattern metaobject entries (label, hex, base colour
# value, pattern value), for a client to find and reuse; their field keys are
# sandbox/shopify/metaobjects.cpp's.
METAOBJECTS = [
    ("shopify--color-pattern", "blue", [("label", "Blue"), ("color", "#1F4E9A"),
     ("color_taxonomy_reference", '["gid://shopify/TaxonomyValue/2"]'),
     ("pattern_taxonomy_reference", "gid://shopify/TaxonomyValue/2874")]),
    ("shopify--color-pattern", "black", [("label", "Black"), ("color", "#000000"),
     ("color_taxonomy_reference", '["gid://shopify/TaxonomyValue/1"]'),
     ("pattern_taxonomy_reference", "gid://shopify/TaxonomyValue/2874")]),
    ("shopify--fabric", "cotton", [("label", "Cotton"),
     ("taxonomy_reference", "gid://shopify/TaxonomyValue/16984")]),
]
BASE_METAOBJECT = 130_000_000_000

# Two products per photo, in labels.csv order: (title, vendor, description, extra
# collections, tags). The photo's colour and pattern words in titles follow labels.csv.
PRODUCTS = {
    "dress__06a00c0f": [
        ("Geometric Print Wrap Dress", "Maison Lune", "A wrap dress in a bold geometric print, tied at the waist, with a knee-length skirt that moves.", ["summer-edit"], ["wrap", "print"]),
        ("Mosaic Midi Dress", "Atelier Verde", "Fluid midi dress in a multicolour mosaic print. Lightweight viscose, fully lined bodice.", ["new-arrivals"], []),
    ],
    "dress__28b09463": [
        ("Navy Floral Tea Dress", "Harbor & Pine", "A tea dress with small blooms on a navy ground, puff sleeves and a button front.", ["summer-edit"], ["floral", "navy", "midi"]),
        ("Ditsy Floral Shirt Dress", "Maison Lune", "Shirt dress in a ditsy floral print with a self-tie belt and side pockets.", [], []),
    ],
    "dress__35f157d0": [
        ("Linen Slip Dress in Sand", "Atelier Verde", "A bias-cut slip dress in washed linen. Adjustable straps, falls just below the knee.", ["summer-edit"], ["linen", "beige"]),
        ("Beige Sleeveless Maxi Dress", "Northwind Apparel", "Relaxed sleeveless maxi dress in a soft cotton blend, made for warm evenings.", ["sale"], []),
    ],
    "hat__2a12baab": [
        ("Leather Baseball Cap", "Studio Ferro", "Six-panel baseball cap in smooth black leather with an adjustable strap at the back.", ["new-arrivals"], ["leather", "cap"]),
        ("Black Six-Panel Cap", "Northwind Apparel", "A classic cap with a curved brim, embroidered eyelets and a brass buckle.", [], []),
    ],
    "hat__31ae3916": [
        ("Tweed Knit Beanie", "Kestrel Outdoor", "Chunky beanie knitted from a tweedy wool blend with a turn-up cuff.", [], ["knit", "winter"]),
        ("Speckled Wool Bobble Hat", "Harbor & Pine", "Soft speckled knit hat with a fold-over brim. 70% wool, 30% recycled nylon.", ["sale"], []),
    ],
    "hat__3f0be386": [
        ("Leather Newsboy Cap", "Studio Ferro", "An eight-panel newsboy cap in black leather with a snap brim and a quilted lining.", [], ["leather", "newsboy"]),
        ("Black Flat Cap", "Cobble Lane", "Timeless flat cap with a short brim and a satin lining.", ["accessories"], []),
    ],
    "longsleeve__03a33083": [
        ("Abstract Print Long Sleeve Top", "Maison Lune", "A long sleeve jersey top with an abstract print in light blue, yellow and black.", ["new-arrivals"], ["print"]),
        ("Printed Jersey Long-Sleeve Tee", "Northwind Apparel", "Crew neck long-sleeve tee in a soft printed cotton jersey.", [], []),
    ],
    "longsleeve__0df1efc7": [
        ("Melange Knit Sweater in Plum", "Kestrel Outdoor", "Crew neck sweater in a purple melange knit, with ribbed cuffs and hem.", [], ["knit", "purple"]),
        ("Purple Merino Crewneck", "Harbor & Pine", "Fine-gauge merino crewneck jumper, warm without bulk.", ["sale"], []),
    ],
    "longsleeve__0f4d9494": [
        ("Navy Breton Stripe Jumper", "Harbor & Pine", "A cotton jumper with classic Breton stripes on navy. Boat neck, dropped shoulders.", ["new-arrivals"], ["stripe", "navy"]),
        ("Striped Cotton Pullover", "Northwind Apparel", "Relaxed striped pullover in heavyweight cotton.", [], []),
    ],
    "outwear__0028956e": [
        ("Sage Lightweight Jacket", "Kestrel Outdoor", "A light, water-repellent jacket in a grey-green shell with a stand collar.", [], ["lightweight"]),
        ("Utility Overshirt Jacket", "Northwind Apparel", "Unlined utility jacket with chest pockets and a two-way zip.", ["new-arrivals"], []),
    ],
    "outwear__01e4ab4f": [
        ("Olive Quilted Jacket", "Kestrel Outdoor", "Diamond-quilted jacket in olive with a corduroy collar and snap front.", [], ["quilted", "olive"]),
        ("Quilted Field Jacket", "Harbor & Pine", "Lightly padded field jacket with patch pockets. Recycled polyester fill.", ["sale"], []),
    ],
    "outwear__0a86d893": [
        ("Black Hooded Puffer Jacket", "Kestrel Outdoor", "A warm hooded puffer with recycled down-alternative fill and a matte black shell.", ["new-arrivals"], ["puffer", "winter"]),
        ("Recycled Down Puffer Coat", "Northwind Apparel", "Hip-length puffer coat with an adjustable hood and zipped hand pockets.", [], []),
    ],
    "pants__01033304": [
        ("Aztec Print Wide-Leg Trousers", "Maison Lune", "Wide-leg trousers in a black and white aztec print with an elasticated waist.", ["summer-edit"], ["print"]),
        ("Printed Palazzo Pants", "Atelier Verde", "Flowing palazzo pants in a graphic monochrome print.", [], []),
    ],
    "pants__046d0a65": [
        ("Grey Tailored Trousers", "Studio Ferro", "Slim tailored trousers in a grey wool blend, with pressed creases.", [], ["tailored", "grey"]),
        ("Slim Chinos in Stone Grey", "Northwind Apparel", "Five-pocket chinos in stretch cotton twill.", ["sale"], []),
    ],
    "pants__05814dc4": [
        ("Light Wash Straight Jeans", "Cobble Lane", "Straight-leg jeans in a light blue wash of rigid organic denim.", ["new-arrivals"], ["denim", "jeans"]),
        ("Light Blue Denim Jeans", "Northwind Apparel", "Mid-rise jeans in a soft light blue denim, with a relaxed straight leg.", [], []),
    ],
    "shirt__01b3083f": [
        ("Tropical Print Camp Shirt", "Harbor & Pine", "A short-sleeved camp-collar shirt with a tropical print on white. Breezy viscose.", ["summer-edit"], ["print", "tropical"]),
        ("Hawaiian Holiday Shirt", "Atelier Verde", "Relaxed resort shirt in a leafy tropical print.", [], []),
    ],
    "shirt__0e99edde": [
        ("Blue Check Flannel Shirt", "Kestrel Outdoor", "Brushed cotton flannel shirt in a blue check, with two chest pockets.", [], ["check", "flannel"]),
        ("Gingham Button-Down Shirt", "Studio Ferro", "Button-down collar shirt in a crisp cotton check.", ["new-arrivals"], []),
    ],
    "shirt__161b57e7": [
        ("Mustard Check Overshirt", "Cobble Lane", "A heavyweight overshirt in a mustard and brown check, worn open or buttoned.", [], ["check", "mustard"]),
        ("Yellow Plaid Flannel Shirt", "Northwind Apparel", "Soft plaid flannel shirt with a curved hem.", ["sale"], []),
    ],
    "shoes__07d88b75": [
        ("Kids' Panda Slippers", "Little Sprout", "Cosy navy slippers with a friendly panda face and a non-slip sole.", ["kids"], ["kids", "slippers"]),
        ("Navy Animal Face House Shoes", "Little Sprout", "Warm house shoes for little feet, machine washable.", ["kids"], []),
    ],
    "shoes__0dd87e47": [
        ("Neon Yellow Pool Slides", "Cobble Lane", "One-piece pool slides in neon yellow with a moulded footbed.", ["summer-edit"], ["slides", "neon"]),
        ("Yellow Beach Sliders", "Northwind Apparel", "Lightweight sliders for the beach and the pool.", [], []),
    ],
    "shoes__132e5fa5": [
        ("Brown Leather Chukka Boots", "Cobble Lane", "Two-eyelet chukka boots in brown leather on a crepe sole.", ["new-arrivals"], ["leather", "boots"]),
        ("Suede Desert Boots", "Studio Ferro", "Classic desert boots with a cushioned footbed.", [], []),
    ],
    "shorts__06248e28": [
        ("Washed Denim Shorts", "Cobble Lane", "Mid-length denim shorts in a washed grey-beige with raw hems.", ["summer-edit"], ["denim"]),
        ("Relaxed Denim Cut-Offs", "Northwind Apparel", "Cut-off shorts in soft rigid denim.", [], []),
    ],
    "shorts__15ce3cc0": [
        ("Printed Swim Shorts", "Harbor & Pine", "Quick-dry swim shorts in a navy print with a mesh lining.", ["summer-edit"], ["swim", "print"]),
        ("Navy Pattern Board Shorts", "Kestrel Outdoor", "Board shorts with a drawcord waist and a zipped back pocket.", [], []),
    ],
    "shorts__18260a42": [
        ("Beige Chino Shorts", "Northwind Apparel", "Chino shorts in a sand-beige cotton twill, 7-inch inseam.", ["summer-edit"], ["chino", "beige"]),
        ("Linen Blend Bermuda Shorts", "Atelier Verde", "Relaxed bermuda shorts in a linen and cotton blend.", ["sale"], []),
    ],
    "skirt__0558b2c5": [
        ("Navy Pleated Midi Skirt", "Maison Lune", "A pleated midi skirt in a deep navy satin with an elasticated waist.", [], ["pleated", "navy"]),
        ("Dark Satin A-Line Skirt", "Studio Ferro", "A-line skirt in a dark fluid satin.", ["new-arrivals"], []),
    ],
    "skirt__2001dec1": [
        ("Tweed Mini Skirt", "Studio Ferro", "A-line mini skirt in a brown-grey tweed with a back zip.", [], ["tweed", "mini"]),
        ("Wool Blend Pencil Skirt", "Harbor & Pine", "Pencil skirt in a textured wool blend, fully lined.", ["sale"], []),
    ],
    "skirt__24963db3": [
        ("Light Blue Denim Skirt", "Cobble Lane", "Button-front denim skirt in a light blue wash.", ["summer-edit"], ["denim"]),
        ("Chambray Midi Skirt", "Atelier Verde", "A soft chambray midi skirt with patch pockets.", [], []),
    ],
    "t-shirt__01fd527c": [
        ("Coral Crew Neck T-Shirt", "Northwind Apparel", "Everyday crew neck t-shirt in a coral organic cotton jersey.", ["summer-edit"], ["basics"]),
        ("Garment-Dyed Tee in Rust", "Harbor & Pine", "Boxy garment-dyed tee in heavyweight cotton.", [], []),
    ],
    "t-shirt__05d01bf9": [
        ("Striped Cotton T-Shirt", "Harbor & Pine", "A white t-shirt with navy stripes, in a soft slub cotton.", ["new-arrivals"], ["stripe", "basics"]),
        ("Sailor Stripe Tee", "Maison Lune", "Short-sleeved stripe tee with a relaxed fit.", [], []),
    ],
    "t-shirt__0af4203f": [
        ("Grey Marl Essential Tee", "Northwind Apparel", "The essential t-shirt in a grey marl jersey.", [], ["basics", "grey"]),
        ("Heather Grey Pocket T-Shirt", "Cobble Lane", "Crew neck tee with a chest pocket.", ["sale"], []),
    ],
}

# A few extra products (drafts, an archived one, a gift card without photos) so the demo
# store has every status and a product with nothing to tag.
EXTRAS = [
    ("dress__35f157d0", "Sample: Linen Slip Dress (Prototype)", "Atelier Verde", "DRAFT", "Prototype sample, not for sale."),
    ("outwear__0a86d893", "Puffer Jacket — Autumn Preview", "Kestrel Outdoor", "DRAFT", "Preview of next season's puffer."),
    ("shoes__132e5fa5", "Chukka Boots (Discontinued)", "Cobble Lane", "ARCHIVED", "No longer made."),
    (None, "Digital Gift Card", "Tagdesk Demo Store", "ACTIVE", "A gift card for the demo store."),
]

BASE_PRODUCT = 8_100_000_000_000
BASE_IMAGE = 3_300_000_000_000
BASE_METAFIELD = 2_600_000_000_000
BASE_COLLECTION = 460_000_000_000


def timestamp(day, hour):
    return f"2026-{1 + day // 28:02d}-{1 + day % 28:02d}T{hour:02d}:00:00Z"


def main():
    with open(IMAGES / "labels.csv", newline="") as f:
        photos = list(csv.DictReader(f))
    by_prefix = {}
    for row in photos:
        label, uuid = row["file"].split("__")
        by_prefix[f"{label}__{uuid[:8]}"] = row

    collection_ids = {handle: BASE_COLLECTION + i for i, handle in enumerate(COLLECTIONS)}

    def collection_nodes(handles):
        return [{"id": f"gid://shopify/Collection/{collection_ids[h]}", "handle": h,
                 "title": COLLECTIONS[h]} for h in handles]

    nodes = []
    counter = 0
    metafield_counter = 0
    for prefix, products in PRODUCTS.items():
        photo = by_prefix[prefix]
        label, colour = photo["category"], photo["colour"]
        product_type, main_collection = LABEL_DEFAULTS[label]
        for variant, (title, vendor, description, extra, tags) in enumerate(products):
            n = counter
            counter += 1
            # Vary what is already filled in, so the demo has work of every kind:
            # every third product lacks a product type, every second lacks tags, a quarter
            # carry alt text, a fifth carry a colour metafield.
            node = {
                "id": f"gid://shopify/Product/{BASE_PRODUCT + n}",
                "handle": title.lower().replace("'", "").replace("—", "").replace("&", "and")
                .replace(" ", "-").replace("--", "-"),
                "title": title,
                "vendor": vendor,
                "productType": "" if n % 3 == 2 else product_type,
                "status": "ACTIVE",
                "descriptionHtml": f"<p>{description}</p>",
                "tags": sorted(set(tags + (["demo"] if variant == 0 else []))) if n % 2 == 0 or variant == 0 else [],
                "createdAt": timestamp(n % 50, 9),
                "updatedAt": timestamp(n % 50 + 5, 14),
                "collections": {"nodes": collection_nodes([main_collection] + extra)},
                "images": {"nodes": [{
                    "id": f"gid://shopify/ImageSource/{BASE_IMAGE + n}",
                    "url": f"https://sandbox.tagdesk.test/_sandbox/images/{photo['file']}",
                    "altText": f"{title}, front view" if n % 4 == 1 else "",
                }]},
                "metafields": {"nodes": []},
            }
            # Three in four products are filed under their label's category, one of them
            # under the archived one; the others have none.
            if n == ARCHIVED_PRODUCT:
                node["category"] = {"id": f"gid://shopify/TaxonomyCategory/{ARCHIVED_CATEGORY}"}
            elif n % 4 != 3:
                node["category"] = {"id": f"gid://shopify/TaxonomyCategory/{LABEL_CATEGORY[label]}"}
            if n % 5 == 0:
                node["metafields"]["nodes"].append({
                    "id": f"gid://shopify/Metafield/{BASE_METAFIELD + metafield_counter}",
                    "namespace": "custom", "key": "color",
                    "type": "single_line_text_field", "value": colour,
                })
                metafield_counter += 1
            nodes.append(node)

    for prefix, title, vendor, status, description in EXTRAS:
        n = counter
        counter += 1
        node = {
            "id": f"gid://shopify/Product/{BASE_PRODUCT + n}",
            "handle": title.lower().replace("(", "").replace(")", "").replace(":", "")
            .replace("—", "").replace(" ", "-").replace("--", "-"),
            "title": title, "vendor": vendor,
            "productType": "Gift Card" if prefix is None else LABEL_DEFAULTS[by_prefix[prefix]["category"]][0],
            "status": status, "descriptionHtml": f"<p>{description}</p>", "tags": [],
            "createdAt": timestamp(n % 50, 9), "updatedAt": timestamp(n % 50 + 5, 14),
            "collections": {"nodes": []},
            "images": {"nodes": [] if prefix is None else [{
                "id": f"gid://shopify/ImageSource/{BASE_IMAGE + n}",
                "url": f"https://sandbox.tagdesk.test/_sandbox/images/{by_prefix[prefix]['file']}",
                "altText": ""}]},
            "metafields": {"nodes": []},
        }
        nodes.append(node)

    OUT.write_text(json.dumps(nodes, indent=1, ensure_ascii=False) + "\n")
    metaobjects = [{"id": f"gid://shopify/Metaobject/{BASE_METAOBJECT + i}", "type": mtype,
                    "handle": handle, "fields": [{"key": k, "value": v} for k, v in fields],
                    "createdAt": "2026-01-02T10:00:00Z", "updatedAt": "2026-01-02T10:00:00Z"}
                   for i, (mtype, handle, fields) in enumerate(METAOBJECTS)]
    (OUT.parent / "metaobjects.json").write_text(
        json.dumps({"metaobjects": metaobjects}, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {len(nodes)} products to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
