// Tests for the formulas' spoken form (lab/formula_speech.cpp): the symbols of each kind of
// formula line as words, brackets spoken only where they group, and every phase of every
// activation and loss said without a symbol left over.
#include <doctest/doctest.h>

#include <string>
#include "formula_speech.hpp"
#include "formula_view.hpp"
#include "lab_helpers.hpp"
#include "learn.hpp"
#include "session.hpp"

using bpl_test::config_of;
using bpl_test::Json;
using bpl_test::json_of;
using bpl_test::Lab;
using bpl_test::member;

TEST_CASE("formula_speech: symbols, names and numbers as words") {
    SUBCASE("output delta, as formula and with its numbers") {
        CHECK(formula_speech("δ_out = (ŷ − y)·ŷ·(1 − ŷ)") ==
              "delta out equals open bracket y hat minus y close bracket times y hat times open bracket 1 minus y "
              "hat close bracket");
        CHECK(formula_speech("= (0.731 − 1)·0.731·(1 − 0.731) = −0.0529") ==
              "equals open bracket 0.731 minus 1 close bracket times 0.731 times open bracket 1 minus 0.731 close "
              "bracket equals minus 0.0529");
    }
    SUBCASE("a unit's layer and index; a function's argument") {
        CHECK(formula_speech("h¹₂ = a = σ(z)") == "h 1 2 equals a equals sigma of z");
        CHECK(formula_speech("= tanh(−0.25) = −0.245") == "equals tanh of minus 0.25 equals minus 0.245");
        CHECK(formula_speech("δ(h¹₁) = (δ(ŷ)·w₁₁)·(1 − h¹₁²)") ==
              "delta of h 1 1 equals open bracket delta of y hat times w 1 1 close bracket times open bracket 1 "
              "minus h 1 1 squared close bracket");
        CHECK(formula_speech("σ′(z)") == "sigma prime of z");
    }
    SUBCASE("gradients and the update") {
        CHECK(formula_speech("∂L/∂w₂₁ = Σ x₂·δ(ŷ) over the 4 rows") ==
              "d L by d w 2 1 equals sum of x 2 times delta of y hat over the 4 rows");
        CHECK(formula_speech("Δw₁₁ = −η·∂L/∂w₁₁") == "change in w 1 1 equals minus eta times d L by d w 1 1");
        CHECK(formula_speech("= −0.1·(−0.0123) = 0.00123") == "equals minus 0.1 times minus 0.0123 equals 0.00123");
        CHECK(formula_speech("w₁₁ ← w₁₁ + Δw₁₁") == "w 1 1 becomes w 1 1 plus change in w 1 1");
        CHECK(formula_speech("= 0.5  (after the step)") == "equals 0.5 after the step");
    }
    SUBCASE("losses") {
        CHECK(formula_speech("ℓ = (y − ŷ)²") == "ell equals open bracket y minus y hat close bracket squared");
        CHECK(formula_speech("L = mean ℓ = (ℓ₀₀ + ℓ₀₁) / 4") ==
              "L equals mean ell equals open bracket ell 0 0 plus ell 0 1 close bracket divided by 4");
        CHECK(formula_speech("ℓ = −[y·ln ŷ + (1 − y)·ln(1 − ŷ)]") ==
              "ell equals minus open bracket y times log y hat plus open bracket 1 minus y close bracket times log "
              "of open bracket 1 minus y hat close bracket close bracket");
        CHECK(formula_speech("(2/4)·(ŷ − y)") ==
              "open bracket 2 over 4 close bracket times open bracket y hat minus y close bracket");
    }
    SUBCASE("numbers in exponent form, conditions, titles") {
        CHECK(formula_speech("1e−05") == "1 times 10 to the power minus 5");
        CHECK(formula_speech("2.5e+12") == "2.5 times 10 to the power 12");
        CHECK(formula_speech("(a > 0 ? 1 : 0.01)") ==
              "open bracket a greater than 0 then 1 otherwise 0.01 close bracket");
        CHECK(formula_speech("Phase 4 of 7: output-layer δ") == "Phase 4 of 7: output-layer delta");
        CHECK(formula_speech("gradients ∂L/∂W, ∂L/∂b") == "gradients d L by d W, d L by d b");
        CHECK(formula_speech("weight x₁ → h¹₁") == "weight x 1 to h 1 1");
        CHECK(formula_speech("Row 01 (x = 0 1, y = 1), output ŷ") == "Row 01, x equals 0 1, y equals 1, output y hat");
        CHECK(formula_speech("Press Step phase (or the . key)") == "Press Step phase or the dot key");
    }
    SUBCASE("odd input: empty, unmatched brackets, a cut-off character") {
        CHECK(formula_speech("") == "");
        CHECK(formula_speech("(1 − y") == "open bracket 1 minus y");
        CHECK(formula_speech("y)") == "y close bracket");
        CHECK(formula_speech(std::string("δ\xCE", 3)) == "delta");
        CHECK(formula_speech("a ✓") == "a ✓");   // a character without words: as written
    }
}

namespace {

bool ascii(const std::string& s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) > 0x7E) return false;
    return true;
}

}   // namespace

TEST_CASE("formula_spoken: every phase of every activation and loss, in words only") {
    for (const char* settings : {"hidden=4", "hidden=3,2&act=tanh&loss=bce", "act=relu&loss=mse_mean&opt=adam",
                                 "act=leaky_relu&out=linear&batch=sample", "act=linear&hidden=8"}) {
        INFO(std::string(settings));
        Lab lab(config_of(settings));
        lab.app.learn.active = true;
        const std::string before = formula_spoken(formula_view(lab.app));
        CHECK(before.rfind("Nothing computed yet.", 0) == 0);
        CHECK(ascii(before));
        const int phases = learn_phase_view(lab.app.net).count * 2;   // into the second batch or epoch
        for (int p = 0; p < phases; ++p) {
            learn_step_phases(lab.app, 1);
            const FormulaView v = formula_view(lab.app);
            const std::string spoken = formula_spoken(v);
            INFO("phase ", p, ": ", spoken);
            CHECK(ascii(spoken));
            CHECK(spoken.rfind(formula_speech(v.title) + ".", 0) == 0);   // the title first
            for (const FormulaLine& line : v.lines)
                CHECK(spoken.find(formula_speech(line.numbers)) != std::string::npos);
            CHECK(spoken.find("  ") == std::string::npos);
        }
    }
}

TEST_CASE("formulaValues().spoken is formula_spoken of what the panel shows") {
    Lab lab(config_of("hidden=2"));
    learn_step_phases(lab.app, 4);   // forward 1, forward 2, loss, output δ
    const FormulaView v = formula_view(lab.app);
    Json j = json_of(formula_view_json(v));
    CHECK(member(j, "spoken").text == formula_spoken(v));
    CHECK(member(j, "spoken").text.find("delta out equals") != std::string::npos);
}
