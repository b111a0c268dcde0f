// URL query strings (src/query/url_query): percent-decoding, '+' as space, malformed escapes kept,
// later duplicates winning, the length cut, and percentEncode as its inverse.
#include "query/url_query.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>

using namespace slingshot;

using Query = std::map<std::string, std::string>;

TEST_CASE("url query: pairs split on '&' and '=', with or without the leading '?'", "[url_query]") {
    CHECK(parseQueryString("?view=scaling&n=1e10") == Query{{"view", "scaling"}, {"n", "1e10"}});
    CHECK(parseQueryString("view=scaling&n=1e10") == Query{{"view", "scaling"}, {"n", "1e10"}});
    CHECK(parseQueryString("") == Query{});
    CHECK(parseQueryString("?") == Query{});
    CHECK(parseQueryString("a=1&&b=2&") == Query{{"a", "1"}, {"b", "2"}});  // empty pairs skipped
    CHECK(parseQueryString("flag&x=") == Query{{"flag", ""}, {"x", ""}});   // no '=' or nothing after it: empty value
    CHECK(parseQueryString("=5&b=2") == Query{{"b", "2"}});                 // an empty key is dropped
    CHECK(parseQueryString("a=1=2") == Query{{"a", "1=2"}});                // the first '=' splits
    CHECK(parseQueryString("n=1&n=2&n=3") == Query{{"n", "3"}});            // later duplicates win
    CHECK(parseQueryString("??a=1") == Query{{"?a", "1"}});                 // only one '?' is the prefix
}

TEST_CASE("url query: percent escapes and '+' decode, malformed escapes stay as written", "[url_query]") {
    CHECK(parseQueryString("kprime=1%2C2%2c4")["kprime"] == "1,2,4");  // either case of hex digits
    CHECK(parseQueryString("t=a+b%20c")["t"] == "a b c");
    CHECK(parseQueryString("t=%2B")["t"] == "+");                  // an escaped '+' is a plus, not a space
    CHECK(parseQueryString("%76iew=curves")["view"] == "curves");  // keys decode too
    CHECK(parseQueryString("k=%3D%26")["k"] == "=&");              // escaped separators do not split
    CHECK(parseQueryString("t=%CE%B8")["t"] == "\u03b8");
    CHECK(parseQueryString("t=%00")["t"] == std::string(1, '\0'));
    CHECK(parseQueryString("t=100%")["t"] == "100%");
    CHECK(parseQueryString("t=%4")["t"] == "%4");
    CHECK(parseQueryString("t=%zz1")["t"] == "%zz1");
    CHECK(parseQueryString("t=%4g")["t"] == "%4g");
    CHECK(parseQueryString("t=%%41")["t"] == "%A");
}

TEST_CASE("url query: input longer than the limit is cut there", "[url_query]") {
    const std::string value(kMaxQueryLength, 'x');
    const Query q = parseQueryString("a=" + value + "&b=2");
    CHECK(q.at("a") == std::string(kMaxQueryLength - 2, 'x'));
    CHECK(q.count("b") == 0);
    CHECK(parseQueryString("a=" + std::string(kMaxQueryLength - 6, 'x') + "&b=2").at("b") == "2");  // just fits
}

TEST_CASE("url query: percentEncode keeps the unreserved characters and the comma, and round-trips every byte",
          "[url_query]") {
    CHECK(percentEncode("AZaz09-_.~,") == "AZaz09-_.~,");
    CHECK(percentEncode("a b+c&d=e") == "a%20b%2Bc%26d%3De");
    CHECK(percentEncode("\u03b8") == "%CE%B8");
    CHECK(percentEncode(std::string(1, '\0')) == "%00");
    CHECK(percentEncode("") == "");
    std::string every;
    for (int c = 0; c < 256; ++c) every += static_cast<char>(c);
    const std::string encoded = percentEncode(every);
    for (char ch : encoded)
        CHECK(std::string("%ABCDEFabcdefghijklmnopqrstuvwxyzGHIJKLMNOPQRSTUVWXYZ0123456789-_.~,").find(ch) !=
              std::string::npos);
    CHECK(parseQueryString("k=" + encoded)["k"] == every);
    CHECK(parseQueryString(percentEncode("a&b") + "=" + percentEncode("x=y"))["a&b"] == "x=y");
}
