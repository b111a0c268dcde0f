// Runs ImGui frames without a window or GPU: the app's drawing code executes exactly as in the page.
#pragma once

#include "app/fonts.h"
#include "app/headless_imgui.h"

#include <imgui.h>

namespace slingshot::test {

using HeadlessImGui = app::HeadlessImGui;

}  // namespace slingshot::test
