// What the page allows beyond the engine's own limits: a browser tab has about 2-4 GB and one
// thread, so it samples graphs of at most kMaxPiecesBrowser text pieces (the engine and the CLI
// go to kMaxPiecesNative).
#pragma once

#include <cstdint>

namespace slingshot {

inline constexpr uint64_t kMaxPiecesBrowser = 10000000;

}  // namespace slingshot
