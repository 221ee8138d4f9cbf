// Tests for engine/dense.hpp: the fast kernels (dense_kernels.hpp, with their row blocks and
// compile-time sizes) equal the plain reference loops (dense_reference.hpp) bit for bit, for
// every row count and every layer size the engine can have, in all three kernels.
#include <doctest/doctest.h>

#include <vector>
#include "check_helpers.hpp"
#include "dense.hpp"
#include "rng.hpp"

using namespace bpl;

namespace {

std::vector<double> random_values(Rng& rng, int n) {
    std::vector<double> v(size_t(n), 0.0);
    for (double& x : v) x = rng_normal(rng);
    return v;
}

}   // namespace

TEST_CASE("dense: fast kernels equal the reference loops bit for bit") {
    Rng rng;
    rng_seed(rng, 7);
    int shapes = 0;
    for (int rows : {1, 2, 3, 4, 5, 7, 8, 9})
        for (int I : {1, 2, 3, 5, 16, 32})
            for (int O : {1, 2, 4, 7, 16, 32}) {
                CAPTURE(rows);
                CAPTURE(I);
                CAPTURE(O);
                const std::vector<double> in = random_values(rng, rows * I), W = random_values(rng, I * O),
                                          b = random_values(rng, O), d = random_values(rng, rows * O);
                std::vector<double> fast(size_t(rows) * O), ref(size_t(rows) * O);
                dense_forward(fast.data(), in.data(), W.data(), b.data(), rows, I, O);
                dense::reference::forward(ref.data(), in.data(), W.data(), b.data(), rows, I, O);
                CHECK(bpl_test::same_bits(fast, ref));

                std::vector<double> fast_in(size_t(rows) * I), ref_in(size_t(rows) * I);
                dense_backward_input(fast_in.data(), d.data(), W.data(), rows, I, O);
                dense::reference::backward_input(ref_in.data(), d.data(), W.data(), rows, I, O);
                CHECK(bpl_test::same_bits(fast_in, ref_in));

                std::vector<double> fast_dW(size_t(I) * O), fast_db(size_t(O) + 0), ref_dW(size_t(I) * O),
                    ref_db(size_t(O) + 0);
                dense_backward_weights(fast_dW.data(), fast_db.data(), in.data(), d.data(), rows, I, O);
                dense::reference::backward_weights(ref_dW.data(), ref_db.data(), in.data(), d.data(), rows, I, O);
                CHECK(bpl_test::same_bits(fast_dW, ref_dW));
                CHECK(bpl_test::same_bits(fast_db, ref_db));
                ++shapes;
            }
    CHECK(shapes == 8 * 6 * 6);
}

TEST_CASE("dense: the reference loops compute z = in@W + b, δWᵀ and inᵀδ") {
    const double in[2 * 3] = {1, 2, 3, 4, 5, 6};      // 2 x 3
    const double W[3 * 2] = {1, -1, 0.5, 2, -2, 1};   // 3 x 2
    const double b[2] = {0.25, -0.5};
    double z[2 * 2];
    dense::reference::forward(z, in, W, b, 2, 3, 2);
    CHECK(z[0] == 1 * 1 + 2 * 0.5 + 3 * -2 + 0.25);
    CHECK(z[1] == 1 * -1 + 2 * 2 + 3 * 1 - 0.5);
    CHECK(z[3] == 4 * -1 + 5 * 2 + 6 * 1 - 0.5);
    const double d[2 * 2] = {1, 2, -1, 0.5};
    double d_in[2 * 3];
    dense::reference::backward_input(d_in, d, W, 2, 3, 2);
    CHECK(d_in[0] == 1 * 1 + 2 * -1);
    CHECK(d_in[5] == -1 * -2 + 0.5 * 1);
    double dW[3 * 2], db[2];
    dense::reference::backward_weights(dW, db, in, d, 2, 3, 2);
    CHECK(dW[0] == 1 * 1 + 4 * -1);
    CHECK(dW[5] == 3 * 2 + 6 * 0.5);
    CHECK(db[0] == 0);
    CHECK(db[1] == 2.5);
}
