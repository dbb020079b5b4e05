// The mingw build imports Node-API from NODE.EXE (the name in node-api-headers' .def files),
// delay-loaded: when the addon first calls Node-API, this hook hands back the running
// executable instead, so the same .node file loads in node.exe and in electron.exe (which
// exports Node-API under its own name). node-gyp's win_delay_load_hook.cc does the same for MSVC.
#include <windows.h>
#include <delayimp.h>
#include <cstring>

static FARPROC WINAPI LoadHook(unsigned event, PDelayLoadInfo info) {
  if (event == dliNotePreLoadLibrary && _stricmp(info->szDll, "NODE.EXE") == 0) {
    return reinterpret_cast<FARPROC>(GetModuleHandleW(nullptr));
  }
  return nullptr;
}

// Declared extern "C" by delayimp.h; this definition replaces mingw's empty one.
PfnDliHook __pfnDliNotifyHook2 = LoadHook;
