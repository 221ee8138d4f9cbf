// The data a network learns: a truth table over the four rows 00, 01, 10, 11 (XOR, the
// reference's, is the default) or a seeded point cloud in [-1, 1]² with a train/test split.
// Dimension letters: N samples, I inputs (2). Rows [0, train) are the training set, rows
// [train, N) the test set; a truth table trains on all 4 rows and has no test set.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace bpl {

enum class DataKind {
    xor_table,
    and_table,
    or_table,
    nand_table,
    nor_table,
    xnor_table,
    custom_table,
    xor_cloud,
    circle,
    gauss,
    spiral
};
constexpr int kDataKindCount = 11;

constexpr int kTableRows = 4;
constexpr int kMinPoints = 50, kMaxPoints = 1000, kDefaultPoints = 200;
constexpr int kMaxNoise = 50;   // percent of the data's radius
constexpr int kMinTrainPercent = 10, kMaxTrainPercent = 90, kDefaultTrainPercent = 50;
constexpr int kMaxSamples = kMaxPoints;

struct DataInfo {
    DataKind id;
    const char* name;    // "xor", "and", …, "custom", "xor-cloud", "circle", "gauss", "spiral"
    const char* label;   // "XOR", "AND", …, "XOR cloud", "Circle", "Two Gaussians", "Spiral"
    bool cloud;          // a point cloud (else a 4-row truth table)
    unsigned targets;    // truth tables: bit r = target of row r (rows 00, 01, 10, 11); XOR 0b0110
};
extern const DataInfo kDataKinds[kDataKindCount];
const DataInfo& data_info(DataKind kind);
const DataInfo* find_data(std::string_view name);
inline bool data_is_cloud(DataKind kind) { return kind >= DataKind::xor_cloud; }

// What to generate. `targets` is only read for custom_table; points/noise/train only for clouds.
struct DataSpec {
    DataKind kind = DataKind::xor_table;
    unsigned targets = 0b0110;   // custom_table: bit r = target of row r
    int points = kDefaultPoints;
    int noise = 0;   // Gaussian jitter, standard deviation noise% of the data's radius (1)
    int train = kDefaultTrainPercent;
};
bool operator==(const DataSpec& a, const DataSpec& b);

// The truth-table targets of a spec (custom or named); 0 for a cloud.
unsigned data_table_targets(const DataSpec& spec);
// "0110": the targets of rows 00, 01, 10, 11.
void data_targets_text(unsigned targets, char (&out)[5]);
// Training rows for a spec: 4 for a table, round(points * train / 100) for a cloud (at least 1,
// at most points - 1).
int data_train_count(const DataSpec& spec);
int data_sample_count(const DataSpec& spec);

struct Dataset {
    int samples = 0;         // N
    int train = 0;           // training rows (the first `train` rows)
    bool cloud = false;      // inputs in [-1, 1]² (else 0/1 truth-table inputs)
    std::vector<double> x;   // N x I, row-major
    std::vector<double> y;   // N targets, 0 or 1
};

// Fills `out` for spec. Truth tables: the rows 00, 01, 10, 11 in that order (XOR's rows are
// the reference's X and y exactly). Clouds: drawn from the point stream of `seed` (its own
// generator, never the weights' MT19937), bit-identical on every platform: own sin, cos and
// log (data_math.hpp), integer generator, no FMA. Points are shuffled, then the first
// `train` rows are the training set.
void dataset_make(Dataset& out, const DataSpec& spec, uint32_t seed);

// The permutation of the training rows for one epoch of shuffled mini-batches: a function of
// (seed, epoch) only, so rewinding to an epoch replays its batches exactly. order: n entries.
void dataset_epoch_order(int* order, int n, uint32_t seed, long long epoch);

}   // namespace bpl
