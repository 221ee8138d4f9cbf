// The formulas of each phase with the engine's numbers substituted (see formula_view.hpp).
// Every number comes from the Network (z, a, delta, params, grads, last_step, sample_loss) or
// the stepper's copy of the parameters before the update; the UI only formats them.
#include "formula_view.hpp"
#include <cstdio>
#include "learn.hpp"
#include "losses.hpp"

namespace {

using bpl::kRowNames;

std::string num(double v, int sig = 3) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*g", sig, v);
    std::string out;
    for (const char* p = buf; *p; ++p) out += *p == '-' ? "−" : std::string(1, *p);
    return out;
}

std::string paren(const std::string& shown, double v) { return v < 0 ? "(" + shown + ")" : shown; }

std::string path(const char* what, std::initializer_list<int> idx) {
    std::string out = what;
    for (int i : idx) out += "/" + std::to_string(i);
    return out;
}

struct Builder {
    const AppState& app;
    const bpl::Network& net;
    FormulaView& v;
    // Records a substituted number; returns its text (wrapped in parentheses when negative).
    std::string add(const std::string& name, double value, const std::string& source, int sig = 3) {
        std::string shown = num(value, sig);
        v.terms.push_back({name, value, shown, source});
        return paren(shown, value);
    }
    // A result (or a leading operand): recorded the same way, never in parentheses.
    std::string result(const std::string& name, double value, const std::string& source, int sig = 4) {
        add(name, value, source, sig);
        return v.terms.back().shown;
    }
    void line(const std::string& symbolic, const std::string& numbers) { v.lines.push_back({symbolic, numbers}); }
};

const char* act_symbol(bpl::Activation act) {
    switch (act) {
        case bpl::Activation::sigmoid: return "σ";
        case bpl::Activation::tanh: return "tanh";
        case bpl::Activation::relu: return "ReLU";
        case bpl::Activation::leaky_relu: return "LeakyReLU";
        case bpl::Activation::linear: return "identity";
    }
    return "f";
}

// f′ written in terms of the activation a (as the engine and the reference compute it).
std::string deriv_text(bpl::Activation act, const std::string& a) {
    switch (act) {
        case bpl::Activation::sigmoid: return a + "·(1 − " + a + ")";
        case bpl::Activation::tanh: return "(1 − " + a + "²)";
        case bpl::Activation::relu: return "[" + a + " > 0]";
        case bpl::Activation::leaky_relu: return "(" + a + " > 0 ? 1 : 0.01)";
        case bpl::Activation::linear: return "1";
    }
    return "f′";
}

bpl::Activation layer_act(const bpl::Network& net, int l) { return bpl::layer_activation(net, l); }

std::string in_source(int l, int r, int k) { return l == 0 ? path("X", {r, k}) : path("a", {l - 1, r, k}); }

// ---- one formula per phase kind ----------------------------------------------------------------

void forward_lines(Builder& b, int l, int j, int r) {
    const bpl::Network& net = b.net;
    const bpl::LayerShape& s = net.layers[l];
    const double* in = bpl::layer_input(net, l) + r * s.fan_in;
    const double* W = bpl::layer_W(net, l);
    std::string sym = "z = ", nums = "= ";
    for (int k = 0; k < s.fan_in; ++k) {
        if (s.fan_in > 6 && k >= 3 && k < s.fan_in - 1) {
            if (k == 3) {
                sym += " + …";
                nums += " + …";
            }
            continue;
        }
        std::string in_name = formula_unit_name(net, l - 1, k), w_name = "w" + formula_sub(k + 1) + formula_sub(j + 1);
        sym += (k ? " + " : "") + in_name + "·" + w_name;
        nums += (k ? " + " : "") + b.add(in_name, in[k], in_source(l, r, k)) + "·" +
                b.add(w_name, W[k * s.fan_out + j], path("W", {l, k, j}));
    }
    sym += " + b" + formula_sub(j + 1);
    nums += " + " + b.add("b", bpl::layer_b(net, l)[j], path("b", {l, j}));
    double z = bpl::layer_z(net, l)[r * s.fan_out + j];
    std::string z_text = b.result("z", z, path("z", {l, r, j}));
    b.line(sym, nums + " = " + z_text);
    std::string name = formula_unit_name(net, l, j);
    const char* f = act_symbol(layer_act(net, l));
    b.line(name + " = a = " + f + "(z)",
           "= " + std::string(f) + "(" + z_text +
               ") = " + b.result(name, bpl::layer_a(net, l)[r * s.fan_out + j], path("a", {l, r, j})));
}

void loss_lines(Builder& b, const PhaseView& pv, int r) {
    const bpl::Network& net = b.net;
    int L = net.num_layers;
    std::string y = b.add("y", net.y[size_t(r)], path("y", {r}));
    std::string a = b.add("ŷ", bpl::network_output(net)[r], path("a", {L - 1, r, 0}));
    std::string l = b.result("ℓ", net.sample_loss[r], path("sampleLoss", {r}));
    if (net.config.loss == bpl::Loss::bce)
        b.line("ℓ = −[y·ln ŷ + (1 − y)·ln(1 − ŷ)]",
               "= −[" + y + "·ln " + a + " + (1 − " + y + ")·ln(1 − " + a + ")] = " + l);
    else b.line("ℓ = (y − ŷ)²", "= (" + y + " − " + a + ")² = " + l);
    if (pv.rows == 1) return;
    // The batch mean: every term for a truth table, the first three and a count on a point cloud.
    constexpr int kTermsShown = 3;
    const bool all = pv.rows <= 4;
    std::string nums = "= (";
    for (int k = 0; k < (all ? pv.rows : kTermsShown); ++k)
        nums += (k ? " + " : "") + b.add("ℓ", net.sample_loss[size_t(pv.row0 + k)], path("sampleLoss", {pv.row0 + k}));
    if (!all) nums += " + … " + std::to_string(pv.rows - kTermsShown) + " more";
    const std::string n = std::to_string(pv.rows);
    const std::string sym = pv.rows == 4 && !net.data.cloud ? "L = mean ℓ = (ℓ₀₀ + ℓ₀₁ + ℓ₁₀ + ℓ₁₁) / 4"
                                                            : "L = mean ℓ over the batch's " + n + " rows";
    const bool penalty = net.config.reg != bpl::Regularization::none;
    b.line(penalty ? sym + " + penalty" : sym,
           nums + ") / " + n + (penalty ? " + " + b.add("penalty", bpl::network_penalty(net), "penalty") : "") + " = " +
               b.result("L", net.running_loss, "runningLoss"));
}

void output_delta_lines(Builder& b, const PhaseView& pv, int r) {
    const bpl::Network& net = b.net;
    int L = net.num_layers;
    std::string a = b.add("ŷ", bpl::network_output(net)[r], path("a", {L - 1, r, 0}));
    std::string y = b.add("y", net.y[size_t(r)], path("y", {r}));
    std::string d = b.result("δ_out", bpl::layer_delta(net, L - 1)[r], path("delta", {L - 1, r, 0}));
    bpl::Activation act = net.config.output_activation;
    switch (net.config.loss) {
        case bpl::Loss::bce:
            b.line("δ_out = ŷ − y", "= " + a + " − " + y + " = " + d);
            b.v.note = "Cross-entropy's slope 1/(ŷ(1 − ŷ)) cancels σ′: no ŷ(1 − ŷ) factor, so a confident wrong output "
                       "still gets a big δ.";
            break;
        case bpl::Loss::mse_mean:
            b.line("δ_out = (2/n)·(ŷ − y)·" + deriv_text(act, "ŷ"),
                   "= (2/" + std::to_string(pv.rows) + ")·(" + a + " − " + y + ")·" + deriv_text(act, a) + " = " + d);
            break;
        case bpl::Loss::mse:
            b.line("δ_out = (ŷ − y)·" + deriv_text(act, "ŷ"),
                   "= (" + a + " − " + y + ")·" + deriv_text(act, a) + " = " + d);
            b.v.note =
                "MSE as the reference sums it: ½(ŷ − y)² per row, so its slope is (ŷ − y), times σ′(z) = ŷ(1 − ŷ).";
            break;
    }
}

void hidden_delta_lines(Builder& b, int l, int j, int r) {
    const bpl::Network& net = b.net;
    const bpl::LayerShape& next = net.layers[l + 1];
    const double* W = bpl::layer_W(net, l + 1);
    std::string sym = "(", nums = "= (";
    for (int k = 0; k < next.fan_out; ++k) {
        if (next.fan_out > 6 && k >= 3 && k < next.fan_out - 1) {
            if (k == 3) {
                sym += " + …";
                nums += " + …";
            }
            continue;
        }
        std::string dn = "δ(" + formula_unit_name(net, l + 1, k) + ")",
                    wn = "w" + formula_sub(j + 1) + formula_sub(k + 1);
        sym += (k ? " + " : "") + dn + "·" + wn;
        nums += (k ? " + " : "") +
                b.add(dn, bpl::layer_delta(net, l + 1)[r * next.fan_out + k], path("delta", {l + 1, r, k})) + "·" +
                b.add(wn, W[j * next.fan_out + k], path("W", {l + 1, j, k}));
    }
    std::string name = formula_unit_name(net, l, j);
    int units = net.layers[l].fan_out;
    std::string a = b.add(name, bpl::layer_a(net, l)[r * units + j], path("a", {l, r, j}));
    bpl::Activation act = net.config.activation;
    b.line("δ(" + name + ") = " + sym + ")·" + deriv_text(act, name),
           nums + ")·" + deriv_text(act, a) + " = " +
               b.result("δ", bpl::layer_delta(net, l)[r * units + j], path("delta", {l, r, j})));
}

struct Connection {
    int layer, from, to;
};

Connection focus_connection(const AppState& app) {
    const LearnFocus& f = app.learn.focus;
    if (f.layer >= 0) return {f.layer, f.from_unit >= 0 ? f.from_unit : 0, f.unit};
    return {app.net.num_layers - 1, 0, 0};
}

void gradient_lines(Builder& b, const PhaseView& pv, Connection c) {
    const bpl::Network& net = b.net;
    const bpl::LayerShape& s = net.layers[c.layer];
    std::string in_name = formula_unit_name(net, c.layer - 1, c.from),
                to = "δ(" + formula_unit_name(net, c.layer, c.to) + ")";
    std::string wn = formula_sub(c.from + 1) + formula_sub(c.to + 1);
    std::string nums = "= ", bias = "= ";
    for (int r = pv.row0; r < pv.row0 + pv.rows; ++r) {
        const double* in = bpl::layer_input(net, c.layer) + r * s.fan_in;
        double d = bpl::layer_delta(net, c.layer)[r * s.fan_out + c.to];
        nums += (r > pv.row0 ? " + " : "") + b.add(in_name, in[c.from], in_source(c.layer, r, c.from)) + "·" +
                b.add(to, d, path("delta", {c.layer, r, c.to}));
        bias += (r > pv.row0 ? " + " : "") + b.add(to, d, path("delta", {c.layer, r, c.to}));
    }
    const char* over = pv.rows > 1 ? " over the 4 rows" : "";
    b.line("∂L/∂w" + wn + " = Σ " + in_name + "·" + to + over,
           nums + " = " +
               b.result("∂L/∂w", bpl::layer_dW(net, c.layer)[c.from * s.fan_out + c.to],
                        path("dW", {c.layer, c.from, c.to})));
    b.line("∂L/∂b" + formula_sub(c.to + 1) + " = Σ " + to + over,
           bias + " = " + b.result("∂L/∂b", bpl::layer_db(net, c.layer)[c.to], path("db", {c.layer, c.to})));
}

void update_lines(Builder& b, const std::vector<double>* before, Connection c) {
    const bpl::Network& net = b.net;
    const bpl::LayerShape& s = net.layers[c.layer];
    size_t w = s.w + c.from * s.fan_out + c.to, bi = s.b + c.to;
    std::string wn = "w" + formula_sub(c.from + 1) + formula_sub(c.to + 1), bn = "b" + formula_sub(c.to + 1);
    std::string dw = path("lastStep.W", {c.layer, c.from, c.to}), db = path("lastStep.b", {c.layer, c.to});
    if (net.config.optimizer == bpl::Optimizer::sgd) {
        std::string lr = num(net.config.lr);
        b.add("η", net.config.lr, "lr");
        b.line("Δ" + wn + " = −η·∂L/∂" + wn, "= −" + lr + "·" +
                                                 b.add("∂L/∂w", net.grads[w], path("dW", {c.layer, c.from, c.to})) +
                                                 " = " + b.result("Δw", net.last_step[w], dw));
        b.line("Δ" + bn + " = −η·∂L/∂" + bn, "= −" + lr + "·" +
                                                 b.add("∂L/∂b", net.grads[bi], path("db", {c.layer, c.to})) + " = " +
                                                 b.result("Δb", net.last_step[bi], db));
    } else {
        b.line("Δ" + wn + " from the optimiser's running averages of ∂L/∂" + wn,
               "= " + b.result("Δw", net.last_step[w], dw));
    }
    std::string after = b.result(wn, net.params[w], path("W", {c.layer, c.from, c.to}));
    if (before)
        b.line(wn + " ← " + wn + " + Δ" + wn,
               "= " + b.result(wn, (*before)[w], path("before.W", {c.layer, c.from, c.to})) + " + " +
                   paren(num(net.last_step[w], 4), net.last_step[w]) + " = " + after);
    else b.line(wn + " ← " + wn + " + Δ" + wn, "= " + after + "  (after the step)");
}

}   // namespace

// ---- names ---------------------------------------------------------------------------------------

std::string formula_sub(int n) {
    static const char* const d[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
    return (n >= 10 ? std::string(d[(n / 10) % 10]) : std::string()) + d[n % 10];
}

std::string formula_sup(int n) {
    static const char* const d[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    return (n >= 10 ? std::string(d[(n / 10) % 10]) : std::string()) + d[n % 10];
}

std::string formula_unit_name(const bpl::Network& net, int layer, int unit) {
    if (layer < 0) return "x" + formula_sub(unit + 1);
    if (layer == net.num_layers - 1) return "ŷ";
    return "h" + formula_sup(layer + 1) + formula_sub(unit + 1);
}

static std::string two_places(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

std::string formula_row_subject(const bpl::Network& net, int r) {
    const std::string y = net.y[size_t(r)] > 0.5 ? "1" : "0";
    if (!net.data.cloud)
        return "Row " + std::string(kRowNames[r]) + " (x = " + kRowNames[r][0] + " " + kRowNames[r][1] + ", y = " + y +
               ")";
    return "Point " + std::to_string(net.row_point[size_t(r)]) + " (x = " + two_places(net.x[2 * size_t(r)]) + ", " +
           two_places(net.x[2 * size_t(r) + 1]) + "; y = " + y + ")";
}

// ---- the view ------------------------------------------------------------------------------------

void formula_matrices(const AppState& app, const PhaseView& pv, int row, FormulaView& v);   // formula_matrices.cpp

FormulaView formula_view(const AppState& app) {
    FormulaView v;
    const bpl::Network& net = app.net;
    PhaseView pv = learn_phase_view(net);
    v.ran = pv.ran;
    if (!pv.ran || net.num_layers == 0) {
        v.title = "Nothing computed yet";
        v.note = "Press Step phase (or the . key) to run the first phase: the forward pass of hidden layer 1.";
        return v;
    }
    v.title = "Phase " + std::to_string(pv.index + 1) + " of " + std::to_string(pv.count) + ": " +
              learn_phase_title(net, pv.phase);
    int r = learn_focus_row(app, pv);
    const LearnFocus& f = app.learn.focus;
    int l = pv.phase.layer;
    int j = l >= 0 && f.layer == l ? f.unit : 0;
    std::string row = formula_row_subject(net, r);
    Builder b{app, net, v};
    Connection c = focus_connection(app);
    switch (pv.phase.kind) {
        case bpl::PhaseKind::forward:
            v.subject = row + ", neuron " + formula_unit_name(net, l, j);
            forward_lines(b, l, j, r);
            break;
        case bpl::PhaseKind::loss:
            v.subject = row;
            loss_lines(b, pv, r);
            break;
        case bpl::PhaseKind::output_delta:
            v.subject = row + ", output ŷ";
            output_delta_lines(b, pv, r);
            break;
        case bpl::PhaseKind::hidden_delta:
            v.subject = row + ", neuron " + formula_unit_name(net, l, j);
            hidden_delta_lines(b, l, j, r);
            break;
        case bpl::PhaseKind::gradients:
        case bpl::PhaseKind::update:
            v.subject = "weight " + formula_unit_name(net, c.layer - 1, c.from) + " → " +
                        formula_unit_name(net, c.layer, c.to);
            if (pv.phase.kind == bpl::PhaseKind::gradients) gradient_lines(b, pv, c);
            else update_lines(b, learn_params_before_update(app), c);
            break;
    }
    if (pv.phase.kind == bpl::PhaseKind::output_delta) v.general = bpl::loss_info(net.config.loss).delta_formula;
    else if (pv.phase.kind == bpl::PhaseKind::forward) v.general = bpl::activation_info(layer_act(net, l)).formula;
    else if (pv.phase.kind == bpl::PhaseKind::hidden_delta)
        v.general = bpl::activation_info(net.config.activation).derivative;
    else if (pv.phase.kind == bpl::PhaseKind::loss) v.general = bpl::loss_info(net.config.loss).formula;
    formula_matrices(app, pv, r, v);
    return v;
}
