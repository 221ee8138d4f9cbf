// engine-bench: nanoseconds per training epoch for a few fixed networks, natively or as
// WASM under node. Steady state = median (and best) of timed runs after a warm-up; "first 10k"
// = the first 10,000 epochs from a fresh init. `--json` prints one JSON object instead of text.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>
#include "network.hpp"
#include "trainer.hpp"

using namespace bpl;

namespace {

struct BenchCase {
    const char* name;
    Config config;
};

struct BenchResult {
    double steady_ns = 0.0;    // median ns/epoch over the timed runs
    double best_ns = 0.0;      // fastest timed run: less sensitive to a busy machine
    double first_10k_ns = 0.0; // median ns/epoch of the first 10,000 epochs after init
    double final_loss = 0.0;   // keeps the work observable (and is a sanity check)
};

constexpr long long kWarmupEpochs = 20000;
constexpr long long kFirstEpochs = 10000;
constexpr int kRuns = 7;

double now_ns() {
    using clock = std::chrono::steady_clock;
    return std::chrono::duration<double, std::nano>(clock::now().time_since_epoch()).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

Network fresh(const Config& cfg) {
    Network net;
    std::string error;
    if (!network_init(net, cfg, error)) {
        std::fprintf(stderr, "engine-bench: %s\n", error.c_str());
        std::exit(1);
    }
    return net;
}

double time_epochs(Network& net, long long epochs) {
    const double start = now_ns();
    train_epochs(net, epochs);
    return (now_ns() - start) / double(epochs);
}

BenchResult run_case(const BenchCase& c, long long steady_epochs) {
    BenchResult r;
    std::vector<double> first, steady;
    for (int i = 0; i < kRuns; ++i) {
        Network net = fresh(c.config);
        first.push_back(time_epochs(net, kFirstEpochs));
    }
    Network net = fresh(c.config);
    train_epochs(net, kWarmupEpochs);
    for (int i = 0; i < kRuns; ++i) steady.push_back(time_epochs(net, steady_epochs));
    r.first_10k_ns = median(first);
    r.steady_ns = median(steady);
    r.best_ns = *std::min_element(steady.begin(), steady.end());
    r.final_loss = net.epoch_loss;
    return r;
}

std::vector<BenchCase> bench_cases() {
    Config small;   // the reference net: 2-4-1 sigmoid, mse, sgd, lr 0.1, seed 42
    Config deep;
    deep.hidden_layers = 2;
    deep.hidden_units[0] = 16;
    deep.hidden_units[1] = 16;
    deep.activation = Activation::tanh;
    return {{"2-4-1 sigmoid", small}, {"2-16-16-1 tanh", deep}};
}

}  // namespace

int main(int argc, char** argv) {
    bool json = false;
    long long steady_epochs = 100000;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--json") == 0) {
            json = true;
        } else if (std::strcmp(argv[i], "--epochs") == 0 && i + 1 < argc) {
            steady_epochs = std::max(1000LL, std::atoll(argv[++i]));
        } else {
            std::fprintf(stderr, "usage: engine-bench [--json] [--epochs N]   (N: epochs per timed run, default 100000)\n");
            return 2;
        }
    }
    const std::vector<BenchCase> cases = bench_cases();
    if (json) std::printf("{\"epochs_per_run\": %lld, \"runs\": %d, \"cases\": [", steady_epochs, kRuns);
    for (size_t i = 0; i < cases.size(); ++i) {
        const BenchResult r = run_case(cases[i], steady_epochs);
        if (json) {
            std::printf("%s\n  {\"name\": \"%s\", \"steady_ns_per_epoch\": %.1f, \"best_ns_per_epoch\": %.1f, "
                        "\"first_10k_ns_per_epoch\": %.1f, \"final_loss\": %.17g}",
                        i ? "," : "", cases[i].name, r.steady_ns, r.best_ns, r.first_10k_ns, r.final_loss);
        } else {
            std::printf("%-16s steady %8.1f ns/epoch (best %8.1f)   first 10k %8.1f ns/epoch   (loss %.3g)\n",
                        cases[i].name, r.steady_ns, r.best_ns, r.first_10k_ns, r.final_loss);
        }
    }
    if (json) std::printf("\n]}\n");
    return 0;
}
