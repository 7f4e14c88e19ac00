#!/usr/bin/env bash
# P12: image bytes downloaded per product for analysis against the originals' bytes (goal:
# ≤ ¼). A real job run — list, download, analyse with the local colour analyser — by a
# tagdesk-cli process against a tagdesk-sandbox process whose originals are 2048 px on
# their long side (`--original-size 2048`; the bundled photos are ~400 px, and against
# them a rendition would save nothing) and whose images each have bytes of their own
# (`--distinct-images`, as in a real store). What the run downloaded is read from its
# database (each product image's cached file and its size); the baseline is every one of
# those images' original, downloaded from the same sandbox in the same run — what Tagdesk
# downloaded before it asked Shopify for renditions. The bytes are the same on every run
# (same catalog, same photos, same encoder), so one run is the figure.
#
# Usage: benchmarks/images/bench_image_bytes.sh [--quick] [BUILD_DIR]   (default build/ci)
#   --quick: 30 products instead of 300. BENCH_ORIGINAL_SIZE=PX sets another original size.
set -euo pipefail

source "$(dirname "$0")/../common/sandboxprocess.sh"
read_arguments "$@"
[[ "${TAGDESK_BENCH_QUICK:-0}" == 1 ]] && quick=1
cli="$build/app/tagdesk-cli"
require_tools bench_image_bytes "$cli" "$build/sandbox/tagdesk-sandbox"
for tool in sqlite3 curl; do
    command -v "$tool" >/dev/null || { echo "bench_image_bytes: needs $tool" >&2; exit 2; }
done
if ((quick)); then products=30; else products=300; fi
original_size=${BENCH_ORIGINAL_SIZE:-2048}

# A roomy cost bucket: this measures image bytes, not Shopify's rate limit.
start_sandbox --products "$products" --original-size "$original_size" --distinct-images \
    --bucket 1000000 --restore 1000000
url=$sandbox_url

db="$work/run.sqlite"
id=$("$cli" --db "$db" --store "$url" jobs create --name "Image bytes" --tagger local)
if ! "$cli" --db "$db" --store "$url" jobs run "$id" >"$work/run.log" 2>&1; then
    echo "bench_image_bytes: the run failed:" >&2
    tail -5 "$work/run.log" >&2
    exit 2
fi

# What the run downloaded: each product image it cached, with the file's size, and the
# address it came from (a rendition's carries width= and height=).
sql() { sqlite3 -batch -noheader "$db" "$1"; }
images=$(sql "SELECT COUNT(*) FROM product_images WHERE job_id = $id AND sha256 IS NOT NULL")
analysed=$(sql "SELECT COUNT(DISTINCT product_id) FROM product_images
                WHERE job_id = $id AND sha256 IS NOT NULL")
downloaded=$(sql "SELECT COALESCE(SUM(i.bytes), 0) FROM product_images p
                  JOIN images i ON i.sha256 = p.sha256 WHERE p.job_id = $id")
renditions=$(sql "SELECT COUNT(*) FROM product_images WHERE job_id = $id
                  AND sha256 IS NOT NULL AND url LIKE '%width=%'")
((analysed > 0)) || { echo "bench_image_bytes: the run analysed no product" >&2; exit 2; }
# Their pixels against the originals' (Image.width × height in the snapshot), for the detail.
pixels=$(sql "SELECT COALESCE(SUM(i.width * i.height), 0) FROM product_images p
              JOIN images i ON i.sha256 = p.sha256 WHERE p.job_id = $id")

# The baseline: the same images' originals (the snapshot's `url` of each downloaded media).
original_pixels=$(sql "SELECT SUM(json_extract(m.value, '\$.width') * json_extract(m.value, '\$.height'))
     FROM product_images p
     JOIN job_products j ON j.job_id = p.job_id AND j.product_id = p.product_id,
          json_each(j.snapshot, '\$.media') m
     WHERE p.job_id = $id AND p.sha256 IS NOT NULL
       AND json_extract(m.value, '\$.id') = p.media_id")
sql "SELECT json_extract(m.value, '\$.url')
     FROM product_images p
     JOIN job_products j ON j.job_id = p.job_id AND j.product_id = p.product_id,
          json_each(j.snapshot, '\$.media') m
     WHERE p.job_id = $id AND p.sha256 IS NOT NULL
       AND json_extract(m.value, '\$.id') = p.media_id" >"$work/originals"
[[ $(wc -l <"$work/originals") -eq "$images" ]] ||
    { echo "bench_image_bytes: not every image's original is known" >&2; exit 2; }
originals=0
while read -r original; do
    size=$(curl -sf -o /dev/null -w '%{size_download}' "$original") ||
        { echo "bench_image_bytes: cannot download $original" >&2; exit 2; }
    originals=$((originals + size))
done <"$work/originals"
stop_sandbox

per_product=$(awk -v b="$downloaded" -v n="$analysed" 'BEGIN { printf "%.1f", b / n / 1024 }')
originals_per_product=$(awk -v b="$originals" -v n="$analysed" 'BEGIN { printf "%.1f", b / n / 1024 }')
# Three decimals: the figure lies near its goal.
ratio=$(awk -v a="$downloaded" -v b="$originals" 'BEGIN { printf "%.3f", a / b }')
pixel_ratio=$(awk -v a="$pixels" -v b="$original_pixels" 'BEGIN { printf "%.3f", a / b }')
met=$(awk -v r="$ratio" -v all="$((renditions == images))" 'BEGIN { print (r <= 0.25 && all) ? "yes" : "no" }')
echo "products analysed:        $analysed ($images images, $renditions of them renditions)"
echo "downloaded for analysis:  $downloaded bytes ($per_product KiB per product)"
echo "their originals (${original_size} px): $originals bytes ($originals_per_product KiB per product)"
echo "bytes: ${ratio}× the originals'; pixels: ${pixel_ratio}× the originals'"
printf 'FIGURE|P12|image bytes downloaded per product for analysis (%d products, %d px originals)|%s KiB|%s KiB originals|%s×|≤ 0.25×|%s\n' \
    "$analysed" "$original_size" "$per_product" "$originals_per_product" "$ratio" "$met"
