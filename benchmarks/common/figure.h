// The row every benchmark program prints for each figure of the performance issue, read by
// benchmarks/run-suite.sh:
//   FIGURE|<id>|<what>|<measured>|<baseline>|<ratio>|<goal>|<met>
// Measured and baseline come from the same run (medians of at least three samples), so the
// ratio compares across machines even where the absolute times do not.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace bench {

// The suite's smoke size (run-suite.sh --quick sets it): each program measures the same
// figures on a smaller job, to show that they still run, not what they are.
inline bool quick() {
    const char *value = std::getenv("TAGDESK_BENCH_QUICK");
    return value != nullptr && std::string(value) == "1";
}

// A job size: the figure's own, or a tenth of it for --quick.
inline int sized(int full) {
    return quick() ? std::max(1, full / 10) : full;
}

inline double median(std::vector<double> samples) {
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const size_t mid = samples.size() / 2;
    return samples.size() % 2 == 1 ? samples[mid] : (samples[mid - 1] + samples[mid]) / 2;
}

inline std::string number(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

// "5.1 ms", "0.42 ms": two significant decimals below 10, one above.
inline std::string ms(double milliseconds) {
    return number(milliseconds, milliseconds < 10 ? 2 : 1) + " ms";
}

inline std::string ratioText(double ratio) {
    return number(ratio, 2) + "×";
}

struct Figure {
    std::string id = {};
    std::string what = {};
    std::string measured = {};
    std::string baseline = {};
    std::string ratio = {};
    std::string goal = {};
    bool met = false;
};

inline void print(const Figure &f) {
    std::printf("FIGURE|%s|%s|%s|%s|%s|%s|%s\n", f.id.c_str(), f.what.c_str(), f.measured.c_str(),
                f.baseline.c_str(), f.ratio.c_str(), f.goal.c_str(), f.met ? "yes" : "no");
    std::fflush(stdout);
}

// The common case: a time against a baseline time, met when the ratio is at most `maxRatio`.
inline void printRatio(const std::string &id, const std::string &what, double measuredMs,
                       double baselineMs, const std::string &baselineName, double maxRatio) {
    const double ratio = measuredMs / std::max(baselineMs, 1e-9);
    char goal[32];
    std::snprintf(goal, sizeof goal, "≤ %g×", maxRatio);
    print({id, what, ms(measuredMs), ms(baselineMs) + " " + baselineName, ratioText(ratio), goal,
           ratio <= maxRatio});
}

} // namespace bench
