// Linux back-end: X11. One Display connection is kept open (opening one costs more than the
// grab). XShmGetImage copies the rectangle through shared memory when the server supports
// MIT-SHM (local X, Xvfb); otherwise XGetImage sends it over the socket.
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <mutex>
#include "capture.h"

namespace {
std::mutex mu;
::Display* display = nullptr;

std::string Open() {
  if (display) return "";
  display = XOpenDisplay(nullptr);
  if (!display) return "cannot open the X display (is DISPLAY set?)";
  return "";
}

void ToRgba(XImage* img, int w, int h, Frame* out) {
  out->width = w;
  out->height = h;
  out->rgba.resize(static_cast<size_t>(w) * h * 4);
  const bool fast = img->bits_per_pixel == 32 && img->red_mask == 0xff0000 &&
                    img->green_mask == 0x00ff00 && img->blue_mask == 0x0000ff;
  for (int y = 0; y < h; y++) {
    uint8_t* dst = &out->rgba[static_cast<size_t>(y) * w * 4];
    if (fast) {
      const uint8_t* src = reinterpret_cast<uint8_t*>(img->data) + y * img->bytes_per_line;
      for (int x = 0; x < w; x++) {  // BGRX in memory on little-endian servers
        dst[x * 4 + 0] = src[x * 4 + 2];
        dst[x * 4 + 1] = src[x * 4 + 1];
        dst[x * 4 + 2] = src[x * 4 + 0];
        dst[x * 4 + 3] = 255;
      }
    } else {
      for (int x = 0; x < w; x++) {
        unsigned long p = XGetPixel(img, x, y);
        dst[x * 4 + 0] = (p & img->red_mask) >> 16;
        dst[x * 4 + 1] = (p & img->green_mask) >> 8;
        dst[x * 4 + 2] = (p & img->blue_mask);
        dst[x * 4 + 3] = 255;
      }
    }
  }
}

int IgnoreErrors(::Display*, XErrorEvent*) { return 0; }
}  // namespace

std::string CaptureRect(int x, int y, int w, int h, Frame* out) {
  std::lock_guard<std::mutex> lock(mu);
  std::string err = Open();
  if (!err.empty()) return err;
  Window root = DefaultRootWindow(display);
  XWindowAttributes attrs;
  XGetWindowAttributes(display, root, &attrs);
  if (x < 0 || y < 0 || x + w > attrs.width || y + h > attrs.height) {
    return "the region lies outside the screen";
  }
  // A failed request must not kill the process: X's default error handler exits.
  XErrorHandler previous = XSetErrorHandler(IgnoreErrors);
  std::string result;
  if (XShmQueryExtension(display)) {
    XShmSegmentInfo shm{};
    XImage* img = XShmCreateImage(display, attrs.visual, attrs.depth, ZPixmap, nullptr, &shm, w, h);
    if (img) {
      shm.shmid = shmget(IPC_PRIVATE, img->bytes_per_line * img->height, IPC_CREAT | 0600);
      if (shm.shmid >= 0) {
        shm.shmaddr = img->data = static_cast<char*>(shmat(shm.shmid, nullptr, 0));
        shm.readOnly = False;
        if (XShmAttach(display, &shm) && XShmGetImage(display, root, img, x, y, AllPlanes)) {
          ToRgba(img, w, h, out);
          XShmDetach(display, &shm);
          XSync(display, False);
          XDestroyImage(img);
          shmdt(shm.shmaddr);
          shmctl(shm.shmid, IPC_RMID, nullptr);
          XSetErrorHandler(previous);
          return "";
        }
        shmdt(shm.shmaddr);
        shmctl(shm.shmid, IPC_RMID, nullptr);
      }
      img->data = nullptr;
      XDestroyImage(img);
    }
  }
  XImage* img = XGetImage(display, root, x, y, w, h, AllPlanes, ZPixmap);
  if (!img) {
    result = "XGetImage failed";
  } else {
    ToRgba(img, w, h, out);
    XDestroyImage(img);
  }
  XSetErrorHandler(previous);
  return result;
}

std::string ListDisplays(std::vector<DisplayRect>* out) {
  std::lock_guard<std::mutex> lock(mu);
  std::string err = Open();
  if (!err.empty()) return err;
  // Without linking XRandR we report the root window as one display; multi-monitor layouts
  // come from node-screenshots / xrandr in the TypeScript layer.
  Window root = DefaultRootWindow(display);
  XWindowAttributes attrs;
  XGetWindowAttributes(display, root, &attrs);
  out->push_back({0, 0, 0, attrs.width, attrs.height, true});
  return "";
}

const char* BackendName() { return "x11-shm"; }
