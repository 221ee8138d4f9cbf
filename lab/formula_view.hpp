// What the formulas panel shows for the phase that ran last: the formula, the same formula with
// the engine's numbers substituted (each number tagged with where in the engine it came from),
// and the batch matrices involved. Built once per use from the Network; nothing recomputed.
// The panel draws it and backpropLab.formulaValues() returns it, so tests see what is drawn.
#pragma once
#include <string>
#include <vector>
#include "app_state.hpp"

struct FormulaTerm {
    std::string name;     // "ŷ", "y", "δ_out", "w₂₁" …
    double value;         // the engine's number
    std::string shown;    // as printed in the numbers line
    std::string source;   // where it lives in backpropLab.intermediates(): "a/1/2/0", "dW/0/1/3", "lr"
};

struct FormulaLine {
    std::string symbolic;   // "δ_out = (ŷ − y) · ŷ(1 − ŷ)"
    std::string numbers;    // "= (0.731 − 1) · 0.731 · (1 − 0.731) = −0.0529"
};

struct MatrixView {
    std::string title;              // "z¹ = X·W¹ + b¹  (4×4)"
    const double* data = nullptr;   // rows x cols, row-major (engine storage)
    const double* prev = nullptr;   // same shape before the last phase (cells that changed flash)
    int rows = 0, cols = 0;
    bool sample_rows = false;             // rows are samples: truth-table rows 00 01 10 11, or a batch's points
    int row_layer = -2, col_layer = -2;   // unit-name source for row/column labels (-1 inputs, -2 none)
    int hl_row = -1, hl_col = -1;         // highlighted row / column
    int row0 = 0;                         // sample rows: the x/y row of the first row shown
    int more_rows = 0;                    // sample rows of the batch not shown (a long mini-batch)
};

struct FormulaView {
    bool ran = false;
    std::string title;     // "Phase 4 of 7: output-layer δ"
    std::string subject;   // "row 01 (x = 0 1, y = 1) · output neuron ŷ"
    std::string general;   // the table's batch formula, e.g. "δ_out = (a − y) ⊙ σ′(a)"
    std::vector<FormulaLine> lines;
    std::vector<FormulaTerm> terms;
    std::vector<MatrixView> matrices;
    std::string note;
};

FormulaView formula_view(const AppState& app);
std::string formula_view_json(const FormulaView& v);
// Unit names: layer -1 inputs x₁ x₂; hidden layer l: h¹₃; output ŷ.
std::string formula_unit_name(const bpl::Network& net, int layer, int unit);
// "Row 01 (x = 0 1, y = 1)" or "Point 17 (x = 0.42, −0.13; y = 0)" for x/y row r.
std::string formula_row_subject(const bpl::Network& net, int r);
std::string formula_sup(int n);   // "¹", "²³"
std::string formula_sub(int n);   // "₁", "₁₂"
