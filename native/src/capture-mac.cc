// macOS back-end: CoreGraphics CGDisplayCreateImageForRect per display.
// UNTESTED: written against the CoreGraphics C API; no Mac was available. Needs the Screen
// Recording permission. CGDisplayCreateImageForRect is deprecated on macOS 14+ in favour of
// ScreenCaptureKit, which this back-end does not use yet.
#include <CoreGraphics/CoreGraphics.h>
#include "capture.h"

std::string CaptureRect(int x, int y, int w, int h, Frame* out) {
  CGImageRef image =
      CGDisplayCreateImageForRect(CGMainDisplayID(), CGRectMake(x, y, w, h));
  if (!image) return "CGDisplayCreateImageForRect failed (Screen Recording permission?)";
  out->width = static_cast<int>(CGImageGetWidth(image));
  out->height = static_cast<int>(CGImageGetHeight(image));
  out->rgba.assign(static_cast<size_t>(out->width) * out->height * 4, 0);
  CGColorSpaceRef space = CGColorSpaceCreateDeviceRGB();
  CGContextRef ctx = CGBitmapContextCreate(out->rgba.data(), out->width, out->height, 8,
                                           out->width * 4, space,
                                           kCGImageAlphaPremultipliedLast | kCGBitmapByteOrder32Big);
  CGContextDrawImage(ctx, CGRectMake(0, 0, out->width, out->height), image);
  CGContextRelease(ctx);
  CGColorSpaceRelease(space);
  CGImageRelease(image);
  return "";
}

std::string ListDisplays(std::vector<DisplayRect>* out) {
  CGDirectDisplayID ids[16];
  uint32_t count = 0;
  if (CGGetActiveDisplayList(16, ids, &count) != kCGErrorSuccess) return "CGGetActiveDisplayList failed";
  for (uint32_t i = 0; i < count; i++) {
    CGRect b = CGDisplayBounds(ids[i]);
    out->push_back({static_cast<int>(i), static_cast<int>(b.origin.x), static_cast<int>(b.origin.y),
                    static_cast<int>(b.size.width), static_cast<int>(b.size.height),
                    CGDisplayIsMain(ids[i]) != 0});
  }
  return "";
}

const char* BackendName() { return "coregraphics"; }
