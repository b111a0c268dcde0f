// Engine values as the front doors write them (src/query/number_text).
#include "query/number_text.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

using namespace slingshot;

TEST_CASE("number text: a hash is 0x and 16 lower-case hex digits", "[number_text]") {
    CHECK(hexHash(0) == "0x0000000000000000");
    CHECK(hexHash(1) == "0x0000000000000001");
    CHECK(hexHash(0xDEADBEEFull) == "0x00000000deadbeef");
    CHECK(hexHash(0x0123456789ABCDEFull) == "0x0123456789abcdef");
    CHECK(hexHash(UINT64_MAX) == "0xffffffffffffffff");
    CHECK(std::stoull(hexHash(0x8000000000000000ull), nullptr, 16) == 0x8000000000000000ull);
    for (uint64_t v : {uint64_t(0), uint64_t(42), UINT64_MAX}) CHECK(hexHash(v).size() == 18);
}

TEST_CASE("number text: short numbers for notes, six significant digits", "[number_text]") {
    CHECK(shortNumber(1) == "1");
    CHECK(shortNumber(90) == "90");
    CHECK(shortNumber(406.4) == "406.4");
    CHECK(shortNumber(0.316636123) == "0.316636");
    CHECK(shortNumber(2e12) == "2e+12");
}

TEST_CASE("number text: short numbers with more significant digits", "[number_text]") {
    CHECK(shortNumber(1.0 / 3.0, 10) == "0.3333333333");
    CHECK(shortNumber(4294967295.0, 10) == "4294967295");
    CHECK(shortNumber(1e15, 10) == "1e+15");
    CHECK(shortNumber(-2.5, 10) == "-2.5");
    CHECK(shortNumber(1.0 / 3.0, 1) == "0.3");
}
