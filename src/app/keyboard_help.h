// The keyboard: the "?" help window that lists the keys, and the Escape that gives the keyboard
// back to the page around the figure (so a keyboard user is never trapped in the canvas).
#pragma once

namespace slingshot::app {

class KeyboardHelp {
public:
    // Once per frame inside the page's window: "?" (typed, on any keyboard layout) or F1 opens the
    // help unless a text field is being edited; Escape or its button closes it.
    void frame();
    void open() { open_ = true; }
    bool isOpen() const { return open_; }
    // Escape was pressed with nothing left to cancel: no item was being edited or adjusted, no menu
    // or help was open, and the keyboard was in the page's own window last frame. Call once per
    // frame after frame().
    bool leaveRequested() const { return leave_; }

private:
    bool open_ = false;
    bool leave_ = false;
    bool busy_last_frame_ = false;  // an item active, a popup or the help open, or focus in a panel
};

}  // namespace slingshot::app
