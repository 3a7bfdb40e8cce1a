#!/usr/bin/env bash
# Start-up as the user meets it: the real binary under Xvfb (1920x1080), measured from
# outside by ../shared/tools/startup-measure.py, a fresh HOME per run, one warm-up, then
# RUNS runs per compass. Prints one line per run (JSON) and a median line per compass.
#
#   tools/startup.sh [PATH...]      (no PATH: the built-in Sociaal Kompas)
#   KOMPAS_BIN=target/release/kompas RUNS=3 tools/startup.sh kompas.mm big.mm
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${KOMPAS_BIN:-$here/target/release/kompas}
measure=${MEASURE:-$here/../shared/tools/startup-measure.py}
runs=${RUNS:-3}
display=:${DISPLAY_NUM:-93}
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
export DISPLAY=$display
# Xvfb's pointer rests in the middle of the screen, over the compass: after half a second a
# tooltip fades in there (about ten frames), which counts in "ready" as it would for a user
# whose pointer rests on the compass.
paths=("$@")
[ ${#paths[@]} -eq 0 ] && paths=("")
for path in "${paths[@]}"; do
  label=${path:-ingebouwd}
  results=()
  for run in $(seq 0 "$runs"); do
    home=$(mktemp -d)
    args=("$bin")
    [ -n "$path" ] && args+=("$path")
    out=$(HOME=$home KOMPAS_TIJDEN=1 python3 "$measure" --label "$label" --log "$home/log" -- "${args[@]}")
    if [ "$run" -gt 0 ]; then
      echo "$out"
      results+=("$out")
    fi
    # The app's own breakdown (loaded, prepared, first frame), for the first measured run.
    # (head reads the file itself: `sed | head` ended the script on sed's SIGPIPE under
    # pipefail, after the first compass of several.)
    if [ "$run" -eq 1 ]; then head -n 8 "$home/log" | sed 's/^/  # /' >&2; fi
    rm -rf "$home"
  done
  printf '%s\n' "${results[@]}" | python3 -c '
import json, statistics, sys
rows = [json.loads(l) for l in sys.stdin if l.strip()]
if not rows:
    sys.exit("geen metingen")
def med(k):
    v = [r[k] for r in rows if r.get(k) is not None]
    return statistics.median(v) if v else None
print(json.dumps({"label": rows[0].get("label"), "runs": len(rows),
  "window_ms_median": med("window_ms"), "idle_ms_median": med("idle_ms"),
  "rss_mib_median": round(med("rss_kb_end") / 1024, 1) if med("rss_kb_end") is not None else None,
  "window_ms": [r.get("window_ms") for r in rows], "idle_ms": [r.get("idle_ms") for r in rows]}))'
done
