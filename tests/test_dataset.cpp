// Tests for engine/dataset.cpp: the kinds' table, truth tables, the clouds' shapes, ranges,
// labels and balance, determinism per seed, pinned bytes (the same pins hold natively and in
// WASM, which is the cross-platform claim) and the per-epoch shuffles.
#include <doctest/doctest.h>
#include "check_helpers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <cstring>
#include <string>
#include <vector>
#include "dataset.hpp"
#include "fnv1a.hpp"
#include "xor_data.hpp"

using namespace bpl;

namespace {

constexpr DataKind kClouds[] = {DataKind::xor_cloud, DataKind::circle, DataKind::gauss, DataKind::spiral};

DataSpec cloud_spec(DataKind kind, int points = kDefaultPoints, int noise = 0, int train = kDefaultTrainPercent) {
    DataSpec spec;
    spec.kind = kind;
    spec.points = points;
    spec.noise = noise;
    spec.train = train;
    return spec;
}

uint64_t data_hash(const Dataset& data) {
    uint64_t h = bpl_test::fnv1a(bpl_test::kFnvStart, data.x.data(), data.x.size() * sizeof(double));
    return bpl_test::fnv1a(h, data.y.data(), data.y.size() * sizeof(double));
}

int count_ones(const Dataset& data, int from, int to) {
    return static_cast<int>(std::count(data.y.begin() + from, data.y.begin() + to, 1.0));
}

}   // namespace

TEST_CASE("dataset: the kinds' table") {
    for (int i = 0; i < kDataKindCount; ++i) {
        const DataInfo& info = kDataKinds[i];
        INFO(info.name);
        CHECK(static_cast<int>(info.id) == i);
        CHECK(&data_info(info.id) == &info);
        CHECK(find_data(info.name) == &info);
        CHECK(info.cloud == data_is_cloud(info.id));
    }
    CHECK(find_data("XOR") == nullptr);
    CHECK(find_data("") == nullptr);
    CHECK(data_info(DataKind::xor_table).targets == 0b0110);
    CHECK(data_info(DataKind::and_table).targets == 0b1000);
    CHECK(data_info(DataKind::or_table).targets == 0b1110);
    CHECK(data_info(DataKind::nand_table).targets == 0b0111);
    CHECK(data_info(DataKind::nor_table).targets == 0b0001);
    CHECK(data_info(DataKind::xnor_table).targets == 0b1001);
    CHECK(std::string(data_info(DataKind::gauss).label) == "Two Gaussians");
}

TEST_CASE("dataset: targets, text and spec equality") {
    char text[5];
    data_targets_text(0b0110, text);
    CHECK(std::string(text) == "0110");
    data_targets_text(0b0001, text);
    CHECK(std::string(text) == "1000");

    DataSpec a, b;
    b.targets = 0b1111;   // ignored for a named table
    b.points = 500;
    CHECK(a == b);
    a.kind = b.kind = DataKind::custom_table;
    CHECK_FALSE(a == b);
    CHECK(data_table_targets(b) == 0b1111);
    a = cloud_spec(DataKind::circle);
    b = cloud_spec(DataKind::circle);
    b.targets = 0;
    CHECK(a == b);
    b.noise = 10;
    CHECK_FALSE(a == b);
    CHECK_FALSE(cloud_spec(DataKind::circle) == cloud_spec(DataKind::gauss));
    CHECK(data_table_targets(a) == 0);
}

TEST_CASE("dataset: sample and train counts") {
    DataSpec table;
    CHECK(data_sample_count(table) == 4);
    CHECK(data_train_count(table) == 4);
    CHECK(data_sample_count(cloud_spec(DataKind::spiral, 200)) == 200);
    CHECK(data_train_count(cloud_spec(DataKind::spiral, 200, 0, 50)) == 100);
    CHECK(data_train_count(cloud_spec(DataKind::spiral, 55, 0, 10)) == 6);    // 5.5 rounds up
    CHECK(data_train_count(cloud_spec(DataKind::spiral, 51, 0, 90)) == 46);   // 45.9
    CHECK(data_sample_count(cloud_spec(DataKind::spiral, 5000)) == kMaxPoints);
    CHECK(data_sample_count(cloud_spec(DataKind::spiral, 1)) == kMinPoints);
    int train = data_train_count(cloud_spec(DataKind::spiral, kMinPoints, 0, 100));
    CHECK(train >= 1);
    CHECK(train <= kMinPoints - 1);
}

TEST_CASE("dataset: truth tables are their target bits, XOR is the reference's") {
    Dataset data;
    for (int i = 0; i < kDataKindCount; ++i) {
        if (kDataKinds[i].cloud) continue;
        DataSpec spec;
        spec.kind = kDataKinds[i].id;
        spec.targets = 0b1011;
        INFO(kDataKinds[i].name);
        dataset_make(data, spec, 1);
        CHECK(data.samples == 4);
        CHECK(data.train == 4);
        CHECK_FALSE(data.cloud);
        REQUIRE(data.x.size() == 8);
        REQUIRE(data.y.size() == 4);
        CHECK(std::memcmp(data.x.data(), bpl_test::kXorX, sizeof bpl_test::kXorX) == 0);
        unsigned targets = data_table_targets(spec);
        for (int r = 0; r < 4; ++r) CHECK(data.y[r] == double((targets >> r) & 1u));
    }
    dataset_make(data, DataSpec{}, 0);
    CHECK(std::memcmp(data.y.data(), bpl_test::kXorY, sizeof bpl_test::kXorY) == 0);
}

TEST_CASE("dataset: clouds' shapes, ranges and balance") {
    Dataset data;
    for (DataKind kind : kClouds) {
        for (int noise : {0, 25, kMaxNoise}) {
            DataSpec spec = cloud_spec(kind, 200, noise, 60);
            INFO(data_info(kind).name);
            CAPTURE(noise);
            dataset_make(data, spec, 5);
            CHECK(data.cloud);
            CHECK(data.samples == 200);
            CHECK(data.train == 120);
            REQUIRE(data.x.size() == 400);
            REQUIRE(data.y.size() == 200);
            for (double v : data.x) REQUIRE((v >= -1.0 && v <= 1.0));
            for (double t : data.y) REQUIRE((t == 0.0 || t == 1.0));
            int train_ones = count_ones(data, 0, 120), test_ones = count_ones(data, 120, 200);
            CHECK(train_ones > 0);
            CHECK(train_ones < 120);
            CHECK(test_ones > 0);
            CHECK(test_ones < 80);
            CHECK(train_ones + test_ones >= 70);   // within 35-65 % of each class
            CHECK(train_ones + test_ones <= 130);
        }
    }
}

TEST_CASE("dataset: a seed gives the same bytes, another seed other points") {
    Dataset a, b, c;
    for (DataKind kind : kClouds) {
        INFO(data_info(kind).name);
        dataset_make(a, cloud_spec(kind, 300, 10), 99);
        dataset_make(b, cloud_spec(kind, 300, 10), 99);
        dataset_make(c, cloud_spec(kind, 300, 10), 100);
        CHECK(data_hash(a) == data_hash(b));
        CHECK(a.x == b.x);
        CHECK(a.x != c.x);
    }
}

// Recorded natively; the WASM build must give the same bytes.
TEST_CASE("dataset: pinned bytes") {
    struct Pin {
        DataKind kind;
        uint32_t seed;
        int points, noise, train;
        uint64_t hash;
    };
    const Pin pins[] = {
        {DataKind::xor_cloud, 1, 200, 0, 50, 0xb40914e81d5c1e04ull},
        {DataKind::xor_cloud, 7, 1000, 35, 80, 0x0971f0f2b7a030daull},
        {DataKind::circle, 1, 200, 0, 50, 0xa6f1f4b2bbeefc7eull},
        {DataKind::circle, 4294967295u, 333, 20, 30, 0x62fb4301a4d342a8ull},
        {DataKind::gauss, 1, 200, 0, 50, 0x9b3acbffbf49fdb6ull},
        {DataKind::gauss, 12345, 50, 50, 10, 0x77af453ab818e116ull},
        {DataKind::spiral, 1, 200, 0, 50, 0xdc495c1d7c508007ull},
        {DataKind::spiral, 2024, 777, 15, 70, 0x6171df4fbdc12cc2ull},
    };
    Dataset data;
    for (const Pin& pin : pins) {
        INFO(data_info(pin.kind).name);
        CAPTURE(pin.seed);
        dataset_make(data, cloud_spec(pin.kind, pin.points, pin.noise, pin.train), pin.seed);
        CHECK(data_hash(data) == pin.hash);
    }
}

TEST_CASE("dataset: labels follow each generator's rule at noise 0") {
    Dataset data;
    SUBCASE("xor-cloud: 1 when the signs differ, every point off the axes") {
        dataset_make(data, cloud_spec(DataKind::xor_cloud, 500), 3);
        for (int i = 0; i < data.samples; ++i) {
            double x1 = data.x[2 * i], x2 = data.x[2 * i + 1];
            CHECK(std::fabs(x1) >= 0.05);
            CHECK(std::fabs(x2) >= 0.05);
            CHECK(data.y[i] == ((x1 > 0) != (x2 > 0) ? 1.0 : 0.0));
        }
    }
    SUBCASE("circle: 1 inside radius 0.5, 0 in the ring 0.7-1") {
        dataset_make(data, cloud_spec(DataKind::circle, 500), 3);
        for (int i = 0; i < data.samples; ++i) {
            double radius = std::hypot(data.x[2 * i], data.x[2 * i + 1]);
            CHECK(data.y[i] == (radius < 0.6 ? 1.0 : 0.0));
            CHECK(radius <= 1.0 + 1e-15);
            CHECK(std::fabs(radius - 0.6) > 0.1 - 1e-15);
        }
    }
    SUBCASE("gauss: label 1 around (0.5, 0.5), label 0 around (-0.5, -0.5)") {
        dataset_make(data, cloud_spec(DataKind::gauss, 1000), 3);
        int agree = 0;
        double sum[2][2] = {};
        for (int i = 0; i < data.samples; ++i) {
            int label = static_cast<int>(data.y[i]);
            sum[label][0] += data.x[2 * i];
            sum[label][1] += data.x[2 * i + 1];
            if ((data.x[2 * i] + data.x[2 * i + 1] > 0) == (label == 1)) ++agree;
        }
        CHECK(agree >= 995);   // the blobs overlap only 3.5 sigma out
        CHECK(sum[1][0] / 500 == doctest::Approx(0.5).epsilon(0.05));
        CHECK(sum[0][1] / 500 == doctest::Approx(-0.5).epsilon(0.05));
    }
    SUBCASE("spiral: arm 0 is arm 1 turned by pi") {
        dataset_make(data, cloud_spec(DataKind::spiral, 200), 3);
        for (int i = 0; i < data.samples; ++i) {
            if (data.y[i] != 0.0) continue;
            bool mirrored = false;
            for (int j = 0; j < data.samples && !mirrored; ++j)
                mirrored = data.y[j] == 1.0 && std::fabs(data.x[2 * i] + data.x[2 * j]) < 1e-12 &&
                           std::fabs(data.x[2 * i + 1] + data.x[2 * j + 1]) < 1e-12;
            CHECK(mirrored);
        }
    }
}

TEST_CASE("dataset: noise moves the points but keeps their labels and order") {
    Dataset clean, noisy;
    for (DataKind kind : kClouds) {
        INFO(data_info(kind).name);
        dataset_make(clean, cloud_spec(kind, 200, 0), 8);
        dataset_make(noisy, cloud_spec(kind, 200, 10), 8);
        CHECK(clean.y == noisy.y);
        double sum_sq = 0.0;
        for (size_t k = 0; k < clean.x.size(); ++k) sum_sq += std::pow(noisy.x[k] - clean.x[k], 2);
        CHECK(std::sqrt(sum_sq / clean.x.size()) == doctest::Approx(0.1).epsilon(0.2));   // clamping trims a little
    }
}

TEST_CASE("dataset: remaking reuses the vectors") {
    Dataset data;
    dataset_make(data, cloud_spec(DataKind::circle, kMaxPoints), 1);
    const double* x = data.x.data();
    const double* y = data.y.data();
    for (DataKind kind : kClouds) dataset_make(data, cloud_spec(kind, 300), 2);
    dataset_make(data, DataSpec{}, 2);
    CHECK(data.x.data() == x);
    CHECK(data.y.data() == y);
}

TEST_CASE("dataset: epoch orders are permutations of (seed, epoch) alone") {
    const int n = 137;
    std::vector<int> a(n), b(n), c(n), d(n);
    dataset_epoch_order(a.data(), n, 42, 5);
    dataset_epoch_order(b.data(), n, 42, 5);
    dataset_epoch_order(c.data(), n, 42, 6);
    dataset_epoch_order(d.data(), n, 43, 5);
    CHECK(a == b);
    CHECK(a != c);
    CHECK(a != d);
    std::vector<int> sorted = a;
    std::sort(sorted.begin(), sorted.end());
    for (int i = 0; i < n; ++i) CHECK(sorted[i] == i);
    int moved = 0;
    for (int i = 0; i < n; ++i) moved += a[i] != i;
    CHECK(moved > n / 2);
    int one = -1;
    dataset_epoch_order(&one, 1, 42, 0);
    CHECK(one == 0);
    dataset_epoch_order(a.data(), n, 42, 1LL << 40);   // far epochs work too
    std::sort(a.begin(), a.end());
    CHECK(a == sorted);
}
