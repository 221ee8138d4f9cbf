// The host used until (or unless) the page passes its own: nothing listens, time is real.
#include "session_host.hpp"
#include <chrono>

namespace {

class QuietHost final : public SessionHost {
public:
    double now_ms() const override {
        using namespace std::chrono;
        return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
    }
    void state_changed(const char*) override {}
    void copy_link(const std::string&, bool) override {}
    void open_full_page(const std::string&) override {}
    uint32_t random_seed() override { return seed_ += 0x9E3779B9u; }

private:
    uint32_t seed_ = 0;
};

}   // namespace

SessionHost& quiet_session_host() {
    static QuietHost host;
    return host;
}
