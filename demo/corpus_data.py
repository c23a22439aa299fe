"""Article data of the PledgeWatch demo corpus (written for the demo; no third-party text).

Each article: outlet slug, publication timestamp (ISO 8601 with the outlet's UTC offset),
slug, title, author, body paragraphs, and the hand labels (pledges, agreements, notes)
following ../shared/eval/README.md. ``build_corpus.py`` turns this into feeds, pages,
labels.jsonl and articles.jsonl.
"""

from __future__ import annotations

OUTLETS = {
    "kyiv-defence-monitor": {
        "name": "Kyiv Defence Monitor",
        "format": "rss2-full",
        "tagline": "Independent reporting on Ukraine's defence and its partners",
    },
    "euro-defence-daily": {
        "name": "Euro Defence Daily",
        "format": "atom",
        "tagline": "European security, industry and policy",
    },
    "baltic-security-wire": {
        "name": "Baltic Security Wire",
        "format": "rss1",
        "tagline": "News from the Baltic and Nordic security community",
    },
    "ukraine-aid-tracker-news": {
        "name": "Ukraine Aid Tracker News",
        "format": "rss2",
        "tagline": "Following every euro, krone and dollar pledged to Ukraine",
    },
}

# Paragraphs without extractable facts, appended to short articles so each body has
# 250-600 words. They contain no amounts, no agreements and no pledges.
PADDING = [
    "Kyiv has repeatedly urged its partners to speed up deliveries before the coldest months, "
    "when Russian attacks on power stations and substations usually intensify. Ukrainian "
    "officials say interceptor missiles remain the scarcest item, and that each new battery "
    "allows commanders to cover towns that have so far been left exposed.",
    "Analysts point out that most new support is now bought from industry rather than taken "
    "from national stockpiles, which have been drawn down heavily since the full-scale "
    "invasion. That change means longer lead times, and several governments have started "
    "placing orders that stretch over several years so that factories can hire staff and "
    "buy raw materials in advance.",
    "Ukrainian manufacturers say they could produce considerably more drones, shells and "
    "armoured vehicles than the state can currently afford to order. Direct financing by "
    "foreign governments has become one of the main ways to use that spare capacity, and "
    "officials in Kyiv describe it as both cheaper and faster than buying abroad.",
    "The war has now lasted for more than four and a half years. Front-line units describe a "
    "battlefield dominated by small drones, where moving vehicles are spotted within minutes "
    "and logistics depend on routes that are protected by nets, electronic warfare and "
    "constant improvisation.",
    "Diplomats in Brussels say the debate among European capitals has shifted from whether to "
    "support Ukraine to how to sustain that support for years, including by rebuilding "
    "Europe's own defence industry. Several governments have raised their defence budgets "
    "sharply, citing both the war and uncertainty about long-term American commitments.",
    "Independent trackers of military aid caution that announcements and deliveries are not "
    "the same thing. A package may take many months to reach the front, and some items are "
    "never delivered at all because of shortages, export licences or changes of government "
    "in donor countries.",
    "Ukraine's defence ministry has been moving more of its procurement onto digital "
    "platforms, which it says allows units to order ammunition and drones directly and cuts "
    "the room for corruption. Officials say the system also gives donors a clearer view of "
    "how their money is spent.",
    "Russian forces have continued to press along much of the front, particularly in the "
    "Donetsk region, where towns have been reduced to ruins by months of shelling and glide "
    "bomb attacks. Ukrainian commanders say manpower shortages remain a bigger problem than "
    "equipment in several sectors.",
    "Energy experts say Ukraine's power system is far more decentralised than it was at the "
    "start of the war, with hundreds of small gas turbines and solar installations spread "
    "across the country. That makes it harder to knock out, but repairs after large attacks "
    "still take days.",
    "Officials in the Nordic and Baltic states have been among the most outspoken advocates "
    "of stronger support for Kyiv, arguing that their own security depends on the outcome "
    "of the war. Their governments have also been early adopters of new ways of financing "
    "Ukrainian production.",
    "European arms makers have expanded capacity since 2022, but executives say they still "
    "face bottlenecks in explosives, rocket motors and certain electronic components. Some "
    "companies have opened lines inside Ukraine, where labour is available and engineers "
    "receive feedback from the front almost immediately.",
    "Public opinion in most European countries still favours helping Ukraine, according to "
    "recent surveys, although support has softened in some places as energy prices and the "
    "cost of living have become more pressing concerns for voters.",
]


def pledge(donor, amount, currency, purpose, date, evidence, *, restated=False, **extra):
    """A pledge label in the scorer's format (recipient is always Ukraine here)."""
    record = {
        "donor": donor,
        "recipient": "Ukraine",
        "amount": amount,
        "currency": currency,
        "purpose": purpose,
        "date_announced": date,
        "evidence": evidence,
        "restated": restated,
    }
    record.update(extra)
    return record


def agreement(parties, kind, subject, count, date, evidence, *, restated=False, **extra):
    """An agreement label in the scorer's format."""
    record = {
        "parties": parties,
        "kind": kind,
        "subject": subject,
        "count": count,
        "date": date,
        "evidence": evidence,
        "restated": restated,
    }
    record.update(extra)
    return record


KDM, EDD, BSW, UAT = (
    "kyiv-defence-monitor",
    "euro-defence-daily",
    "baltic-security-wire",
    "ukraine-aid-tracker-news",
)

ARTICLES: list[dict] = []


def art(outlet, ts, slug, title, author, paras, pledges=(), agreements=(), notes=(), also=None):
    """Register an article; ``also`` names a second outlet whose feed carries it too."""
    ARTICLES.append(
        {
            "outlet": outlet,
            "ts": ts,
            "slug": slug,
            "title": title,
            "author": author,
            "paras": list(paras),
            "pledges": list(pledges),
            "agreements": list(agreements),
            "notes": list(notes),
            "also": also,
        }
    )


# --------------------------------------------------------------------------- 2026-W42
S = (
    "Denmark will provide Ukraine with a new military support package worth DKK 1.7 billion, "
    "Defence Minister Troels Lund Poulsen announced on Monday."
)
S2 = (
    "According to the ministry, about DKK 900 million of the total will be spent on long-range "
    "drones built by Ukrainian manufacturers, while the remainder goes to 155mm artillery "
    "ammunition and spare parts for equipment already in service."
)
art(
    KDM,
    "2026-10-13T10:15:00+03:00",
    "denmark-dkk-package-drones-artillery",
    "Denmark unveils DKK 1.7 billion package focused on drones and artillery",
    "Olena Marchuk",
    [
        S,
        "The package is the twenty-eighth that Copenhagen has assembled since February 2022. " + S2,
        "Much of the drone money will be channelled through the so-called Danish model, under "
        "which donor funds are paid directly to factories in Ukraine. Poulsen told reporters "
        "that the approach had cut delivery times from months to weeks.",
        "With the new package, Denmark's total military aid to Ukraine since 2022 has reached "
        "roughly DKK 80 billion, one of the largest contributions relative to the size of its "
        "economy.",
        "Ukraine's defence minister thanked Copenhagen on social media, writing that the drones "
        "would be used against Russian logistics hubs far behind the front line.",
    ],
    pledges=[
        pledge(
            "Denmark",
            1_700_000_000,
            "DKK",
            "military (28th package: drones, artillery ammunition, spare parts)",
            "2026-10-12",
            S,
        ),
        pledge(
            "Denmark",
            900_000_000,
            "DKK",
            "defence-industry (long-range drones from Ukrainian manufacturers, Danish model)",
            "2026-10-12",
            S2,
            component=True,
            note="component of the DKK 1.7bn package",
        ),
    ],
    notes=[
        "'total military aid ... since 2022 has reached roughly DKK 80 billion' is an "
        "aggregate: not recorded."
    ],
)

S = (
    "The Council of the European Union on Wednesday approved half a billion euros under the "
    "European Peace Facility to pay for artillery ammunition and air-defence missiles for "
    "Ukraine."
)
art(
    EDD,
    "2026-10-14T14:30:00+02:00",
    "eu-peace-facility-half-billion-ammunition",
    "EU releases half a billion euros from Peace Facility for shells and missiles",
    "Marc Delvaux",
    [
        S,
        "The money comes from a tranche that had been held up for months by a single member "
        "state. Diplomats said the measure was adopted under an arrangement that lets "
        "countries stay out of financing lethal equipment without stopping others from going "
        "ahead.",
        "EU foreign policy chief Kaja Kallas said the decision showed that the bloc could still "
        "act quickly when it mattered. \u201cEvery shell that reaches the front protects a "
        "Ukrainian town,\u201d she said in a statement.",
        "Officials said the first contracts under the new tranche would be placed with European "
        "producers before the end of the year, with deliveries expected early in 2027.",
        "The European Peace Facility has mobilised more than \u20ac11 billion in military "
        "support for Ukraine since 2022.",
    ],
    pledges=[
        pledge(
            "European Union",
            500_000_000,
            "EUR",
            "military (European Peace Facility: artillery ammunition, air-defence missiles)",
            "2026-10-14",
            S,
        ),
    ],
    notes=[
        "'more than \u20ac11 billion ... since 2022' is an aggregate: not recorded.",
        "Contracts to be placed before the end of the year are a plan: not recorded.",
    ],
)

S = (
    "Lithuania and Ukraine signed a memorandum on Tuesday on the joint production of unmanned "
    "aerial vehicles, the Lithuanian defence ministry said."
)
art(
    BSW,
    "2026-10-14T16:05:00+03:00",
    "lithuania-ukraine-drone-memorandum",
    "Lithuania and Ukraine agree to build drones together",
    "Rasa Vaitkut\u0117",
    [
        S,
        "Under the memorandum, Ukrainian manufacturers will be able to set up assembly lines in "
        "Lithuania, while Lithuanian firms will supply components such as thermal cameras and "
        "radio modules. Vilnius said the first products could leave the line next spring.",
        "\u201cOur industry learns from the most experienced drone makers in the world, and "
        "Ukraine gains a production base beyond the reach of most Russian strikes,\u201d the "
        "Lithuanian defence minister told journalists.",
        "Lithuania is one of the founding members of the drone coalition led by Latvia and the "
        "United Kingdom, and it co-leads the demining coalition with Iceland.",
    ],
    agreements=[
        agreement(
            ["Lithuania", "Ukraine"],
            "joint production",
            "joint production of unmanned aerial vehicles (memorandum)",
            None,
            "2026-10-13",
            S,
        ),
    ],
    notes=[
        "Drone and demining coalition memberships are presupposed, not new: not recorded.",
        "The ambassador's comment on 'the deal' refers to the same memorandum: no second record.",
    ],
)

art(
    UAT,
    "2026-10-15T09:20:00Z",
    "kharkiv-energy-strikes-russian-claims",
    "Russian strikes cut power in Kharkiv as Moscow claims hits on Western weapons",
    "Staff reporter",
    [
        "Russian missiles and drones struck energy facilities in and around Kharkiv overnight "
        "into Thursday, leaving hundreds of thousands of households without electricity, the "
        "regional governor said.",
        "Ukraine's air force said it had brought down most of the drones launched in the "
        "attack, but several ballistic missiles got through. Repair crews were restoring power "
        "to hospitals and water pumping stations first.",
        "Russia's defence ministry claimed that its forces had destroyed two air-defence "
        "launchers supplied by Western countries and a depot holding foreign-made artillery "
        "shells. The claims could not be independently verified, and Ukrainian officials "
        "dismissed them as propaganda.",
        "The grid operator Ukrenergo warned that scheduled power cuts could return in several "
        "regions as temperatures drop.",
    ],
    notes=[
        "Russian claims of destroyed Western equipment: not recorded.",
        "Battlefield and energy news without pledges or agreements.",
    ],
)

S = (
    "Australia will give Ukraine a further A$110m in military assistance, including drones and "
    "armoured vehicles, Defence Minister Richard Marles said on Thursday."
)
S2 = (
    "In a government statement, Canberra said the package comprised $60 million for uncrewed "
    "aerial systems sourced from Australian industry and $50 million for the refurbishment and "
    "transport of additional armoured vehicles."
)
art(
    KDM,
    "2026-10-16T11:00:00+03:00",
    "australia-a110m-drones-armoured-vehicles",
    "Australia adds A$110m for drones and armoured vehicles",
    "Taras Hnatiuk",
    [
        S,
        S2,
        "Marles said Australia's support reflected its view that the outcome of the war "
        "mattered far beyond Europe, and that aggression should not be rewarded anywhere.",
        "Australia's total commitment to Ukraine now exceeds A$1.6 billion, of which about "
        "A$1.4 billion is military aid.",
        "Ukraine's ambassador in Canberra welcomed the announcement and said Australian-built "
        "armoured vehicles had earned a strong reputation among Ukrainian crews.",
    ],
    pledges=[
        pledge(
            "Australia", 110_000_000, "AUD", "military (drones, armoured vehicles)", "2026-10-15", S
        ),
        pledge(
            "Australia",
            60_000_000,
            "AUD",
            "defence-industry (uncrewed aerial systems from Australian industry)",
            "2026-10-15",
            S2,
            component=True,
            note="component; plain $ in an Australian government statement = AUD",
        ),
        pledge(
            "Australia",
            50_000_000,
            "AUD",
            "military (refurbishment and transport of armoured vehicles)",
            "2026-10-15",
            S2,
            component=True,
            note="component; plain $ in an Australian government statement = AUD",
        ),
    ],
    notes=[
        "'total commitment ... exceeds A$1.6 billion' and 'A$1.4 billion is military aid' "
        "are aggregates: not recorded."
    ],
)

art(
    EDD,
    "2026-10-16T17:45:00+02:00",
    "eu-foreign-ministers-sanctions-talks",
    "EU foreign ministers weigh next sanctions package",
    "Marc Delvaux",
    [
        "European Union foreign ministers discussed a new round of sanctions against Russia in "
        "Luxembourg on Thursday, with several capitals pressing for tighter restrictions on "
        "the ageing tankers that carry Russian oil.",
        "No decision on new military funding was taken at the meeting. Some diplomats said the "
        "Commission could announce a further tranche of support for Ukraine's defence industry "
        "at a summit next month, but others cautioned that no proposal had yet been tabled.",
        "Hungary's foreign minister repeated that Budapest would not back any step that drew "
        "the EU deeper into the war.",
        "Ministers also heard a video address by Ukraine's foreign minister, who asked for "
        "faster progress in Kyiv's accession talks and for the opening of the first "
        "negotiating clusters before the end of the year.",
    ],
    notes=[
        "'the Commission could announce a further tranche' is speculation: not recorded.",
        "Sanctions and accession diplomacy without pledges or agreements.",
    ],
)

S = (
    "Norway will allocate NOK 7.5bn to strengthen Ukraine's air defence ahead of the winter, "
    "Prime Minister Jonas Gahr St\u00f8re said on Friday during a visit to Kyiv."
)
art(
    UAT,
    "2026-10-17T12:30:00+03:00",
    "norway-nok-75bn-air-defence",
    "Norway commits NOK 7.5bn to Ukrainian air defence",
    "Ingrid Aasen",
    [
        S,
        "St\u00f8re met President Volodymyr Zelensky and Defence Minister Denys Shmyhal "
        "(\u0414\u0435\u043d\u0438\u0441 \u0428\u043c\u0438\u0433\u0430\u043b\u044c), who said "
        "the money would buy interceptor missiles and radars and finance Ukrainian-made "
        "interceptor drones.",
        "\u201cProtecting our power plants and our cities is the most urgent task of the coming "
        "months,\u201d Shmyhal told reporters after the meeting.",
        "Part of the funding will go to systems produced with Kongsberg, the Norwegian maker of "
        "the NASAMS air-defence system, according to the Norwegian government.",
        "The visit came a day after Ukraine's foreign minister held talks in Ankara, where "
        "T\u00fcrkiye offered to host another round of prisoner-exchange negotiations.",
    ],
    pledges=[
        pledge(
            "Norway",
            7_500_000_000,
            "NOK",
            "military (air defence: interceptor missiles, radars, interceptor drones)",
            "2026-10-16",
            S,
        ),
    ],
    notes=["T\u00fcrkiye's offer to host prisoner-exchange talks is not a pledge."],
    also=KDM,
)

art(
    BSW,
    "2026-10-18T10:00:00Z",
    "ukraine-heating-season-gas-storage",
    "Ukraine enters heating season with gas storage below plan",
    "Janis Ozols",
    [
        "Ukraine has entered the heating season with less gas in storage than it had planned, "
        "after months of Russian strikes on production sites, officials at the state energy "
        "company said.",
        "The company has been importing gas through its western neighbours to make up the "
        "shortfall, at prices well above those of last winter.",
        "In the Baltic states, grid operators said their networks had run smoothly since they "
        "disconnected from the Russian-controlled system and joined the continental European "
        "grid.",
        "Ukraine's energy minister said Kyiv was in talks with European partners about "
        "further purchases, but no new deals were announced.",
    ],
    notes=["Energy news; talks without an outcome: no records."],
)

# --------------------------------------------------------------------------- 2026-W43
S = (
    "Britain will provide Ukraine with a new \u00a32.26 billion loan for weapons procurement, "
    "funded by the profits of immobilised Russian sovereign assets, the Treasury said on "
    "Monday."
)
art(
    KDM,
    "2026-10-20T09:30:00+03:00",
    "uk-226-billion-loan-frozen-assets",
    "UK releases \u00a32.26 billion frozen-asset loan for Ukraine's defence",
    "Olena Marchuk",
    [
        S,
        "The loan will be serviced entirely from the windfall profits generated by Russian "
        "central bank reserves frozen in Western jurisdictions, so Ukrainian taxpayers will "
        "not bear the cost, officials said.",
        "Defence Secretary John Healey said the money would be spent mainly on air-defence "
        "interceptors and long-range drones.",
        "Britain has committed about \u00a313 billion in military aid to Ukraine since the "
        "full-scale invasion began.",
        "Ukraine's finance ministry said it expected the first disbursement before the end of "
        "the year.",
    ],
    pledges=[
        pledge(
            "United Kingdom",
            2_260_000_000,
            "GBP",
            "financial (loan backed by profits of "
            "immobilised Russian assets, for weapons procurement)",
            "2026-10-19",
            S,
        ),
    ],
    notes=[
        "'about \u00a313 billion ... since the full-scale invasion' is an aggregate: not recorded.",
        "Expected first disbursement is a plan: not recorded.",
    ],
)

S = (
    "German arms maker Rheinmetall and Ukraine signed an agreement on Monday to build a plant "
    "producing 155mm artillery shells on Ukrainian territory, the company said."
)
art(
    EDD,
    "2026-10-20T15:10:00+02:00",
    "rheinmetall-ukraine-shell-plant",
    "Rheinmetall and Ukraine sign deal on artillery shell plant",
    "Katrin Vogel",
    [
        S,
        "The joint venture will be majority-owned by Rheinmetall, with a Ukrainian state "
        "defence company holding the remaining stake. Once it reaches full capacity, the plant "
        "is expected to turn out a six-figure number of shells a year.",
        "Chief executive Armin Papperger said the site would be protected by air-defence "
        "systems and that construction work had already begun at an undisclosed location.",
        "Rheinmetall said it could also start making ammunition for Ukraine's Leopard tanks at "
        "the same site, but no decision on that has been taken.",
    ],
    agreements=[
        agreement(
            ["Rheinmetall", "Ukraine"],
            "joint production",
            "155mm artillery shell plant in Ukraine (joint venture)",
            None,
            "2026-10-19",
            S,
        ),
    ],
    notes=["Possible tank ammunition production is speculation: not recorded."],
    also=BSW,
)

S = (
    "The Latvian government on Tuesday approved \u20ac112 million in military aid for Ukraine "
    "for next year, the defence ministry said."
)
S2 = (
    "Recall that Estonia committed last year to provide military aid worth 0.25% of its gross "
    "domestic product every year until 2028."
)
art(
    BSW,
    "2026-10-21T13:00:00+03:00",
    "latvia-approves-112-million-military-aid",
    "Latvia approves \u20ac112 million in military aid for 2027",
    "Janis Ozols",
    [
        S,
        "The funds will pay for drones made in Latvia, training for Ukrainian soldiers and the "
        "transfer of armoured personnel carriers, according to the ministry.",
        "Latvia, which co-leads the drone coalition with Britain, said a significant part of "
        "the drone budget would go to joint projects with Ukrainian companies.",
        S2 + " Tallinn has urged other allies to adopt a similar benchmark.",
    ],
    pledges=[
        pledge(
            "Latvia",
            112_000_000,
            "EUR",
            "military (2027 budget: drones, training, armoured personnel carriers)",
            "2026-10-20",
            S,
        ),
        pledge(
            "Estonia",
            None,
            None,
            "military (0.25% of GDP a year until 2028)",
            None,
            S2,
            restated=True,
            note="share of GDP, no money figure: amount null; 'last year' "
            "gives no month: date null",
        ),
    ],
    notes=["Latvia's co-leadership of the drone coalition is presupposed: not recorded."],
)

S = (
    "Switzerland will provide CHF 1.5 billion over four years for the reconstruction of "
    "Ukraine, the Federal Council said on Wednesday."
)
S2 = (
    "Of the total, up to CHF 500 million is reserved for projects in which Swiss companies "
    "take part, the government said."
)
art(
    UAT,
    "2026-10-22T11:40:00+03:00",
    "switzerland-chf-reconstruction-programme",
    "Switzerland sets out CHF 1.5 billion reconstruction programme",
    "Staff reporter",
    [
        S,
        "Swiss officials stressed that, in keeping with the country's neutrality, none of the "
        "money would be used for military purposes. The programme covers repairs to energy and "
        "water networks, the clearing of mines from farmland and housing for displaced "
        "families.",
        S2,
        "Earlier this year the Swiss parliament rejected a proposal to allow the re-export of "
        "Swiss-made ammunition to Ukraine.",
    ],
    pledges=[
        pledge(
            "Switzerland",
            1_500_000_000,
            "CHF",
            "humanitarian (reconstruction programme over four years)",
            "2026-10-21",
            S,
        ),
        pledge(
            "Switzerland",
            500_000_000,
            "CHF",
            "financial (projects with Swiss companies)",
            "2026-10-21",
            S2,
            component=True,
            note="component; 'up to'",
        ),
    ],
    notes=["Rejected re-export proposal: not recorded."],
)

art(
    KDM,
    "2026-10-22T18:20:00+03:00",
    "fighting-west-of-pokrovsk-drones",
    "Fighting intensifies west of Pokrovsk as both sides lean on drones",
    "Taras Hnatiuk",
    [
        "Russian troops stepped up assaults west of Pokrovsk this week, using small groups of "
        "infantry on motorcycles and buggies to probe Ukrainian positions, according to "
        "Ukrainian commanders in the area.",
        "Soldiers interviewed by this publication said that drones now account for most "
        "casualties on both sides, and that armoured vehicles rarely approach the line of "
        "contact in daylight.",
        "Commanders said they were still waiting for some of the equipment partners had "
        "promised earlier in the year, but declined to give details.",
        "Russia's defence ministry said its forces had captured two villages in the area, a "
        "claim Ukraine's general staff denied.",
    ],
    notes=["Battlefield news; 'equipment partners had promised' is generic: no records."],
)

art(
    EDD,
    "2026-10-23T08:50:00Z",
    "contact-group-meeting-preview",
    "Allies prepare for Contact Group meeting amid calls for air defence",
    "Katrin Vogel",
    [
        "Defence ministers from about fifty countries will meet at NATO headquarters in "
        "Brussels next week for the latest session of the Ukraine Defence Contact Group.",
        "Germany could announce a new air-defence package at the meeting, according to two "
        "officials familiar with the preparations, who did not give a figure.",
        "The Netherlands and Ukraine are expected to sign an agreement on drone production in "
        "the coming weeks, a Dutch defence spokesperson said.",
        "A spokesperson for the French armed forces ministry said Paris would not announce new "
        "arms supplies at the meeting but would report on deliveries already agreed.",
        "Poland said it was ready to supply more artillery ammunition if partners provided the "
        "funds to buy it.",
    ],
    notes=[
        "'Germany could announce' is speculation: not recorded.",
        "Dutch-Ukrainian drone agreement 'expected to sign in the coming weeks' is a plan: "
        "not recorded.",
        "'would not announce new arms supplies' is a negation: not recorded.",
        "Polish offer is conditional ('if partners provided the funds'): not recorded.",
    ],
)

S = (
    "The Czech defence ministry said on Friday that the first batch of large-calibre shells "
    "procured under the renewed Czech-led ammunition initiative had been delivered to "
    "Ukraine."
)
art(
    BSW,
    "2026-10-24T12:00:00+03:00",
    "czech-initiative-first-shells-delivered",
    "First shells from renewed Czech initiative reach Ukraine",
    "Rasa Vaitkut\u0117",
    [
        S,
        "Officials did not disclose the size of the batch, citing security concerns. The "
        "initiative buys shells from countries outside the European Union and is financed by "
        "contributions from more than a dozen governments.",
        "Since early 2024 the initiative has delivered around 3.5 million rounds to Ukraine, "
        "according to Prague.",
        "The future of the scheme had been in doubt after the change of government in Prague, "
        "but the new cabinet decided to keep it running under a different management "
        "structure.",
    ],
    pledges=[
        pledge(
            "Czech Republic",
            None,
            None,
            "military (first batch of large-calibre shells, Czech-led ammunition initiative)",
            "2026-10-23",
            S,
            delivery=True,
            note="delivery announced on Friday; size not disclosed",
        ),
    ],
    notes=["'around 3.5 million rounds since early 2024' is an aggregate: not recorded."],
)

S = (
    "Luxembourg announced on Friday a contribution of \u20ac15 million to the drone coalition "
    "for Ukraine."
)
S2 = "As was reported earlier, Norway allocated NOK 7.5bn for Ukraine's air defence on 16 October."
art(
    UAT,
    "2026-10-25T10:30:00+02:00",
    "aid-roundup-air-defence-winter",
    "Aid roundup: air defence dominates as winter approaches",
    "Staff reporter",
    [
        "Air defence again dominated the support announced for Ukraine this week, as Kyiv "
        "prepared for a winter of attacks on its energy system.",
        S + " The money will be used to buy interceptor drones from Ukrainian producers.",
        S2 + " The Norwegian package is the largest single contribution to Ukraine's air "
        "defence so far this autumn.",
        "Donors have provided tens of billions of euros in military aid since 2022, yet "
        "Ukrainian officials say the need for interceptors keeps growing faster than supply.",
    ],
    pledges=[
        pledge(
            "Luxembourg",
            15_000_000,
            "EUR",
            "military (drone coalition contribution: interceptor drones)",
            "2026-10-23",
            S,
        ),
        pledge(
            "Norway",
            7_500_000_000,
            "NOK",
            "military (air defence)",
            "2026-10-16",
            S2,
            restated=True,
        ),
    ],
    notes=[
        "'tens of billions of euros in military aid since 2022' is an aggregate: not recorded.",
        "Luxembourg's contribution to the drone coalition is money, not a joining event: no "
        "coalition-membership agreement recorded.",
    ],
)

# --------------------------------------------------------------------------- 2026-W44
S = (
    "Ukraine, Denmark and Ukrainian missile maker Fire Point signed an agreement on Monday to "
    "produce solid rocket fuel at a new plant in southern Denmark."
)
art(
    KDM,
    "2026-10-26T13:30:00+02:00",
    "denmark-fire-point-rocket-fuel-plant",
    "Ukrainian missile maker to produce rocket fuel in Denmark",
    "Olena Marchuk",
    [
        S,
        "Danish officials said the plant would be built next to a military airbase and would "
        "follow Danish safety and environmental rules. Local authorities will be consulted on "
        "the final layout.",
        "The fuel will be used in long-range missiles and drones assembled in Ukraine, which "
        "Kyiv has used against Russian refineries and ammunition depots.",
        "Production is expected to begin next year, once the site has been certified.",
    ],
    agreements=[
        agreement(
            ["Ukraine", "Denmark", "Fire Point"],
            "joint production",
            "solid rocket fuel plant in Denmark",
            None,
            "2026-10-26",
            S,
        ),
    ],
    notes=["Start of production next year is a plan: not recorded."],
)

S = (
    "The Netherlands will earmark EUR 1.1bn for the production of drones in Ukraine over the "
    "coming year, the Dutch defence ministry announced on Monday."
)
S2 = (
    "The ministry also said on Monday that it would spend EUR 250 million on radar systems to "
    "detect low-flying drones."
)
art(
    KDM,
    "2026-10-27T10:00:00+02:00",
    "netherlands-eur-11bn-drone-production",
    "Netherlands earmarks EUR 1.1bn for drone production in Ukraine",
    "Taras Hnatiuk",
    [
        S,
        "The money will be used to place orders directly with Ukrainian manufacturers for "
        "interceptor drones, reconnaissance drones and long-range strike systems, the ministry "
        "said.",
        S2,
        "Dutch officials said the scheme built on the Danish model of funding Ukrainian "
        "factories directly and that deliveries would be checked by Ukrainian and Dutch "
        "inspectors.",
    ],
    pledges=[
        pledge(
            "Netherlands",
            1_100_000_000,
            "EUR",
            "defence-industry (drone production in Ukraine)",
            "2026-10-26",
            S,
        ),
        pledge(
            "Netherlands",
            250_000_000,
            "EUR",
            "military (radars against low-flying drones)",
            "2026-10-26",
            S2,
        ),
    ],
)

S = (
    "Japan will provide a new loan of 471.9 billion yen to Ukraine as its share of the G7 "
    "financing backed by the proceeds of immobilised Russian assets, the finance ministry in "
    "Tokyo said on Tuesday."
)
art(
    EDD,
    "2026-10-27T13:15:00+01:00",
    "japan-4719-billion-yen-loan",
    "Japan to lend Ukraine 471.9 billion yen under G7 scheme",
    "Marc Delvaux",
    [
        S,
        "The loan will be disbursed through the World Bank in several instalments and repaid "
        "from the windfall profits of the frozen assets rather than by Ukraine.",
        "Japan's export rules restrict transfers of weapons, so Tokyo's support concentrates on "
        "budget financing, energy equipment and demining.",
        "Ukrainian Prime Minister Yulia Svyrydenko thanked Tokyo and said the money would help "
        "keep pensions and public salaries flowing through the winter.",
    ],
    pledges=[
        pledge(
            "Japan",
            471_900_000_000,
            "JPY",
            "financial (G7 loan backed by Russian asset proceeds)",
            "2026-10-27",
            S,
        ),
    ],
)

S = (
    "Thirty million euros will go towards buying Ukrainian-made long-range drones for "
    "Ukraine's armed forces, the Lithuanian government decided on Tuesday."
)
S2 = (
    "On the same day, Lithuania and Ukraine signed three documents on defence cooperation in "
    "Vilnius, covering military training, cyber defence and the exchange of battlefield data."
)
art(
    BSW,
    "2026-10-28T11:30:00+02:00",
    "lithuania-thirty-million-three-documents",
    "Lithuania commits thirty million euros and signs three documents with Kyiv",
    "Rasa Vaitkut\u0117",
    [
        S,
        S2,
        "Lithuanian officials said the drone orders would be placed within weeks and that the "
        "first systems could reach Ukrainian units before the end of the year.",
        "Vilnius has long argued that buying from Ukrainian producers is the quickest way to "
        "get equipment to the front.",
    ],
    pledges=[
        pledge(
            "Lithuania",
            30_000_000,
            "EUR",
            "defence-industry (Ukrainian-made long-range drones)",
            "2026-10-27",
            S,
            note="spelled-out amount",
        ),
    ],
    agreements=[
        agreement(
            ["Lithuania", "Ukraine"],
            "memorandum/document signing",
            "defence cooperation (training, cyber defence, battlefield data)",
            3,
            "2026-10-27",
            S2,
        ),
    ],
)

art(
    UAT,
    "2026-10-29T15:00:00+02:00",
    "zelensky-madrid-talks",
    "Zelensky holds talks in Madrid as defence deal stays under negotiation",
    "Staff reporter",
    [
        "President Volodymyr Zelensky met Spain's prime minister in Madrid on Thursday for talks "
        "on air defence, reconstruction and Ukraine's path to EU membership.",
        "Ukraine and Spain will sign an updated defence cooperation agreement in the coming "
        "weeks, Zelensky told a joint news conference.",
        "Spanish officials said Madrid was considering taking part in joint purchases of "
        "American weapons for Ukraine, but no decision had been made.",
        "The two leaders also discussed Spanish investment in Ukraine's energy sector.",
    ],
    notes=[
        "'will sign ... in the coming weeks' is a plan: not recorded.",
        "'considering taking part in joint purchases' is speculation: not recorded.",
    ],
)

S = (
    "The Czech Republic joined the armoured vehicles coalition for Ukraine on Thursday, the "
    "Ukrainian defence ministry said."
)
art(
    KDM,
    "2026-10-30T12:00:00+02:00",
    "czech-republic-joins-armoured-coalition",
    "Czech Republic joins armoured vehicles coalition",
    "Taras Hnatiuk",
    [
        S,
        "The coalition, led by Poland and Germany, coordinates the supply, repair and "
        "maintenance of tanks and infantry fighting vehicles for Ukraine.",
        "Czech media reported that Prague could send refurbished tanks as its first "
        "contribution, but the ministry declined to comment.",
        "Czech plants already repair Ukrainian armoured vehicles damaged at the front and have "
        "trained Ukrainian mechanics.",
    ],
    agreements=[
        agreement(
            ["Czech Republic"],
            "coalition membership",
            "armoured vehicles coalition",
            None,
            "2026-10-29",
            S,
        ),
    ],
    notes=["'Prague could send refurbished tanks' is speculation: not recorded."],
)

S = (
    "The European Investment Bank approved \u20ac400 million on Thursday to repair Ukraine's "
    "power grid and protect substations against drone and missile attacks."
)
S2 = (
    "Of that amount, up to \u20ac100 million will be spent on physical shelters for "
    "transformers, the bank said."
)
art(
    EDD,
    "2026-10-30T16:40:00+01:00",
    "eib-400-million-energy-grid",
    "EIB approves \u20ac400 million for Ukraine's power grid",
    "Katrin Vogel",
    [
        S,
        S2,
        "EIB President Nadia Calvi\u00f1o said keeping the lights on was as important to "
        "Ukraine's resilience as any weapon.",
        "The bank has made more than \u20ac2.5 billion available to Ukraine since the start of "
        "the full-scale invasion.",
    ],
    pledges=[
        pledge(
            "European Investment Bank",
            400_000_000,
            "EUR",
            "financial (power grid repair and protection)",
            "2026-10-29",
            S,
        ),
        pledge(
            "European Investment Bank",
            100_000_000,
            "EUR",
            "financial (shelters for transformers)",
            "2026-10-29",
            S2,
            component=True,
            note="component; 'up to'",
        ),
    ],
    notes=[
        "'more than \u20ac2.5 billion ... since the start of the full-scale invasion' is an "
        "aggregate: not recorded."
    ],
)

art(
    BSW,
    "2026-10-31T09:45:00Z",
    "moscow-claims-patriot-strike",
    "Moscow claims strike on Patriot system; Kyiv says a decoy was hit",
    "Janis Ozols",
    [
        "Russia's defence ministry said on Friday that a missile strike had destroyed a Patriot "
        "air-defence launcher supplied by Germany near Dnipro.",
        "Ukraine's air force said the target had been an inflatable decoy and that no "
        "air-defence equipment had been lost.",
        "Neither claim could be verified. Both sides regularly publish footage of strikes that "
        "analysts later struggle to confirm.",
        "Russian officials also repeated warnings that Western weapons sent to Ukraine would be "
        "treated as legitimate targets.",
    ],
    notes=["Russian claim of destroyed aid: not recorded."],
)

art(
    UAT,
    "2026-11-01T11:00:00+02:00",
    "blackout-schedules-return",
    "Blackout schedules return as Ukraine's grid strains",
    "Staff reporter",
    [
        "Scheduled power cuts returned to several Ukrainian regions on Sunday after a week of "
        "Russian attacks on power plants and high-voltage substations.",
        "The Ukraine Energy Support Fund, which buys equipment for grid repairs, has received "
        "more than \u20ac1 billion from donors since 2022.",
        "Ukrenergo said it was importing electricity from neighbouring countries at maximum "
        "capacity during the evening peak.",
        "Residents in Kyiv were advised to charge devices and store water when power was "
        "available.",
    ],
    notes=["'more than \u20ac1 billion from donors since 2022' is an aggregate: not recorded."],
)

# --------------------------------------------------------------------------- 2026-W45
S = (
    "Britain and Ukraine signed a memorandum on Monday on the joint production of interceptor "
    "drones in the United Kingdom, the Ministry of Defence said."
)
art(
    KDM,
    "2026-11-02T14:45:00+02:00",
    "uk-ukraine-interceptor-drone-production",
    "UK and Ukraine agree to produce interceptor drones together",
    "Olena Marchuk",
    [
        S,
        "The drones, designed in Ukraine and already used against Russian attack drones, will "
        "be assembled in Britain with British components and shipped to Ukrainian units.",
        "Officials said the plant could eventually produce several thousand drones a month, "
        "though they gave no date for reaching that level.",
        "Ukrainian engineers will work alongside British staff to adapt the design as Russian "
        "tactics change.",
    ],
    agreements=[
        agreement(
            ["United Kingdom", "Ukraine"],
            "joint production",
            "interceptor drones (memorandum)",
            None,
            "2026-11-02",
            S,
        ),
    ],
)

S = (
    "Sweden will send Ukraine a military aid package worth SEK 7.1 billion, the government said "
    "on Monday."
)
S2 = (
    "The package includes SEK 2.3 billion for air-defence systems and SEK 1.5 billion for "
    "drones, with the rest covering artillery ammunition, winter equipment and spare parts."
)
art(
    KDM,
    "2026-11-03T10:10:00+02:00",
    "sweden-sek-71-billion-package",
    "Sweden unveils SEK 7.1 billion aid package",
    "Taras Hnatiuk",
    [
        S + " It is the country's largest single contribution so far this year.",
        S2,
        "Defence Minister P\u00e5l Jonson said part of the drone money would be spent in Ukraine "
        "through the Danish model.",
        "Swedish military support to Ukraine since 2022 totals more than SEK 90 billion.",
    ],
    pledges=[
        pledge(
            "Sweden",
            7_100_000_000,
            "SEK",
            "military (air defence, drones, ammunition, winter equipment)",
            "2026-11-02",
            S,
        ),
        pledge(
            "Sweden",
            2_300_000_000,
            "SEK",
            "military (air-defence systems)",
            "2026-11-02",
            S2,
            component=True,
        ),
        pledge(
            "Sweden", 1_500_000_000, "SEK", "military (drones)", "2026-11-02", S2, component=True
        ),
    ],
    notes=["'more than SEK 90 billion since 2022' is an aggregate: not recorded."],
)

S = (
    "The European Commission on Monday paid out EUR 4.1 billion to Ukraine under the Ukraine "
    "Facility after Kyiv completed a set of reforms linked to the programme."
)
art(
    EDD,
    "2026-11-03T14:00:00+01:00",
    "commission-pays-41-billion-ukraine-facility",
    "Commission pays EUR 4.1 billion to Ukraine under Ukraine Facility",
    "Marc Delvaux",
    [
        S,
        "The reforms included changes to public procurement rules and the selection of new "
        "judges for the anti-corruption court.",
        "The payment is part of the Ukraine Facility, the EU's main budget-support instrument "
        "for Ukraine until 2027.",
        "Hungary could again block the next tranche of military support under the European "
        "Peace Facility, diplomats said.",
    ],
    pledges=[
        pledge(
            "European Union",
            4_100_000_000,
            "EUR",
            "financial (Ukraine Facility payment)",
            "2026-11-02",
            S,
            delivery=True,
        ),
    ],
    notes=["Possible Hungarian block is speculation: not recorded."],
)

S = (
    "Finland will send Ukraine defence materiel worth more than \u20ac90 million in its 31st "
    "aid package, the defence ministry said on Tuesday."
)
S_FI = (
    "On the same day, Finnish and Ukrainian officials signed an update to the bilateral "
    "security agreement the two countries concluded in 2024, adding provisions on air defence "
    "and industrial cooperation."
)
art(
    BSW,
    "2026-11-04T12:20:00+02:00",
    "finland-31st-package",
    "Finland announces 31st defence package for Ukraine",
    "Janis Ozols",
    [
        S,
        "The ministry did not list the contents in detail, citing operational security, but "
        "said the package focused on heavy weapons and ammunition.",
        S_FI,
        "Defence Minister Antti H\u00e4kk\u00e4nen said Finland would keep supporting Ukraine "
        "for as long as necessary.",
        "Finland's military aid to Ukraine now amounts to about \u20ac3.3 billion in total.",
    ],
    pledges=[
        pledge(
            "Finland",
            90_000_000,
            "EUR",
            "military (31st package: heavy weapons, ammunition)",
            "2026-11-03",
            S,
            note="'more than'",
        ),
    ],
    agreements=[
        agreement(
            ["Finland", "Ukraine"],
            "security agreement",
            "update of the 2024 bilateral security agreement (air defence, industrial cooperation)",
            None,
            "2026-11-03",
            S_FI,
        ),
    ],
    notes=[
        "'about \u20ac3.3 billion in total' is an aggregate: not recorded.",
        "'would keep supporting Ukraine' is generic: not recorded.",
    ],
)

S = (
    "The Netherlands has transferred UAH 5 billion to Ukraine's defence ministry to buy "
    "interceptor drones from Ukrainian producers, the ministry in Kyiv said on Wednesday."
)
S2 = (
    "The transfer is the first payment from the EUR 1.1bn that the Netherlands previously "
    "earmarked for drone production in Ukraine."
)
art(
    UAT,
    "2026-11-05T09:00:00Z",
    "netherlands-uah-5-billion-interceptors",
    "Netherlands transfers UAH 5 billion for interceptor drones",
    "Staff reporter",
    [
        S,
        S2,
        "Interceptor drones have become a cheap way of bringing down Shahed-type attack drones, "
        "which Russia launches in their hundreds on some nights.",
        "Russia's defence ministry said its forces had shot down dozens of Ukrainian drones "
        "over the Bryansk region overnight.",
    ],
    pledges=[
        pledge(
            "Netherlands",
            5_000_000_000,
            "UAH",
            "defence-industry (interceptor drones from Ukrainian producers)",
            "2026-11-04",
            S,
            delivery=True,
            component=True,
            note="first payment out of the EUR 1.1bn pledge; transfer already made",
        ),
        pledge(
            "Netherlands",
            1_100_000_000,
            "EUR",
            "defence-industry (drone production in Ukraine)",
            None,
            S2,
            restated=True,
        ),
    ],
)

S = (
    "Portugal and Austria joined the demining coalition for Ukraine on Wednesday, the group "
    "led by Lithuania and Iceland said."
)
art(
    KDM,
    "2026-11-05T16:30:00+02:00",
    "portugal-austria-join-demining-coalition",
    "Portugal and Austria join demining coalition",
    "Olena Marchuk",
    [
        S,
        "Austria, which is militarily neutral, said its contribution would focus on equipment "
        "and training for humanitarian demining.",
        "Ukrainian authorities estimate that around a fifth of the country's territory may be "
        "contaminated with mines and unexploded ordnance, much of it farmland.",
        "Officials said the coalition would meet again in December to coordinate purchases of "
        "mine-clearing machines.",
    ],
    agreements=[
        agreement(
            ["Portugal", "Austria"],
            "coalition membership",
            "demining coalition",
            None,
            "2026-11-04",
            S,
        ),
    ],
    notes=["December meeting is a plan: not recorded."],
)

art(
    EDD,
    "2026-11-06T11:20:00+01:00",
    "kyiv-defence-industry-forum",
    "Kyiv industry forum: many plans, few contracts",
    "Katrin Vogel",
    [
        "Hundreds of executives gathered in Kyiv this week for a defence industry forum at which "
        "Ukrainian officials urged foreign companies to produce in Ukraine.",
        "Several European companies said they planned to sign joint production agreements with "
        "Ukrainian partners in the coming months.",
        "Ukraine's strategic industries ministry said it was preparing a memorandum with a "
        "group of Nordic producers, without giving a date.",
        "Executives said insurance against war risks and the protection of staff remained the "
        "main obstacles to investment.",
    ],
    notes=[
        "Planned joint production agreements and a memorandum 'being prepared' are plans: "
        "not recorded."
    ],
)

art(
    BSW,
    "2026-11-07T10:40:00+02:00",
    "baltic-cable-shadow-fleet",
    "Baltic navies shadow tanker after cable damage",
    "Janis Ozols",
    [
        "Naval vessels from Finland and Estonia shadowed an oil tanker through the Gulf of "
        "Finland on Friday after an undersea data cable was found damaged.",
        "Investigators are examining whether the ship, which sails under a flag of convenience, "
        "dragged its anchor across the seabed.",
        "NATO has stepped up patrols in the Baltic Sea since a series of similar incidents.",
        "Officials said the damage had not disrupted internet traffic, which was rerouted "
        "through other cables.",
    ],
    notes=["Baltic security news: no records."],
)

art(
    UAT,
    "2026-11-08T12:15:00+02:00",
    "drone-strikes-russian-refineries",
    "Ukrainian drones hit two Russian refineries",
    "Staff reporter",
    [
        "Ukrainian long-range drones struck two oil refineries in southern Russia overnight "
        "into Sunday, causing fires, according to regional officials and Ukraine's general "
        "staff.",
        "Russia's defence ministry said air defences had destroyed more than forty drones over "
        "several regions.",
        "Ukraine says the refineries supply fuel to the Russian army and are legitimate "
        "military targets.",
        "Analysts say the campaign has forced Russia to restrict exports of petrol.",
    ],
    notes=["Battlefield news: no records."],
)

# --------------------------------------------------------------------------- 2026-W46
S = (
    "Canada will provide C$200 million in military assistance to Ukraine, the Defence Minister "
    "announced on Monday in Ottawa."
)
S2 = (
    "In a statement, National Defence said the package includes $120 million for drones and "
    "$80 million for armoured vehicle support."
)
art(
    UAT,
    "2026-11-09T12:00:00+02:00",
    "canada-200-million-drones-armoured",
    "Canada to give C$200 million for drones and armoured vehicles",
    "Staff reporter",
    [
        S,
        S2 + " The funds come from money set aside in the federal budget.",
        "Canada has committed more than C$4.5 billion in military assistance to Ukraine since "
        "2022.",
        "The minister said Canada would also continue training Ukrainian soldiers in Europe.",
    ],
    pledges=[
        pledge(
            "Canada",
            200_000_000,
            "CAD",
            "military (drones, armoured vehicle support)",
            "2026-11-09",
            S,
        ),
        pledge(
            "Canada",
            120_000_000,
            "CAD",
            "military (drones)",
            "2026-11-09",
            S2,
            component=True,
            note="plain $ in a Canadian government statement = CAD",
        ),
        pledge(
            "Canada",
            80_000_000,
            "CAD",
            "military (armoured vehicle support)",
            "2026-11-09",
            S2,
            component=True,
            note="plain $ in a Canadian government statement = CAD",
        ),
    ],
    notes=[
        "'more than C$4.5 billion ... since 2022' is an aggregate: not recorded.",
        "Continued training is generic: not recorded.",
    ],
)

S = (
    "Japan joined the IT coalition for Ukraine on Monday, becoming the first Asian member of "
    "the group led by Estonia and Luxembourg, the Estonian foreign ministry said."
)
S2 = (
    "Tokyo also pledged 1.5 billion yen on Monday to the coalition's fund for cyber defence "
    "and secure communications."
)
art(
    BSW,
    "2026-11-09T14:00:00+02:00",
    "japan-joins-it-coalition",
    "Japan joins IT coalition for Ukraine",
    "Rasa Vaitkut\u0117",
    [
        S,
        S2,
        "The coalition helps Ukraine's armed forces with digital systems, from battlefield "
        "management software to protected networks.",
        "Estonian officials said Japan's expertise in cyber security would strengthen the "
        "group's work.",
    ],
    pledges=[
        pledge(
            "Japan",
            1_500_000_000,
            "JPY",
            "military (IT coalition fund: cyber defence, secure communications)",
            "2026-11-09",
            S2,
        ),
    ],
    agreements=[
        agreement(["Japan"], "coalition membership", "IT coalition", None, "2026-11-09", S),
    ],
)

S = (
    "Germany will provide Ukraine with a new \u20ac2.5 billion package of military aid focused "
    "on air defence, Defence Minister Boris Pistorius announced on Monday in Berlin."
)
S2 = (
    "The package includes \u20ac1.2 billion for additional IRIS-T air-defence systems and "
    "missiles and about \u20ac400 million for Patriot interceptors, Pistorius said."
)
art(
    KDM,
    "2026-11-10T10:00:00+02:00",
    "germany-25-billion-air-defence-package",
    "Germany pledges \u20ac2.5 billion air-defence package for Ukraine",
    "Taras Hnatiuk",
    [
        S,
        S2,
        "The remainder will go to radar systems, anti-drone guns and spare parts, according to "
        "the defence ministry.",
        "Germany has provided around \u20ac40 billion in military support to Ukraine since "
        "February 2022, making it the largest donor in Europe.",
        "Pistorius said Germany would not send Taurus cruise missiles, repeating a position the "
        "government has held for more than two years.",
    ],
    pledges=[
        pledge(
            "Germany",
            2_500_000_000,
            "EUR",
            "military (air defence: IRIS-T, Patriot interceptors, radars, anti-drone guns)",
            "2026-11-09",
            S,
        ),
        pledge(
            "Germany",
            1_200_000_000,
            "EUR",
            "military (IRIS-T systems and missiles)",
            "2026-11-09",
            S2,
            component=True,
        ),
        pledge(
            "Germany",
            400_000_000,
            "EUR",
            "military (Patriot interceptors)",
            "2026-11-09",
            S2,
            component=True,
        ),
    ],
    notes=[
        "'around \u20ac40 billion ... since February 2022' is an aggregate: not recorded.",
        "'would not send Taurus cruise missiles' is a negation: not recorded.",
    ],
)

S = (
    "Belgium will provide \u20ac611 million ($655 million) in military assistance to Ukraine, "
    "Defence Minister Theo Francken said on Tuesday after meeting his Ukrainian counterpart in "
    "Brussels."
)
S2 = (
    "At the same meeting, Ukraine and Belgium signed six documents on defence-industrial "
    "cooperation, including deals on the joint production of drones and artillery ammunition "
    "in Ukraine."
)
art(
    EDD,
    "2026-11-11T09:30:00+01:00",
    "belgium-611-million-six-documents",
    "Belgium pledges \u20ac611 million and signs six defence documents with Ukraine",
    "Marc Delvaux",
    [
        S,
        S2,
        "Francken said the assistance would include air-defence equipment, spare parts for "
        "fighter jets and mine-clearing vehicles.",
        "Ukraine's defence minister said Belgian money would also help Ukrainian companies "
        "expand production lines that are currently running below capacity.",
    ],
    pledges=[
        pledge(
            "Belgium",
            611_000_000,
            "EUR",
            "military (air defence, jet spare parts, mine-clearing vehicles)",
            "2026-11-10",
            S,
            note="bracketed $655 million conversion ignored",
        ),
    ],
    agreements=[
        agreement(
            ["Ukraine", "Belgium"],
            "joint production",
            "defence-industrial cooperation, joint production of drones and ammunition in Ukraine",
            6,
            "2026-11-10",
            S2,
        ),
    ],
    also=UAT,
)

S = (
    "The Czech Republic and Slovenia joined the drone coalition for Ukraine at a meeting of its "
    "steering committee in Riga on Tuesday, the Latvian defence ministry said."
)
art(
    BSW,
    "2026-11-11T15:00:00+02:00",
    "czech-slovenia-join-drone-coalition",
    "Czech Republic and Slovenia join drone coalition",
    "Janis Ozols",
    [
        S,
        "The coalition, co-led by Latvia and the United Kingdom, pools money from its members to "
        "buy drones for Ukraine, increasingly from Ukrainian manufacturers.",
        "Latvian officials said interceptor drones would be a priority in next year's purchases.",
        "Coalition members have together committed more than \u20ac2.8 billion since the group "
        "was launched in 2024.",
    ],
    agreements=[
        agreement(
            ["Czech Republic", "Slovenia"],
            "coalition membership",
            "drone coalition",
            None,
            "2026-11-10",
            S,
        ),
    ],
    notes=[
        "'more than \u20ac2.8 billion since ... 2024' is an aggregate: not recorded.",
        "Launch of the coalition in 2024 is presupposed: not recorded.",
    ],
)

S = (
    "The European Union allocated \u20ac300 million from the windfall profits of immobilised "
    "Russian assets to Ukraine's air defence on Wednesday, the European Commission said."
)
S2 = (
    "Recall that the EU transferred \u20ac1.4 billion from windfall profits to Ukraine in July, "
    "mostly for air defence and artillery ammunition."
)
art(
    UAT,
    "2026-11-12T10:20:00+02:00",
    "eu-300-million-windfall-air-defence",
    "EU allocates \u20ac300 million windfall tranche for air defence",
    "Staff reporter",
    [
        S,
        "The money will be channelled through the European Peace Facility to buy interceptor "
        "missiles and radars, the Commission said.",
        S2,
        "Hungary did not take part in the decision, using an exemption that allows it to stay "
        "out of financing weapons.",
    ],
    pledges=[
        pledge(
            "European Union",
            300_000_000,
            "EUR",
            "military (windfall profits via European Peace Facility: interceptors, radars)",
            "2026-11-11",
            S,
        ),
        pledge(
            "European Union",
            1_400_000_000,
            "EUR",
            "military (windfall profits tranche: air defence, artillery ammunition)",
            "2026-07",
            S2,
            restated=True,
            delivery=True,
        ),
    ],
)

S = (
    "Britain will spend more than \u00a3250 million on air-defence drones for Ukraine, Defence "
    "Secretary John Healey said on Wednesday during a visit to Kyiv."
)
S2 = (
    "The funding comes on top of the \u00a32.26 billion loan announced last month, a British "
    "official said."
)
art(
    KDM,
    "2026-11-12T17:10:00+02:00",
    "uk-250-million-air-defence-drones",
    "UK commits more than \u00a3250 million to air-defence drones",
    "Olena Marchuk",
    [
        S,
        S2,
        "Healey said Britain would be ready to send additional Storm Shadow missiles if "
        "European partners agreed to share the cost.",
        "The drones will be built under the joint production arrangement with Ukrainian "
        "designers and delivered over the winter.",
    ],
    pledges=[
        pledge(
            "United Kingdom",
            250_000_000,
            "GBP",
            "military (air-defence drones)",
            "2026-11-11",
            S,
            note="'more than'",
        ),
        pledge(
            "United Kingdom",
            2_260_000_000,
            "GBP",
            "financial (loan backed by Russian asset profits)",
            "2026-10",
            S2,
            restated=True,
        ),
    ],
    notes=[
        "Storm Shadow offer is conditional ('if European partners agreed'): not recorded.",
        "The joint production arrangement is presupposed: not recorded.",
    ],
)

S = (
    "Ukraine and T\u00fcrkiye signed a memorandum on Thursday on the joint production of "
    "Bayraktar drones, with Turkish manufacturer Baykar as the industrial partner, Ukraine's "
    "strategic industries ministry said."
)
art(
    EDD,
    "2026-11-13T12:00:00+01:00",
    "ukraine-turkiye-baykar-memorandum",
    "Ukraine and T\u00fcrkiye sign drone production memorandum with Baykar",
    "Katrin Vogel",
    [
        S,
        "Baykar has been building a factory near Kyiv for several years, and the memorandum "
        "sets out how Ukrainian engineers and suppliers will be involved.",
        "Turkish officials said Ankara would continue to offer itself as a venue for talks "
        "between Kyiv and Moscow.",
        "The drones became a symbol of Ukrainian resistance in the first months of the "
        "full-scale invasion.",
    ],
    agreements=[
        agreement(
            ["Ukraine", "Turkey", "Baykar"],
            "joint production",
            "Bayraktar drone production (memorandum)",
            None,
            "2026-11-12",
            S,
        ),
    ],
    notes=["Offer to host talks is not an agreement."],
)

S = (
    "Denmark will finance the production of Ukrainian Bohdana howitzers worth DKK 600 million, "
    "the Danish defence ministry said on Thursday."
)
S2 = (
    "The announcement follows Norway's previously announced NOK 7.5bn for Ukraine's air "
    "defence, some of which is also being spent through the Danish model."
)
art(
    BSW,
    "2026-11-13T11:45:00+02:00",
    "denmark-600-million-bohdana-howitzers",
    "Denmark adds DKK 600 million for Ukrainian howitzers",
    "Rasa Vaitkut\u0117",
    [
        S,
        "The self-propelled guns will be built in Ukraine and delivered directly to brigades "
        "at the front, the ministry said.",
        S2,
        "Danish officials said Ukrainian factories could deliver artillery faster and more "
        "cheaply than Western producers.",
    ],
    pledges=[
        pledge(
            "Denmark",
            600_000_000,
            "DKK",
            "defence-industry (Bohdana howitzers produced in Ukraine, Danish model)",
            "2026-11-12",
            S,
        ),
        pledge("Norway", 7_500_000_000, "NOK", "military (air defence)", None, S2, restated=True),
    ],
)

art(
    UAT,
    "2026-11-14T09:30:00Z",
    "massive-strike-russian-claims-leopards",
    "Massive overnight strike hits Ukrainian energy; Russia claims Leopard tanks destroyed",
    "Staff reporter",
    [
        "Russia launched more than four hundred drones and dozens of missiles at Ukraine "
        "overnight into Saturday, targeting power plants and gas facilities in several "
        "regions.",
        "Russia's defence ministry claimed its forces had destroyed three German-made Leopard "
        "tanks and a Western-supplied artillery radar in the Zaporizhzhia region.",
        "Ukraine's general staff did not comment on the claim.",
        "Emergency power cuts were introduced in Kyiv, Odesa and Kharkiv regions.",
    ],
    notes=["Russian claim of destroyed Western equipment: not recorded."],
)

art(
    KDM,
    "2026-11-14T13:00:00+02:00",
    "eu-summit-reparations-loan-speculation",
    "EU leaders could agree reparations loan at December summit",
    "Taras Hnatiuk",
    [
        "European Union leaders could agree on a loan to Ukraine financed by immobilised Russian "
        "assets at their summit in December, according to diplomats involved in the talks.",
        "Belgium, where most of the assets are held, has asked for guarantees before it would "
        "back the plan.",
        "The Commission will present a revised legal proposal in the coming weeks, officials said.",
        "Ukrainian officials said they would not announce new purchases until the financing "
        "was settled.",
    ],
    notes=[
        "Reparations loan 'could agree' is speculation: not recorded.",
        "Revised proposal 'in the coming weeks' is a plan: not recorded.",
        "'would not announce new purchases' is a negation: not recorded.",
    ],
)

S = (
    "Spain will provide Ukraine with \u20ac1 billion in military aid next year, Prime Minister "
    "Pedro S\u00e1nchez said on Saturday after a phone call with President Volodymyr Zelensky."
)
art(
    EDD,
    "2026-11-15T10:30:00+01:00",
    "spain-1-billion-military-aid-2027",
    "Spain announces \u20ac1 billion in military aid for 2027",
    "Marc Delvaux",
    [
        S,
        "Defence Minister Margarita Robles said the aid would include air-defence missiles, "
        "armoured vehicles and training for Ukrainian troops in Spain.",
        "S\u00e1nchez said Spain would also host a conference on Ukraine's reconstruction, "
        "without giving a date.",
        "Spain has been one of the larger European suppliers of air-defence missiles to Ukraine.",
    ],
    pledges=[
        pledge(
            "Spain",
            1_000_000_000,
            "EUR",
            "military (2027 aid: air-defence missiles, armoured vehicles, training)",
            "2026-11-14",
            S,
        ),
    ],
    notes=["Reconstruction conference is a plan: not recorded."],
)

# Background paragraphs by theme, used before the general PADDING pool so that an article's
# filler matches its subject. Like PADDING, they hold no amounts, pledges or agreements.
THEMED_PADDING = {
    "air": [
        "Air defence has become the most contested item on Ukraine's list of needs. Each large "
        "Russian attack can combine hundreds of drones with cruise and ballistic missiles, and "
        "Ukrainian crews have to decide within minutes which targets to engage with scarce "
        "interceptors and which to leave to mobile fire groups.",
        "Mobile fire groups, often made up of older volunteers with machine guns mounted on "
        "pick-up trucks, now bring down a large share of the attack drones that cross into "
        "Ukrainian airspace at night. They are cheap to run, but they cannot stop missiles.",
        "Ukrainian officials say that protecting power plants has become as important as "
        "protecting cities, because a single successful strike on a substation can leave a "
        "whole region without heating when temperatures fall below zero.",
        "Western-made systems have proved highly effective against cruise missiles, but their "
        "interceptors are expensive and slow to produce. That has pushed Kyiv to develop its "
        "own interceptor drones, which cost a fraction of a missile and can be built in large "
        "numbers in small workshops.",
        "Radar coverage is another weak spot. Russian drones increasingly fly at very low "
        "altitude or follow river valleys to avoid detection, and Ukrainian commanders have "
        "asked for networks of small acoustic and radar sensors to close the gaps.",
    ],
    "industry": [
        "Ukraine's defence industry has grown from a few state-owned plants into hundreds of "
        "private companies, many of them founded after 2022 by engineers with no previous "
        "military background. Together they turn out drones, electronic warfare equipment and "
        "increasingly missiles.",
        "Foreign investors have been cautious about putting factories inside a country at war, "
        "fearing missile strikes on production sites. Many Ukrainian firms have responded by "
        "spreading production across small, dispersed workshops that are hard to find and "
        "easy to replace.",
        "European governments increasingly see cooperation with Ukrainian producers as a way "
        "to strengthen their own armed forces as well, because Ukrainian designs are tested "
        "in combat and updated within weeks when the enemy adapts.",
        "Export rules remain a sticking point. Ukraine still restricts the sale of most "
        "weapons abroad, and manufacturers have lobbied the government to allow exports of "
        "surplus production so that they can finance new lines and keep skilled staff.",
        "The pace of change on the battlefield puts heavy pressure on manufacturers. A drone "
        "model that works well in spring may be useless by autumn once Russian jamming has "
        "adapted, so production runs are short and designs are constantly revised.",
    ],
    "finance": [
        "Ukraine relies on foreign money to pay for much of its civilian budget, including "
        "pensions, public salaries and social programmes, while it spends nearly all of its "
        "own tax revenue on the army. The finance ministry says the gap for next year is "
        "still only partly covered.",
        "The use of frozen Russian central bank assets has been debated in Europe for years. "
        "Governments have so far relied on the profits those assets generate rather than on "
        "the assets themselves, citing legal and financial risks.",
        "International financial institutions have played a growing role, lending money for "
        "the repair of energy and transport networks and guaranteeing investments by private "
        "companies that would otherwise avoid the risk of operating in a country at war.",
        "Ukraine's economy returned to modest growth after the shock of the invasion, helped "
        "by exports through its Black Sea ports, but officials warn that damage to the power "
        "system and labour shortages are weighing on activity.",
        "Reforms demanded by donors, from the judiciary to customs, have become a condition "
        "for many payments. Anti-corruption campaigners in Kyiv say the conditions have helped "
        "them push changes that politicians would otherwise have delayed.",
    ],
    "front": [
        "Both armies now rely on drones to watch and strike across a strip of land several "
        "kilometres wide, which soldiers call the kill zone. Supplies are often delivered by "
        "ground robots or by drones dropping packages, because vehicles are spotted quickly.",
        "Russian forces use glide bombs, heavy aerial bombs fitted with wings and guidance "
        "kits, to destroy Ukrainian positions and towns near the front. The bombs are dropped "
        "from aircraft that stay out of range of most Ukrainian air-defence systems.",
        "Claims of destroyed equipment are a routine part of the information war. Open-source "
        "researchers who compare photographs and videos say that both sides overstate enemy "
        "losses, sometimes by a wide margin.",
        "Civilians in front-line towns face daily shelling and drone attacks, and local "
        "authorities have ordered the evacuation of families with children from several "
        "districts. Many older residents refuse to leave their homes.",
        "Ukraine has also stepped up its long-range campaign against Russian oil refineries, "
        "airfields and arms depots, using drones and missiles built in Ukraine. Kyiv says the "
        "strikes are aimed at the Russian war economy.",
    ],
    "diplomacy": [
        "Capability coalitions, groups of countries that take charge of one area of support "
        "such as drones, demining or armoured vehicles, were set up within the Ukraine "
        "Defence Contact Group to coordinate aid and avoid duplication.",
        "The coalitions meet regularly to compare what Ukraine needs with what their members "
        "can produce or buy. Officials say the format has made it easier for smaller countries "
        "to contribute in areas where they have particular expertise.",
        "Efforts to end the war through negotiations have so far produced little beyond "
        "prisoner exchanges and the return of bodies of fallen soldiers. Ukrainian officials "
        "insist that any settlement must include security guarantees.",
        "European leaders have spent much of the year debating how to guarantee Ukraine's "
        "security after any ceasefire, including the possibility of a reassurance force. No "
        "decisions have been taken on troop numbers or deployment.",
        "Ukraine's accession talks with the European Union have been slowed by the need for "
        "unanimity among member states. Diplomats say technical work on the negotiating "
        "chapters continues regardless, so that talks can move quickly once blocks are "
        "lifted.",
    ],
}

THEMES = {
    "denmark-dkk-package-drones-artillery": "industry",
    "eu-peace-facility-half-billion-ammunition": "finance",
    "lithuania-ukraine-drone-memorandum": "industry",
    "kharkiv-energy-strikes-russian-claims": "air",
    "australia-a110m-drones-armoured-vehicles": "diplomacy",
    "eu-foreign-ministers-sanctions-talks": "diplomacy",
    "norway-nok-75bn-air-defence": "air",
    "ukraine-heating-season-gas-storage": "finance",
    "uk-226-billion-loan-frozen-assets": "finance",
    "rheinmetall-ukraine-shell-plant": "industry",
    "latvia-approves-112-million-military-aid": "diplomacy",
    "switzerland-chf-reconstruction-programme": "finance",
    "fighting-west-of-pokrovsk-drones": "front",
    "contact-group-meeting-preview": "diplomacy",
    "czech-initiative-first-shells-delivered": "front",
    "aid-roundup-air-defence-winter": "air",
    "denmark-fire-point-rocket-fuel-plant": "industry",
    "netherlands-eur-11bn-drone-production": "industry",
    "japan-4719-billion-yen-loan": "finance",
    "lithuania-thirty-million-three-documents": "industry",
    "zelensky-madrid-talks": "diplomacy",
    "czech-republic-joins-armoured-coalition": "diplomacy",
    "eib-400-million-energy-grid": "finance",
    "moscow-claims-patriot-strike": "front",
    "blackout-schedules-return": "air",
    "uk-ukraine-interceptor-drone-production": "industry",
    "sweden-sek-71-billion-package": "air",
    "commission-pays-41-billion-ukraine-facility": "finance",
    "finland-31st-package": "front",
    "netherlands-uah-5-billion-interceptors": "air",
    "portugal-austria-join-demining-coalition": "diplomacy",
    "kyiv-defence-industry-forum": "industry",
    "baltic-cable-shadow-fleet": "diplomacy",
    "drone-strikes-russian-refineries": "front",
    "canada-200-million-drones-armoured": "front",
    "japan-joins-it-coalition": "diplomacy",
    "germany-25-billion-air-defence-package": "air",
    "belgium-611-million-six-documents": "industry",
    "czech-slovenia-join-drone-coalition": "diplomacy",
    "eu-300-million-windfall-air-defence": "air",
    "uk-250-million-air-defence-drones": "air",
    "ukraine-turkiye-baykar-memorandum": "industry",
    "denmark-600-million-bohdana-howitzers": "industry",
    "massive-strike-russian-claims-leopards": "front",
    "eu-summit-reparations-loan-speculation": "finance",
    "spain-1-billion-military-aid-2027": "air",
}

# Further reporting per article (quotes, context, reactions), inserted before the closing
# paragraph. No new amounts, pledges or agreements.
EXTRA = {
    "denmark-dkk-package-drones-artillery": [
        "Danish officials said the ammunition would come partly from a new production line "
        "in Denmark that opened this year, and partly from suppliers elsewhere in Europe.",
        "Opposition parties in the Danish parliament backed the package, which was discussed "
        "with them before the announcement, continuing a broad cross-party consensus on "
        "Ukraine.",
    ],
    "eu-peace-facility-half-billion-ammunition": [
        "The approval followed weeks of negotiations between ambassadors, during which the "
        "wording of the decision was changed several times to meet objections about how the "
        "money could be spent.",
        "Ukrainian diplomats in Brussels welcomed the decision but said the bloc's procedures "
        "remained too slow for the pace of the war.",
    ],
    "lithuania-ukraine-drone-memorandum": [
        "Lithuanian officials said the memorandum would also make it easier for engineers from "
        "both countries to travel and work at each other's sites, and for companies to share "
        "test ranges.",
        "Ukraine's ambassador in Vilnius described the deal as a sign that Ukrainian "
        "manufacturers were no longer only recipients of help but partners of European "
        "industry.",
    ],
    "kharkiv-energy-strikes-russian-claims": [
        "City authorities opened heating points in schools and administrative buildings, "
        "where residents could warm up, charge phones and get hot drinks.",
        "Kharkiv, Ukraine's second-largest city, lies about thirty kilometres from the Russian "
        "border and has been hit more often than almost any other large Ukrainian city.",
    ],
    "australia-a110m-drones-armoured-vehicles": [
        "Australian-made armoured vehicles have been used by Ukrainian units for several years, "
        "and soldiers have praised their protection against mines.",
        "The announcement was welcomed by the opposition in Canberra, which said it supported "
        "continued help for Ukraine but wanted more information on delivery timelines.",
    ],
    "eu-foreign-ministers-sanctions-talks": [
        "Several ministers said the sanctions on tankers had reduced Russian oil revenue, but "
        "that enforcement at sea remained difficult because many ships change names and flags.",
        "The meeting also discussed the situation in the Middle East and relations with China.",
    ],
    "norway-nok-75bn-air-defence": [
        "It was St\u00f8re's first visit to the Ukrainian capital since last year. He also "
        "laid flowers at a memorial to Ukrainian soldiers killed in the war.",
        "Norwegian officials said the country's wealth fund revenues gave it room to keep "
        "supporting Ukraine without cutting spending at home.",
    ],
    "ukraine-heating-season-gas-storage": [
        "Naftogaz executives said the company had repaired some of the damaged production "
        "facilities in record time, but warned that each new attack pushed up import needs.",
        "Households have been asked to save energy during the evening peak, when demand is "
        "highest and the grid is most vulnerable.",
    ],
    "uk-226-billion-loan-frozen-assets": [
        "The Treasury said the loan was part of a wider effort by G7 countries to make Russia "
        "pay for the damage it has caused in Ukraine.",
        "Russian officials condemned the use of profits from frozen assets as theft and "
        "threatened unspecified retaliation against British interests.",
    ],
    "rheinmetall-ukraine-shell-plant": [
        "Ukraine's strategic industries ministry said the plant would employ several hundred "
        "people and would train Ukrainian specialists in modern production methods.",
        "Rheinmetall has expanded rapidly since 2022, opening new ammunition factories in "
        "Germany, Lithuania and elsewhere, and its share price has risen several times over.",
    ],
    "latvia-approves-112-million-military-aid": [
        "Latvian officials said the country's defence industry had grown quickly thanks to "
        "orders linked to Ukraine, with several small drone companies now exporting.",
        "The government also said it would keep training Ukrainian soldiers at Latvian bases "
        "next year.",
    ],
    "switzerland-chf-reconstruction-programme": [
        "The programme will be managed by the Swiss development agency together with the "
        "economic affairs secretariat, which will select the projects in consultation with "
        "Ukrainian authorities.",
        "Swiss business associations welcomed the plan, saying Swiss engineering firms were "
        "well placed to help rebuild power and water networks.",
    ],
    "fighting-west-of-pokrovsk-drones": [
        "A platoon commander said his unit had not seen a Russian tank for weeks, but that "
        "drones were overhead almost constantly, day and night.",
        "Medics described evacuating wounded soldiers on foot or by bicycle because vehicles "
        "could not approach the positions safely.",
    ],
    "contact-group-meeting-preview": [
        "The Contact Group was set up in 2022 at the American air base in Ramstein, Germany, "
        "and has since been co-chaired by Britain and Germany.",
        "Ukraine's defence minister is expected to present a list of priorities for the winter, "
        "with air defence and drones at the top.",
    ],
    "czech-initiative-first-shells-delivered": [
        "Czech officials said the shells had been inspected before being shipped, after "
        "earlier complaints from Ukrainian units about the quality of some ammunition.",
        "Ukrainian artillery commanders have long said they need a steady flow of shells "
        "rather than large deliveries followed by long gaps.",
    ],
    "aid-roundup-air-defence-winter": [
        "Ukraine's air force said this week that Russia had launched a record number of drones "
        "in a single month, and that the share of drones getting through had risen.",
        "Officials in Kyiv have also asked partners for generators and transformers to help "
        "cities keep heating running after attacks.",
    ],
    "denmark-fire-point-rocket-fuel-plant": [
        "Residents near the planned site raised questions about safety at a public meeting, "
        "and Danish officials promised regular information about the project.",
        "Fire Point has become one of Ukraine's best-known defence companies, producing "
        "long-range drones and developing cruise and ballistic missiles.",
    ],
    "netherlands-eur-11bn-drone-production": [
        "Dutch officials said Ukrainian factories could deliver drones far faster than "
        "European producers, and at a fraction of the price.",
        "The Dutch parliament has consistently backed support for Ukraine, and the country "
        "has been one of the strongest voices for it within the EU.",
    ],
    "japan-4719-billion-yen-loan": [
        "Japanese officials said the country would also keep supporting Ukraine's energy "
        "sector with equipment such as transformers and gas turbines.",
        "Tokyo has repeatedly said that the war in Ukraine has implications for security in "
        "East Asia, where it is concerned about China's military build-up.",
    ],
    "lithuania-thirty-million-three-documents": [
        "The documents were signed by the two countries' defence ministers in the presence of "
        "senior commanders from both armies.",
        "Lithuanian officials said the cyber defence cooperation would include joint exercises "
        "and the exchange of information on Russian hacking groups.",
    ],
    "zelensky-madrid-talks": [
        "Zelensky thanked Spain for its support and for hosting Ukrainian refugees, tens of "
        "thousands of whom live in the country.",
        "The Spanish prime minister said Spain would stand by Ukraine and called for a just "
        "and lasting peace.",
    ],
    "czech-republic-joins-armoured-coalition": [
        "Ukrainian officials said armoured vehicles remained essential for evacuating wounded "
        "soldiers and moving infantry, even on a battlefield dominated by drones.",
        "The Czech defence industry has grown strongly since 2022, and several companies have "
        "opened offices in Kyiv.",
    ],
    "eib-400-million-energy-grid": [
        "The bank said the money would be managed by Ukraine's grid operator, which has "
        "experience of rapid repairs after attacks.",
        "Physical shelters, concrete and earth structures built around transformers, have "
        "protected some substations from drone strikes, according to Ukrainian engineers.",
    ],
    "moscow-claims-patriot-strike": [
        "Ukraine has used decoys of air-defence systems, aircraft and artillery pieces since "
        "early in the war to draw Russian fire away from real equipment.",
        "Military analysts said that the loss of a real launcher would be significant but "
        "would not change the situation in the region.",
    ],
    "blackout-schedules-return": [
        "Shops and cafes in the capital ran generators on the pavements, and the noise of "
        "engines filled many streets in the evening.",
        "Energy officials said the situation was better than at the same time two years ago "
        "thanks to repairs and new generating capacity, but that further attacks could change "
        "that quickly.",
    ],
    "uk-ukraine-interceptor-drone-production": [
        "British officials said the deal would also give the British army access to designs "
        "tested in combat, which could help it adapt its own air defence.",
        "The Ukrainian ambassador in London called the memorandum a step towards a deeper "
        "industrial partnership between the two countries.",
    ],
    "sweden-sek-71-billion-package": [
        "The government said the package had been prepared in close contact with Ukraine's "
        "defence ministry to match its most urgent needs ahead of winter.",
        "Swedish opposition parties backed the package in parliament, where support for "
        "Ukraine has remained broad across party lines.",
    ],
    "commission-pays-41-billion-ukraine-facility": [
        "Commission officials said Ukraine had made good progress on most of the reforms, "
        "though some steps, including on the civil service, had been delayed.",
        "Ukraine's finance minister said the money would help cover pensions, salaries of "
        "teachers and doctors and other social payments in the coming months.",
    ],
    "finland-31st-package": [
        "Finland, which shares a long border with Russia, has kept the contents of most of its "
        "packages secret since the start of the war.",
        "Finnish officials said the country's own defence would not be weakened by the "
        "transfers, because the equipment would be replaced with new orders.",
    ],
    "netherlands-uah-5-billion-interceptors": [
        "Ukrainian producers of interceptor drones have multiplied their output this year and "
        "say they can expand further if orders are steady.",
        "Dutch officials said the transfer was checked by auditors before it was made.",
    ],
    "portugal-austria-join-demining-coalition": [
        "Deminers in Ukraine have been killed and injured while clearing fields, and many "
        "farmers have suffered injuries from mines left in their land.",
        "Portugal said it would share its experience from clearing mines in former conflict "
        "zones in Africa.",
    ],
    "kyiv-defence-industry-forum": [
        "Ukrainian officials said the country had more production capacity than its budget "
        "could pay for, and urged foreign investors to take advantage of it.",
        "Some executives complained about bureaucracy, including the time needed to obtain "
        "permits for importing components.",
    ],
    "baltic-cable-shadow-fleet": [
        "Finnish police boarded a tanker in a similar case last year, and a court is still "
        "considering whether the crew can be prosecuted.",
        "Baltic governments have called for stricter inspections of ships that sail without "
        "proper insurance.",
    ],
    "drone-strikes-russian-refineries": [
        "Local officials in one Russian region said a fire at a refinery had been put out "
        "after several hours and that there were no casualties.",
        "Petrol prices in Russia have risen in recent months, and some regions have reported "
        "shortages at filling stations.",
    ],
    "canada-200-million-drones-armoured": [
        "Canadian officials said the drones would be bought partly from Canadian companies "
        "and partly from allies.",
        "The Ukrainian ambassador in Ottawa thanked Canada, which is home to one of the "
        "largest Ukrainian diasporas in the world.",
    ],
    "japan-joins-it-coalition": [
        "Japan has increased its cooperation with NATO in recent years, particularly in "
        "cyber defence and space.",
        "Ukrainian officials said Japanese companies could help with secure communications "
        "equipment for the army.",
    ],
    "germany-25-billion-air-defence-package": [
        "IRIS-T systems, made by the German company Diehl Defence, have a high success rate "
        "against Russian cruise missiles and drones, according to Ukrainian officials.",
        "Pistorius said Germany was ramping up its own production of air-defence missiles to "
        "meet demand from Ukraine and from its own armed forces.",
    ],
    "belgium-611-million-six-documents": [
        "Francken said the assistance reflected Belgium's commitment to supporting Ukraine "
        "for as long as necessary.",
        "Belgian companies have expressed growing interest in cooperating with Ukrainian "
        "defence firms, especially in drones and electronic warfare.",
    ],
    "czech-slovenia-join-drone-coalition": [
        "Latvian officials said the coalition's members now included most of the European "
        "Union's member states as well as several countries from outside Europe.",
        "Slovenia said it would contribute through its defence companies, which make "
        "electronic components used in drones.",
    ],
    "eu-300-million-windfall-air-defence": [
        "The windfall profits come from Russian central bank assets held mostly at a clearing "
        "house in Belgium.",
        "Commission officials said the money would be spent on contracts with European "
        "companies where possible.",
    ],
    "uk-250-million-air-defence-drones": [
        "Healey also visited a training centre for drone operators, where he met Ukrainian "
        "soldiers who had recently returned from the front.",
        "Britain has been one of Ukraine's most vocal supporters, and its ministers have "
        "visited Kyiv regularly since the start of the war.",
    ],
    "ukraine-turkiye-baykar-memorandum": [
        "Baykar is one of the world's largest drone manufacturers and exports its aircraft to "
        "dozens of countries.",
        "Ukrainian officials said the factory would also repair and maintain drones already in "
        "service with the Ukrainian armed forces.",
    ],
    "denmark-600-million-bohdana-howitzers": [
        "The Bohdana is a self-propelled gun developed in Ukraine and mounted on a truck "
        "chassis. Its production has increased since the beginning of the war.",
        "Ukrainian artillery units say the gun is accurate and mobile, allowing crews to fire "
        "and move before the enemy can respond.",
    ],
    "massive-strike-russian-claims-leopards": [
        "It was one of the largest attacks of the year, and air-raid sirens sounded across "
        "the country for several hours.",
        "In Odesa, debris from downed drones damaged residential buildings and injured several "
        "people, according to the regional administration.",
    ],
    "eu-summit-reparations-loan-speculation": [
        "The European Central Bank has warned that any use of the assets must respect "
        "international law and not undermine the euro's role as a reserve currency.",
        "Ukraine has said it urgently needs financing for next year, when its budget gap is "
        "expected to remain large.",
    ],
    "spain-1-billion-military-aid-2027": [
        "S\u00e1nchez said Spain's support for Ukraine was unwavering and called for stronger "
        "European defence.",
        "Spanish defence companies have also expanded their cooperation with Ukrainian firms, "
        "especially in the field of air defence.",
    ],
}

# A further paragraph of reporting for the shorter articles (no new records).
EXTRA2 = {
    "lithuania-ukraine-drone-memorandum": (
        "Lithuanian drone makers, most of them start-ups founded in the past three years, have "
        "said they want access to Ukrainian test data, which shows how designs perform against "
        "Russian jamming. Ukrainian firms, for their part, are looking for sites abroad where "
        "they can build components without the constant risk of air raids."
    ),
    "kharkiv-energy-strikes-russian-claims": (
        "Local residents described a night of explosions that shook windows across the city. "
        "In one district, a drone hit the courtyard of an apartment block, damaging cars and "
        "shattering glass, but emergency services said nobody was seriously hurt there. Trams "
        "and trolleybuses were replaced by buses for most of the morning."
    ),
    "australia-a110m-drones-armoured-vehicles": (
        "Australian officials said the drone purchases would also help the country's own "
        "manufacturers grow, and that lessons from Ukraine were being studied closely by the "
        "Australian Defence Force. Several Australian drone companies already sell their "
        "products to European armies and have offices in Europe."
    ),
    "eu-foreign-ministers-sanctions-talks": (
        "Diplomats said the new sanctions proposal was likely to target additional banks in "
        "third countries that help Russia evade restrictions, as well as more companies "
        "supplying components for drones and missiles. Any package needs the unanimous "
        "approval of the twenty-seven member states before it can take effect."
    ),
    "norway-nok-75bn-air-defence": (
        "Ukrainian officials said Norway's decision would allow them to plan purchases for "
        "the whole winter rather than from one attack to the next. The Norwegian parliament "
        "has supported Ukraine across party lines, and the government said it had consulted "
        "the main parties before the announcement."
    ),
    "ukraine-heating-season-gas-storage": (
        "Analysts said the country would probably get through the winter if temperatures "
        "stayed close to average, but that a prolonged cold spell combined with heavy attacks "
        "could force cuts to industrial consumers. District heating companies in several "
        "cities have installed back-up boilers that can run on different fuels. Local "
        "authorities have also stocked up on fuel for generators at hospitals and schools."
    ),
    "uk-226-billion-loan-frozen-assets": (
        "British ministers have argued for some time that Russia should bear the cost of "
        "rebuilding Ukraine, and they have pushed European partners to go further in using "
        "the immobilised assets. Officials in London said the loan had been structured so that "
        "it would not add to Britain's public debt figures."
    ),
    "rheinmetall-ukraine-shell-plant": (
        "Ukraine has long wanted to produce more of its own ammunition rather than rely on "
        "deliveries from abroad, which have often been delayed. Officials in Kyiv said local "
        "production would shorten the route from factory to front to a few hours, and would "
        "allow gunners to give feedback directly to the engineers."
    ),
    "latvia-approves-112-million-military-aid": (
        "Latvia spends more than three percent of its economic output on its own defence and "
        "has been building fortifications along its border with Russia and Belarus. Officials "
        "in Riga say helping Ukraine and strengthening Latvia's own forces are two sides of "
        "the same policy, because both aim to deter Moscow."
    ),
    "switzerland-chf-reconstruction-programme": (
        "Switzerland hosted an international conference on Ukraine's recovery in Lugano in "
        "2022 and has since run several projects in the country, including the repair of "
        "schools and hospitals. Swiss officials said they expected the new programme to draw "
        "private investment as well, through guarantees and co-financing."
    ),
    "fighting-west-of-pokrovsk-drones": (
        "Military analysts said Russia was trying to cut supply routes to Ukrainian units "
        "rather than storm the remaining settlements head-on. Both sides have suffered heavy "
        "losses in the area, which has been one of the most intense sectors of the front for "
        "more than a year, and the ruins of villages change hands repeatedly."
    ),
    "contact-group-meeting-preview": (
        "The meeting comes as Ukraine braces for another winter of sustained attacks on its "
        "power system. Officials said the agenda would also cover training, the maintenance "
        "of Western equipment already in Ukraine, and how to coordinate the many bilateral "
        "arrangements between individual allies and Kyiv."
    ),
    "czech-initiative-first-shells-delivered": (
        "The Czech government, which took office after elections last year, had criticised "
        "the way the scheme was run, arguing it lacked transparency. Supporters of the "
        "initiative, including several allied governments, lobbied Prague to keep it alive, "
        "pointing out that it had become one of Ukraine's main sources of artillery "
        "ammunition."
    ),
    "aid-roundup-air-defence-winter": (
        "Analysts tracking support for Ukraine say the focus on air defence marks a shift from "
        "earlier in the year, when armoured vehicles and artillery dominated the lists. Many "
        "of the new announcements rely on Ukrainian production, which has grown rapidly and "
        "is now able to absorb larger orders."
    ),
    "denmark-fire-point-rocket-fuel-plant": (
        "Danish officials said the plant would create local jobs and strengthen Denmark's own "
        "defence industry, which the government wants to expand. The site will be guarded, "
        "and the authorities said they had assessed the risk of sabotage, which has become a "
        "growing concern across Europe after a string of suspicious incidents."
    ),
    "netherlands-eur-11bn-drone-production": (
        "Ukrainian drone makers said the Dutch scheme would give them the certainty to plan "
        "production for a full year, which they said mattered more than the size of any "
        "single order. Dutch officials said they had visited several factories in Ukraine "
        "before choosing the producers that would receive orders."
    ),
    "japan-4719-billion-yen-loan": (
        "Ukraine's finance ministry said the money would go into the general budget, where it "
        "helps free up domestic revenue for the armed forces. Officials said they were "
        "grateful that partners outside Europe continued to share the burden, as the war "
        "approached its fifth winter."
    ),
    "lithuania-thirty-million-three-documents": (
        "Lithuania has been one of Ukraine's most steadfast backers since the start of the "
        "full-scale invasion, and its leaders have repeatedly called on larger European "
        "countries to do more. Public collections organised by Lithuanian media and "
        "volunteers have also raised money for drones and radars."
    ),
    "zelensky-madrid-talks": (
        "The Ukrainian president has travelled extensively this autumn to rally support for "
        "the winter, visiting several European capitals in the space of a few weeks. His "
        "aides said talks in Madrid also covered the return of Ukrainian children deported to "
        "Russia, an issue on which Kyiv has sought the help of many countries. Spanish "
        "officials said the two governments would keep in close contact."
    ),
    "czech-republic-joins-armoured-coalition": (
        "Ukrainian commanders say armoured vehicles need better protection against drones, "
        "and many units now fit them with metal cages, nets and electronic jammers before "
        "they are sent forward. Repair capacity has become as important as new deliveries, "
        "because damaged vehicles can often be returned to service within weeks."
    ),
    "eib-400-million-energy-grid": (
        "Russian attacks have targeted Ukraine's power system in waves since the autumn of "
        "2022, destroying or damaging a large share of its generating capacity. The grid "
        "operator has responded by building protection around key facilities and by "
        "stockpiling spare transformers, which take many months to manufacture."
    ),
    "moscow-claims-patriot-strike": (
        "Patriot systems are among the most valuable weapons Ukraine has, because they are "
        "one of the few able to intercept Russian ballistic missiles. Russian forces have "
        "repeatedly tried to locate and destroy them, using reconnaissance drones that fly "
        "deep behind the front line."
    ),
    "blackout-schedules-return": (
        "Many households have bought power banks, battery stations and small solar panels to "
        "cope with outages, and apartment buildings in some cities have installed shared "
        "generators to keep lifts and water pumps running. Mobile operators said their base "
        "stations could now run for several hours without mains power."
    ),
    "uk-ukraine-interceptor-drone-production": (
        "Interceptor drones are designed to fly into or explode near Russian attack drones, "
        "and Ukrainian units say they have become an important part of air defence, "
        "especially at night. British officials said the production line would be designed "
        "so that it could be scaled up quickly if needed."
    ),
    "sweden-sek-71-billion-package": (
        "Sweden joined NATO in 2024, and its government has said that supporting Ukraine is "
        "the most effective way to strengthen security around the Baltic Sea. Swedish "
        "industry, which produces artillery systems, armoured vehicles and aircraft, has "
        "increased output since 2022."
    ),
    "commission-pays-41-billion-ukraine-facility": (
        "The Ukraine Facility combines grants and loans and is tied to a detailed plan of "
        "reforms and investments that Ukraine agreed with Brussels. Officials say the reforms "
        "are also meant to prepare the country for EU membership, which Ukraine hopes to "
        "achieve within the next few years."
    ),
    "finland-31st-package": (
        "Finnish officials have said that the country's large conscript army and its "
        "stockpiles, built up over decades, allow it to send equipment without weakening its "
        "own defence. Finland joined NATO in 2023 after decades of military non-alignment, "
        "following Russia's full-scale invasion of Ukraine."
    ),
    "netherlands-uah-5-billion-interceptors": (
        "The interceptors are launched from mobile positions by small teams that track "
        "incoming drones on radar and thermal cameras. Ukrainian officials say the cost of "
        "shooting down an attack drone with an interceptor is many times lower than using a "
        "missile, which makes the approach sustainable over a long war."
    ),
    "portugal-austria-join-demining-coalition": (
        "Clearing mines from Ukraine's farmland is expected to take many years, and "
        "international organisations estimate that it will be one of the largest demining "
        "efforts since the Second World War. Ukraine has trained thousands of deminers and "
        "is testing machines and drones that detect mines from the air."
    ),
    "kyiv-defence-industry-forum": (
        "The forum took place in a venue whose location was kept secret until the last moment "
        "for security reasons, and participants were asked not to publish photographs that "
        "could reveal it. Sessions covered drones, missiles, ammunition, electronic warfare "
        "and the financing of new production lines."
    ),
    "baltic-cable-shadow-fleet": (
        "Several undersea cables and pipelines in the Baltic Sea have been damaged in recent "
        "years, and investigators have focused on ships linked to the so-called shadow fleet, "
        "the ageing tankers that carry Russian oil in defiance of Western price caps. Russia "
        "denies any involvement in the incidents."
    ),
    "drone-strikes-russian-refineries": (
        "The strikes are part of a campaign that Ukraine has carried out for more than a year "
        "against Russia's oil industry, which provides a large share of the Kremlin's "
        "revenue. Ukrainian officials say the drones used in the attacks are designed and "
        "built in Ukraine and can fly more than a thousand kilometres."
    ),
    "canada-200-million-drones-armoured": (
        "Canadian forces have trained thousands of Ukrainian recruits since 2015, first in "
        "Ukraine and, since the full-scale invasion, in Britain and Poland. Ottawa has also "
        "supported Ukraine's membership aspirations in NATO and sanctioned hundreds of "
        "Russian individuals and companies."
    ),
    "japan-joins-it-coalition": (
        "The IT coalition was formed within the Ukraine Defence Contact Group to help Ukraine "
        "modernise the digital systems of its armed forces. Its members fund equipment, "
        "software and training, and share experience of defending networks against Russian "
        "cyber attacks, which have targeted Ukraine's government, banks and energy companies."
    ),
    "germany-25-billion-air-defence-package": (
        "Ukrainian officials welcomed the package, saying it would help protect cities and "
        "power plants during the winter. The Ukrainian president thanked Germany on social "
        "media and said air defence remained the most urgent need, as Russia keeps launching "
        "large numbers of drones and missiles almost every night."
    ),
    "belgium-611-million-six-documents": (
        "Belgium has stepped up its defence spending this year after years of criticism from "
        "allies, and the government has said it wants Belgian industry to take a bigger role "
        "in European defence production. Ukrainian officials said the talks in Brussels had "
        "been detailed and practical."
    ),
    "czech-slovenia-join-drone-coalition": (
        "Drones have become the defining weapon of the war, used for reconnaissance, for "
        "strikes on troops and vehicles and, increasingly, for intercepting other drones. "
        "Ukraine produces millions of small drones a year, and coalition purchases help "
        "manufacturers keep production lines running at full capacity."
    ),
    "eu-300-million-windfall-air-defence": (
        "EU governments froze the Russian central bank assets shortly after the full-scale "
        "invasion in 2022. Since then, they have argued about how far they can go in using "
        "them, with some capitals worried about the legal risks and the possible reaction of "
        "financial markets."
    ),
    "uk-250-million-air-defence-drones": (
        "British officials said the drones were part of a broader effort to help Ukraine "
        "defend its skies at a lower cost, as Russia launches ever larger numbers of attack "
        "drones. Healey also met Ukrainian engineers working on new designs and discussed how "
        "British companies could contribute components."
    ),
    "ukraine-turkiye-baykar-memorandum": (
        "T\u00fcrkiye has kept open channels to both Kyiv and Moscow throughout the war and "
        "brokered a deal in 2022 that allowed Ukrainian grain exports through the Black Sea "
        "for a year. Ankara has also supplied Ukraine with armoured vehicles and naval "
        "vessels, while refusing to join Western sanctions on Russia."
    ),
    "denmark-600-million-bohdana-howitzers": (
        "The Danish model has been copied by several other countries since Denmark pioneered "
        "it, because it gets weapons to the front faster than traditional procurement. Danish "
        "officials visit the factories and check deliveries, and say they have found no "
        "serious problems with the way the money has been spent."
    ),
    "massive-strike-russian-claims-leopards": (
        "Ukraine's air force said most of the drones had been shot down or suppressed by "
        "electronic warfare, but that several missiles had hit their targets. Repair crews "
        "were working to restore power, and officials said the situation should improve "
        "within a day if no new attacks followed."
    ),
    "eu-summit-reparations-loan-speculation": (
        "Supporters of the plan say it would give Ukraine predictable financing for several "
        "years without adding to the debt of EU member states. Critics warn that it could "
        "expose the countries holding the assets to legal challenges and could prompt other "
        "governments to move their reserves out of Europe."
    ),
    "spain-1-billion-military-aid-2027": (
        "Spain has increased its defence spending over the past two years, although it "
        "remains below the targets set by NATO, and the government has faced pressure from "
        "allies to do more. Spanish officials say their contribution to European security "
        "also includes troops deployed in the Baltic states and Slovakia."
    ),
}
