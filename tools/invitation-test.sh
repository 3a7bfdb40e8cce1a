#!/usr/bin/env bash
# The partner's invitation as one web page, in a real browser (tools/browser/invitation.mjs):
# the municipality exports it with `kompas review export --format html`; a partner answers
# two inspanningen by keyboard in chromium, reloads, saves the reaction file; the
# municipality imports that file with `kompas review import` and finds the words in its notes.
#
# Needs: chromium (Debian package), node and npm (see tools/site-test.sh).
#
#   tools/invitation-test.sh                 # builds kompas (release) first
#   KOMPAS_BIN=target/debug/kompas tools/invitation-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=tools/browser/prepare.sh
. tools/browser/prepare.sh
dir=target/uitnodiging
rm -rf "$dir" && mkdir -p "$dir/terug"
# The municipality's notes: two inspanningen for Welzijn (one with a note that tries to run a
# script), one for Sport that Welzijn must not see.
cat >"$dir/notities.ron" <<'RON'
(
    format: 2,
    notes: {
        "1.1.1.1": (note: "<img src=x onerror=alert(1)><script>alert(2)</script> graag voor 1 mei", partners: ["Welzijn Voorburg"]),
        "1.1.1.2": (partners: ["Welzijn Voorburg"]),
        "1.5.2.3": (note: "ALLEEN-SPORT", partners: ["Sportservice"]),
    },
)
RON
"$BIN" review export --partner "Welzijn Voorburg" --format html --met-notities --by "Anna (gemeente)" \
    --out "$dir/uitnodiging.html" --notes "$dir/notities.ron"
size=$(stat -c %s "$dir/uitnodiging.html")
echo "ok    uitnodiging: $size bytes"
if grep -q "1\.5\.2\.3\|ALLEEN-SPORT" "$dir/uitnodiging.html"; then
    echo "FOUT  de uitnodiging toont wat aan een andere partner is toegewezen"; exit 1
fi
node tools/browser/invitation.mjs "$dir/uitnodiging.html" "$dir/terug" target/site-shots
"$BIN" review import "$dir"/terug/*.kompas-reactie --by "Anna (gemeente)" --notes "$dir/notities.ron" | tee "$dir/import.txt"
"$BIN" notes export --format csv --notes "$dir/notities.ron" --out "$dir/notities.csv"
for words in 'Loopt goed; ""tien"" buurten\wijken bereikt.' 'Nog niet begonnen <b>wel</b> gepland.' 'Piet de Vries'; do
    if ! grep -qF "$words" "$dir/notities.csv"; then
        echo "FOUT  na het inlezen ontbreekt: $words"; exit 1
    fi
done
echo "ok    ingelezen: de reacties staan woord voor woord in de notities van de gemeente"
