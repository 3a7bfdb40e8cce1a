#!/usr/bin/env bash
# The published website in a real browser: `kompas publish` of both built-in compasses, then
# every page through axe-core in Debian's chromium (0 violations), reflow at 320 px, nothing
# fetched from elsewhere, and a keyboard walk (tools/browser/site.mjs). Screenshots at 1280
# and 375 px go to target/site-shots to look at.
#
# Needs: chromium (Debian package), node and npm; the npm packages are installed here from
# tools/browser/package-lock.json.
#
#   tools/site-test.sh                 # builds kompas (release) first
#   KOMPAS_BIN=target/debug/kompas tools/site-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=tools/browser/prepare.sh
. tools/browser/prepare.sh
# The Sociaal Kompas (built in) with screenshots, and Oegstgeest: nothing in the site may
# hold only for one compass.
site=target/site
rm -rf "$site" "$site-oegstgeest"
"$BIN" publish --out "$site"
node tools/browser/site.mjs "$site" target/site-shots
"$BIN" publish --out "$site-oegstgeest" kompas/oegstgeest-sociaal-domein
node tools/browser/site.mjs "$site-oegstgeest"
# The jaarverslag as a web page, with a year's records from a spreadsheet.
report=target/jaarverslag
rm -rf "$report" && mkdir -p "$report"
printf 'id;jaar;status;voortgang\n1.1.1.1;2019;afgerond;Tien buurten bereikt\n1.2.1.1;2019;vervallen;\n' >"$report/2019.csv"
"$BIN" voortgang import "$report/2019.csv" --notes "$report/notities.ron" >/dev/null
"$BIN" jaarverslag --jaar 2019 --format html --out "$report/jaarverslag.html" --notes "$report/notities.ron"
node tools/browser/site.mjs "$report"
