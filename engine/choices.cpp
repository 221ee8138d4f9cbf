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
// "minibatch" is how a batch size reads in the table; URLs and the CLI give the size itself.
const BatchModeInfo kBatchModes[3] = {
    {BatchMode::full, "full", "Full batch"},
    {BatchMode::sample, "sample", "Per sample"},
    {BatchMode::minibatch, "minibatch", "Mini-batch"},
};
const RegularizationInfo kRegularizations[3] = {
    {Regularization::none, "none", "None"},
    {Regularization::l1, "l1", "L1"},
    {Regularization::l2, "l2", "L2"},
};

}   // namespace bpl
