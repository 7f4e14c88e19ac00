// How long the local colour analyser takes for one product photo, by the size it
// downscales to, and what the decoding strategy it uses saves. Figures are printed as
// ratios against baselines measured in the same run (maxSide 96; the analyser's own
// decoding), so they compare across machines. P8 (FIGURE row): the analysis of each
// dataset photo against decoding the same photo to the analysis size.
#include "../common/figure.h"
#include "taggers/localcolouranalyser.h"

#include <benchmark/benchmark.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>

#include <iomanip>
#include <iostream>
#include <map>
#include <string>

#include <time.h>

namespace {

using tagdesk::LocalColourAnalyser;

// A 400 × 533 JPEG from tests/data/images, as the dataset ships it.
QByteArray datasetPhoto() {
    static const QByteArray bytes = [] {
        QFile file(
            QDir(QStringLiteral(TAGDESK_BENCH_IMAGES))
                .filePath(QStringLiteral("t-shirt__0af4203f-8998-4719-92fe-65c14a6b6093.jpg")));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    return bytes;
}

// The same photo at 2048 px on the long side, the size Shopify stores product images at.
QByteArray shopifySizedPhoto() {
    static const QByteArray bytes = [] {
        const QImage large = QImage::fromData(datasetPhoto())
                                 .scaled(2048, 2048, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        large.save(&buffer, "JPEG", 90);
        return jpeg;
    }();
    return bytes;
}

void analyse(benchmark::State &state, const QByteArray &photo) {
    const LocalColourAnalyser analyser({.maxSide = static_cast<int>(state.range(0))});
    if (photo.isEmpty() || !analyser.analyse(photo, QString()).ok()) {
        state.SkipWithError("the photo could not be analysed");
        return;
    }
    for (auto _ : state) {
        auto result = analyser.analyse(photo, QString());
        benchmark::DoNotOptimize(result);
    }
}

void BM_AnalyseDatasetPhoto(benchmark::State &state) {
    analyse(state, datasetPhoto());
}
BENCHMARK(BM_AnalyseDatasetPhoto)->Arg(48)->Arg(96)->Arg(192)->Unit(benchmark::kMicrosecond);

void BM_AnalyseShopifySizedPhoto(benchmark::State &state) {
    analyse(state, shopifySizedPhoto());
}
BENCHMARK(BM_AnalyseShopifySizedPhoto)->Arg(48)->Arg(96)->Arg(192)->Unit(benchmark::kMicrosecond);

// Decoding strategies for maxSide 96, on the Shopify-sized photo.
QSize fitted(const QSize &size, int side) {
    return size.scaled(side, side, Qt::KeepAspectRatio);
}

QImage readScaled(const QByteArray &bytes, int side) {
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setScaledSize(fitted(reader.size(), side));
    return reader.read();
}

// What the analyser does: let the JPEG decoder scale to 4 × 96 (DCT scaling), then
// pick pixels, so that fine prints keep their real colours instead of blends.
QImage decodeAsAnalyser(const QByteArray &bytes, int side) {
    const QImage image = readScaled(bytes, 4 * side);
    return image.scaled(fitted(image.size(), side), Qt::IgnoreAspectRatio, Qt::FastTransformation);
}

void BM_DecodeAsAnalyser(benchmark::State &state) {
    for (auto _ : state) {
        QImage image = decodeAsAnalyser(shopifySizedPhoto(), 96);
        benchmark::DoNotOptimize(image);
    }
}
BENCHMARK(BM_DecodeAsAnalyser)->Unit(benchmark::kMicrosecond);

void BM_DecodeReaderScaledTo96(benchmark::State &state) {
    for (auto _ : state) {
        QImage image = readScaled(shopifySizedPhoto(), 96);
        benchmark::DoNotOptimize(image);
    }
}
BENCHMARK(BM_DecodeReaderScaledTo96)->Unit(benchmark::kMicrosecond);

void decodeFullThenScale(benchmark::State &state, Qt::TransformationMode mode) {
    for (auto _ : state) {
        QImage image = QImage::fromData(shopifySizedPhoto());
        image = image.scaled(fitted(image.size(), 96), Qt::IgnoreAspectRatio, mode);
        benchmark::DoNotOptimize(image);
    }
}

void BM_DecodeFullThenFast(benchmark::State &state) {
    decodeFullThenScale(state, Qt::FastTransformation);
}
BENCHMARK(BM_DecodeFullThenFast)->Unit(benchmark::kMicrosecond);

void BM_DecodeFullThenSmooth(benchmark::State &state) {
    decodeFullThenScale(state, Qt::SmoothTransformation);
}
BENCHMARK(BM_DecodeFullThenSmooth)->Unit(benchmark::kMicrosecond);

// Keeps every run's CPU time per iteration, for the ratios printed after the table. CPU
// rather than wall time: the work is single-threaded, and on a shared machine wall time
// also measures the neighbours.
class RatioReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run> &runs) override {
        for (const Run &run : runs) {
            if (run.run_type == Run::RT_Iteration && !run.error_occurred)
                times[run.benchmark_name()] = run.GetAdjustedCPUTime();
        }
        ConsoleReporter::ReportRuns(runs);
    }

    void printRatios(const std::string &baseline, const std::vector<std::string> &names) const {
        const auto base = times.find(baseline);
        if (base == times.end() || base->second <= 0)
            return;
        std::cout << "relative to " << baseline << " (" << std::fixed << std::setprecision(0)
                  << base->second << " us CPU):\n";
        for (const std::string &name : names) {
            const auto it = times.find(name);
            if (it != times.end())
                std::cout << "  " << std::left << std::setw(36) << name << std::right
                          << std::setprecision(2) << it->second / base->second << "x\n";
        }
    }

    std::map<std::string, double> times;
};

// Every JPEG of tests/data/images (CC0 product photos, 400 × 533 and alike).
QList<QByteArray> datasetPhotos() {
    QList<QByteArray> photos;
    const QDir folder(QStringLiteral(TAGDESK_BENCH_IMAGES));
    for (const QString &name : folder.entryList({QStringLiteral("*.jpg")}, QDir::Files)) {
        QFile file(folder.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            photos.append(file.readAll());
    }
    return photos;
}

// CPU time of the whole process, not of this thread only: the JPEG reader finishes a size
// that is not a DCT fraction with QImage::smoothScaled, which splits a large image over
// Qt's thread pool, and a thread clock misses that work (measured 2026-12-04: 0.41 of
// the 1.84 ms it takes to decode a dataset photo at 4 × 96 px). Nothing else runs in the
// process meanwhile; wall time would also measure the neighbours on a shared machine.
double processCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// Per image, the median over rounds; the analysis and its baseline alternate within each
// round so that both see the same machine.
void printAnalysisAgainstDecode(const std::string &what, const QList<QByteArray> &photos,
                                int maxSide) {
    const LocalColourAnalyser analyser({.maxSide = maxSide});
    std::vector<double> analysisMs;
    std::vector<double> decodeMs;
    std::vector<double> analyserDecodeMs;
    const int rounds = bench::quick() ? 3 : 15;
    for (int round = 0; round < rounds; ++round) {
        double start = processCpuMs();
        for (const QByteArray &photo : photos) {
            auto result = analyser.analyse(photo, QString());
            if (!result.ok())
                qFatal("bench_colour: a photo could not be analysed");
            benchmark::DoNotOptimize(result);
        }
        analysisMs.push_back((processCpuMs() - start) / double(photos.size()));
        start = processCpuMs();
        for (const QByteArray &photo : photos) {
            QImage image = readScaled(photo, maxSide);
            benchmark::DoNotOptimize(image);
        }
        decodeMs.push_back((processCpuMs() - start) / double(photos.size()));
        start = processCpuMs();
        for (const QByteArray &photo : photos) {
            QImage image = decodeAsAnalyser(photo, maxSide);
            benchmark::DoNotOptimize(image);
        }
        analyserDecodeMs.push_back((processCpuMs() - start) / double(photos.size()));
    }
    bench::printRatio("P8", what, bench::median(analysisMs), bench::median(decodeMs),
                      "decode to " + std::to_string(maxSide) + " px", 1.25);
    // Not a figure: how much of the analysis is its own decoding, the part the pixel work
    // cannot win back.
    std::cout << "  of which the analyser's decoding (4 × " << maxSide
              << " px, then picking pixels): " << bench::ms(bench::median(analyserDecodeMs))
              << " = "
              << bench::ratioText(bench::median(analyserDecodeMs) / bench::median(decodeMs))
              << " the baseline" << std::endl;
}

void printFigures() {
    const QList<QByteArray> photos = datasetPhotos();
    if (photos.isEmpty())
        qFatal("bench_colour: no photos in %s", TAGDESK_BENCH_IMAGES);
    printAnalysisAgainstDecode("local colour analysis per image (96 px; " +
                                   std::to_string(photos.size()) + " dataset photos)",
                               photos, 96);
    printAnalysisAgainstDecode("local colour analysis per image (96 px; a 2048 px photo)",
                               {shopifySizedPhoto()}, 96);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    if (bench::quick()) {
        printFigures();
        return 0;
    }
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    std::cout << "\n";
    printFigures();
    std::cout << "\n";
    reporter.printRatios(
        "BM_AnalyseDatasetPhoto/96",
        {"BM_AnalyseDatasetPhoto/48", "BM_AnalyseDatasetPhoto/96", "BM_AnalyseDatasetPhoto/192"});
    reporter.printRatios("BM_AnalyseShopifySizedPhoto/96",
                         {"BM_AnalyseShopifySizedPhoto/48", "BM_AnalyseShopifySizedPhoto/96",
                          "BM_AnalyseShopifySizedPhoto/192"});
    reporter.printRatios("BM_DecodeAsAnalyser",
                         {"BM_DecodeAsAnalyser", "BM_DecodeReaderScaledTo96",
                          "BM_DecodeFullThenFast", "BM_DecodeFullThenSmooth"});
    return 0;
}
