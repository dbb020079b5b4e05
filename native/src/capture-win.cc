// Windows back-end: GDI BitBlt from the screen DC into a 32-bit DIB section.
// UNTESTED: written to compile with MSVC; no Windows machine was available.
#include <windows.h>
#include "capture.h"

std::string CaptureRect(int x, int y, int w, int h, Frame* out) {
  HDC screen = GetDC(nullptr);
  if (!screen) return "GetDC failed";
  HDC mem = CreateCompatibleDC(screen);
  BITMAPINFO bmi{};
  bmi.bmiHeader.biSize = sizeof(BITMAPINFOHEADER);
  bmi.bmiHeader.biWidth = w;
  bmi.bmiHeader.biHeight = -h;  // top-down rows
  bmi.bmiHeader.biPlanes = 1;
  bmi.bmiHeader.biBitCount = 32;
  bmi.bmiHeader.biCompression = BI_RGB;
  void* bits = nullptr;
  HBITMAP bmp = CreateDIBSection(mem, &bmi, DIB_RGB_COLORS, &bits, nullptr, 0);
  std::string err;
  if (!bmp) {
    err = "CreateDIBSection failed";
  } else {
    HGDIOBJ old = SelectObject(mem, bmp);
    if (!BitBlt(mem, 0, 0, w, h, screen, x, y, SRCCOPY | CAPTUREBLT)) {
      err = "BitBlt failed";
    } else {
      out->width = w;
      out->height = h;
      out->rgba.resize(static_cast<size_t>(w) * h * 4);
      const uint8_t* src = static_cast<const uint8_t*>(bits);
      for (size_t i = 0; i < static_cast<size_t>(w) * h; i++) {
        out->rgba[i * 4 + 0] = src[i * 4 + 2];
        out->rgba[i * 4 + 1] = src[i * 4 + 1];
        out->rgba[i * 4 + 2] = src[i * 4 + 0];
        out->rgba[i * 4 + 3] = 255;
      }
    }
    SelectObject(mem, old);
    DeleteObject(bmp);
  }
  DeleteDC(mem);
  ReleaseDC(nullptr, screen);
  return err;
}

static BOOL CALLBACK AddMonitor(HMONITOR monitor, HDC, LPRECT, LPARAM data) {
  auto* list = reinterpret_cast<std::vector<DisplayRect>*>(data);
  MONITORINFO info{};
  info.cbSize = sizeof(info);
  if (GetMonitorInfo(monitor, &info)) {
    const RECT& r = info.rcMonitor;
    list->push_back({static_cast<int>(list->size()), r.left, r.top, r.right - r.left,
                     r.bottom - r.top, (info.dwFlags & MONITORINFOF_PRIMARY) != 0});
  }
  return TRUE;
}

std::string ListDisplays(std::vector<DisplayRect>* out) {
  if (!EnumDisplayMonitors(nullptr, nullptr, AddMonitor, reinterpret_cast<LPARAM>(out))) {
    return "EnumDisplayMonitors failed";
  }
  return "";
}

const char* BackendName() { return "gdi-bitblt"; }
