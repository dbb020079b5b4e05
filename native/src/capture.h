// One screen-capture back-end per OS implements this. Pixels come back as tightly packed
// RGBA rows so JavaScript can hand them to sharp without a per-OS conversion.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

struct DisplayRect {
  int index;
  int x;
  int y;
  int width;
  int height;
  bool primary;
  // Device pixels per DIP (Windows: the monitor's DPI / 96); 1 where the back-end cannot tell.
  double scale = 1.0;
};

struct Frame {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> rgba;
};

// Grabs the rectangle (in virtual-desktop pixels). Returns an empty string on success,
// else a message saying what failed.
std::string CaptureRect(int x, int y, int width, int height, Frame* out);

// The displays as the OS lays them out on the virtual desktop.
std::string ListDisplays(std::vector<DisplayRect>* out);

// Which back-end this build uses, e.g. "x11-shm".
const char* BackendName();

#ifdef _WIN32
// The top-level window at a screen point (UTF-8 title and class); desktop is true when the
// point shows the desktop itself (no program window there).
struct WindowInfo {
  std::string title;
  std::string class_name;
  bool desktop = false;
};
std::string WindowAt(int x, int y, WindowInfo* out);
#endif
