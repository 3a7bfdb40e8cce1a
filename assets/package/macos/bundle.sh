#!/usr/bin/env bash
# Kompas.app and Kompas.dmg from a built binary (macOS only: iconutil and hdiutil).
#   assets/package/macos/bundle.sh target/release/kompas target/macos
set -euo pipefail
bin=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
app="$out/Kompas.app"
rm -rf "$out" && mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
cp "$bin" "$app/Contents/MacOS/kompas"
cp "$here/Info.plist" "$app/Contents/Info.plist"
set_dir="$out/kompas.iconset"
mkdir -p "$set_dir"
for s in 16 32 128 256; do
    cp "$root/assets/package/icons/kompas-$s.png" "$set_dir/icon_${s}x${s}.png"
done
cp "$root/assets/package/icons/kompas-32.png" "$set_dir/icon_16x16@2x.png"
cp "$root/assets/package/icons/kompas-64.png" "$set_dir/icon_32x32@2x.png"
cp "$root/assets/package/icons/kompas-256.png" "$set_dir/icon_128x128@2x.png"
iconutil -c icns "$set_dir" -o "$app/Contents/Resources/kompas.icns"
hdiutil create -volname Kompas -srcfolder "$app" -ov -format UDZO "$out/Kompas.dmg"
