#!/usr/bin/env python3
"""One-off conversion of the Sociaal Kompas 2017-2020 text (PDF extraction) into RON files.

Run from the repository root:

    python3 tools/convert_sociaal_kompas.py ../shared/seeds/004_b77abfd16596be1b.txt \
        kompas/leidschendam-voorburg-2017-2020

After the conversion the RON files are the source of truth; this script only documents how
they were made and can be rerun to check that nothing was lost. It repairs the extraction only:

* lines that the PDF wrapped are joined (a line ending in a hyphen without a trailing space is
  joined without a space: "sociaal-" + "emotionele" -> "sociaal-emotionele");
* runs of spaces become one space;
* eight bullets that are really the continuation of the previous bullet (the extraction put a
  bullet glyph before a wrapped line) are joined to it, see CONTINUATION_BULLETS;
* the stray fragment "Goede voorbeeld." in koers 2.1 is dropped, see DEBRIS;
* "kompas.ron" is written by hand (metadata, level names, colours) and not touched here.

The script checks the counts the municipality's document has (4 / 16 / 71 / 441, 82 begrippen)
and stops with an error if they do not come out exactly.
"""

import re
import sys
from pathlib import Path

BULLET = "\uf0b7"

# Bullets that continue the previous inspanning (matched on the start of the bullet's text).
CONTINUATION_BULLETS = [
    "met opvoedvragen, eenzaamheid en dementie bij cliënten.",
    "personen die kunnen optreden als vertegenwoordiger van een cliënt.",
    "en vaardigheden. De schuldenaar blijft altijd probleemeigenaar.",
    "Uitvoeringsprogramma doelgroepenvervoer Haaglanden.",
    "maatschappelijke functie, de zelfredzaamheid en duurzame levensvatbaarheid van",
    "acceptatie.",
    "toegankelijkheid oversteekplaatsen en drempels bij een winkelgebied.",
    "(tijdelijk, op- en afschalen) en waarbij ook oog is voor de bijzondere doelgroepen",
]

# Bullets that are extraction debris, not inspanningen.
DEBRIS = ["Goede voorbeeld."]

EXPECTED_PER_HOOFDDOEL = {1: (5, 22, 120), 2: (5, 22, 133), 3: (3, 11, 62), 4: (3, 16, 126)}
EXPECTED_BEGRIPPEN = 82


def clean(line: str) -> str:
    """The visible text of a line, with runs of spaces collapsed."""
    return re.sub(r"\s+", " ", line).strip()


class Wrapped:
    """Accumulates the raw lines of one wrapped item and joins them as the PDF meant."""

    def __init__(self, first: str):
        self.text = clean(first)
        self.hyphen_open = first.rstrip("\n").endswith("-")

    def add(self, raw: str) -> None:
        text = clean(raw)
        if not text:
            return
        if self.hyphen_open:
            self.text += text
        else:
            self.text += " " + text
        self.hyphen_open = raw.rstrip("\n").endswith("-")


def ron_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def parse_tree(lines: list[str]):
    start = next(i for i, l in enumerate(lines) if l.startswith("Hoofddoel 1. "))
    end = next(i for i, l in enumerate(lines) if l.startswith("Samenvatting Sociaal Kompas"))
    hoofddoelen = []
    state = None  # "hoofddoel", "intro", "hi", "insp"
    current = None  # the Wrapped being filled
    dropped = []
    joined = []

    def expect_koers():
        if not hoofddoelen:
            return None
        h = hoofddoelen[-1]
        return f"{h['n']}.{len(h['koersen']) + 1}"

    for raw in lines[start:end]:
        line = raw.rstrip("\n")
        text = clean(line)
        if not text:
            continue
        m_h = re.match(r"^(?:Hoofddoel )?(\d)\. (.*)$", text)
        if m_h and int(m_h.group(1)) == len(hoofddoelen) + 1:
            current = Wrapped(line.split(". ", 1)[1])
            hoofddoelen.append({"n": int(m_h.group(1)), "title": current, "koersen": []})
            state = "hoofddoel"
            continue
        m_k = re.match(r"^(?:Koers )?(\d)\.(\d)\.? (.*)$", text)
        if m_k and f"{m_k.group(1)}.{m_k.group(2)}" == expect_koers():
            koers = {"n": f"{m_k.group(1)}.{m_k.group(2)}", "title": clean(m_k.group(3)),
                     "intro": None, "his": []}
            hoofddoelen[-1]["koersen"].append(koers)
            state = "koers"
            current = None
            continue
        koers = hoofddoelen[-1]["koersen"][-1] if hoofddoelen and hoofddoelen[-1]["koersen"] else None
        if text == "Dit wordt gerealiseerd door:":
            state = "his"
            current = None
            continue
        m_hi = re.match(r"^([A-H])\. (.*)$", text)
        if state in ("his", "hi", "insp") and m_hi and ord(m_hi.group(1)) - ord("A") == len(koers["his"]):
            current = Wrapped(line.split(". ", 1)[1])
            koers["his"].append({"label": m_hi.group(1), "title": current, "insp": []})
            state = "hi"
            continue
        if text.startswith(BULLET):
            body_raw = line.split(BULLET, 1)[1]
            body = clean(body_raw)
            if body in DEBRIS:
                dropped.append(body)
                continue
            if any(body.startswith(c) for c in CONTINUATION_BULLETS):
                joined.append(body)
                current.add(body_raw)
                continue
            current = Wrapped(body_raw)
            koers["his"][-1]["insp"].append(current)
            state = "insp"
            continue
        # A continuation line of whatever is open.
        if state == "koers":
            current = Wrapped(line)
            koers["intro"] = current
            state = "intro"
        elif current is not None:
            current.add(line)
        else:
            raise SystemExit(f"unexpected line outside any item: {line!r}")
    if len(dropped) != len(DEBRIS) or len(joined) != len(CONTINUATION_BULLETS):
        raise SystemExit(f"fix-ups did not all apply: dropped {dropped}, joined {joined}")
    return hoofddoelen


def parse_begrippen(lines: list[str]):
    start = next(i for i, l in enumerate(lines) if l.startswith("Begrippenlijst"))
    end = next(i for i, l in enumerate(lines) if l.startswith("Bijlage  Vastgesteld beleid"))
    begrippen = []
    koers = None
    current = None
    for raw in lines[start + 1:end]:
        line = raw.rstrip("\n")
        text = clean(line)
        if not text:
            continue
        m = re.match(r"^Kompaskoers (\d\.\d):$", text)
        if m:
            koers = m.group(1)
            current = None
            continue
        if text.lower() in ("geen", BULLET + " geen"):
            continue
        if text.startswith(BULLET):
            current = Wrapped(line.split(BULLET, 1)[1])
            begrippen.append((koers, current))
            continue
        current.add(line)
    out = []
    for koers, wrapped in begrippen:
        term, definition = wrapped.text.split(": ", 1)
        out.append({"term": term.strip(), "definition": definition.strip(), "element": koers})
    return out


def write_hoofddoel(h, colour: str) -> str:
    ind = "    "
    o = ["// Hoofddoel " + str(h["n"]) + ": koersen, hoofdinspanningen en inspanningen.",
         "// Ids zijn vast: wijzig ze nooit, ook niet als een element verhuist.", "(", ind + "sectors: ["]
    o.append(ind * 2 + "(")
    o.append(ind * 3 + f'id: "{h["n"]}",')
    o.append(ind * 3 + 'level: "Hoofddoel",')
    o.append(ind * 3 + f'label: "{h["n"]}",')
    o.append(ind * 3 + f"title: {ron_str(h['title'].text)},")
    o.append(ind * 3 + f'color: "{colour}",')
    o.append(ind * 3 + "children: [")
    for ki, k in enumerate(h["koersen"], 1):
        kid = f"{h['n']}.{ki}"
        assert kid == k["n"], (kid, k["n"])
        o.append(ind * 4 + "(")
        o.append(ind * 5 + f'id: "{kid}",')
        o.append(ind * 5 + 'level: "Koers",')
        o.append(ind * 5 + f'label: "{kid}",')
        o.append(ind * 5 + f"title: {ron_str(k['title'])},")
        if k["intro"] is not None:
            o.append(ind * 5 + f"text: {ron_str(k['intro'].text)},")
        o.append(ind * 5 + "children: [")
        for hi_i, hi in enumerate(k["his"], 1):
            hid = f"{kid}.{hi_i}"
            o.append(ind * 6 + "(")
            o.append(ind * 7 + f'id: "{hid}",')
            o.append(ind * 7 + 'level: "Hoofdinspanning",')
            o.append(ind * 7 + f'label: "{hi["label"]}",')
            o.append(ind * 7 + f"title: {ron_str(hi['title'].text)},")
            o.append(ind * 7 + "children: [")
            for ii, insp in enumerate(hi["insp"], 1):
                o.append(ind * 8 + f'(id: "{hid}.{ii}", level: "Inspanning", title: {ron_str(insp.text)}),')
            o.append(ind * 7 + "],")
            o.append(ind * 6 + "),")
        o.append(ind * 5 + "],")
        o.append(ind * 4 + "),")
    o.append(ind * 3 + "],")
    o.append(ind * 2 + "),")
    o.append(ind + "],")
    o.append(")")
    return "\n".join(o) + "\n"


def write_begrippen(begrippen) -> str:
    o = ["// Begrippenlijst, per koers zoals in het Sociaal Kompas.",
         "// Een begrip dat twee keer voorkomt (LHBT, Respijtzorg) staat hier twee keer, elk bij zijn koers.",
         "(", "    begrippen: ["]
    for b in begrippen:
        o.append("        (")
        o.append(f"            term: {ron_str(b['term'])},")
        o.append(f"            definition: {ron_str(b['definition'])},")
        o.append(f"            element: {ron_str(b['element'])},")
        o.append("        ),")
    o.append("    ],")
    o.append(")")
    return "\n".join(o) + "\n"


# Sector colours as chosen for Kompas; hoofddoel 1 is yellow as in the seed.
COLOURS = {1: "#F2C037", 2: "#6CB86A", 3: "#EE8A5B", 4: "#9B86C9"}


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    seed, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    lines = seed.read_text(encoding="utf-8").splitlines(keepends=True)
    tree = parse_tree(lines)
    for h in tree:
        counts = (len(h["koersen"]), sum(len(k["his"]) for k in h["koersen"]),
                  sum(len(hi["insp"]) for k in h["koersen"] for hi in k["his"]))
        if counts != EXPECTED_PER_HOOFDDOEL[h["n"]]:
            raise SystemExit(f"hoofddoel {h['n']}: counts {counts}, expected {EXPECTED_PER_HOOFDDOEL[h['n']]}")
    begrippen = parse_begrippen(lines)
    if len(begrippen) != EXPECTED_BEGRIPPEN:
        raise SystemExit(f"{len(begrippen)} begrippen, expected {EXPECTED_BEGRIPPEN}")
    out_dir.mkdir(parents=True, exist_ok=True)
    for h in tree:
        (out_dir / f"hoofddoel-{h['n']}.ron").write_text(write_hoofddoel(h, COLOURS[h["n"]]), encoding="utf-8")
    (out_dir / "begrippen.ron").write_text(write_begrippen(begrippen), encoding="utf-8")
    print("ok:", [(h["n"], EXPECTED_PER_HOOFDDOEL[h["n"]]) for h in tree], len(begrippen), "begrippen")


if __name__ == "__main__":
    main()
