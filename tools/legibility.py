#!/usr/bin/env python3
"""Legibility, measured: render views of a compass, scale each picture down as a reader at a
distance sees it, read it back with OCR, and report the share of title words read back.

Needs Debian's tesseract-ocr, tesseract-ocr-nld and imagemagick, and a release build:

    cargo build --release
    python3 tools/legibility.py --scale 70 --size 1280x720                # the desk compass
    python3 tools/legibility.py --presenting --scale 40 --size 1280x720    # every step of F5

Words are compared case-blind without accents and punctuation; a title word counts as read
when OCR found it anywhere in the picture of a step that shows that title. Prints one line per
picture and a total, and with --json the figures for BENCHMARKS.md.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("KOMPAS_BIN", os.path.join(ROOT, "target", "release", "kompas"))


def fold(word):
    word = unicodedata.normalize("NFKD", word)
    word = "".join(c for c in word if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]", "", word.lower())


def words(text):
    return [w for w in (fold(t) for t in re.split(r"[\s/\-–—]+", text)) if w]


def titles(path, depth_max, workdir):
    """(id, depth, title) of the elements down to depth_max, read from `kompas export`."""
    import xml.etree.ElementTree as ET

    opml = os.path.join(workdir, "kompas.opml")
    subprocess.run(
        [BIN, "export", "--format", "opml", "--out", opml] + ([path] if path else []),
        check=True,
        capture_output=True,
    )
    rows = []

    def walk(node, depth):
        for child in node.findall("outline"):
            rows.append((child.get("kompas-id", ""), depth, child.get("text", "")))
            if depth < depth_max:
                walk(child, depth + 1)

    walk(ET.parse(opml).getroot().find("body"), 0)
    return rows


def ocr(png, scale, workdir):
    scaled = os.path.join(workdir, "klein.png")
    subprocess.run(["convert", png, "-resize", f"{scale}%", scaled], check=True)
    text = subprocess.run(
        ["tesseract", scaled, "-", "-l", "nld", "--psm", "11"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(words(text))


def render(view, size, theme, path, out, presenting=False):
    cmd = [BIN, "render", "--out", out, "--size", size, "--theme", theme]
    if view:
        cmd += ["--view", view]
    if presenting:
        cmd += ["--presenting"]
    if path:
        cmd += [path]
    subprocess.run(cmd, check=True, capture_output=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", default="1280x720")
    ap.add_argument("--scale", type=int, default=70)
    ap.add_argument("--theme", default="licht")
    ap.add_argument("--presenting", action="store_true", help="every step of presenting")
    ap.add_argument("--keep", help="keep the pictures in this folder")
    ap.add_argument(
        "--depth",
        type=int,
        default=2,
        help="titles down to this level (2: koersen; 3: hoofdinspanningen too)",
    )
    ap.add_argument("--json", action="store_true")
    ap.add_argument("path", nargs="?", help="compass; default the built-in Sociaal Kompas")
    a = ap.parse_args()

    workdir = a.keep or tempfile.mkdtemp(prefix="leesbaarheid-")
    os.makedirs(workdir, exist_ok=True)
    expected = {ident: words(title) for ident, _depth, title in titles(a.path, a.depth, workdir)}
    pictures = []
    if a.presenting:
        subprocess.run(
            [BIN, "render", "--presenting", "--out", workdir, "--size", a.size, "--theme", a.theme]
            + ([a.path] if a.path else []),
            check=True,
            capture_output=True,
        )
        pictures = sorted(
            os.path.join(workdir, f) for f in os.listdir(workdir) if f.endswith(".png") and f[0].isdigit()
        )
    else:
        png = os.path.join(workdir, "kompas.png")
        render(None, a.size, a.theme, a.path, png)
        pictures = [png]

    read_total, want_total = 0, 0
    per_picture = []
    seen = set()
    for png in pictures:
        found = ocr(png, a.scale, workdir)
        seen |= found
        per_picture.append((os.path.basename(png), len(found)))
    for ident, ws in expected.items():
        want_total += len(ws)
        read_total += sum(1 for w in ws if w in seen)
        missing = [w for w in ws if w not in seen]
        if missing and not a.json:
            print(f"  {ident}: niet gelezen: {' '.join(missing)}")
    share = read_total / want_total if want_total else 0.0
    result = {
        "size": a.size,
        "scale": a.scale,
        "theme": a.theme,
        "depth": a.depth,
        "presenting": a.presenting,
        "pictures": len(pictures),
        "title_words": want_total,
        "read": read_total,
        "share": round(share * 100, 1),
    }
    if a.json:
        print(json.dumps(result))
    else:
        print(
            f"{a.size}, {a.theme}, geschaald naar {a.scale}%: {read_total} van {want_total} "
            f"titelwoorden gelezen ({share:.0%}) in {len(pictures)} afbeelding(en); {workdir}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
