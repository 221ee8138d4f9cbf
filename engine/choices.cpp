// Names and labels of the training choices (names are what URLs and the CLI accept).
#include "choices.hpp"

namespace bpl {

const OptimizerInfo kOptimizers[3] = {
    {Optimizer::sgd, "sgd", "SGD"},
    {Optimizer::momentum, "momentum", "Momentum"},
    {Optimizer::adam, "adam", "Adam"},
};
const InitInfo kInits[3] = {
    {Init::normal, "normal", "Normal (reference)"},
    {Init::xavier, "xavier", "Xavier"},
    {Init::he, "he", "He"},
};
const BatchModeInfo kBatchModes[2] = {
    {BatchMode::full, "full", "Full batch"},
    {BatchMode::sample, "sample", "Per sample"},
};

}   // namespace bpl
