// The embedded TTF (from a Debian font package, compiled in at build time), rasterised at the
// screen's pixel ratio so text stays crisp on HiDPI screens and projectors.
#pragma once

namespace slingshot::app {

// Rebuilds the font atlas for `pixel_ratio` (device pixels per CSS pixel) and `ui_scale`
// (1..3, for slides). The caller must re-upload the atlas texture afterwards.
void loadFonts(float pixel_ratio, float ui_scale);

}  // namespace slingshot::app
