// The final weights of 750 settings (activation × output × loss × optimiser × depth × batch
// mode), pinned byte for byte, so a refactor that changes one last bit anywhere in training is
// caught. Recorded in pinned_weights.inc; print a new record with BPL_RECORD_PINS=1.
//
// The initial weights are exact decimals made from MT19937 integers (no `log`), so the only
// machine-dependent arithmetic left is the C library's exp, tanh, log and pow:
// - the 120 settings that call none of them (relu / leaky ReLU / linear hidden units, linear
//   output, MSE, SGD or momentum) are pinned one by one and must match on every machine;
// - the other 630 are pinned as one hash per C library, found by a fingerprint of its exp,
//   tanh, log and pow over 131,072 inputs (glibc with and without FMA, Emscripten). On a C
//   library with no record they are left out, and the test says so.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>
#include "config.hpp"
#include "network.hpp"
#include "rng.hpp"
#include "trainer.hpp"

namespace {

struct Pin {
    const char* settings;
    uint64_t hash;
};
struct LibmPin {
    uint64_t fingerprint;
    uint64_t hash;
};

#include "pinned_weights.inc"

constexpr int kEpochs = 60;

uint64_t fnv1a(uint64_t h, const void* data, size_t n) {
    const unsigned char* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}
constexpr uint64_t kFnvStart = 0xcbf29ce484222325ull;

uint64_t fnv1a_double(uint64_t h, double x) { return fnv1a(h, &x, sizeof x); }

// The C library's exp, tanh, log and pow over the ranges training reaches.
uint64_t libm_fingerprint() {
    uint64_t h = kFnvStart;
    bpl::Rng rng;
    bpl::rng_seed(rng, 2024);
    for (int i = 0; i < 32768; ++i) {
        double u = bpl::rng_next_u32(rng) / 4294967296.0;   // exact: [0, 1)
        double x = (u - 0.5) * 80.0;
        h = fnv1a_double(h, std::exp(x));
        h = fnv1a_double(h, std::tanh(x * 0.25));
        h = fnv1a_double(h, std::log(u + 1e-300));
        h = fnv1a_double(h, std::pow(u, double(i % 4096 + 1)));
    }
    return h;
}

bool uses_libm(const std::string& act, const std::string& out, const std::string& loss, const std::string& opt) {
    return act == "sigmoid" || act == "tanh" || out == "sigmoid" || loss == "bce" || opt == "adam";
}

// Weights and biases in [-1, 1] with three decimals: integers divided by 1000, exact everywhere.
void set_exact_weights(bpl::Network& net, uint32_t seed) {
    bpl::Rng rng;
    bpl::rng_seed(rng, seed);
    for (double& p : net.params) p = double(int(bpl::rng_next_u32(rng) % 2001) - 1000) / 1000.0;
    bpl::network_clear_training(net);
}

// Small enough that no setting diverges (deep linear nets with momentum do at lr 0.02).
const char* lr_for(const std::string& opt) {
    return opt == "adam" ? "&lr=0.01" : opt == "momentum" ? "&lr=0.002" : "&lr=0.02";
}

struct Run {
    std::string settings;
    bool libm;
    uint64_t hash;
    bool finite;
};

std::vector<Run> run_all() {
    const char* acts[] = {"sigmoid", "tanh", "relu", "leaky_relu", "linear"};
    const char* outs[] = {"sigmoid", "linear"};
    const char* losses[] = {"mse", "mse_mean", "bce"};
    const char* opts[] = {"sgd", "momentum", "adam"};
    const char* shapes[] = {"4", "16", "3,5", "4,4,4", "2,3,4,5"};
    const char* batches[] = {"full", "sample"};
    std::vector<Run> runs;
    uint32_t seed = 0;
    for (const char* act : acts)
        for (const char* out : outs)
            for (const char* loss : losses) {
                if (std::string(loss) == "bce" && std::string(out) != "sigmoid") continue;
                for (const char* opt : opts)
                    for (const char* shape : shapes)
                        for (const char* batch : batches) {
                            std::string settings = std::string("act=") + act + "&out=" + out + "&loss=" + loss +
                                                   "&opt=" + opt + "&hidden=" + shape + "&batch=" + batch + lr_for(opt);
                            bpl::Config cfg;
                            std::string error;
                            REQUIRE_MESSAGE(bpl::config_parse(cfg, settings, error), error);
                            bpl::Network net;
                            REQUIRE_MESSAGE(bpl::network_init(net, cfg, error), error);
                            set_exact_weights(net, ++seed);
                            bpl::train_epochs(net, kEpochs);
                            bool finite = true;
                            for (double p : net.params) finite = finite && std::isfinite(p);
                            runs.push_back({settings, uses_libm(act, out, loss, opt),
                                            fnv1a(kFnvStart, net.params.data(), net.params.size() * sizeof(double)),
                                            finite});
                        }
            }
    return runs;
}

uint64_t combined_libm_hash(const std::vector<Run>& runs) {
    uint64_t h = kFnvStart;
    for (const Run& r : runs)
        if (r.libm) h = fnv1a(h, &r.hash, sizeof r.hash);
    return h;
}

}   // namespace

TEST_CASE("final weights of 750 settings are pinned byte for byte") {
    const std::vector<Run> runs = run_all();
    const uint64_t fingerprint = libm_fingerprint();
    const uint64_t libm_hash = combined_libm_hash(runs);
    if (std::getenv("BPL_RECORD_PINS")) {   // print a record for pinned_weights.inc
        std::printf("// C library fingerprint %#018llx: one hash over the %s\n", (unsigned long long)fingerprint,
                    "settings that call exp, tanh, log or pow");
        std::printf("{0x%016llxull, 0x%016llxull},\n", (unsigned long long)fingerprint, (unsigned long long)libm_hash);
        for (const Run& r : runs)
            if (!r.libm) std::printf("{\"%s\", 0x%016llxull},\n", r.settings.c_str(), (unsigned long long)r.hash);
    }
    int libm_free = 0;
    for (const Run& r : runs) {
        CAPTURE(r.settings);
        CHECK(r.finite);   // every setting trains without diverging, so NaN bit patterns never count
        if (r.libm) continue;
        ++libm_free;
        const Pin* pin = nullptr;
        for (const Pin& p : kPins)
            if (r.settings == p.settings) pin = &p;
        REQUIRE_MESSAGE(pin != nullptr, "no pin recorded for these settings");
        CHECK_MESSAGE(r.hash == pin->hash, "final weights differ from the pinned ones");
    }
    CHECK(libm_free == int(sizeof kPins / sizeof kPins[0]));
    CHECK(runs.size() == 750);

    const LibmPin* known = nullptr;
    for (const LibmPin& p : kLibmPins)
        if (p.fingerprint == fingerprint) known = &p;
    if (known) {
        CHECK_MESSAGE(libm_hash == known->hash, "the 630 settings that call exp/tanh/log/pow trained to other weights");
    } else {
        char record[64];
        std::snprintf(record, sizeof record, "{0x%016llxull, 0x%016llxull}", (unsigned long long)fingerprint,
                      (unsigned long long)libm_hash);
        MESSAGE("this C library has no record: the 630 settings that call exp, tanh, log or pow were trained but "
                "not compared; its record for kLibmPins is "
                << record);
    }
}
