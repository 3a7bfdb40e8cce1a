#!/usr/bin/env bash
# The Debian package, built and installed as IT would: `cargo deb`, `dpkg -i`, then checked
# on this machine: kompas runs from /usr/bin, every file type of Kompas has Kompas as its
# default application, `man kompas` shows the page, the completions are in place, and
# desktop-file-validate and appstreamcli accept the desktop entry and the metainfo.
#
# Needs (apt): desktop-file-utils appstream shared-mime-info xdg-utils man-db dpkg-dev; and
# cargo-deb (installed here with `cargo install cargo-deb --locked` when missing).
#
#   tools/package-test.sh              # release build
#   KOMPAS_PROFILE=dev tools/package-test.sh   # the test build CI already has (faster)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${KOMPAS_PROFILE:-release}
dir=target/debug
[ "$profile" = release ] && dir=target/release
if ! cargo deb --version >/dev/null 2>&1; then
    cargo install cargo-deb --locked --quiet
fi
fail() { echo "FOUT  $*"; exit 1; }
ok() { echo "ok    $*"; }

cargo build --profile "$profile" --locked --quiet
"$dir/kompas" pakket-bestanden --out target/pakket >/dev/null
desktop-file-validate assets/package/kompas.desktop || fail "desktop-file-validate"
appstreamcli validate --no-net assets/package/nl.kompas.Kompas.metainfo.xml >/dev/null \
    || fail "appstreamcli validate"
ok "desktop-file-validate en appstreamcli validate"
deb=$(cargo deb --no-build --profile "$profile" --locked 2>/dev/null | tail -n 1)
[ -f "$deb" ] || fail "geen pakket gebouwd ($deb)"
ok "pakket: $deb ($(du -h "$deb" | cut -f1))"
dpkg -i "$deb" >/dev/null || { apt-get install -f -y -qq >/dev/null; dpkg -i "$deb" >/dev/null; }
ok "geïnstalleerd met dpkg -i"

[ "$(command -v kompas)" = /usr/bin/kompas ] || fail "kompas staat niet in /usr/bin"
/usr/bin/kompas check | grep -q "441" || fail "kompas check vanuit /usr/bin"
ok "/usr/bin/kompas check: $(/usr/bin/kompas check | head -n 1)"

# File types: the MIME database knows them and names Kompas as their application.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/kompas voortgang --help >/dev/null
printf '(\n    format: 2,\n    kind: Uitnodiging,\n    partner: "P",\n)\n' >"$tmp/oud.ron"
printf '(\n    format: 2,\n    kind: Uitnodiging,\n    partner: "P",\n)\n' >"$tmp/x.kompas-uitnodiging"
printf '(\n    format: 2,\n    kind: Reactie,\n    partner: "P",\n)\n' >"$tmp/x.kompas-reactie"
for pair in "x.kompas-uitnodiging application/x-kompas-uitnodiging" \
    "x.kompas-reactie application/x-kompas-reactie" \
    "oud.ron application/x-kompas-uitnodiging"; do
    set -- $pair
    got=$(xdg-mime query filetype "$tmp/$1")
    [ "$got" = "$2" ] || fail "$1 is $got, niet $2"
done
ok "bestandstypen: .kompas-uitnodiging, .kompas-reactie en een .ron-uitnodiging herkend"
for mime in application/x-kompas-uitnodiging application/x-kompas-reactie application/x-kompas \
    application/x-freemind text/x-opml+xml; do
    got=$(xdg-mime query default "$mime")
    [ "$got" = kompas.desktop ] || fail "xdg-mime query default $mime: '$got'"
done
ok "xdg-mime query default: kompas.desktop voor alle vijf de typen"

# A slimmed machine (Docker's Debian images) may tell dpkg to leave out every man page; then
# the page is checked in the package instead of through man.
if grep -qs "path-exclude.*/usr/share/man" /etc/dpkg/dpkg.cfg.d/*; then
    dpkg-deb -c "$deb" | grep -q "usr/share/man/man1/kompas.1" || fail "geen man-pagina in het pakket"
    ok "man-pagina in het pakket (deze machine installeert geen man-pagina's)"
else
    man -w kompas >/dev/null || fail "man kompas"
    MANWIDTH=80 man kompas 2>/dev/null | grep -q "pakket-bestanden" && fail "de verborgen opdracht staat in de man-pagina"
    MANWIDTH=80 man kompas 2>/dev/null | grep -q "review" || fail "man kompas noemt de opdrachten niet"
    man -w kompas-review-export >/dev/null || fail "man kompas-review-export"
    ok "man kompas (en een pagina per opdracht)"
fi
for f in /usr/share/bash-completion/completions/kompas /usr/share/zsh/vendor-completions/_kompas \
    /usr/share/fish/vendor_completions.d/kompas.fish /usr/share/icons/hicolor/16x16/apps/kompas.png \
    /usr/share/icons/hicolor/scalable/apps/kompas.svg /usr/share/applications/kompas.desktop \
    /usr/share/metainfo/nl.kompas.Kompas.metainfo.xml; do
    [ -f "$f" ] || fail "ontbreekt: $f"
done
bash -c 'source /usr/share/bash-completion/completions/kompas && complete -p kompas' >/dev/null \
    || fail "bash-aanvulling laadt niet"
ok "aanvullingen (bash, zsh, fish), pictogrammen, menu-item en metainfo geïnstalleerd"
echo "pakket: alles geslaagd"
