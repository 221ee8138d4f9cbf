// engine-bench: nanoseconds per training epoch for a few fixed networks, natively or as
// WASM under node: the reference's 2-4-1 on XOR, a deeper net on XOR, and a 2-8-8-1 net on a
// 200-point circle in mini-batches (an epoch = every batch of the 100 training points).
// Steady state: after a warm-up, many short timed runs (about 1 ms each, so on a busy machine
// most fall between two preemptions); the median and the best run are reported. "first 10k" =
// the first 10,000 epochs from a fresh init (median of kFirstRuns). `--json` prints one JSON
// object instead of text; each case carries its config (config_parse form), which
// bench/numpy_bench.py and xor-train read back.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>
#include "network.hpp"
#include "settings.hpp"
#include "trainer.hpp"

using namespace bpl;

namespace {

struct BenchCase {
    const char* name;
    Config config;
    long long epochs_per_run;   // one timed run: about 0.5 to 1 ms, natively and in WASM
};

struct BenchResult {
    double steady_ns = 0.0;      // median ns/epoch over the timed runs
    double best_ns = 0.0;        // fastest timed run: the least disturbed by other processes
    double first_10k_ns = 0.0;   // median ns/epoch of the first 10,000 epochs after init
    double final_loss = 0.0;     // keeps the work observable (and is a sanity check)
    int runs = 0;
};

// Warm-up before the steady-state runs, in epochs (not time, so the work and the final loss
// are the same on every machine and in both builds): enough for V8 to move the WASM engine
// from its baseline compiler to the optimised tier, and for warm caches and predictors.
constexpr long long kWarmupEpochs = 20000;
constexpr long long kWarmupRuns = 50;   // ... or this many timed runs' worth, if more
constexpr long long kFirstEpochs = 10000;
constexpr int kFirstRuns = 7;
constexpr int kMinRuns = 15;   // a median needs a few runs even for a small --epochs

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

// steady_epochs split into runs of c.epochs_per_run. Short runs make the median robust: a
// preemption spoils the one run it lands in instead of adding its share to every run.
BenchResult run_case(const BenchCase& c, long long steady_epochs) {
    BenchResult r;
    std::vector<double> first, steady;
    for (int i = 0; i < kFirstRuns; ++i) {
        Network net = fresh(c.config);
        first.push_back(time_epochs(net, kFirstEpochs));
    }
    Network net = fresh(c.config);
    train_epochs(net, std::max(kWarmupEpochs, kWarmupRuns * c.epochs_per_run));
    r.runs = int(std::max<long long>(kMinRuns, steady_epochs / c.epochs_per_run));
    for (int i = 0; i < r.runs; ++i) steady.push_back(time_epochs(net, c.epochs_per_run));
    r.first_10k_ns = median(first);
    r.steady_ns = median(steady);
    r.best_ns = *std::min_element(steady.begin(), steady.end());
    r.final_loss = net.epoch_loss;
    return r;
}

// Loss, batch and learning rate of the circle case when the settings table gives them no
// point-cloud default (its cloud_default_text column); the table's defaults win when set.
constexpr const char* kCircleFallback = "loss=bce&batch=10&lr=0.03";

Config parsed(const char* text) {
    Config cfg;
    std::string error;
    if (!config_parse(cfg, text, error)) {
        std::fprintf(stderr, "engine-bench: %s\n", error.c_str());
        std::exit(1);
    }
    return cfg;
}

// A 200-point circle, a 2-8-8-1 tanh net, and the page's point-cloud loss, batch and rate.
Config circle_config() {
    Config cfg = parsed("data=circle&points=200&noise=0&train=50&seed=42&hidden=8,8&act=tanh");
    std::string error;
    config_parse(cfg, kCircleFallback, error);
    for (SettingId id : {SettingId::loss, SettingId::batch, SettingId::lr}) {
        const Setting& row = setting_of(id);
        if (row.cloud_default_text) config_set(cfg, row.key, row.cloud_default_text, error);
    }
    return cfg;
}

std::vector<BenchCase> bench_cases() {
    Config small;   // the reference net: 2-4-1 sigmoid, mse, sgd, lr 0.1, seed 42
    Config deep;
    deep.hidden_layers = 2;
    deep.hidden_units[0] = 16;
    deep.hidden_units[1] = 16;
    deep.activation = Activation::tanh;
    return {{"2-4-1 sigmoid", small, 2000}, {"2-16-16-1 tanh", deep, 200}, {"circle 2-8-8-1", circle_config(), 25}};
}

}   // namespace

int main(int argc, char** argv) {
    bool json = false;
    long long steady_epochs = 200000;
    const char* only = "";   // --case: the nets whose name starts with this
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--json") == 0) {
            json = true;
        } else if (std::strcmp(argv[i], "--epochs") == 0 && i + 1 < argc) {
            steady_epochs = std::max(1000LL, std::atoll(argv[++i]));
        } else if (std::strcmp(argv[i], "--case") == 0 && i + 1 < argc) {
            only = argv[++i];
        } else {
            std::fprintf(stderr, "usage: engine-bench [--json] [--epochs N] [--case NAME]   (N: steady-state epochs "
                                 "timed per net, in runs of about 1 ms; default 200000. NAME: only the nets whose "
                                 "name starts with it, e.g. 2-4-1)\n");
            return 2;
        }
    }
    std::vector<BenchCase> cases;
    for (const BenchCase& c : bench_cases())
        if (std::strncmp(c.name, only, std::strlen(only)) == 0) cases.push_back(c);
    if (cases.empty()) {
        std::fprintf(stderr, "engine-bench: no net's name starts with '%s'\n", only);
        return 2;
    }
    if (json) std::printf("{\"steady_epochs\": %lld, \"first_runs\": %d, \"cases\": [", steady_epochs, kFirstRuns);
    for (size_t i = 0; i < cases.size(); ++i) {
        const BenchCase& c = cases[i];
        const BenchResult r = run_case(c, steady_epochs);
        if (json) {
            std::printf("%s\n  {\"name\": \"%s\", \"steady_ns_per_epoch\": %.1f, \"best_ns_per_epoch\": %.1f, "
                        "\"first_10k_ns_per_epoch\": %.1f, \"runs\": %d, \"epochs_per_run\": %lld, "
                        "\"final_loss\": %.17g, \"config\": \"%s\"}",
                        i ? "," : "", c.name, r.steady_ns, r.best_ns, r.first_10k_ns, r.runs, c.epochs_per_run,
                        r.final_loss, config_to_string(c.config).c_str());
        } else {
            std::printf("%-16s steady %10.1f ns/epoch (best %10.1f; %d runs of %lld)   first 10k %10.1f ns/epoch   "
                        "(loss %.3g)\n",
                        c.name, r.steady_ns, r.best_ns, r.runs, c.epochs_per_run, r.first_10k_ns, r.final_loss);
        }
    }
    if (json) std::printf("\n]}\n");
    return 0;
}
