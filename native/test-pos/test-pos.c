/*
 * A Windows test POS: a plain Win32 program that shows an order grid drawn with GDI text, the
 * way legacy Windows POS programs draw theirs, so the Windows tests have a real window to
 * capture (run under Wine on Linux; see docs/windows.md). Built with mingw by
 * native/build-windows.mjs.
 *
 *   test-pos.exe ORDER_FILE [X Y]
 *
 * ORDER_FILE is UTF-8, one grid row a line, cells separated by tabs: the name left-aligned, up
 * to three more cells right-aligned (quantity, unit price, amount). The first row is the
 * header; a row starting with '!' is drawn bold (the total). Fonts: "SimSun" for rows with
 * CJK text, "Tahoma" otherwise, at 15 px per 96 DPI, so the grid scales with the DPI.
 *
 * The program is DPI aware: it prints its client area in physical screen pixels,
 * "READY x y width height dpi", on stdout once painted. Commands on stdin, one a line:
 * "move X Y", "minimise", "restore", "quit"; each answers "OK x y width height dpi" (or
 * "MINIMISED") once done.
 */
#define UNICODE
#define _UNICODE
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROWS 64
#define MAX_CELLS 4
#define WM_COMMAND_LINE (WM_APP + 1)

static WCHAR cells[MAX_ROWS][MAX_CELLS][128];
static int bold[MAX_ROWS];
static int cjk[MAX_ROWS];
static int rows;
static int dpi = 96;
static int painted;

static int Px(int at96) { return MulDiv(at96, dpi, 96); }

static void Fail(const char *what) {
  fprintf(stderr, "test-pos: %s (Windows error %lu)\n", what, GetLastError());
  fflush(stderr);
  exit(1);
}

static void LoadOrder(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "test-pos: cannot open %s\n", path);
    exit(1);
  }
  char line[1024];
  while (rows < MAX_ROWS && fgets(line, sizeof line, f)) {
    line[strcspn(line, "\r\n")] = 0;
    if (!line[0]) continue;
    char *text = line;
    if (*text == '!') {
      bold[rows] = 1;
      text++;
    }
    int cell = 0;
    for (char *part = text; part && cell < MAX_CELLS; cell++) {
      char *tab = strchr(part, '\t');
      if (tab) *tab = 0;
      MultiByteToWideChar(CP_UTF8, 0, part, -1, cells[rows][cell], 128);
      for (WCHAR *c = cells[rows][cell]; *c; c++)
        if (*c >= 0x2E80) cjk[rows] = 1;
      part = tab ? tab + 1 : NULL;
    }
    rows++;
  }
  fclose(f);
}

/* The client area's origin and size in screen pixels. */
static void ClientRectOnScreen(HWND hwnd, RECT *r) {
  POINT origin = {0, 0};
  GetClientRect(hwnd, r);
  ClientToScreen(hwnd, &origin);
  OffsetRect(r, origin.x, origin.y);
}

static void Report(HWND hwnd, const char *word) {
  if (IsIconic(hwnd)) {
    printf("%s MINIMISED\n", word);
  } else {
    RECT r;
    ClientRectOnScreen(hwnd, &r);
    printf("%s %ld %ld %ld %ld %d\n", word, r.left, r.top, r.right - r.left, r.bottom - r.top,
           dpi);
  }
  fflush(stdout);
}

static HFONT MakeFont(const WCHAR *face, int weight, BYTE charset) {
  return CreateFontW(-Px(15), 0, 0, 0, weight, 0, 0, 0, charset, OUT_TT_PRECIS,
                     CLIP_DEFAULT_PRECIS, ANTIALIASED_QUALITY, DEFAULT_PITCH | FF_DONTCARE, face);
}

static void Paint(HWND hwnd) {
  PAINTSTRUCT ps;
  HDC dc = BeginPaint(hwnd, &ps);
  RECT client;
  GetClientRect(hwnd, &client);
  HBRUSH bg = CreateSolidBrush(RGB(255, 255, 244));
  FillRect(dc, &client, bg);
  DeleteObject(bg);
  HFONT fonts[2][2] = {
      {MakeFont(L"Tahoma", FW_NORMAL, ANSI_CHARSET), MakeFont(L"Tahoma", FW_BOLD, ANSI_CHARSET)},
      {MakeFont(L"SimSun", FW_NORMAL, GB2312_CHARSET),
       MakeFont(L"SimSun", FW_BOLD, GB2312_CHARSET)}};
  HPEN rule = CreatePen(PS_SOLID, 1, RGB(150, 150, 150));
  HGDIOBJ old_font = SelectObject(dc, fonts[0][0]);
  HGDIOBJ old_pen = SelectObject(dc, rule);
  SetBkMode(dc, TRANSPARENT);
  SetTextColor(dc, RGB(17, 17, 17));
  const int width = client.right;
  const int right[MAX_CELLS] = {0, width * 55 / 100, width * 75 / 100, width - Px(24)};
  const int line = Px(28);
  for (int i = 0; i < rows; i++) {
    const int top = Px(8) + i * line;
    SelectObject(dc, fonts[cjk[i]][bold[i]]);
    for (int c = 0; c < MAX_CELLS; c++) {
      if (!cells[i][c][0]) continue;
      SetTextAlign(dc, c == 0 ? TA_LEFT | TA_TOP : TA_RIGHT | TA_TOP);
      TextOutW(dc, c == 0 ? Px(24) : right[c], top, cells[i][c], (int)wcslen(cells[i][c]));
    }
    if (i + 1 < rows) { /* grid rules between rows, as POS grids draw them */
      MoveToEx(dc, Px(12), top + line - Px(6), NULL);
      LineTo(dc, width - Px(12), top + line - Px(6));
    }
  }
  SelectObject(dc, old_font);
  SelectObject(dc, old_pen);
  for (int b = 0; b < 2; b++)
    for (int w = 0; w < 2; w++) DeleteObject(fonts[b][w]);
  DeleteObject(rule);
  EndPaint(hwnd, &ps);
  if (!painted) {
    painted = 1;
    GdiFlush();
    Report(hwnd, "READY");
  }
}

static void RunCommand(HWND hwnd, char *command) {
  int x, y;
  if (sscanf(command, "move %d %d", &x, &y) == 2) {
    SetWindowPos(hwnd, NULL, x, y, 0, 0, SWP_NOSIZE | SWP_NOZORDER);
    UpdateWindow(hwnd);
  } else if (strcmp(command, "minimise") == 0) {
    ShowWindow(hwnd, SW_MINIMIZE);
  } else if (strcmp(command, "restore") == 0) {
    ShowWindow(hwnd, SW_RESTORE);
    UpdateWindow(hwnd);
  } else if (strcmp(command, "quit") == 0) {
    DestroyWindow(hwnd);
    return;
  } else {
    printf("ERROR unknown command: %s\n", command);
    fflush(stdout);
    return;
  }
  GdiFlush();
  Report(hwnd, "OK");
}

static LRESULT CALLBACK WindowProc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp) {
  switch (msg) {
    case WM_PAINT:
      Paint(hwnd);
      return 0;
    case WM_COMMAND_LINE:
      RunCommand(hwnd, (char *)lp);
      free((char *)lp);
      return 0;
    case WM_DESTROY:
      PostQuitMessage(0);
      return 0;
  }
  return DefWindowProcW(hwnd, msg, wp, lp);
}

/* Reads stdin on its own thread and hands each line to the window's thread. */
static DWORD WINAPI ReadCommands(LPVOID hwnd) {
  char line[256];
  while (fgets(line, sizeof line, stdin)) {
    line[strcspn(line, "\r\n")] = 0;
    PostMessageW((HWND)hwnd, WM_COMMAND_LINE, 0, (LPARAM)_strdup(line));
  }
  PostMessageW((HWND)hwnd, WM_CLOSE, 0, 0); /* stdin closed: the test is gone */
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 2 && argc != 4) {
    fprintf(stderr, "usage: test-pos.exe ORDER_FILE [X Y]\n");
    return 2;
  }
  SetProcessDPIAware();
  HDC screen = GetDC(NULL);
  dpi = GetDeviceCaps(screen, LOGPIXELSY);
  ReleaseDC(NULL, screen);
  LoadOrder(argv[1]);
  const int x = argc == 4 ? atoi(argv[2]) : 40;
  const int y = argc == 4 ? atoi(argv[3]) : 40;

  WNDCLASSW wc = {0};
  wc.lpfnWndProc = WindowProc;
  wc.hInstance = GetModuleHandleW(NULL);
  wc.hCursor = LoadCursor(NULL, IDC_ARROW);
  wc.lpszClassName = L"CountersignTestPos";
  if (!RegisterClassW(&wc)) Fail("RegisterClass");
  /* A 600x400 (at 96 DPI) client area, the size the capture benchmark grabs. */
  RECT frame = {0, 0, Px(600), Px(400)};
  const DWORD style = WS_OVERLAPPED | WS_CAPTION | WS_SYSMENU | WS_MINIMIZEBOX;
  AdjustWindowRect(&frame, style, FALSE);
  HWND hwnd = CreateWindowW(L"CountersignTestPos", L"Countersign Test POS", style, x, y,
                            frame.right - frame.left, frame.bottom - frame.top, NULL, NULL,
                            wc.hInstance, NULL);
  if (!hwnd) Fail("CreateWindow");
  ShowWindow(hwnd, SW_SHOWNORMAL);
  UpdateWindow(hwnd);
  CloseHandle(CreateThread(NULL, 0, ReadCommands, hwnd, 0, NULL));
  MSG msg;
  while (GetMessageW(&msg, NULL, 0, 0) > 0) {
    TranslateMessage(&msg);
    DispatchMessageW(&msg);
  }
  return 0;
}
