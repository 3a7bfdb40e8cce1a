#!/usr/bin/env python3
"""One-off conversion of the rest of the Sociaal Kompas (everything but the goal tree and the
begrippenlijst) into `inhoud.ron`: the introduction, the whiteboard story, the handleiding, the
samenvatting, the chapters of "Op reis met het Sociaal Kompas", the leidende principes, the
top-5 trends with their kansen table, the knooppunten, the vastgesteld beleid and the
indicatoren with their values.

Run from the repository root after convert_sociaal_kompas.py:

    python3 tools/convert_inhoud.py ../shared/seeds/004_b77abfd16596be1b.txt \
        kompas/leidschendam-voorburg-2017-2020

Only the extraction is repaired: wrapped lines are joined, paragraphs are told apart by the
extraction's blank-with-space lines and by short lines ending a sentence, and the kansen table
(whose cells the extraction interleaved) is written out below by hand, cell by cell, with the
document's own words. The indicatoren are the figures the trends quote; each keeps the sentence
it comes from. Every text is checked to stand in the seed by tests/content.rs.
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from convert_sociaal_kompas import Wrapped, clean, ron_str  # noqa: E402

TERMINAL = tuple('.:!?”’)')


def find(lines, prefix, start=0):
    for i in range(start, len(lines)):
        if lines[i].startswith(prefix):
            return i
    raise SystemExit(f"not found: {prefix!r}")


def prose(lines, headings=(), list_headings=(), numbered=False):
    """Blocks of a stretch of running text: ("Kop", text), ("Alinea", text), ("Lijst", [items])."""
    blocks = []
    para = None
    prev = None
    mode = None

    def flush():
        nonlocal para
        if para is not None and para.text:
            blocks.append(("Alinea", para.text))
        para = None

    for raw in lines:
        line = raw.rstrip("\n")
        if line == "":
            continue
        if line.strip() == "":
            flush()
            mode = None
            continue
        text = clean(line)
        if text in headings:
            flush()
            blocks.append(("Kop", text))
            mode = "lijst" if text in list_headings else None
            prev = line
            continue
        if mode == "lijst":
            if blocks and blocks[-1][0] == "Lijst":
                blocks[-1][1].append(text)
            else:
                blocks.append(("Lijst", [text]))
            prev = line
            continue
        starts_item = numbered and re.match(r"^\d+\.\s", text)
        short_end = prev is not None and len(prev.strip()) < 78 and prev.rstrip().endswith(TERMINAL)
        if para is None:
            para = Wrapped(line)
        elif starts_item or (short_end and text[:1].isupper()):
            flush()
            para = Wrapped(line)
        else:
            para.add(line)
        prev = line
    flush()
    return blocks


def page(pid, title, group, blocks):
    return {"id": pid, "title": title, "group": group, "blocks": blocks}


def parse_pages(lines):
    pages = []
    a = find(lines, "Het Sociaal Kompas is…")
    pages.append(page("woord-vooraf", "Woord vooraf", "Inleiding", prose(lines[1:a])))
    b = find(lines, "Verhaal Sociaal Kompas tbv whiteboard animatie")
    infographic_lists = {"Met aandacht voor:", "Het instrument biedt:", "Werkveld", "Als inwoner",
                         "Als maatschappelijk partner", "Een meerjarige koers als handvat om:"}
    heads = infographic_lists | {"Waarom een kompas?", "Door het Sociaal Kompas krijg ik…", "Als gemeente(bestuur)",
                                 "Gemeentelijke taak"}
    pages.append(page("wat-is-het-sociaal-kompas", "Het Sociaal Kompas is….", "Inleiding",
                      prose(lines[a + 1:b], heads, infographic_lists)))
    c = find(lines, "Handleiding Sociaal Kompas")
    scenes = {f"Scène {n}" for n in range(1, 8)}
    pages.append(page("whiteboard", "Verhaal Sociaal Kompas tbv whiteboard animatie", "Inleiding",
                      prose(lines[b + 1:c], scenes)))
    d = find(lines, "Hoofddoel 1. ")
    hand = {"Leeswijzer: interpretatie van het Sociaal Kompas", "Een instructie: navigeren door het Sociaal Kompas",
            "Niveau 1: overzichtspagina", "Niveau 2: koersomschrijving", "Niveau 3: overzicht van inspanningen",
            "Voorbeeld:"}
    pages.append(page("handleiding", "Handleiding Sociaal Kompas", "Inleiding", prose(lines[c + 1:d], hand)))

    # Op reis met het Sociaal Kompas: the chapters, with the typed sections embedded.
    e = find(lines, "Op reis met het Sociaal Kompas")
    chapters = [
        ("advertentie", "ADVERTENTIE", "1. Aanleiding Kompas gevraagd"),
        ("aanleiding", "1. Aanleiding Kompas gevraagd", "1. Wat is het Sociaal Kompas"),
        ("wat-is-het", "1. Wat is het Sociaal Kompas", "2. Het Sociaal Kompas als navigatie-instrument"),
        ("navigatie-instrument", "2. Het Sociaal Kompas als navigatie-instrument", "4. Samen invulling geven aan het Sociaal Kompas"),
        ("samen", "4. Samen invulling geven aan het Sociaal Kompas", "5. Het instellen van de koers"),
        ("koers-instellen", "5. Het instellen van de koers", " 5.1. Leidende principes voor onderweg"),
        ("op-weg", "7. Op weg naar de bestemming", "8. Van beleid naar uitvoering"),
        ("van-beleid-naar-uitvoering", "8. Van beleid naar uitvoering", "Begrippenlijst"),
    ]
    sub = {"Op reis", "Aanleiding voor vertrek", "Wat moet het Sociaal Kompas kunnen?", "Maatschappelijke doelen als bestemming",
           "Coördinaten", "Op weg", "Voorbeeld:", "Toelichting op invloeden die richting bepaald hebben:",
           "Wat wel en niet uitvoeren", "Prioriteiten stellen in de uitvoering", "Kosten van de uitvoering",
           "Rolverdeling tussen gemeente, partners en inwoners", "Maatwerk in uitvoering: ‘ongelijke situaties ongelijk behandelen’.",
           "Communicatie als rode draad", "Gevraagd: kompas."}
    for pid, start, end in chapters:
        s = find(lines, start, e)
        t = find(lines, end, s + 1)
        title = clean(lines[s])
        blocks = prose(lines[s + 1:t], sub, numbered=(pid == "koers-instellen"))
        if pid == "koers-instellen":
            blocks += [("Kop", "5.1. Leidende principes voor onderweg"), ("Principes", None),
                       ("Kop", "5.2. Wind die waait"), ("Trends", None)]
        pages.append(page(pid, title, "Op reis met het Sociaal Kompas", blocks))
        if pid == "koers-instellen":
            k = find(lines, "6. Kompaskoers; knooppunten op de weg")
            first = find(lines, "1. Hart-wet-euro balans.", k)
            pages.append(page("knooppunten", clean(lines[k]), "Op reis met het Sociaal Kompas",
                              prose(lines[k + 1:first]) + [("Knooppunten", None)]))
    # Keep the chapters in document order (knooppunten came after koers-instellen).
    return pages


def parse_principes(lines):
    s = find(lines, " 5.1. Leidende principes voor onderweg")
    t = find(lines, "5.2. Wind die waait", s)
    intro_end = find(lines, 'A. Van "categoraal"', s)
    intro = prose(lines[s + 1:intro_end])
    out = []
    cur = None
    for raw in lines[intro_end:t]:
        line = raw.rstrip("\n")
        if not line.strip():
            continue
        m = re.match(r'^([A-D])\. (.*)$', clean(line))
        if m and (not out or ord(m.group(1)) == ord(out[-1]["id"]) + 1):
            cur = {"id": m.group(1), "title": m.group(2), "body": None}
            out.append(cur)
            continue
        if cur["body"] is None:
            cur["body"] = Wrapped(line)
        else:
            cur["body"].add(line)
    return intro, [{"id": p["id"], "title": p["title"], "text": p["body"].text} for p in out]


TREND_IDS = ["langer-thuis", "op-maat", "doe-het-zelf", "groen-en-duurzaam", "groen-en-grijs"]

KANSEN = {
    "langer-thuis": [
        ("Inzet ambulante begeleiding en andere individuele voorzieningen die cliënten in de thuissituatie ondersteunen.",
         ["2.2", "2.5", "4.3"],
         "Daag aanbieders uit om slimme combinaties van ondersteuning aan te bieden aan cliënten met multiproblematiek, zoals cliënten met psychosociale problemen, schulden en woonproblematiek."),
        ("Informatievoorziening.", ["2.2", "2.4", "2.5", "4.2"],
         "Informeer specifieke groepen inwoners over de mogelijkheden van lichte individuele ondersteuning, zoals inwoners met een laag sociaal economische status"),
        ("Vroegsignalering om escalatie van problematiek te voorkomen.", ["1.1", "2.1", "2.2", "4.3"],
         "Voorkom het verergeren van financiële problemen door in de schuldhulpverlening bij een uitkeringssituatie aandacht te besteden aan het doorbetalen van vaste lasten en het zorgen voor passende bewindvoeringstrajecten."),
        ("Ontwikkeling nieuwe woonvormen.", ["2.4", "4.3"],
         "Stimuleer in het kader van de extramuralisering meer woonvormen met zorg of begeleiding, zoals geclusterd en beschut wonen."),
    ],
    "op-maat": [
        ("Nieuwe eisen aan professionals en deskundigheidsbevordering professionals", ["2.1", "4.1", "4.2", "4.3"],
         "Waarborg kwaliteit in de gemeentelijke toegang, zoals met multidisciplinaire teams en met een opleidings- en ontwikkelplan; heb hierbij aandacht voor (culturele) diversiteit."),
        ("Maatwerk differentiatie: cliëntgericht aanbod van voorzieningen en beschikbaarheid pgb’s",
         ["1.2", "1.4", "2.1", "2.2", "2.5", "4.3"],
         "Ontwikkel maatwerkondersteuning voor jongeren, met middelen als leren netwerken, coaching en ‘maatjes’ voor werkloze jongeren."),
        ("Van loket met voorzieningen naar aanpak op maat door middel van 1 huishouden, 1 plan, 1 regisseur en integrale gebiedsteams.",
         ["4.2", "4.3"],
         "Organiseer de toeleiding naar de juiste hulp samen met maatschappelijke partners integraal en gebiedsgericht, volgens de uitgangspunten in het Contourenplan ‘Organisatie Dienstverlening Sociaal Domein’,"),
    ],
    "doe-het-zelf": [
        ("Terugdringen eenzaamheid", ["1.2", "2.1", "2.4", "2.5"],
         "Organiseer doelgroep overstijgende dagbesteding en bevorder dat iedereen zich geaccepteerd voelt, zoals inwoners met psychiatrische problematiek en personen met verward gedrag."),
        ("Burgerbetrokkenheid en andere rol gemeente: meer ondersteunend, kaderscheppend, regisserend", ["1.2", "3.1", "4.1", "4.2"],
         "Stimuleer burgerschapsvaardigheden van inwoners, bijvoorbeeld met een structurele jongerenvertegenwoordiging waar jongeren meedenken en meebeslissen over (uitvoering van) gemeentelijk beleid."),
        ("Risico op incidenten en ontoereikende zorg", ["4.1"],
         "Blijf handhaven bij kwaliteitsgebreken en stel informatie ter beschikking over (wets-)ontwikkelingen, om de kwaliteit van locaties van kinderopvang, gastouders en peuterspeelzalen te bevorderen."),
        ("Mantelzorgondersteuning en voorkomen overbelasting mantelzorgers", ["2.1", "4.3"],
         "Zorg voor voldoende en toegankelijk kortdurend verblijf (logeren in het kader van respijtzorg) om overbelasting van mantelzorgers te voorkomen."),
    ],
    "groen-en-duurzaam": [
        ("Verbinden van thema duurzaamheid en groene buitenruimte met preventie", ["1.1", "1.3", "1.5", "2.1"],
         "Vergroot de aantrekkelijkheid van bewegen door de openbare ruimte groen en prettig in te richten."),
        ("Goede fysieke toegankelijkheid van de openbare ruimte", ["3.3"],
         "Maak de fysieke ruimte toegankelijker, zoals met de ‘aanpak verbetering toegankelijkheid openbare voorzieningen’. Benut hierbij de mogelijkheden die de nieuwe omgevingswet biedt."),
        ("Sociaal ondernemen", ["2.1", "3.1"],
         "Ondersteun en faciliteer sociaal ondernemerschap en andere initiatieven op het gebied van zorg en duurzaamheid, bijvoorbeeld het oprichten van kleinschalige wijkondernemingen (zorgcoöperaties, huiskamerrestaurants, kluscollectief, kringloopwinkels en kledingbank)."),
    ],
    "groen-en-grijs": [
        ("Voldoende woningen voor ouderen, passend bij de (zorg)behoeften van ouderen", ["2.4"],
         "Ontwikkel nieuwe innovatieve pilots rond woonzorgarrangementen en omarm hierbij nieuwe initiatieven van ondernemers (launching customer)."),
        ("Welzijnsvoorzieningen voor ouderen en beroep op mantelzorg, aangezien ouder worden doorgaans gepaard gaat met meer zorgbehoefte",
         ["2.1", "2.5"],
         "Verstevig een gericht aanbod voor inwoners met dementie, bijvoorbeeld met uitbreiding van ontmoetingscentra dementie en een app voor dementerenden en hun mantelzorgers"),
        ("Aandacht voor informatievoorziening, ook toegespitst op ouderen", ["2.1", "2.4", "2.5", "4.2"],
         "Informeer inwoners over doorstroommogelijkheden en woningaanpassingen, zoals met de inzet van seniorenmakelaars (corporaties) en ouderenadviseurs (sociaal servicepunt)."),
        ("Gezondheidsbevordering: nadruk leggen op vitaliteit van ouderen, fitnessplaatsen voor ouderen", ["1.5"],
         "Faciliteer projecten die bewustwording rond voedsel, bewegen, en gezondheid stimuleren, zoals het moestuinproject en voorlichting over de gevaren van roken en alcohol."),
    ],
}


def words(s):
    return set(re.findall(r"\w+", s.lower()))


def best_inspanning(voorbeeld, inspanningen):
    """The inspanning the table quotes: the one sharing the most words with the example."""
    vw = words(voorbeeld)
    scored = sorted(((len(vw & words(t)) / len(vw | words(t)), i) for i, t in inspanningen), reverse=True)
    score, iid = scored[0]
    if score < 0.45:
        raise SystemExit(f"no inspanning matches {voorbeeld!r} (best {iid} at {score:.2f})")
    return iid


def parse_trends(lines, inspanningen):
    s = find(lines, "5.2. Wind die waait")
    t = find(lines, "6. Kompaskoers; knooppunten op de weg", s)
    first = find(lines, "1.Langer thuis", s)
    intro = prose(lines[s + 1:first])
    # Summaries in chapter 5.2, up to the closing paragraph.
    closing = find(lines, "De koers in het Sociaal Kompas maakt gebruik van de kansen", first)
    heads = [find(lines, h, first) for h in ["1.Langer thuis", "2. Op maat", "3. Doe het zelf", "4. Groen en duurzaam", "5. Groen en grijs"]]
    bounds = heads + [closing]
    trends = []
    for n, tid in enumerate(TREND_IDS):
        title = re.sub(r"^\d+\.\s*", "", clean(lines[bounds[n]]))
        body = prose(lines[bounds[n] + 1:bounds[n + 1]])
        summary = " ".join(b[1] for b in body if b[0] == "Alinea")
        trends.append({"id": tid, "number": str(n + 1), "title": title, "summary": summary})
    outro = prose(lines[closing:t])
    # The appendix: the full description and the kansen of each trend.
    a = find(lines, "Bijlage Trends en hun impact op het Sociaal Kompas")
    a_heads = [find(lines, h, a) for h in ["1. Langer thuis", "2. Op maat", "3. Doe het zelf", "4. Groen en duurzaam", "5. Groen en grijs"]]
    appendix_intro = prose(lines[a + 1:a_heads[0]])
    ends = a_heads[1:] + [len(lines)]
    for n, tr in enumerate(trends):
        seg = lines[a_heads[n] + 1:ends[n]]
        k = next(i for i, l in enumerate(seg) if l.startswith("De kansen ") and "in relatie tot de trend" in l)
        tr["text"] = " ".join(b[1] for b in prose(seg[:k]) if b[0] == "Alinea")
        lead = Wrapped(seg[k])
        for l in seg[k + 1:]:
            if not l.strip():
                continue
            lead.add(l)
            if l.rstrip().endswith(":"):
                break
        tr["kansen_intro"] = lead.text
        tr["kansen"] = [{"text": kt, "koersen": ks, "voorbeeld": vb, "inspanning": best_inspanning(vb, inspanningen)}
                        for kt, ks, vb in KANSEN[tr["id"]]]
    url = next(clean(l) for l in lines[a:] if l.startswith("http://gemeentenvandetoekomst.nl"))
    return intro, trends, outro, appendix_intro, url


def parse_knooppunten(lines):
    k = find(lines, "6. Kompaskoers; knooppunten op de weg")
    end = find(lines, "7. Op weg naar de bestemming", k)
    out = []
    cur = None
    for raw in lines[k + 1:end]:
        line = raw.rstrip("\n")
        if not line.strip():
            continue
        m = re.match(r"^(\d+)\. (.*)$", clean(line))
        if m and int(m.group(1)) == len(out) + 1:
            cur = Wrapped(m.group(2))
            out.append(cur)
        elif cur is not None:
            cur.add(line)
    result = []
    for n, w in enumerate(out, 1):
        title, rest = w.text.split(". ", 1)
        result.append({"id": str(n), "title": title + ".", "text": rest})
    return result


def parse_beleid(lines):
    s = find(lines, "Bijlage  Vastgesteld beleid")
    t = find(lines, "Bijlage Trends en hun impact", s)
    seg = [clean(l) for l in lines[s + 1:t] if l.strip()]
    intro_end = seg.index("Document Verseonnummer")
    intro = Wrapped(seg[0])
    for l in seg[1:intro_end]:
        intro.add(l)
    rows = []
    pending = None
    for l in seg[intro_end + 1:]:
        m = re.match(r"^(.*?)\s*(\d{6,7})$", l)
        if m and m.group(1):
            title = (pending + " " + m.group(1)) if pending else m.group(1)
            rows.append({"title": title.strip(), "number": m.group(2)})
            pending = None
        elif re.fullmatch(r"\d{6,7}", l) and pending:
            rows.append({"title": pending, "number": l})
            pending = None
        elif pending and l.endswith("?)"):
            rows.append({"title": pending + " " + l, "number": None})
            pending = None
        else:
            pending = (pending + " " + l) if pending else l
    if pending:
        raise SystemExit(f"beleid left over: {pending}")
    return intro.text, rows


def parse_samenvatting(lines):
    s = find(lines, "Samenvatting Sociaal Kompas")
    t = find(lines, "Op reis met het Sociaal Kompas", s)
    out = []
    i = s + 1
    cur = None
    while i < t:
        line = lines[i].rstrip("\n")
        i += 1
        if not line.strip():
            continue
        m = re.match(r"^Koers (\d\.\d)[.:]?\s+(.*)$", clean(line))
        if m:
            title = m.group(2)
            # A title the extraction wrapped continues on a line of at most three words.
            while i < t:
                nxt = lines[i].rstrip("\n")
                if not nxt.strip():
                    i += 1
                    continue
                if len(clean(nxt).split()) <= 3 and not re.match(r"^Koers \d", nxt):
                    title += " " + clean(nxt)
                    i += 1
                break
            cur = {"element": m.group(1), "title": title, "text": None}
            out.append(cur)
            continue
        if cur["text"] is None:
            cur["text"] = Wrapped(line)
        else:
            cur["text"].add(line)
    return [{"element": c["element"], "title": c["title"], "text": c["text"].text} for c in out]


def indicatoren():
    """The figures the trends quote, each with its own sentence from the document."""
    return [
        {"id": "fysieke-beperking", "trend": "langer-thuis", "title": "Huishoudens met een fysieke beperking",
         "unit": "huishoudens", "source": "Atrivé (2016), prognose",
         "text": "Uit prognoses blijkt dat het aantal huishoudens met een fysieke beperking in Leidschendam-Voorburg stijgt van 7260 in 2015 naar 7675 in 2020.",
         "values": [("2015", 7260, "7260"), ("2020 (prognose)", 7675, "7675")]},
        {"id": "extramuralisering", "trend": "langer-thuis", "title": "Extramuralisering van de langdurige zorg",
         "unit": "inwoners", "source": "Atrivé (2016), verwachting",
         "text": "Betrof de extramuralisering van de langdurige zorg in 2015 nog 385 inwoners, in 2020 zullen dit naar verwachting 790 personen zijn.",
         "values": [("2015", 385, "385"), ("2020 (verwachting)", 790, "790")]},
        {"id": "clienttevredenheid", "trend": "op-maat", "title": "Cliënttevredenheid (cijfer)",
         "unit": "cijfer", "source": "Monitor Sociaal Domein",
         "text": "De cliënttevredenheid onder W&I en Jeugd cliënten is ook uitgedrukt in een cijfer. Respectievelijk betrof dit een 7,0 en een 7,4 (bron Monitor Sociaal Domein).",
         "values": [("W&I", 7.0, "7,0"), ("Jeugd", 7.4, "7,4")]},
        {"id": "sociale-cohesie", "trend": "doe-het-zelf", "title": "Sociale cohesie (indexcijfer, 2014)",
         "unit": "cijfer", "source": "Wijkatlas en Monitor Sociaal Domein",
         "text": "In Leidschendam-Voorburg werd de sociale cohesie in 2014 gewaardeerd met een 6.2, wat overeenkomt met het landelijk gemiddelde.",
         "values": [("Leidschendam-Voorburg", 6.2, "6.2")]},
        {"id": "betrokkenheid", "trend": "doe-het-zelf", "title": "Betrokkenheid van inwoners",
         "unit": "% van de inwoners", "source": "Wijkatlas en Monitor Sociaal Domein",
         "text": "In totaal had 74% van de inwoners regelmatig contact met buurtgenoten, doet 27% vrijwilligerswerk en waren 8.200 inwoners mantelzorger (bron Wijkatlas en Monitor Sociaal Domein).",
         "values": [("regelmatig contact met buurtgenoten", 74, "74%"), ("doet vrijwilligerswerk", 27, "27%")]},
        {"id": "mantelzorgers", "trend": "doe-het-zelf", "title": "Mantelzorgers",
         "unit": "inwoners", "source": "Wijkatlas en Monitor Sociaal Domein",
         "text": "In totaal had 74% van de inwoners regelmatig contact met buurtgenoten, doet 27% vrijwilligerswerk en waren 8.200 inwoners mantelzorger (bron Wijkatlas en Monitor Sociaal Domein).",
         "values": [("mantelzorgers", 8200, "8.200")]},
        {"id": "leefbaarheid", "trend": "groen-en-duurzaam", "title": "Leefbaarheid, groen en veiligheid (Wijkatlas, 2014)",
         "unit": "cijfer", "source": "Wijkatlas",
         "text": "In de Wijkatlas is de algemene leefbaarheid in Leidschendam-Voorburg in 2014 gewaardeerd met een 7,7. De scores voor het onderhoud van groen en het gevoel van veiligheid waren respectievelijk een 7,1 en 7,6.",
         "values": [("algemene leefbaarheid", 7.7, "7,7"), ("onderhoud van groen", 7.1, "7,1"), ("gevoel van veiligheid", 7.6, "7,6")]},
        {"id": "vergrijzing", "trend": "groen-en-grijs", "title": "Inwoners van 60 jaar of ouder en jongeren",
         "unit": "% van de inwoners", "source": "Primosprognose",
         "text": "Volgens de Primosprognose zal in 2020 31% van de inwoners van LV 60 jaar of ouder zijn. In 2015 was dat nog 29%. Dit is een groter aandeel dan het aandeel jongeren (21% in 2015 én in 2020).",
         "values": [("60 jaar of ouder, 2015", 29, "29%"), ("60 jaar of ouder, 2020", 31, "31%"), ("jongeren, 2015", 21, "21%"), ("jongeren, 2020", 21, "21%")]},
    ]


def r(s):
    return ron_str(s)


def write_blocks(blocks, ind):
    o = []
    for kind, val in blocks:
        if kind in ("Kop", "Alinea"):
            o.append(f"{ind}{kind}({r(val)}),")
        elif kind == "Lijst":
            o.append(f"{ind}Lijst([{', '.join(r(v) for v in val)}]),")
        else:
            o.append(f"{ind}{kind},")
    return o


def main():
    seed, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    lines = seed.read_text(encoding="utf-8").splitlines(keepends=True)
    import glob
    inspanningen = []
    for f in sorted(glob.glob(str(out_dir / "hoofddoel-*.ron"))):
        inspanningen += re.findall(r'\(id: "([\d.]+)", level: "Inspanning", title: "((?:[^"\\]|\\.)*)"\)', Path(f).read_text())
    pages = parse_pages(lines)
    p_intro, principes = parse_principes(lines)
    t_intro, trends, t_outro, appendix_intro, url = parse_trends(lines, inspanningen)
    knoop = parse_knooppunten(lines)
    b_intro, beleid = parse_beleid(lines)
    samen = parse_samenvatting(lines)
    assert len(principes) == 4, principes
    assert len(trends) == 5
    assert len(knoop) == 10, len(knoop)
    assert len(beleid) == 16, beleid
    assert len(samen) == 16, [s["element"] for s in samen]
    # The typed sections' own introductions go on the page that embeds them.
    for p in pages:
        if p["id"] == "koers-instellen":
            blocks = []
            for b in p["blocks"]:
                if b[0] == "Principes":
                    blocks += p_intro + [b]
                elif b[0] == "Trends":
                    blocks += t_intro + [b] + t_outro
                else:
                    blocks.append(b)
            p["blocks"] = blocks
    pages.append(page("samenvatting", "Samenvatting Sociaal Kompas", "Samenvatting", [("Samenvatting", None)]))
    pages.append(page("vastgesteld-beleid", "Bijlage Vastgesteld beleid", "Bijlagen", [("Alinea", b_intro), ("Beleid", None)]))
    pages.append(page("trends", "Bijlage Trends en hun impact op het Sociaal Kompas", "Bijlagen",
                      appendix_intro + [("Alinea", url), ("TrendsVolledig", None)]))
    pages.append(page("indicatoren", "Indicatoren", "Bijlagen", [("Indicatoren", None)]))

    ind = "    "
    o = ["// De rest van het Sociaal Kompas: inleiding, handleiding, samenvatting, de hoofdstukken van",
         "// 'Op reis met het Sociaal Kompas', principes, trends, knooppunten, beleid en indicatoren.",
         "// Gemaakt met tools/convert_inhoud.py; daarna is dit bestand de bron.", "("]
    o.append(ind + "pages: [")
    for p in pages:
        o.append(ind * 2 + "(")
        o.append(ind * 3 + f"id: {r(p['id'])},")
        o.append(ind * 3 + f"title: {r(p['title'])},")
        o.append(ind * 3 + f"group: {r(p['group'])},")
        o.append(ind * 3 + "blocks: [")
        o += write_blocks(p["blocks"], ind * 4)
        o.append(ind * 3 + "],")
        o.append(ind * 2 + "),")
    o.append(ind + "],")
    o.append(ind + "principes: [")
    for p in principes:
        o.append(ind * 2 + f"(id: {r(p['id'])}, title: {r(p['title'])}, text: {r(p['text'])}),")
    o.append(ind + "],")
    o.append(ind + "trends: [")
    for t in trends:
        o.append(ind * 2 + "(")
        for k in ("id", "number", "title", "summary", "text", "kansen_intro"):
            o.append(ind * 3 + f"{k}: {r(t[k])},")
        o.append(ind * 3 + "kansen: [")
        for k in t["kansen"]:
            ks = ", ".join(r(x) for x in k["koersen"])
            o.append(ind * 4 + f"(text: {r(k['text'])}, koersen: [{ks}], voorbeeld: {r(k['voorbeeld'])}, inspanning: {r(k['inspanning'])}),")
        o.append(ind * 3 + "],")
        o.append(ind * 2 + "),")
    o.append(ind + "],")
    o.append(ind + "knooppunten: [")
    for k in knoop:
        o.append(ind * 2 + f"(id: {r(k['id'])}, title: {r(k['title'])}, text: {r(k['text'])}),")
    o.append(ind + "],")
    o.append(ind + "beleid: [")
    for b in beleid:
        num = f", number: {r(b['number'])}" if b["number"] else ""
        o.append(ind * 2 + f"(title: {r(b['title'])}{num}),")
    o.append(ind + "],")
    o.append(ind + "samenvatting: [")
    for s in samen:
        o.append(ind * 2 + f"(element: {r(s['element'])}, title: {r(s['title'])}, text: {r(s['text'])}),")
    o.append(ind + "],")
    o.append(ind + "indicatoren: [")
    for i in indicatoren():
        vals = ", ".join(f"(label: {r(l)}, value: {float(v)}, shown: {r(sh)})" for l, v, sh in i["values"])
        o.append(ind * 2 + f"(id: {r(i['id'])}, title: {r(i['title'])}, unit: {r(i['unit'])}, trend: {r(i['trend'])}, source: {r(i['source'])}, text: {r(i['text'])}, values: [{vals}]),")
    o.append(ind + "],")
    o.append(")")
    (out_dir / "inhoud.ron").write_text("\n".join(o) + "\n", encoding="utf-8")
    print("ok:", len(pages), "pages,", len(principes), "principes,", len(trends), "trends,",
          sum(len(t["kansen"]) for t in trends), "kansen,", len(knoop), "knooppunten,", len(beleid), "beleid,",
          len(samen), "samenvatting,", len(indicatoren()), "indicatoren")


if __name__ == "__main__":
    main()
