// The batch matrices of each phase (pointers into the engine's storage, shown as tables by the
// formulas panel) and the view as JSON for backpropLab.formulaValues(), with its spoken form.
#include <algorithm>
#include <cstdio>
#include "formula_speech.hpp"
#include "formula_view.hpp"
#include "json_text.hpp"
#include "learn.hpp"

namespace {

// prev: the panel's copy of the same engine vector from before the last phase (may be stale/empty).
const double* prev_of(const std::vector<double>& prev, const std::vector<double>& now, size_t offset) {
    return prev.size() == now.size() ? prev.data() + offset : nullptr;
}

// Sample rows shown of a point cloud's batch; the rest are counted ("… 42 more rows").
constexpr int kShownBatchRows = 8;

struct MatrixAdder {
    const AppState& app;
    FormulaView& v;
    int row, unit;
    int batch_row0, batch_rows;   // the phase's batch (x/y rows)
    // Rows [first, first + shown) of a sample-row matrix: a truth table's 4 rows, or the batch's
    // first rows (with the followed row among them) on a point cloud.
    MatrixView sample_matrix(const std::string& title, const double* base, const double* prev, int cols, int col_layer,
                             int hl_col) const {
        int first = 0, shown = app.net.data.samples, more = 0;
        if (app.net.data.cloud) {
            first = batch_row0;
            shown = std::min(batch_rows, kShownBatchRows);
            if (row >= first + shown) first = row - shown + 1;   // keep the followed row in view
            more = batch_rows - shown;
        }
        MatrixView m{title,
                     base + size_t(first) * cols,
                     prev ? prev + size_t(first) * cols : nullptr,
                     shown,
                     cols,
                     true,
                     -2,
                     col_layer,
                     row - first,
                     hl_col};
        m.row0 = first;
        m.more_rows = more;
        return m;
    }
    void units(const std::string& title, const std::vector<double>& store, const std::vector<double>& prev, int l) {
        const bpl::LayerShape& s = app.net.layers[l];
        v.matrices.push_back(
            sample_matrix(title, store.data() + s.unit, prev_of(prev, store, s.unit), s.fan_out, l, unit));
    }
    void weights(const std::string& title, const std::vector<double>& store, const std::vector<double>* prev, int l,
                 int hl_row) {
        const bpl::LayerShape& s = app.net.layers[l];
        MatrixView m{title,
                     store.data() + s.w,
                     prev ? prev_of(*prev, store, s.w) : nullptr,
                     s.fan_in,
                     s.fan_out,
                     false,
                     l - 1,
                     l,
                     hl_row,
                     unit};
        v.matrices.push_back(m);
    }
    void bias(const std::string& title, const std::vector<double>& store, const std::vector<double>* prev, int l) {
        const bpl::LayerShape& s = app.net.layers[l];
        MatrixView m{
            title, store.data() + s.b, prev ? prev_of(*prev, store, s.b) : nullptr, 1, s.fan_out, false, -2, l, -1,
            unit};
        v.matrices.push_back(m);
    }
    void column(const std::string& title, const double* data, const double* prev) {
        v.matrices.push_back(sample_matrix(title, data, prev, 1, -2, -1));
    }
};

std::string sup(int l) { return formula_sup(l + 1); }

void forward_matrices(MatrixAdder& m, int l) {
    const bpl::Network& net = m.app.net;
    const LearnState& s = m.app.learn;
    std::string in = l == 0 ? "X" : "a" + sup(l - 1);
    m.units("a" + sup(l) + " = f(z" + sup(l) + ")", net.a, s.prev_a, l);   // results first: they fit on screen
    m.units("z" + sup(l) + " = " + in + "·W" + sup(l) + " + b" + sup(l), net.z, s.prev_z, l);
    if (l == 0) m.v.matrices.push_back(m.sample_matrix("X (inputs)", net.x.data(), nullptr, bpl::kInputs, -1, -1));
    else m.units(in + " (inputs)", net.a, s.prev_a, l - 1);
    m.weights("W" + sup(l), net.params, nullptr, l, -1);
    m.bias("b" + sup(l), net.params, nullptr, l);
}

void formula_matrices_of(MatrixAdder& m, const PhaseView& pv) {
    const bpl::Network& net = m.app.net;
    const LearnState& s = m.app.learn;
    int L = net.num_layers, l = pv.phase.layer;
    const double* out = bpl::network_output(net);
    switch (pv.phase.kind) {
        case bpl::PhaseKind::forward: forward_matrices(m, l); break;
        case bpl::PhaseKind::loss:
        case bpl::PhaseKind::output_delta:
            if (pv.phase.kind == bpl::PhaseKind::loss) m.column("ℓ per row", net.sample_loss.data(), nullptr);
            else m.units("δ_out = δ" + sup(L - 1), net.delta, s.prev_delta, L - 1);
            m.column("ŷ", out, nullptr);
            m.column("y", net.y.data(), nullptr);
            break;
        case bpl::PhaseKind::hidden_delta:
            m.units("δ" + sup(l) + " = (δ" + sup(l + 1) + "·W" + sup(l + 1) + "ᵀ) ⊙ f′(a" + sup(l) + ")", net.delta,
                    s.prev_delta, l);
            m.units("δ" + sup(l + 1) + " (from above)", net.delta, s.prev_delta, l + 1);
            m.weights("W" + sup(l + 1) + " (used as W" + sup(l + 1) + "ᵀ)", net.params, nullptr, l + 1, m.unit);
            m.units("a" + sup(l), net.a, s.prev_a, l);
            break;
        case bpl::PhaseKind::gradients:
            for (int k = L - 1; k >= 0; --k) {
                m.weights("∂L/∂W" + sup(k) + " = " + (k ? "a" + sup(k - 1) : std::string("X")) + "ᵀ·δ" + sup(k),
                          net.grads, &s.prev_grads, k, -1);
                m.bias("∂L/∂b" + sup(k) + " = Σ δ" + sup(k), net.grads, &s.prev_grads, k);
            }
            break;
        case bpl::PhaseKind::update:
            for (int k = L - 1; k >= 0; --k) {
                m.weights("W" + sup(k) + " (new)", net.params, &s.prev_params, k, -1);
                m.weights("ΔW" + sup(k), net.last_step, nullptr, k, -1);
            }
            break;
    }
}

std::string vec_json(const double* d, int n) {
    std::string out = "[";
    for (int i = 0; i < n; ++i) out += (i ? "," : "") + json_number(d[i]);
    return out + "]";
}

}   // namespace

void formula_matrices(const AppState& app, const PhaseView& pv, int row, FormulaView& v) {
    const LearnFocus& f = app.learn.focus;
    int unit = pv.phase.layer >= 0 && f.layer == pv.phase.layer ? f.unit : (pv.phase.layer >= 0 ? 0 : -1);
    MatrixAdder m{app, v, row, unit, pv.row0, pv.rows};
    formula_matrices_of(m, pv);
}

std::string formula_view_json(const FormulaView& v) {
    std::string lines = "[", terms = "[", mats = "[";
    for (size_t i = 0; i < v.lines.size(); ++i)
        lines += (i ? "," : "") + std::string("{\"symbolic\":") + json_string(v.lines[i].symbolic) +
                 ",\"numbers\":" + json_string(v.lines[i].numbers) + "}";
    for (size_t i = 0; i < v.terms.size(); ++i) {
        const FormulaTerm& t = v.terms[i];
        terms += (i ? "," : "") + std::string("{\"name\":") + json_string(t.name) +
                 ",\"value\":" + json_number(t.value) + ",\"shown\":" + json_string(t.shown) +
                 ",\"source\":" + json_string(t.source) + "}";
    }
    for (size_t i = 0; i < v.matrices.size(); ++i) {
        const MatrixView& m = v.matrices[i];
        std::string rows = "[";
        for (int r = 0; r < m.rows; ++r) rows += (r ? "," : "") + vec_json(m.data + r * m.cols, m.cols);
        mats += (i ? "," : "") + std::string("{\"title\":") + json_string(m.title) + ",\"values\":" + rows +
                "],\"firstRow\":" + std::to_string(m.row0) + ",\"moreRows\":" + std::to_string(m.more_rows) + "}";
    }
    return "{\"ran\":" + json_bool(v.ran) + ",\"title\":" + json_string(v.title) +
           ",\"subject\":" + json_string(v.subject) + ",\"general\":" + json_string(v.general) + ",\"lines\":" + lines +
           "],\"terms\":" + terms + "],\"matrices\":" + mats + "],\"note\":" + json_string(v.note) +
           ",\"spoken\":" + json_string(formula_spoken(v)) + "}";
}
