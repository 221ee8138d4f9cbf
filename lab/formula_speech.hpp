// The formulas panel's text written for a screen reader: symbols become words ("δ_out" is
// "delta out", "∂L/∂w₂₁" is "d L by d w 2 1", "−0.05" is "minus 0.05"), and brackets are spoken
// only where they group more than one term. Text in, text out: the page's live region reads it
// (backpropLab.formulaValues().spoken).
#pragma once
#include <string>
#include <string_view>
#include "formula_view.hpp"

std::string formula_speech(std::string_view text);
// The phase's title, its subject and each formula line followed by its numbers, as sentences.
std::string formula_spoken(const FormulaView& v);
