/*
 * bcryptprimitives.dll for Wine 8 (Debian 12), which lacks it: ProcessPrng is all that Rust's
 * standard library (librsvg in sharp's libvips-42.dll) and Go's runtime (esbuild.exe, which tsx
 * starts) import from it, and without it neither loads. Real Windows 10+ and Wine 9+ have the
 * DLL; the Windows tests copy this one into their Wine prefix only (docs/windows.md).
 */
#include <windows.h>

/* advapi32's RtlGenRandom, the documented CSPRNG that ProcessPrng wraps on Windows. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* Fills data with len random bytes; like Windows' own, it never fails. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len > 0) {
    ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
    if (!SystemFunction036(data, chunk)) RaiseException(STATUS_NO_MEMORY, EXCEPTION_NONCONTINUABLE, 0, NULL);
    data += chunk;
    len -= chunk;
  }
  return TRUE;
}
