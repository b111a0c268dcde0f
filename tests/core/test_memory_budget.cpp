// Memory checked before it is taken (src/core/base/memory_budget): the size text of messages, the
// budget check, and arrays whose failed allocation is an exception instead of an abort.
#include "core/base/memory_budget.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

using namespace slingshot;

TEST_CASE("memory budget: sizes read in MB, one decimal below 10 MB", "[memory_budget]") {
    CHECK(megabytesText(0) == "about 0.0 MB");
    CHECK(megabytesText(1.25e6) == "about 1.3 MB");  // 12.5 tenths round away from zero
    CHECK(megabytesText(1.24e6) == "about 1.2 MB");
    CHECK(megabytesText(5e4) == "about 0.1 MB");
    CHECK(megabytesText(9.96e6) == "about 10.0 MB");  // still below 10 before rounding
    CHECK(megabytesText(1e7) == "about 10 MB");
    CHECK(megabytesText(1.5e7) == "about 15 MB");
    CHECK(megabytesText(2.5604e9) == "about 2560 MB");
    CHECK(megabytesText(kDefaultMemoryBudgetBytes) == "about 1500 MB");
}

TEST_CASE("memory budget: an estimate above the budget is refused naming both, at the budget it passes",
          "[memory_budget]") {
    CHECK_NOTHROW(requireWithinBudget("graph", 1e6, 1e6));
    CHECK_NOTHROW(requireWithinBudget("graph", 0, 0));
    CHECK_THROWS_AS(requireWithinBudget("graph", 1e6 + 1, 1e6), MemoryBudgetError);
    CHECK_THROWS_WITH(requireWithinBudget("graph", 2e6, 1e6),
                      "graph needs about 2.0 MB, above the memory limit of about 1.0 MB; reduce the sizes or raise "
                      "the limit");
    // A MemoryBudgetError is a runtime_error: front doors catching std::exception report it.
    try {
        requireWithinBudget("spectral", 3e9, 1.5e9);
        FAIL("expected a refusal");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).rfind("spectral needs about 3000 MB", 0) == 0);
    }
}

TEST_CASE("memory budget: BigArray holds n elements, empty for 0, released on demand", "[memory_budget]") {
    BigArray<uint32_t> empty("nothing", 0);
    CHECK(empty.empty());
    CHECK(empty.size() == 0);
    CHECK(empty.data() == nullptr);

    BigArray<uint32_t> a("counts", 1000);
    REQUIRE(a.size() == 1000);
    REQUIRE(a.data() != nullptr);
    a.fill(7);
    uint64_t sum = 0;
    for (uint64_t i = 0; i < a.size(); ++i) sum += a[i];
    CHECK(sum == 7000);
    a[999] = 1;
    CHECK(a.data()[999] == 1);

    a.allocate("counts", 3);  // a new allocation replaces the old one
    CHECK(a.size() == 3);
    a.release();
    CHECK(a.empty());
    CHECK(a.data() == nullptr);

    BigArray<uint64_t> moved_from("words", 4);
    moved_from.fill(9);
    BigArray<uint64_t> moved = std::move(moved_from);
    CHECK(moved.size() == 4);
    CHECK(moved[3] == 9);
}

TEST_CASE("memory budget: BigArray refuses sizes it cannot address or allocate with a message", "[memory_budget]") {
    BigArray<uint64_t> a;
    CHECK_THROWS_WITH(a.allocate("slots", UINT64_MAX),
                      Catch::Contains("slots: ") && Catch::Contains("cannot be addressed here"));
    CHECK(a.empty());  // nothing kept after a refusal
#if !defined(__SANITIZE_ADDRESS__)
    // 2^57 words = 2^60 bytes: beyond any address space, so nothrow new returns null (under ASan the
    // allocator aborts instead, so this half is left out there).
    if (sizeof(size_t) == 8) {
        CHECK_THROWS_WITH(a.allocate("slots", uint64_t(1) << 57),
                          Catch::StartsWith("slots: allocating about ") && Catch::EndsWith(" MB failed"));
        CHECK(a.empty());
    }
#endif
}
