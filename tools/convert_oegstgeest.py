#!/usr/bin/env python3
"""One-off conversion of the Beleidsplan sociaal domein of Oegstgeest (PDF extraction) into a
Kompas folder.

Run from the repository root:

    python3 tools/convert_oegstgeest.py ../shared/seeds/001_ced73aab7b299a60.txt \
        kompas/oegstgeest-sociaal-domein

The document is laid out in two columns with boxes beside them; the extraction interleaves them
in places. So this script does not parse the document: it names, by line number, where each
piece is (checked by hand against the text), and only joins the lines of each piece:

* a line ending in a hyphen is joined to the next without the hyphen when the next starts with
  a lower-case letter (the document hyphenates words at line ends: "ontwikke-" + "ling"),
  except for the compounds in KEEP_HYPHEN; otherwise lines are joined with a space;
* footnote markers the extraction put in the running text (" 2. ,") are dropped;
* the titles of doel 1 and of thema 4 were cut up by the extraction (two columns side by side,
  a lost heading line); they are written out below, word for word as the document has them
  (the thema's name is the one of the list of the five thema's on page 11).

Structure: the plan (root) > 5 thema's > 23 doelen > the "Wat willen we bereiken?" items of
each doel > the sub-items of an item, where the document has them (o-bullets). The ambities and
the sturingskaders (as leidende principes) are pages of the introduction; tables that are a
plain series of numbers are indicatoren. After the conversion the RON files are the source of
truth.
"""

import re
import sys
from pathlib import Path

JOINED = []
KEEP_HYPHEN = {"Zuid-": "Zuid-Holland", "ZZP-": "ZZP-ers"}

THEMAS = [
    # (title, intro lines)
    ("Naar financiële zelfredzaamheid", (1131, 1147)),
    ("Samen meedoen", (1748, 1768)),
    ("Een brede kijk op gezondheid", (2829, 2847)),
    ("Ondersteuning in de eigen omgeving", (3638, 3660)),
    ("Hulp bij goed opgroeien en opvoeden", (4612, 4642)),
]

# (thema, title lines or literal title, "wat willen we bereiken" lines)
DOELEN = [
    (1, "Samen met maatschappelijke partners stimuleren we meer inwoners met een inkomen tot 120% van de toepasselijke bijstandsnorm om gebruik te maken van het minimabeleid", (1267, 1295)),
    (1, (1311, 1312), (1408, 1460)),
    (1, (1488, 1490), (1549, 1563)),
    (1, (1601, 1603), (1667, 1709)),
    (2, (1770, 1772), (1879, 1927)),
    (2, (1929, 1930), (2140, 2160)),
    (2, (2162, 2163), (2300, 2350)),
    (2, (2359, 2360), (2592, 2618)),
    (2, (2630, 2631), (2763, 2791)),
    (3, (2849, 2850), (3003, 3061)),
    (3, (3071, 3072), (3231, 3271)),
    (3, (3282, 3282), (3360, 3392)),
    (3, (3427, 3428), (3561, 3621)),
    (4, (3662, 3664), (3908, 3975)),
    (4, (3988, 3990), (4056, 4110)),
    (4, (4124, 4125), (4237, 4295)),
    (4, (4320, 4320), (4388, 4454)),
    (4, (4464, 4465), (4557, 4585)),
    (5, (4644, 4645), (4791, 4819)),
    (5, (4821, 4823), (4886, 4916)),
    (5, (4928, 4929), (5094, 5124)),
    (5, (5125, 5128), (5241, 5329)),
    (5, (5362, 5365), (5543, 5613)),
]

EXPECTED = {"themas": 5, "doelen": 23, "per_thema": [4, 5, 4, 5, 5]}

COLORS = ["#2E86AB", "#F2A541", "#5FAD56", "#C8553D", "#8E6C8A"]


def read_lines(path):
    return Path(path).read_text(encoding="utf-8").split("\n")


def join(lines):
    """Joins the wrapped lines of one piece of text."""
    out = ""
    for raw in lines:
        line = re.sub(r"\s+", " ", raw).strip()
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith("-") and line[:1].islower():
            word = out.rsplit(" ", 1)[-1]
            if word in KEEP_HYPHEN:
                out += line
            else:
                JOINED.append(word[:-1] + line.split(" ", 1)[0])
                out = out[:-1] + line
        elif out.endswith("-") and line[:1].isupper() and not out.endswith(" -"):
            # A compound with a name: "Zuid-" + "Holland".
            out += line
        else:
            out += " " + line
    # Footnote markers in running text: "partners 2. , zodat" -> "partners, zodat".
    out = re.sub(r" \d\. ,", ",", out)
    out = re.sub(r"\s+", " ", out).strip()
    return out


def span(lines, a, b):
    return lines[a - 1 : b]


def number_off(title):
    return re.sub(r"^\d+\.\s*", "", title)


def items(lines, a, b):
    """The bullets of a "Wat willen we bereiken?" list: (text, [sub-items])."""
    out = []
    current = None
    for raw in span(lines, a, b):
        s = raw.strip()
        if s.startswith("•"):
            current = [[s.lstrip("•").strip()], []]
            out.append(current)
        elif s.startswith("o\t") or s.startswith("o "):
            current[1].append([s[1:].strip()])
        elif s and current is not None:
            (current[1][-1] if current[1] else current[0]).append(s)
    return [(join(t), [join(sub) for sub in subs]) for t, subs in out]


def ron_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def element(id_, title, level, text=None, color=None, children=None, indent=8):
    pad = " " * indent
    parts = [f"id: {ron_str(id_)}", f"level: {ron_str(level)}", f"title: {ron_str(title)}"]
    if text:
        parts.append(f"text: {ron_str(text)}")
    if color:
        parts.append(f"color: {ron_str(color)}")
    if children:
        inner = ",\n".join(children)
        parts.append(f"children: [\n{inner},\n{pad}    ]")
    body = f",\n{pad}    ".join(parts)
    return f"{pad}(\n{pad}    {body},\n{pad})"


# Words the extraction broke without a hyphen (a space where the line wrapped).
FIXES = {"(bijvoor beeld": "(bijvoorbeeld"}

# Lines to leave out of running text: page numbers and captions of figures that are not there.
SKIP = {527, 711, 759}
# Footnote markers at the start of a line of running text.
MARKERS = {785: "1. "}


def prose_lines(lines, a, b):
    out = []
    for n in range(a, b + 1):
        if n in SKIP:
            continue
        line = lines[n - 1]
        if n in MARKERS:
            line = line.replace(MARKERS[n], "", 1)
        out.append(line)
    return out


def paras(lines, a, b):
    """Running text split into paragraphs: a line that ends a sentence well short of the
    column's width, followed by one that starts with a capital, ends a paragraph."""
    raw = [l for l in prose_lines(lines, a, b) if l.strip()]
    width = max((len(l.strip()) for l in raw), default=0)
    out, current = [], []
    for i, line in enumerate(raw):
        current.append(line)
        s = line.strip()
        nxt = raw[i + 1].strip() if i + 1 < len(raw) else ""
        if s[-1:] in ".!?:" and nxt[:1].isupper() and len(s) < 0.8 * width:
            out.append(current)
            current = []
    if current:
        out.append(current)
    texts = []
    for p in out:
        t = join(p)
        for bad, good in FIXES.items():
            t = t.replace(bad, good)
        texts.append(t)
    return texts


def bullets(lines, a, b):
    return [t for t, _ in items(lines, a, b)]


def table_rows(lines, a, b, n_values):
    """Rows "label v1 v2 ..." of a table: the last n_values words are the values."""
    rows = []
    for n in range(a, b + 1):
        words = lines[n - 1].split()
        if len(words) <= n_values:
            continue
        rows.append((" ".join(words[:-n_values]), words[-n_values:]))
    return rows


def number(shown):
    s = shown.replace("%", "").replace(".", "").replace(",", ".") if "," in shown else shown.replace("%", "")
    return float(s)


def indicator(id_, title, unit, source, text, values):
    vals = ", ".join(
        f"(label: {ron_str(l)}, value: {number(v)}, shown: {ron_str(v)})" for l, v in values if v != "-"
    )
    return (
        f"        (id: {ron_str(id_)}, title: {ron_str(title)}, unit: {ron_str(unit)}, "
        f"source: {ron_str(source)}, text: {ron_str(text)}, values: [{vals}]),"
    )


def indicatoren(lines):
    out = []
    caption = lambda n: join([lines[n - 1]])
    source = lambda n: join([lines[n - 1]]).removeprefix("Bron: ")
    years = ["2021", "2022", "2023", "2024"]
    for label, vals in table_rows(lines, 1466, 1472, 4):
        out.append(indicator(f"bijstand-{label.lower()}", f"Bijstandsgerechtigden: {label}", "inwoners",
                             source(1474), caption(1462), zip(years, vals)))
    cap4 = join(lines[1517:1519])
    for label, vals in table_rows(lines, 1523, 1523, 3):
        out.append(indicator("bijstand-vrijwilligerswerk", f"Bijstandsgerechtigden die vrijwilligerswerk doen: {label}",
                             "inwoners", source(1525), cap4, zip(["2022", "2023", "2024"], vals)))
    cats = ["(Zeer) moeilijk", "Komt net rond", "(Zeer) gemakkelijk"]
    rows5 = table_rows(lines, 1731, 1733, 3)
    for i, cat in enumerate(cats):
        vals = [(label.rsplit(" ", 1)[-1], v[i]) for label, v in rows5]
        out.append(indicator(f"rondkomen-{i + 1}", f"Rondkomen van huishoudinkomen: {cat}", "% van de huishoudens",
                             source(1735), caption(1725), vals))
    for label, vals in table_rows(lines, 1741, 1743, 4):
        out.append(indicator("schuldhulp-" + label.split()[0].lower(), label, "aantal", source(1745),
                             caption(1737), zip(years, vals)))
    vt = lines[4462].split()
    labels = [f"{who} {y}" for y in ["2021", "2022", "2023"] for who in ["Oegstgeest", "HR"]]
    out.append(indicator("veilig-thuis", join(lines[4459:4461]), "meldingen per 10.000 inwoners",
                         source(4384), caption(4382), zip(labels, vt)))
    years22 = ["2017", "2019", "2021", "2022", "2023", "2024"]
    for i, (label, vals) in enumerate(table_rows(lines, 4599, 4605, 6), start=1):
        out.append(indicator(f"mantelzorg-{i}", label, "%" if "%" in label else "aantal", source(4607),
                             "Tabel 22: Mantelzorgondersteuning", zip(years22, vals)))
    years24 = ["2019", "2020", "2021", "2022", "2023", "2024"]
    for i, (label, vals) in enumerate(table_rows(lines, 5355, 5359, 6), start=1):
        out.append(indicator(f"jeugdoverlast-{i}", f"Jeugdoverlast: {label}", "meldingen", source(5361),
                             "Tabel 24.", zip(years24, vals)))
    return out


def page(id_, title, group, blocks):
    body = ",\n".join(" " * 16 + b for b in blocks)
    return (
        f"        (\n            id: {ron_str(id_)},\n            title: {ron_str(title)},\n"
        f"            group: {ron_str(group)},\n            blocks: [\n{body},\n            ],\n        ),"
    )


def alineas(texts):
    return [f"Alinea({ron_str(t)})" for t in texts]


def lijst(texts):
    return "Lijst([" + ", ".join(ron_str(t) for t in texts) + "])"


def inhoud(lines):
    inleiding = (
        alineas(paras(lines, 3, 123))
        + [lijst(bullets(lines, 125, 129)), f"Kop({ron_str(join([lines[131]]))})"]
        + alineas(paras(lines, 134, 184))
        + [f"Kop({ron_str(join([lines[185]]))})"]
        + alineas(paras(lines, 188, 398))
        + ["Beleid"]
        + alineas(paras(lines, 420, 436))
        + [f"Kop({ron_str(join([lines[437]]))})"]
        + alineas(paras(lines, 440, 504))
        + [f"Kop({ron_str(join([lines[505]]))})"]
        + alineas(paras(lines, 508, 526))
    )
    visie = (
        alineas(paras(lines, 530, 554))
        + [f"Kop({ron_str(join([lines[555]]))})"]
        + alineas(paras(lines, 557, 620))
        + [f"Kop({ron_str(join([lines[620]]))})"]
        + alineas(paras(lines, 622, 672))
        + [f"Kop({ron_str(join([lines[673]]))})"]
        + alineas(paras(lines, 675, 797))
        + alineas([join(lines[798:801])])
    )
    kaders = alineas(paras(lines, 803, 821)) + ["Principes"]
    bereiken = alineas(paras(lines, 1080, 1092)) + [
        lijst([number_off(join(lines[a - 1 : b])) for a, b in [(1096, 1097), (1099, 1099), (1101, 1101), (1103, 1104), (1106, 1106)]])
    ] + alineas(paras(lines, 1108, 1124))
    pages = [
        page("inleiding", "Inleiding", "Inleiding", inleiding),
        page("visie", "1.1 Visie", "Visie en sturing", visie),
        page("sturingskaders", "1.2 Sturingskaders", "Visie en sturing", kaders),
        page("wat-willen-we-bereiken", "1.3 Wat willen we bereiken?", "Visie en sturing", bereiken),
        page("cijfers", "Cijfers", "Bijlagen", ["Indicatoren"]),
    ]
    principes = []
    for i, (title_lines, text_lines) in enumerate(
        [((823, 824), (826, 876)), ((878, 878), (879, 927)), ((929, 930), (932, 987)), (None, (992, 1078))], start=1
    ):
        if title_lines is None:
            # The heading shares its line with the heading "1.3 Wat willen we bereiken?".
            title = "We doen wat nodig is, daar waar het nodig is"
        else:
            title = number_off(join(lines[title_lines[0] - 1 : title_lines[1]]))
        text = "\n\n".join(paras(lines, *text_lines))
        principes.append(f"        (id: {ron_str(str(i))}, title: {ron_str(title)}, text: {ron_str(text)}),")
    beleid = [f"        (title: {ron_str(t)})," for t in bullets(lines, 400, 418)]
    return (
        "// De inleiding, visie (ambities), sturingskaders en cijfers van het Beleidsplan sociaal domein.\n(\n"
        + "    pages: [\n" + "\n".join(pages) + "\n    ],\n"
        + "    principes: [\n" + "\n".join(principes) + "\n    ],\n"
        + "    beleid: [\n" + "\n".join(beleid) + "\n    ],\n"
        + "    indicatoren: [\n" + "\n".join(indicatoren(lines)) + "\n    ],\n)\n"
    )


def main(seed, out_dir):
    lines = read_lines(seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    per_thema = [0] * len(THEMAS)
    doel_no = 0
    for t, (title, (ia, ib)) in enumerate(THEMAS, start=1):
        doelen = []
        for thema, title_src, (la, lb) in DOELEN:
            if thema != t:
                continue
            doel_no += 1
            per_thema[t - 1] += 1
            if isinstance(title_src, str):
                d_title = title_src
            else:
                d_title = number_off(join(span(lines, *title_src)))
            d_id = f"{t}.{doel_no}"
            results = []
            for r, (text, subs) in enumerate(items(lines, la, lb), start=1):
                r_id = f"{d_id}.{r}"
                subs_ron = [
                    element(f"{r_id}.{s}", sub, "Onderdeel", indent=32)
                    for s, sub in enumerate(subs, start=1)
                ]
                results.append(element(r_id, text, "Resultaat", children=subs_ron, indent=24))
            el = element(d_id, d_title, "Doel", children=results, indent=16)
            el = el.replace(
                f"id: {ron_str(d_id)},", f"id: {ron_str(d_id)},\n{' ' * 20}label: {ron_str(str(doel_no))},", 1
            )
            doelen.append(el)
        sector = element(
            str(t), title, "Thema", text=join(span(lines, ia, ib)), color=COLORS[t - 1],
            children=doelen, indent=8,
        )
        header = f"// Thema {t} van het Beleidsplan sociaal domein van Oegstgeest.\n"
        (out / f"thema-{t}.ron").write_text(
            header + "(\n    sectors: [\n" + sector + ",\n    ],\n)\n", encoding="utf-8"
        )
    (out / "inhoud.ron").write_text(inhoud(lines), encoding="utf-8")
    if per_thema != EXPECTED["per_thema"] or doel_no != EXPECTED["doelen"]:
        sys.exit(f"verwacht {EXPECTED}, gevonden {per_thema}")
    if "-v" in sys.argv:
        print("\n".join(sorted(set(JOINED))))
    print(f"{doel_no} doelen over {len(THEMAS)} thema's: {per_thema}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
