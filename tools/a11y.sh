#!/usr/bin/env bash
# Screen-reader journeys through AT-SPI: every tests/a11y/*.scn against a release build, each
# in its own X display, D-Bus session and empty HOME (../shared/tools/a11y-run).
#
# Needs (Debian): at-spi2-core python3-pyatspi dbus-x11 libatk-adaptor gir1.2-atspi-2.0
# libglib2.0-bin xvfb xdotool imagemagick (see ../shared/tools/README.md).
#
#   tools/a11y.sh               # all journeys
#   tools/a11y.sh tests/a11y/search.scn
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=${A11Y_RUN:-../shared/tools/a11y-run}
if [ ! -x "$RUN" ]; then
    echo "a11y.sh: $RUN ontbreekt (../shared naast de repository)" >&2
    exit 2
fi
# KOMPAS_BIN: a binary already built (CI uses the debug build `cargo test` made).
BIN=${KOMPAS_BIN:-}
if [ -z "$BIN" ]; then
    cargo build --release --quiet
    BIN=target/release/kompas
fi
journeys=("$@")
[ ${#journeys[@]} -eq 0 ] && journeys=(tests/a11y/*.scn)
failed=0
for scn in "${journeys[@]}"; do
    out=$(timeout 180 "$RUN" "$scn" -- "$BIN" 2>&1) || {
        failed=$((failed + 1))
        echo "FOUT  $scn"
        echo "$out" | grep -E '^(FAIL|ok)' | grep -B3 -A1 FAIL | head -20
        continue
    }
    echo "ok    $scn: $(echo "$out" | grep -E '^[0-9]+ passed' | tail -1)"
done
echo "$(( ${#journeys[@]} - failed )) van ${#journeys[@]} tochten geslaagd"
[ "$failed" -eq 0 ]
