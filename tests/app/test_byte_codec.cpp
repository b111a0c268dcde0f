// The byte codec (src/app/byte_codec.h) and the engine types in it (src/app/engine_codecs): every
// value comes back bit for bit (NaN, infinities, -0, empty and optional parts), and a truncated or
// overlong message is refused rather than read as something else.
#include "app/byte_codec.h"
#include "app/engine_codecs.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>

using namespace slingshot;
using app::ByteReader;
using app::Bytes;
using app::ByteWriter;

namespace {

bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

template <class T>
Bytes encoded(const T& v) {
    ByteWriter w;
    w.put(v);
    return w.take();
}

template <class T>
T decoded(const Bytes& b) {
    ByteReader r(b);
    T v{};
    r.get(v);
    r.finish();
    return v;
}

}  // namespace

TEST_CASE("byte codec: numbers, strings, vectors and optionals come back bit for bit", "[app][codec]") {
    const double inf = std::numeric_limits<double>::infinity();
    for (double x : {0.0, -0.0, 1.0 / 3.0, 5e-324, inf, -inf, std::nan("")})
        CHECK(sameBits(decoded<double>(encoded(x)), x));
    CHECK(decoded<uint64_t>(encoded(uint64_t(0xFEDCBA9876543210ULL))) == 0xFEDCBA9876543210ULL);
    CHECK(decoded<std::string>(encoded(std::string("σ ≤ 92.31\0x", 14))) == std::string("σ ≤ 92.31\0x", 14));
    CHECK(decoded<std::vector<uint32_t>>(encoded(std::vector<uint32_t>{})).empty());
    CHECK(decoded<std::vector<double>>(encoded(std::vector<double>{1.5, -2})) == std::vector<double>{1.5, -2});
    CHECK(!decoded<std::optional<double>>(encoded(std::optional<double>())));
    CHECK(decoded<std::optional<double>>(encoded(std::optional<double>(2.5))) == 2.5);
}

TEST_CASE("byte codec: a short, overlong or lying message is refused", "[app][codec]") {
    Bytes b = encoded(std::vector<double>{1, 2, 3});
    Bytes shorter(b.begin(), b.end() - 1);
    CHECK_THROWS_WITH(decoded<std::vector<double>>(shorter), Catch::Contains("bad length"));
    Bytes longer = b;
    longer.push_back(0);
    CHECK_THROWS_WITH(decoded<std::vector<double>>(longer), Catch::Contains("1 bytes left unread"));
    CHECK_THROWS_WITH(decoded<double>(Bytes{1, 2, 3}), Catch::Contains("truncated"));
    Bytes huge = encoded(uint64_t(1) << 60);  // a length far beyond the bytes there are
    CHECK_THROWS_WITH(decoded<std::string>(huge), Catch::Contains("bad length"));
}

TEST_CASE("byte codec: a simulation's parameters and result survive the trip", "[app][codec]") {
    SimulationParams p;
    p.n1 = 321;
    p.n2 = 4567;
    p.k = 5;
    p.theta = 0.125;
    p.failure = FailureMode::Adversarial;
    p.c = 0.7;
    p.kprime = 3;
    p.tuples = TupleReading::S;
    p.t2_pieces = 99;
    p.measure.kind = MeasureSpec::Kind::Weights;
    p.measure.weights = {0.5, 0.25};
    p.seed = 9007199254740991ULL;
    p.grid_points = 17;
    p.memory_budget_bytes = 1.25e8;
    p.max_pieces = 777;
    p.adversary.fine_points = 9;
    p.adversary.refine_rounds = 1;
    p.slots = SlotStorage::Streamed;
    CHECK(decoded<SimulationParams>(encoded(p)) == p);

    SimulationResult r;
    r.slots_hash = 0x0123456789ABCDEFULL;
    r.mean_degree = 12.5;
    r.failed = 42;
    r.theta_realized = 0.1;
    r.skills.counted = 300;
    r.skills.histogram = {1, 2, 3};
    r.skills.measure_histogram = {0.25, std::nan("")};
    r.adversary = AdversaryReport{7, 8, 9, true};
    TupleReport t;
    t.summary.at_most_c = 5;
    t.total_tuples = 1e9;
    r.tuples = t;
    const SimulationResult back = decoded<SimulationResult>(encoded(r));
    CHECK(encoded(back) == encoded(r));
    CHECK(back.adversary->refined_best);
    CHECK(back.tuples->total_tuples == 1e9);
    CHECK(std::isnan(back.skills.measure_histogram[1]));
}
