// Formula text as speech (see formula_speech.hpp). The text is read code point by code point;
// each bracket pair is looked at as a whole first, to say "of", "times" or "open bracket". Only
// symbols the formulas use are listed: a character here that the page never shows would still
// join the page's font subsets (cmake/used_chars.py scans the sources).
#include "formula_speech.hpp"
#include <vector>

namespace {

// The code points of UTF-8 text, each with the offset of its first byte (a cut-off sequence ends
// the text).
struct Decoded {
    std::vector<char32_t> cps;
    std::vector<size_t> offsets;
};
Decoded decode(std::string_view s) {
    Decoded out;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
        char32_t cp = extra == 0 ? c : extra == 1 ? c & 0x1F : extra == 2 ? c & 0x0F : c & 0x07;
        if (i + size_t(extra) >= s.size()) break;
        for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.cps.push_back(cp);
        out.offsets.push_back(i);
        i += extra + 1;
    }
    out.offsets.push_back(s.size());
    return out;
}

enum class Kind { none, operand, function, op };

struct Symbol {
    char32_t cp;
    const char* words;
    Kind kind;
};
const Symbol kSymbols[] = {
    {U'δ', "delta", Kind::function},   // δ(h¹₁): "delta of h 1 1"
    {U'σ', "sigma", Kind::function},
    {U'Δ', "change in", Kind::op},
    {U'η', "eta", Kind::operand},
    {U'ε', "epsilon", Kind::operand},
    {U'β', "beta", Kind::operand},
    {U'Σ', "sum of", Kind::op},
    {U'∂', "d", Kind::op},
    {U'ℓ', "ell", Kind::operand},
    {U'ŷ', "y hat", Kind::operand},
    {U'⊙', "times element-wise", Kind::op},
    {U'·', "times", Kind::op},
    {U'×', "times", Kind::op},
    {U'+', "plus", Kind::op},
    {U'=', "equals", Kind::op},
    {U'←', "becomes", Kind::op},
    {U'→', "to", Kind::op},
    {U'…', "and so on", Kind::op},
    {U'ᵀ', "transposed", Kind::operand},
    {U'>', "greater than", Kind::op},
    {U'<', "less than", Kind::op},
    {U'\u0302', "hat", Kind::operand},   // a combining circumflex after y
};

struct Word {
    const char* text;
    const char* words;   // nullptr: said as written
    bool function;       // takes its argument in brackets: "tanh(z)" is "tanh of z"
};
const Word kWords[] = {
    {"ln", "log", true},
    {"exp", nullptr, true},
    {"tanh", nullptr, true},
    {"ReLU", nullptr, true},
    {"LeakyReLU", "leaky ReLU", true},
    {"identity", nullptr, true},
    {"f", nullptr, true},
    {"max", nullptr, true},
    {"mean", nullptr, true},
    {"inf", "infinity", false},
    {"nan", "not a number", false},
};

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
bool is_sub(char32_t c) { return c >= U'₀' && c <= U'₉'; }
int sup_digit(char32_t c) {
    switch (c) {
        case U'⁰': return 0;
        case U'¹': return 1;
        case U'²': return 2;
        case U'³': return 3;
        default: return c >= U'⁴' && c <= U'⁹' ? int(c - U'⁴') + 4 : -1;
    }
}
bool is_minus(char32_t c) { return c == U'−' || c == U'-'; }
bool is_operator(char32_t c) {
    return is_minus(c) || c == U'+' || c == U'·' || c == U'×' || c == U'⊙' || c == U'/' || c == U'=' || c == U'?' ||
           c == U':' || c == U'>' || c == U'<';
}

class Speaker {
public:
    explicit Speaker(std::string_view text)
        : text_(text), decoded_(decode(text)), t_(decoded_.cps), close_(t_.size(), -1), silent_(t_.size(), false) {
        std::vector<size_t> open;
        for (size_t i = 0; i < t_.size(); ++i) {
            if (t_[i] == U'(' || t_[i] == U'[') open.push_back(i);
            if ((t_[i] == U')' || t_[i] == U']') && !open.empty()) {
                close_[open.back()] = int(i);
                open.pop_back();
            }
        }
    }

    std::string run() {
        for (i_ = 0; i_ < t_.size();) step();
        return out_;
    }

private:
    std::string_view text_;
    Decoded decoded_;
    const std::vector<char32_t>& t_;
    std::vector<int> close_;     // for each opening bracket, where it closes (-1: never)
    std::vector<bool> silent_;   // closing brackets not spoken
    std::string out_;
    size_t i_ = 0;
    Kind last_ = Kind::none;

    char32_t at(size_t k) const { return k < t_.size() ? t_[k] : 0; }
    bool touching() const { return i_ > 0 && t_[i_ - 1] != U' '; }
    bool spaced() const { return i_ > 0 && t_[i_ - 1] == U' ' && at(i_ + 1) == U' '; }

    void say(const std::string& words, Kind kind) {
        if (!out_.empty() && out_.back() != ' ' && out_.back() != '-') out_ += ' ';
        out_ += words;
        last_ = kind;
    }
    void say_digits(const std::string& digits) {
        for (char d : digits) say(std::string(1, d), Kind::operand);
    }

    void step() {
        char32_t c = t_[i_];
        if (c == U' ') {
            ++i_;
        } else if (is_digit(c) || (c == U'.' && is_digit(at(i_ + 1)))) {
            number();
        } else if (is_letter(c)) {
            word();
        } else if (c == U'_') {
            ++i_;   // δ_out: "delta out"
        } else if (is_sub(c)) {
            std::string digits;
            for (; is_sub(at(i_)); ++i_) digits += char('0' + (t_[i_] - U'₀'));
            say_digits(digits);
        } else if (sup_digit(c) >= 0) {
            superscript();
        } else if (c == U'(' || c == U'[') {
            open_bracket();
        } else if (c == U')' || c == U']') {
            if (!silent_[i_]) say("close bracket", Kind::operand);
            last_ = Kind::operand;
            ++i_;
        } else {
            symbol(c);
        }
    }

    void number() {
        std::string text;
        for (; is_digit(at(i_)) || (at(i_) == U'.' && is_digit(at(i_ + 1))); ++i_) text += char(t_[i_]);
        say(text, Kind::operand);
        // 1e−05: "1 times 10 to the power minus 5"
        size_t k = i_ + 1;
        bool negative = is_minus(at(k));
        if (negative || at(k) == U'+') ++k;
        if (at(i_) != U'e' || !is_digit(at(k))) return;
        std::string exponent;
        for (; is_digit(at(k)); ++k)
            if (!exponent.empty() || t_[k] != U'0' || !is_digit(at(k + 1))) exponent += char(t_[k]);
        say(std::string("times 10 to the power ") + (negative ? "minus " : "") + exponent, Kind::operand);
        i_ = k;
    }

    void word() {
        std::string text;
        for (; is_letter(at(i_)) || (at(i_) == U'\'' && is_letter(at(i_ + 1))); ++i_) text += char(t_[i_]);
        for (const Word& w : kWords) {
            if (text != w.text) continue;
            say(w.words ? w.words : w.text, w.function ? Kind::function : Kind::operand);
            return;
        }
        say(text, Kind::operand);
    }

    // h¹₂ (a layer's unit): "h 1 2"; otherwise a power: (y − ŷ)² is "… squared".
    void superscript() {
        bool index = i_ > 0 && is_letter(t_[i_ - 1]);
        std::string digits;
        for (; sup_digit(at(i_)) >= 0; ++i_) digits += char('0' + sup_digit(t_[i_]));
        if (index && is_sub(at(i_))) say_digits(digits);
        else if (digits == "2") say("squared", Kind::operand);
        else say("to the power " + digits, Kind::operand);
    }

    // A bracket is spoken only around an operation: "(−0.05)" is "minus 0.05", "σ(z)" is "sigma of
    // z", "(after the step)" is "after the step", and "Row 01 (x = 0 1, y = 1)" a list: "Row 01,
    // x equals 0 1, y equals 1". After a name it means "times" ("a(1 − a)").
    void open_bracket() {
        const int end = close_[i_];
        bool operation = end < 0, list = false;
        for (int k = int(i_) + 1; k < end; ++k) {
            char32_t c = t_[size_t(k)];
            if (is_operator(c) && !(k == int(i_) + 1 && is_minus(c))) operation = true;
            if (c == U',') list = true;
        }
        if (list && !touching()) {
            out_ += ',';
            operation = false;
        } else if (touching() && last_ == Kind::function) {
            say("of", Kind::op);
        } else if (touching() && last_ == Kind::operand) {
            say("times", Kind::op);
        }
        if (operation) say("open bracket", Kind::op);
        if (end >= 0) silent_[size_t(end)] = !operation;
        last_ = Kind::op;
        ++i_;
    }

    void symbol(char32_t c) {
        const bool hyphen = is_minus(c) && i_ > 0 && is_letter(t_[i_ - 1]) && is_letter(at(i_ + 1));
        const bool around = spaced();   // a space on both sides
        size_t next = ++i_;
        while (at(next) == U' ') ++next;
        if (hyphen) {
            out_ += '-';   // output-layer
            return;
        }
        if (is_minus(c)) return say("minus", Kind::op);
        if (c == U'′') return say("prime", last_);   // σ′ stays a function: "sigma prime of z"
        if (c == U'/') return say(at(next) == U'∂' ? "by" : around ? "divided by" : "over", Kind::op);
        if (c == U'?' && around) return say("then", Kind::op);
        if (c == U':' && around) return say("otherwise", Kind::op);
        if (c == U'.' && around) return say("dot", Kind::op);
        for (const Symbol& s : kSymbols)
            if (s.cp == c) return say(s.words, s.kind);
        if (c < 0x80) {   // punctuation stays with the word before it: "7:", "b,"
            out_ += char(c);
            return;
        }
        const size_t from = decoded_.offsets[i_ - 1];   // said as written
        say(std::string(text_.substr(from, decoded_.offsets[i_] - from)), Kind::operand);
    }
};

std::string sentence(const std::string& text) {
    if (text.empty()) return text;
    char last = text.back();
    return last == '.' || last == ':' || last == '?' ? text : text + ".";
}

}   // namespace

std::string formula_speech(std::string_view text) { return Speaker(text).run(); }

std::string formula_spoken(const FormulaView& v) {
    std::string out = sentence(formula_speech(v.title));
    if (!v.ran) return out + " " + sentence(formula_speech(v.note));
    if (!v.subject.empty()) out += " " + sentence(formula_speech(v.subject));
    for (const FormulaLine& line : v.lines)
        out += " " + formula_speech(line.symbolic) + ", " + sentence(formula_speech(line.numbers));
    return out;
}
