// The data kinds' table, truth tables, the four point clouds and the per-epoch shuffles.
// Clouds are drawn from their own stream (data_rng.hpp) with data_math's sin/cos/log and this
// file is compiled with -ffp-contract=off, so a seed gives the same bits natively and in WASM.
#include "dataset.hpp"

#include <algorithm>
#include "data_math.hpp"
#include "data_rng.hpp"

namespace bpl {

const DataInfo kDataKinds[kDataKindCount] = {
    {DataKind::xor_table, "xor", "XOR", false, 0b0110},     {DataKind::and_table, "and", "AND", false, 0b1000},
    {DataKind::or_table, "or", "OR", false, 0b1110},        {DataKind::nand_table, "nand", "NAND", false, 0b0111},
    {DataKind::nor_table, "nor", "NOR", false, 0b0001},     {DataKind::xnor_table, "xnor", "XNOR", false, 0b1001},
    {DataKind::custom_table, "custom", "Custom", false, 0}, {DataKind::xor_cloud, "xor-cloud", "XOR cloud", true, 0},
    {DataKind::circle, "circle", "Circle", true, 0},        {DataKind::gauss, "gauss", "Two Gaussians", true, 0},
    {DataKind::spiral, "spiral", "Spiral", true, 0},
};

const DataInfo& data_info(DataKind kind) { return kDataKinds[static_cast<int>(kind)]; }

const DataInfo* find_data(std::string_view name) {
    for (const DataInfo& info : kDataKinds)
        if (name == info.name) return &info;
    return nullptr;
}

bool operator==(const DataSpec& a, const DataSpec& b) {
    if (a.kind != b.kind) return false;
    if (a.kind == DataKind::custom_table) return a.targets == b.targets;
    if (data_is_cloud(a.kind)) return a.points == b.points && a.noise == b.noise && a.train == b.train;
    return true;
}

unsigned data_table_targets(const DataSpec& spec) {
    if (spec.kind == DataKind::custom_table) return spec.targets & 0xfu;
    return data_info(spec.kind).targets;
}

void data_targets_text(unsigned targets, char (&out)[5]) {
    for (int r = 0; r < kTableRows; ++r) out[r] = ((targets >> r) & 1u) ? '1' : '0';
    out[kTableRows] = '\0';
}

// Out-of-range points and train percentages are clamped, so N never exceeds kMaxSamples.
int data_sample_count(const DataSpec& spec) {
    if (!data_is_cloud(spec.kind)) return kTableRows;
    return std::clamp(spec.points, kMinPoints, kMaxPoints);
}

int data_train_count(const DataSpec& spec) {
    if (!data_is_cloud(spec.kind)) return kTableRows;
    int points = data_sample_count(spec);
    int percent = std::clamp(spec.train, kMinTrainPercent, kMaxTrainPercent);
    int train = (points * percent + 50) / 100;   // round half up
    return std::clamp(train, 1, points - 1);
}

namespace {

constexpr uint32_t kPointStream = 1;     // the cloud's points, labels, noise and shuffle
constexpr uint32_t kShuffleStream = 2;   // the epochs' mini-batch orders, one index per epoch

constexpr double kPi = 3.141592653589793;
constexpr double kXorMargin = 0.05;                       // xor-cloud: gap on each side of an axis
constexpr double kInnerRadius = 0.5, kRingFrom = 0.7;     // circle: label 1 inside, label 0 in the ring
constexpr double kGaussCenter = 0.5, kGaussSigma = 0.2;   // gauss: blobs at ±(0.5, 0.5)
constexpr double kSpiralTurns = 1.75;

void make_table(Dataset& out, unsigned targets) {
    static constexpr double kRows[kTableRows * 2] = {0, 0, 0, 1, 1, 0, 1, 1};   // 00, 01, 10, 11
    out.x.assign(kRows, kRows + kTableRows * 2);
    out.y.resize(kTableRows);
    for (int r = 0; r < kTableRows; ++r) out.y[r] = ((targets >> r) & 1u) ? 1.0 : 0.0;
}

// Each generator writes point i (x: N x 2) and its label; labels are fixed here, before noise.
void make_xor_cloud(Dataset& out, int n, DataRng& rng) {
    for (int i = 0; i < n; ++i) {
        double p[2];
        for (double& v : p) {
            v = (1.0 - kXorMargin) * (2.0 * data_rng_uniform(rng) - 1.0);   // [-0.95, 0.95)
            v = v > 0.0 ? v + kXorMargin : v - kXorMargin;                  // off the axes
        }
        out.x[2 * i] = p[0];
        out.x[2 * i + 1] = p[1];
        out.y[i] = (p[0] > 0.0) != (p[1] > 0.0) ? 1.0 : 0.0;   // 1 when the signs differ, as XOR
    }
}

// The radius is uniform (not area-uniform), as in TensorFlow Playground: denser near the centre.
void make_circle(Dataset& out, int n, DataRng& rng) {
    for (int i = 0; i < n; ++i) {
        bool inside = i < n / 2;
        double from = inside ? 0.0 : kRingFrom, to = inside ? kInnerRadius : 1.0;
        double radius = from + (to - from) * data_rng_uniform(rng);
        double angle = 2.0 * kPi * data_rng_uniform(rng);
        out.x[2 * i] = radius * data_sin(angle);
        out.x[2 * i + 1] = radius * data_cos(angle);
        out.y[i] = inside ? 1.0 : 0.0;
    }
}

void make_gauss(Dataset& out, int n, DataRng& rng) {
    for (int i = 0; i < n; ++i) {
        double center = i < n / 2 ? kGaussCenter : -kGaussCenter;
        out.x[2 * i] = center + kGaussSigma * data_rng_normal(rng);
        out.x[2 * i + 1] = center + kGaussSigma * data_rng_normal(rng);
        out.y[i] = i < n / 2 ? 1.0 : 0.0;
    }
}

// Arm 1 (label 1) runs from the centre out to radius 1 over kSpiralTurns turns; arm 0 is the
// same curve rotated by pi. No randomness before the noise.
void make_spiral(Dataset& out, int n) {
    int half = n / 2;
    for (int i = 0; i < n; ++i) {
        bool first = i < half;
        int j = first ? i : i - half;
        int arm_points = first ? half : n - half;
        double t = static_cast<double>(j) / arm_points;   // [0, 1)
        double angle = kSpiralTurns * 2.0 * kPi * t + (first ? 0.0 : kPi);
        out.x[2 * i] = t * data_sin(angle);
        out.x[2 * i + 1] = t * data_cos(angle);
        out.y[i] = first ? 1.0 : 0.0;
    }
}

// Jitter of standard deviation sigma on every coordinate, then clamped into [-1, 1]. The
// normals are drawn even at sigma 0, so moving the noise keeps the points and their order.
void add_noise(Dataset& out, int n, double sigma, DataRng& rng) {
    for (int k = 0; k < 2 * n; ++k) {
        double v = out.x[k] + sigma * data_rng_normal(rng);
        out.x[k] = std::clamp(v, -1.0, 1.0);
    }
}

void shuffle_rows(Dataset& out, int n, DataRng& rng) {
    for (int i = n - 1; i > 0; --i) {
        int j = static_cast<int>(data_rng_below(rng, static_cast<uint32_t>(i + 1)));
        std::swap(out.x[2 * i], out.x[2 * j]);
        std::swap(out.x[2 * i + 1], out.x[2 * j + 1]);
        std::swap(out.y[i], out.y[j]);
    }
}

}   // namespace

void dataset_make(Dataset& out, const DataSpec& spec, uint32_t seed) {
    out.samples = data_sample_count(spec);
    out.train = data_train_count(spec);
    out.cloud = data_is_cloud(spec.kind);
    if (!out.cloud) {
        make_table(out, data_table_targets(spec));
        return;
    }
    int n = out.samples;
    out.x.resize(2 * static_cast<size_t>(n));
    out.y.resize(n);
    DataRng rng;
    data_rng_seed(rng, seed, kPointStream);
    switch (spec.kind) {
        case DataKind::xor_cloud: make_xor_cloud(out, n, rng); break;
        case DataKind::circle: make_circle(out, n, rng); break;
        case DataKind::gauss: make_gauss(out, n, rng); break;
        case DataKind::spiral: make_spiral(out, n); break;
        default: break;   // truth tables returned above
    }
    double sigma = std::clamp(spec.noise, 0, kMaxNoise) / 100.0;
    add_noise(out, n, sigma, rng);
    shuffle_rows(out, n, rng);
}

void dataset_epoch_order(int* order, int n, uint32_t seed, long long epoch) {
    DataRng rng;
    data_rng_seed(rng, seed, kShuffleStream, static_cast<uint64_t>(epoch));
    for (int i = 0; i < n; ++i) order[i] = i;
    for (int i = n - 1; i > 0; --i) {
        int j = static_cast<int>(data_rng_below(rng, static_cast<uint32_t>(i + 1)));
        std::swap(order[i], order[j]);
    }
}

}   // namespace bpl
