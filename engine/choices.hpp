// The training choices besides activation and loss (optimiser, initialisation, batch mode,
// regularisation), each with its URL/CLI name and its label, and the engine's size and rate
// limits. Below both the config (which stores them) and the settings table (which lists them).
#pragma once

namespace bpl {

constexpr int kMaxHiddenLayers = 4;
constexpr int kMaxHiddenUnits = 32;
constexpr double kMinLearningRate = 1e-6;
constexpr double kMaxLearningRate = 100.0;

enum class Optimizer { sgd, momentum, adam };
enum class Init { normal, xavier, he };   // normal = the reference recipe: randn weights, zero biases
// full batch (reference), one update per sample, or mini-batches of Config::batch_size rows
enum class BatchMode { full, sample, minibatch };
// the penalty on the weights (never the biases) added to the loss: none, L1 = rate·Σ|w|, L2 = rate·½Σw²
enum class Regularization { none, l1, l2 };
constexpr double kMaxRegRate = 0.1;

struct OptimizerInfo {
    Optimizer id;
    const char* name;
    const char* label;
};
struct InitInfo {
    Init id;
    const char* name;
    const char* label;
};
struct BatchModeInfo {
    BatchMode id;
    const char* name;
    const char* label;
};
struct RegularizationInfo {
    Regularization id;
    const char* name;
    const char* label;
};
extern const OptimizerInfo kOptimizers[3];
extern const InitInfo kInits[3];
extern const BatchModeInfo kBatchModes[3];
extern const RegularizationInfo kRegularizations[3];

}   // namespace bpl
