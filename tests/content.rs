//! The Sociaal Kompas as shipped: counts and words are the municipality's, checked against the
//! facts of the document and, where the seed text is beside the repository, against the seed.

mod common;

use kompas::{Kompas, load_embedded};

fn kompas() -> Kompas {
    load_embedded().expect("the embedded compass loads").kompas
}

#[test]
fn counts_per_level_are_the_documents() {
    let k = kompas();
    assert_eq!(k.count_per_level(), [1, 4, 16, 71, 441]);
    assert_eq!(k.begrippen.len(), 82);
    let names: Vec<_> = k.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Einddoel",
            "Hoofddoel",
            "Koers",
            "Hoofdinspanning",
            "Inspanning"
        ]
    );
}

#[test]
fn counts_per_hoofddoel_are_the_documents() {
    let k = kompas();
    let per_sector: Vec<Vec<usize>> = k
        .sectors()
        .iter()
        .map(|&s| k.count_below(s)[2..].to_vec())
        .collect();
    assert_eq!(
        per_sector,
        [
            vec![5, 22, 120],
            vec![5, 22, 133],
            vec![3, 11, 62],
            vec![3, 16, 126]
        ]
    );
}

#[test]
fn top_of_the_tree_is_verbatim() {
    let k = kompas();
    assert_eq!(
        k.element(k.root()).title,
        "Meetellen en meedoen in Leidschendam-Voorburg"
    );
    let titles: Vec<_> = k
        .sectors()
        .iter()
        .map(|&s| k.element(s).title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Inwoners groeien gezond en veilig op en kunnen zich maximaal ontwikkelen",
            "Inwoners kunnen zo lang mogelijk regie over eigen leven houden en zelfstandig functioneren",
            "Leidschendam-Voorburg is een solidaire en inclusieve gemeente",
            "Inwoners die hulp nodig hebben krijgen de juiste hulp op tijd",
        ]
    );
    // The detailed part is the reference for koers 2.2 (the samenvatting words it differently).
    let k22 = k.get("2.2").unwrap();
    assert_eq!(
        k.element(k22).title,
        "Meer inwoners kunnen zich financieel goed redden"
    );
    // Every koers has its introduction.
    for &koers in k.at_depth(2) {
        let text = k.element(koers).text.as_deref().unwrap_or_default();
        assert!(
            text.len() > 200,
            "koers {} has no introduction",
            k.element(koers).id
        );
    }
    // Koers 4.3 is the largest koerskaart.
    assert_eq!(k.count_below(k.get("4.3").unwrap())[4], 51);
}

/// (koers, first inspanning, last inspanning), verbatim from the document.
const FIRST_AND_LAST: &[(&str, &str, &str)] = &[
    (
        "1.1",
        "Bied op meerdere plekken laagdrempelige en vraaggerichte opgroei- en opvoedinformatie.",
        "Bied een dekkend ondersteuningsaanbod voor (veelvoorkomende) problematiek, gebruik makend van best practices, in elk geval bij: complexe echtscheidingen, depressie, voortijdig schoolverlaten en ongezonde leefstijl.",
    ),
    (
        "1.2",
        "Faciliteer juiste en actuele informatie over wat mogelijk is in talentontwikkeling, bijvoorbeeld via scholen, op de gemeentewebsite en met flyers.",
        "Betrek via brede scholen ouders op een positieve manier bij het ontwikkelen van talenten en vaardigheden van hun kinderen en bekijk of eventuele belemmeringen in de thuissituatie weggenomen kunnen worden.",
    ),
    (
        "1.3",
        "Stimuleer met het doorontwikkelen van goede ketensamenwerking dat scholen passend onderwijs en ondersteuning bieden (voor elke leerling de meest passende plek, zodat er geen kinderen thuis zitten), dichtbij huis en waar zorg is gefaciliteerd voor zover dat op basis van de onderwijsbehoefte is gewenst.",
        "Stimuleer dat scholen de continuïteit van ondersteuning borgen voor leerlingen bij schoolwisselingen.",
    ),
    (
        "1.4",
        "Informeer jongeren over de werkgelegenheid en baankansen in verschillende branches, zodat zij dit in hun keuze mee kunnen nemen.",
        "Faciliteer alternatieve vormen van werkervaring zoals een evenement organiseren, een puntensysteem voor vrijwilligerswerk, een bijdrage aan kunst en cultuur en meedraaien in een poule van ondernemers sport- en welzijnsorganisaties.",
    ),
    (
        "1.5",
        "Vergroot het bewustzijn van inwoners over het belang van een gezonde leefstijl en wat zij daar zelf aan kunnen doen.",
        "Geef uitvoering aan het plan ‘Maatschappelijk verantwoord verenigen’.",
    ),
    (
        "2.1",
        "Stimuleer inwoners om een steunnetwerk op te bouwen van anderen die kunnen helpen, zoals met taalmaatjes, buurtmaatjes, en opgroei- en opvoedondersteuning bij GGZ en netwerk coaching.",
        "Maak subsidieafspraken waarin maatschappelijke partners gezamenlijk levensbrede deskundigheid voor cliëntondersteuning beschikbaar stellen om alle groepen (kwetsbare) inwoners te kunnen bedienen.",
    ),
    (
        "2.2",
        "Benut de ruimte in landelijke en lokale regelgeving bij het toekennen van uitkeringen en minimaregelingen.",
        "Behoud een coördinator communicatie minimabeleid.",
    ),
    (
        "2.3",
        "Zet in op een optimale matching door het gebruik van vernieuwende instrumenten, een optimale samenwerking met het UWV en een regionale werkgeversbenadering.",
        "Stimuleer de ontwikkeling van inwoners en de doorstroom van dagbesteding naar werk door de keten inzichtelijk en sluitend te maken en cliënten vanuit persoonlijke gesprekken toe te leiden naar passende activiteiten, waaronder alternatief beschut werk (onbetaald), nieuw beschut werk (betaald), en garantiebanen.",
    ),
    (
        "2.4",
        "Start met een bewustwordingscampagne ‘leeftijdsbestendig wonen’, zodat inwoners anticiperen op het ouder worden en langer zelfredzaam zijn.",
        "Geef een voorrangsverklaring aan woningzoekenden die in een levensbedreigende of levensontwrichtende situatie verkeren.",
    ),
    (
        "2.5",
        "Geef bekendheid aan het vrij toegankelijk dagbestedingsaanbod, zoals door professionals en eerstelijnszorg te informeren.",
        "Versterk de mobiliteit en daarmee zelfredzaamheid van kwetsbare inwoners, door uitvoering te geven aan het Uitvoeringsprogramma doelgroepenvervoer Haaglanden.",
    ),
    (
        "3.1",
        "Bied op wijkniveau meer ruimte aan inwoners en professionals.",
        "Bevorder dat inwoners vaker hun eigen verantwoordelijkheid nemen, zoals in geval van een burenruzie door eerst zelf in gesprek te gaan, en benut hierbij de mogelijkheden van bijvoorbeeld maatschappelijke stages.",
    ),
    (
        "3.2",
        "Faciliteer voorlichting en trainingen voor (jeugdige) inwoners, consulenten, professionals en cliënten over diversiteit, zoals over psychische aandoeningen, culturele verschillen en seksuele diversiteit.",
        "Stimuleer kwetsbare doelgroepen om mee te doen in de samenleving. Ontwikkel hiervoor een plan van aanpak met antidiscriminatievoorzieningen, waarin alle kwetsbare minderheden aan bod komen en laat dit plan leidend zijn.",
    ),
    (
        "3.3",
        "Zorg voor een actuele en gebruiksvriendelijke gemeentewebsite, waar digitale informatie(voorziening) eenvoudig te vinden is.",
        "Stimuleer sporten voor mensen met een laag inkomen, door meer bekendheid te geven aan de minimaregelingen en de ondersteuning van Stichting Leergeld.",
    ),
    (
        "4.1",
        "Zorg via contractmanagement dat alle aanbieders van jeugdhulp voldoen aan verplichte registratie in het Kwaliteitsregister Jeugd, de norm voor verantwoorde werktoedeling, informatie aan jeugdigen en ouders, VOG, keurmerken en overige (landelijke) kwaliteitseisen.",
        "Volg in geval van crises en rampen het Rampenopvangplan van de GGD.",
    ),
    (
        "4.2",
        "Zorg dat inwoners en professionals op meerdere plekken en in begrijpelijke taal informatie kunnen vinden over de toegang tot het zorg- en ondersteuningsaanbod, zoals via het Sociaal Servicepunt en met procesinformatie op de gemeentelijke website, 'rekening houdend met inwoners die de Nederlandse taal niet machtig zijn.",
        "Neem als gemeente verantwoordelijkheid en organiseer een vast aanspreekpunt met doorzettingsmacht voor individuele casussen die vast dreigen te lopen in reguliere wet- en regelgeving of daarbuiten vallen, en lever voor deze inwoners maatwerk.",
    ),
    (
        "4.3",
        "Verlaag de regeldruk en vereenvoudig werkprocessen om meer tijd te kunnen besteden aan daadwerkelijke ondersteuning.",
        "Evalueer het functioneren van het expertiseteam residentieel en pas waar nodig dit functioneren aan met als doel jongeren sneller passende hulp te kunnen bieden en daarmee de door-en uitstroom uit de jeugdhulp te bevorderen.",
    ),
];

#[test]
fn first_and_last_inspanning_of_every_koers() {
    let k = kompas();
    assert_eq!(FIRST_AND_LAST.len(), 16);
    for &(koers, first, last) in FIRST_AND_LAST {
        let ix = k.get(koers).unwrap();
        let inspanningen: Vec<_> = k
            .children(ix)
            .iter()
            .flat_map(|&hi| k.children(hi).iter().map(|&i| k.element(i).title.as_str()))
            .collect();
        assert_eq!(
            inspanningen.first().copied(),
            Some(first),
            "first inspanning of {koers}"
        );
        assert_eq!(
            inspanningen.last().copied(),
            Some(last),
            "last inspanning of {koers}"
        );
    }
}

#[test]
fn extraction_debris_is_gone_and_wrapped_bullets_are_whole() {
    let k = kompas();
    let all: Vec<_> = k
        .document_order()
        .into_iter()
        .map(|ix| k.element(ix).title.clone())
        .collect();
    assert!(!all.iter().any(|t| t == "Goede voorbeeld."));
    assert!(
        all.iter()
            .all(|t| !t.contains('\u{f0b7}') && !t.contains("  "))
    );
    assert!(all.contains(&"Maak zichtbaar wat de gemeente en andere partijen doen op het gebied van anti-discriminatie en het bevorderen van acceptatie.".to_owned()));
    // Every inspanning starts like a sentence: a wrapped line read as a bullet would not.
    for &ix in k.at_depth(4) {
        let t = &k.element(ix).title;
        assert!(
            t.starts_with(|c: char| c.is_uppercase()),
            "inspanning {} starts oddly: {t}",
            k.element(ix).id
        );
    }
}

#[test]
fn begrippen_keep_both_definitions_of_respijtzorg_and_both_lhbt() {
    let k = kompas();
    let respijt: Vec<_> = k
        .begrippen
        .iter()
        .filter(|b| b.term == "Respijtzorg")
        .collect();
    assert_eq!(respijt.len(), 2);
    assert_ne!(respijt[0].definition, respijt[1].definition);
    let koersen: Vec<_> = respijt
        .iter()
        .map(|b| k.element(k.listed_under(b).unwrap()).id.as_str())
        .collect();
    assert_eq!(koersen, ["2.5", "4.3"]);
    let lhbt: Vec<_> = k
        .begrippen
        .iter()
        .filter(|b| b.term == "LHBT")
        .map(|b| k.element(k.listed_under(b).unwrap()).id.as_str())
        .collect();
    assert_eq!(lhbt, ["1.1", "3.2"]);
    for b in &k.begrippen {
        assert_eq!(
            k.element(k.listed_under(b).unwrap()).depth,
            2,
            "begrip {} hangs under a koers",
            b.term
        );
    }
}

/// Normalises text so the seed's wrapped lines and bullets compare equal to joined text.
fn normalise(s: &str) -> String {
    let no_bullets = s.replace('\u{f0b7}', " ");
    let collapsed = no_bullets.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.replace("- ", "-")
}

#[test]
fn every_word_stands_in_the_seed() {
    let Some(seed) = common::seed("004_b77abfd16596be1b.txt") else {
        return;
    };
    let seed = normalise(&seed);
    let k = kompas();
    let mut checked = 0;
    for ix in k.document_order().into_iter().skip(1) {
        let el = k.element(ix);
        for text in std::iter::once(&el.title).chain(el.text.as_ref()) {
            assert!(
                seed.contains(&normalise(text)),
                "not verbatim in the seed: {} {text}",
                el.id
            );
            checked += 1;
        }
    }
    for b in &k.begrippen {
        assert!(
            seed.contains(&normalise(&format!("{}: {}", b.term, b.definition))),
            "begrip {}",
            b.term
        );
        checked += 1;
    }
    assert_eq!(checked, 4 + 16 * 2 + 71 + 441 + 82);
}

// --- The rest of the document: pages, principes, trends, knooppunten, beleid, indicatoren. ---

#[test]
fn sections_have_the_documents_counts() {
    let k = kompas();
    let c = &k.content;
    assert_eq!(c.principes.len(), 4);
    assert_eq!(c.trends.len(), 5);
    assert_eq!(c.trends.iter().map(|t| t.kansen.len()).sum::<usize>(), 18);
    assert_eq!(c.knooppunten.len(), 10);
    assert_eq!(c.beleid.len(), 16);
    assert_eq!(c.samenvatting.len(), 16);
    assert_eq!(c.indicatoren.len(), 8);
    let ids: Vec<_> = c.pages.iter().map(|p| p.id.as_str()).collect();
    for wanted in [
        "woord-vooraf",
        "wat-is-het-sociaal-kompas",
        "whiteboard",
        "handleiding",
        "knooppunten",
        "samenvatting",
        "vastgesteld-beleid",
        "trends",
        "indicatoren",
    ] {
        assert!(ids.contains(&wanted), "page {wanted} missing from {ids:?}");
    }
    let scenes = c
        .page("whiteboard")
        .unwrap()
        .blocks
        .iter()
        .filter(|b| matches!(b, kompas::content::Block::Kop(h) if h.starts_with("Scène")))
        .count();
    assert_eq!(scenes, 7);
}

#[test]
fn a_spot_check_of_verbatim_text_per_section() {
    let c = kompas().content;
    assert_eq!(
        c.principes[2].title,
        "Van \"zorgen voor\" naar \"helpen zorgen dat\""
    );
    assert!(c.principes[0].text.starts_with(
        "Een hulpvraag van een inwoner kan betrekking hebben op meerdere levensdomeinen."
    ));
    assert_eq!(
        c.trends[0].title,
        "Langer thuis: zorg dichtbij en integraal"
    );
    assert!(c.trends[4].summary.contains(
        "Volgens de Primosprognose zal in 2020 31% van de inwoners van LV 60 jaar of ouder zijn."
    ));
    assert_eq!(c.knooppunten[0].title, "Hart-wet-euro balans.");
    assert_eq!(
        c.knooppunten[9].title,
        "Lokaal waar mogelijk, regionaal waar nodig."
    );
    assert_eq!(c.beleid[0].title, "Actieplan Jeugdwerkgelegenheid");
    assert_eq!(c.beleid[0].number.as_deref(), Some("1497609"));
    assert_eq!(
        c.beleid[6].title,
        "Integraal Huisvestingsplan Voortgezet Onderwijs 2016-2026 (nog niet vastgesteld?)"
    );
    assert_eq!(c.beleid[6].number, None);
    assert_eq!(
        c.samenvatting[6].title, "Meer mensen kunnen zich financieel beter redden.",
        "the samenvatting words koers 2.2 its own way"
    );
    let cohesie = c
        .indicatoren
        .iter()
        .find(|i| i.id == "sociale-cohesie")
        .unwrap();
    assert_eq!(cohesie.values[0].shown, "6.2");
    assert_eq!(c.trends[cohesie.trend.unwrap()].id, "doe-het-zelf");
}

#[test]
fn every_link_resolves_and_is_present_both_ways() {
    let k = kompas();
    use kompas::model::LinkKind;
    for t in &k.content.trends {
        for kans in &t.kansen {
            let koersen = k.kans_koersen(kans);
            assert!(!koersen.is_empty(), "{}: {}", t.id, kans.text);
            // The graph walks both ways: trend → kans, and back from the kans to its trend.
            assert!(k.linked_from(t.node, LinkKind::Kans).contains(&kans.node));
            assert_eq!(k.linking_to(kans.node, LinkKind::Kans), [t.node]);
            for koers in koersen {
                assert_eq!(k.element(koers).depth, 2, "kansen come back in koersen");
                assert!(k.trend_koersen(t).contains(&koers));
                assert!(
                    k.linking_to(koers, LinkKind::KomtTerugIn)
                        .contains(&kans.node)
                );
                assert!(
                    k.trends_for(koers)
                        .iter()
                        .any(|(i, _)| k.content.trends[*i].id == t.id)
                );
            }
            let ex = k.kans_voorbeeld(kans).unwrap();
            assert_eq!(k.element(ex).depth, 4, "the example is an inspanning");
            assert!(
                k.kansen_with_example(ex)
                    .iter()
                    .any(|(_, kk)| kk.text == kans.text)
            );
        }
    }
    for (i, b) in k.begrippen.iter().enumerate() {
        let under = k.listed_under(b).unwrap();
        assert!(
            k.begrippen_of(under).contains(&i),
            "begrip {} listed both ways",
            b.term
        );
    }
    for s in &k.content.samenvatting {
        assert_eq!(k.element(s.element).depth, 2);
    }
    assert!(k.content.indicatoren.iter().all(|i| i.trend.is_some()));
}

#[test]
fn every_page_word_stands_in_the_seed() {
    let Some(raw_seed) = common::seed("004_b77abfd16596be1b.txt") else {
        return;
    };
    // A footnote's address interrupts one table cell in the extraction; leave addresses out.
    let seed: String = raw_seed
        .split_whitespace()
        .filter(|w| !w.starts_with("http"))
        .collect::<Vec<_>>()
        .join(" ");
    let seed = normalise(&seed);
    let c = kompas().content;
    let mut texts: Vec<String> = Vec::new();
    for p in &c.pages {
        for b in &p.blocks {
            match b {
                kompas::content::Block::Kop(t) | kompas::content::Block::Alinea(t) => {
                    texts.push(t.clone());
                }
                kompas::content::Block::Lijst(items) => texts.extend(items.iter().cloned()),
                _ => {}
            }
        }
    }
    for p in &c.principes {
        texts.extend([p.title.clone(), p.text.clone()]);
    }
    for t in &c.trends {
        texts.extend([
            t.title.clone(),
            t.summary.clone(),
            t.text.clone(),
            t.kansen_intro.clone(),
        ]);
        for kans in &t.kansen {
            texts.extend([kans.text.clone(), kans.voorbeeld.clone()]);
        }
    }
    for kp in &c.knooppunten {
        texts.extend([kp.title.clone(), kp.text.clone()]);
    }
    for b in &c.beleid {
        texts.push(b.title.clone());
    }
    for s in &c.samenvatting {
        texts.extend([s.title.clone(), s.text.clone()]);
    }
    for i in &c.indicatoren {
        texts.push(i.text.clone());
        for v in &i.values {
            assert!(
                i.text.contains(&v.shown),
                "{}: {} not in its sentence",
                i.id,
                v.shown
            );
        }
    }
    let mut checked = 0;
    for t in texts.iter().filter(|t| !t.is_empty()) {
        if t.starts_with("http") {
            assert!(raw_seed.contains(t.as_str()), "{t}");
            continue;
        }
        // Table cells were wrapped inside their cell; compare without the cell's own breaks.
        assert!(
            seed.contains(&normalise(t)),
            "not verbatim in the seed: {t}"
        );
        checked += 1;
    }
    assert!(checked > 250, "{checked}");
}

/// Page list titles come from the document's own headings, not from paraphrase.
#[test]
fn every_short_page_title_is_a_heading_of_the_document() {
    let Some(seed) = common::seed("004_b77abfd16596be1b.txt") else {
        return;
    };
    let k = kompas();
    let mut n = 0;
    for p in &k.content.pages {
        if let Some(nav) = &p.nav {
            let words = nav.trim_end_matches(['…', '.']);
            assert!(
                seed.contains(words),
                "{}: '{words}' is not in the document",
                p.id
            );
            n += 1;
        }
    }
    assert!(n >= 10, "{n} pages with a short title");
}
