#include "app/clipped_text.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <unordered_map>

namespace slingshot::app {
namespace {

struct GlyphRect {
    float u0, v0, u1, v1;
    unsigned codepoint;
};

// The atlas' glyphs, found from any corner of a quad's texture coordinates.
class GlyphIndex {
public:
    explicit GlyphIndex(const ImFontAtlas& fonts) {
        for (const ImFont* f : fonts.Fonts)
            for (const ImFontGlyph& g : f->Glyphs)
                if (g.Visible) glyphs_.push_back({g.U0, g.V0, g.U1, g.V1, g.Codepoint});
        for (size_t i = 0; i < glyphs_.size(); ++i) {
            const GlyphRect& g = glyphs_[i];
            for (auto [u, v] : {std::pair{g.u0, g.v0}, {g.u1, g.v0}, {g.u1, g.v1}, {g.u0, g.v1}})
                by_corner_.emplace(key(u, v), i);
        }
    }
    // The glyph whose texture rectangle holds [u0, u1] x [v0, v1]; null if none (not text).
    const GlyphRect* find(float u0, float v0, float u1, float v1) const {
        for (auto [u, v] : {std::pair{u0, v0}, {u1, v0}, {u1, v1}, {u0, v1}}) {
            const auto it = by_corner_.find(key(u, v));
            if (it != by_corner_.end() && holds(glyphs_[it->second], u0, v0, u1, v1)) return &glyphs_[it->second];
        }
        for (const GlyphRect& g : glyphs_)  // cut on two opposite sides: no corner left
            if (holds(g, u0, v0, u1, v1)) return &g;
        return nullptr;
    }

private:
    static uint64_t key(float u, float v) {
        uint32_t a, b;
        std::memcpy(&a, &u, 4);
        std::memcpy(&b, &v, 4);
        return (uint64_t(a) << 32) | b;
    }
    static bool holds(const GlyphRect& g, float u0, float v0, float u1, float v1) {
        const float e = 1e-6f;
        return u0 >= g.u0 - e && u1 <= g.u1 + e && v0 >= g.v0 - e && v1 <= g.v1 + e;
    }
    std::vector<GlyphRect> glyphs_;
    std::unordered_map<uint64_t, size_t> by_corner_;
};

struct DrawnGlyph {
    ImVec2 min, max;
    unsigned codepoint;
    int cmd;
    bool left, right, top, bottom;
};

// ImFont::RenderText writes a glyph as four vertices: top-left, top-right, bottom-right, bottom-left.
bool isGlyphQuad(const ImDrawVert* v) {
    return v[0].pos.y == v[1].pos.y && v[1].pos.x == v[2].pos.x && v[2].pos.y == v[3].pos.y &&
           v[3].pos.x == v[0].pos.x && v[0].uv.y == v[1].uv.y && v[1].uv.x == v[2].uv.x && v[2].uv.y == v[3].uv.y &&
           v[3].uv.x == v[0].uv.x && v[0].pos.x < v[1].pos.x && v[0].pos.y < v[2].pos.y && v[0].uv.x < v[1].uv.x &&
           v[0].uv.y < v[2].uv.y;
}

// Whether a cut at this edge of `clip` is the window's own viewport of a direction it scrolls in.
bool scrolledAway(const ImGuiWindow* w, const ImVec4& clip, bool vertical, bool low_edge) {
    if (!w) return false;
    // Vertically a window scrolls by its bar or the wheel; sideways only by a bar (ImGui keeps a
    // ScrollMax.x for content wider than a window that has none).
    const bool scrolls = vertical
                             ? w->ScrollMax.y > 0 && (w->ScrollbarY || !(w->Flags & ImGuiWindowFlags_NoScrollWithMouse))
                             : w->ScrollMax.x > 0 && w->ScrollbarX;
    if (!scrolls) return false;
    const ImRect& r = w->InnerClipRect;
    const float edge = vertical ? (low_edge ? clip.y : clip.w) : (low_edge ? clip.x : clip.z);
    const float window_edge = vertical ? (low_edge ? r.Min.y : r.Max.y) : (low_edge ? r.Min.x : r.Max.x);
    return std::fabs(edge - window_edge) < 1.0f;
}

void appendUtf8(std::string& out, unsigned c) {
    char buf[5] = {};
    ImTextCharToUtf8(buf, c);
    out.append(buf);
}

void scanList(const ImDrawList& list, const ImFontAtlas& fonts, const GlyphIndex& index,
              std::vector<ClippedText>& out) {
    std::vector<int> cmd_of(static_cast<size_t>(list.VtxBuffer.Size), -1);
    for (int c = 0; c < list.CmdBuffer.Size; ++c) {
        const ImDrawCmd& cmd = list.CmdBuffer[c];
        if (cmd.UserCallback || cmd.TextureId != fonts.TexID) continue;
        for (unsigned j = 0; j < cmd.ElemCount; ++j) {
            const unsigned v = list.IdxBuffer[static_cast<int>(cmd.IdxOffset + j)] + cmd.VtxOffset;
            if (v < cmd_of.size()) cmd_of[v] = c;
        }
    }
    const ImGuiWindow* window = list._OwnerName ? ImGui::FindWindowByName(list._OwnerName) : nullptr;
    std::vector<DrawnGlyph> glyphs;
    const ImDrawVert* vtx = list.VtxBuffer.Data;
    const float e = 1.0f;  // pixels: a quad this far past an edge is cut (its blank border may touch)
    for (int i = 0; i + 3 < list.VtxBuffer.Size;) {
        const ImDrawVert* q = vtx + i;
        const int c = cmd_of[static_cast<size_t>(i)];
        const GlyphRect* g =
            c >= 0 && isGlyphQuad(q) ? index.find(q[0].uv.x, q[0].uv.y, q[2].uv.x, q[2].uv.y) : nullptr;
        if (!g) {
            ++i;
            continue;
        }
        const ImVec4& clip = list.CmdBuffer[c].ClipRect;
        const float te = 1e-6f;  // texture coordinates narrowed on the CPU
        DrawnGlyph d{q[0].pos, q[2].pos, g->codepoint, c, false, false, false, false};
        d.left = (q[0].pos.x < clip.x - e || q[0].uv.x > g->u0 + te) && !scrolledAway(window, clip, false, true);
        d.right = (q[2].pos.x > clip.z + e || q[2].uv.x < g->u1 - te) && !scrolledAway(window, clip, false, false);
        d.top = (q[0].pos.y < clip.y - e || q[0].uv.y > g->v0 + te) && !scrolledAway(window, clip, true, true);
        d.bottom = (q[2].pos.y > clip.w + e || q[2].uv.y < g->v1 - te) && !scrolledAway(window, clip, true, false);
        glyphs.push_back(d);
        i += 4;
    }
    // Lines: glyphs of one draw command that follow each other left to right with overlapping rows.
    for (size_t a = 0; a < glyphs.size();) {
        size_t b = a + 1;
        float line_height = glyphs[a].max.y - glyphs[a].min.y;
        while (b < glyphs.size()) {
            const DrawnGlyph &p = glyphs[b - 1], &n = glyphs[b];
            line_height = std::max(line_height, n.max.y - n.min.y);
            const bool same_row = n.min.y < p.max.y && n.max.y > p.min.y;
            if (n.cmd != p.cmd || !same_row || n.min.x < p.min.x || n.min.x - p.max.x > line_height * 1.5f) break;
            ++b;
        }
        ClippedText t;
        t.min = glyphs[a].min;
        t.max = glyphs[a].max;
        bool cut = false;
        for (size_t i = a; i < b; ++i) {
            const DrawnGlyph& d = glyphs[i];
            if (i > a && d.min.x - glyphs[i - 1].max.x > line_height * 0.25f) t.text.push_back(' ');
            appendUtf8(t.text, d.codepoint);
            t.min = ImVec2(std::min(t.min.x, d.min.x), std::min(t.min.y, d.min.y));
            t.max = ImVec2(std::max(t.max.x, d.max.x), std::max(t.max.y, d.max.y));
            t.left |= d.left, t.right |= d.right, t.top |= d.top, t.bottom |= d.bottom;
            cut |= d.left || d.right || d.top || d.bottom;
        }
        if (cut) {
            t.window = list._OwnerName ? list._OwnerName : "";
            t.clip = list.CmdBuffer[glyphs[a].cmd].ClipRect;
            out.push_back(std::move(t));
        }
        a = b;
    }
}

}  // namespace

std::vector<ClippedText> clippedText(const ImDrawData& draw_data, const ImFontAtlas& fonts) {
    std::vector<ClippedText> out;
    const GlyphIndex index(fonts);
    for (int i = 0; i < draw_data.CmdListsCount; ++i) scanList(*draw_data.CmdLists[i], fonts, index, out);
    return out;
}

}  // namespace slingshot::app
