// N-API entry points: capture(x, y, width, height) -> { width, height, data: Buffer RGBA }
// and displays() -> [{ index, x, y, width, height, primary, scaleFactor }]. Errors are thrown as JS errors
// with the back-end's message; the TypeScript loader turns them into results.
#include <napi.h>
#include "capture.h"

static Napi::Value Capture(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 4 || !info[0].IsNumber() || !info[1].IsNumber() || !info[2].IsNumber() ||
      !info[3].IsNumber()) {
    Napi::TypeError::New(env, "capture(x, y, width, height) takes four numbers")
        .ThrowAsJavaScriptException();
    return env.Null();
  }
  int x = info[0].As<Napi::Number>().Int32Value();
  int y = info[1].As<Napi::Number>().Int32Value();
  int w = info[2].As<Napi::Number>().Int32Value();
  int h = info[3].As<Napi::Number>().Int32Value();
  if (w <= 0 || h <= 0 || w > 16384 || h > 16384) {
    Napi::RangeError::New(env, "width and height must be between 1 and 16384")
        .ThrowAsJavaScriptException();
    return env.Null();
  }
  Frame frame;
  std::string err = CaptureRect(x, y, w, h, &frame);
  if (!err.empty()) {
    Napi::Error::New(env, err).ThrowAsJavaScriptException();
    return env.Null();
  }
  Napi::Object result = Napi::Object::New(env);
  result.Set("width", frame.width);
  result.Set("height", frame.height);
  result.Set("data", Napi::Buffer<uint8_t>::Copy(env, frame.rgba.data(), frame.rgba.size()));
  return result;
}

static Napi::Value Displays(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::vector<DisplayRect> list;
  std::string err = ListDisplays(&list);
  if (!err.empty()) {
    Napi::Error::New(env, err).ThrowAsJavaScriptException();
    return env.Null();
  }
  Napi::Array out = Napi::Array::New(env, list.size());
  for (size_t i = 0; i < list.size(); i++) {
    Napi::Object d = Napi::Object::New(env);
    d.Set("index", list[i].index);
    d.Set("x", list[i].x);
    d.Set("y", list[i].y);
    d.Set("width", list[i].width);
    d.Set("height", list[i].height);
    d.Set("primary", list[i].primary);
    d.Set("scaleFactor", list[i].scale);
    out.Set(static_cast<uint32_t>(i), d);
  }
  return out;
}

#ifdef _WIN32
// windowAt(x, y) -> { title, className, desktop }: the top-level window at a screen point, so
// a region that shows the bare desktop (the POS window minimised or moved) is named as such.
static Napi::Value WindowAtPoint(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !info[0].IsNumber() || !info[1].IsNumber()) {
    Napi::TypeError::New(env, "windowAt(x, y) takes two numbers").ThrowAsJavaScriptException();
    return env.Null();
  }
  WindowInfo window;
  std::string err = WindowAt(info[0].As<Napi::Number>().Int32Value(),
                             info[1].As<Napi::Number>().Int32Value(), &window);
  if (!err.empty()) {
    Napi::Error::New(env, err).ThrowAsJavaScriptException();
    return env.Null();
  }
  Napi::Object result = Napi::Object::New(env);
  result.Set("title", window.title);
  result.Set("className", window.class_name);
  result.Set("desktop", window.desktop);
  return result;
}
#endif

static Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("capture", Napi::Function::New(env, Capture));
  exports.Set("displays", Napi::Function::New(env, Displays));
#ifdef _WIN32
  exports.Set("windowAt", Napi::Function::New(env, WindowAtPoint));
#endif
  exports.Set("backend", Napi::String::New(env, BackendName()));
  return exports;
}

NODE_API_MODULE(countersign_capture, Init)
