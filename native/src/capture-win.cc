// Windows back-end: GDI BitBlt from the screen DC into a 32-bit DIB section.
// Built with MSVC through node-gyp on Windows, or cross-built with mingw-w64 on Linux
// (native/build-windows.mjs); the mingw build is tested under Wine (src-main/capture/windows-*.test.ts).
#include <windows.h>
#include "capture.h"

namespace {
// Coordinates are physical pixels everywhere in Countersign (see region.ts). A process that
// is not DPI aware sees a scaled, virtual desktop at 125%/150%, so the first call makes this
// one per-monitor aware. A host that already chose (Electron declares it in its manifest)
// keeps its choice: the call then fails, harmlessly.
void BeDpiAware() {
  static bool done = false;
  if (done) return;
  done = true;
  HMODULE user32 = GetModuleHandleW(L"user32.dll");
  using SetContextFn = BOOL(WINAPI*)(HANDLE);
  auto set_context = reinterpret_cast<SetContextFn>(
      reinterpret_cast<void*>(GetProcAddress(user32, "SetProcessDpiAwarenessContext")));
  // DPI_AWARENESS_CONTEXT_PER_MONITOR_AWARE_V2, then V1 (Windows 10 before 1703).
  if (set_context && (set_context(reinterpret_cast<HANDLE>(-4)) ||
                      set_context(reinterpret_cast<HANDLE>(-3)))) {
    return;
  }
  SetProcessDPIAware();  // Vista+: system aware
}

// The monitor's DPI over 96: GetDpiForMonitor (shcore, Windows 8.1+) when present, else the
// system DPI of the screen DC.
double ScaleOf(HMONITOR monitor) {
  using GetDpiFn = HRESULT(WINAPI*)(HMONITOR, int, UINT*, UINT*);
  static HMODULE shcore = LoadLibraryW(L"shcore.dll");
  auto get_dpi = shcore ? reinterpret_cast<GetDpiFn>(reinterpret_cast<void*>(
                              GetProcAddress(shcore, "GetDpiForMonitor")))
                        : nullptr;
  UINT dpi_x = 0, dpi_y = 0;
  if (get_dpi && get_dpi(monitor, 0 /* MDT_EFFECTIVE_DPI */, &dpi_x, &dpi_y) == S_OK && dpi_x) {
    return dpi_x / 96.0;
  }
  HDC screen = GetDC(nullptr);
  int dpi = screen ? GetDeviceCaps(screen, LOGPIXELSX) : 96;
  if (screen) ReleaseDC(nullptr, screen);
  return dpi > 0 ? dpi / 96.0 : 1.0;
}

std::string LastError(const char* what) {
  return std::string(what) + " failed (Windows error " + std::to_string(GetLastError()) + ")";
}
}  // namespace

std::string CaptureRect(int x, int y, int w, int h, Frame* out) {
  BeDpiAware();
  // The virtual desktop spans every monitor; a rectangle outside it would come back black.
  const int vx = GetSystemMetrics(SM_XVIRTUALSCREEN), vy = GetSystemMetrics(SM_YVIRTUALSCREEN);
  const int vw = GetSystemMetrics(SM_CXVIRTUALSCREEN), vh = GetSystemMetrics(SM_CYVIRTUALSCREEN);
  if (x < vx || y < vy || x + w > vx + vw || y + h > vy + vh) {
    return "the region lies outside the screen";
  }
  HDC screen = GetDC(nullptr);
  if (!screen) return LastError("GetDC");
  HDC mem = CreateCompatibleDC(screen);
  if (!mem) {
    ReleaseDC(nullptr, screen);
    return LastError("CreateCompatibleDC");
  }
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
    err = LastError("CreateDIBSection");
  } else {
    HGDIOBJ old = SelectObject(mem, bmp);
    if (!BitBlt(mem, 0, 0, w, h, screen, x, y, SRCCOPY | CAPTUREBLT)) {
      err = LastError("BitBlt");
    } else {
      GdiFlush();  // the DIB's bits are only settled once GDI has finished with them
      out->width = w;
      out->height = h;
      out->rgba.resize(static_cast<size_t>(w) * h * 4);
      const uint8_t* src = static_cast<const uint8_t*>(bits);
      for (size_t i = 0; i < static_cast<size_t>(w) * h; i++) {  // BGRX -> RGBA
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
    DisplayRect d{static_cast<int>(list->size()), static_cast<int>(r.left),
                  static_cast<int>(r.top),        static_cast<int>(r.right - r.left),
                  static_cast<int>(r.bottom - r.top), (info.dwFlags & MONITORINFOF_PRIMARY) != 0};
    d.scale = ScaleOf(monitor);
    list->push_back(d);
  }
  return TRUE;
}

std::string ListDisplays(std::vector<DisplayRect>* out) {
  BeDpiAware();
  if (!EnumDisplayMonitors(nullptr, nullptr, AddMonitor, reinterpret_cast<LPARAM>(out))) {
    return LastError("EnumDisplayMonitors");
  }
  return "";
}

static std::string Utf8(const wchar_t* text) {
  int n = WideCharToMultiByte(CP_UTF8, 0, text, -1, nullptr, 0, nullptr, nullptr);
  if (n <= 1) return "";
  std::string out(static_cast<size_t>(n - 1), '\0');
  WideCharToMultiByte(CP_UTF8, 0, text, -1, &out[0], n, nullptr, nullptr);
  return out;
}

std::string WindowAt(int x, int y, WindowInfo* out) {
  BeDpiAware();
  HWND hit = WindowFromPoint(POINT{x, y});
  HWND root = hit ? GetAncestor(hit, GA_ROOT) : nullptr;
  wchar_t text[256] = L"";
  wchar_t cls[256] = L"";
  if (root) {
    GetWindowTextW(root, text, 256);
    GetClassNameW(root, cls, 256);
  }
  out->title = Utf8(text);
  out->class_name = Utf8(cls);
  // The desktop: nothing, the desktop window, or Explorer's (Progman, or WorkerW behind it).
  out->desktop = !root || root == GetDesktopWindow() || root == GetShellWindow() ||
                 out->class_name == "Progman" || out->class_name == "WorkerW";
  return "";
}

const char* BackendName() { return "gdi-bitblt"; }
