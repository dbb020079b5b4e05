{
  "targets": [
    {
      "target_name": "countersign_capture",
      "sources": ["src/addon.cc"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_DISABLE_CPP_EXCEPTIONS"],
      "conditions": [
        ["OS=='linux'", {
          "sources": ["src/capture-x11.cc"],
          "libraries": ["-lX11", "-lXext"]
        }],
        ["OS=='win'", {
          "sources": ["src/capture-win.cc"],
          "libraries": ["gdi32.lib", "user32.lib"]
        }],
        ["OS=='mac'", {
          "sources": ["src/capture-mac.cc"],
          "libraries": ["-framework CoreGraphics", "-framework CoreFoundation"]
        }]
      ]
    }
  ]
}
