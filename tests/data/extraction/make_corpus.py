"""Writes articles.jsonl and labels.jsonl: hand-written examples (own wording) for each pattern.

Kept as code so every example sits next to its labels; run it after editing:
    python tests/data/extraction/make_corpus.py
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent


def P(donor, amount, currency, evidence, date=None, restated=False, recipient="Ukraine", **kw):
    return {
        "donor": donor,
        "recipient": recipient,
        "amount": amount,
        "currency": currency,
        "date_announced": date,
        "restated": restated,
        "evidence": evidence,
        **kw,
    }


def A(parties, kind, evidence, count=None, date=None, restated=False, **kw):
    return {
        "parties": parties,
        "kind": kind,
        "subject": kw.pop("subject", None),
        "count": count,
        "date": date,
        "restated": restated,
        "evidence": evidence,
        **kw,
    }


ARTICLES = []


def article(aid, published, text, pledges=(), agreements=(), outlet="Test Wire", title=""):
    ARTICLES.append(
        (
            {
                "id": aid,
                "url": f"https://example.test/{aid}",
                "outlet": outlet,
                "published": published,
                "title": title,
                "text": text,
            },
            {
                "id": aid,
                "pledges": list(pledges),
                "agreements": list(agreements),
                "negative": not pledges and not agreements,
            },
        )
    )


# --- money forms and donors -------------------------------------------------------------------
s1 = "Sweden on Tuesday unveiled its 17th support package for Ukraine, worth SEK 7.1 billion."
s2 = "The package includes CV90 infantry fighting vehicles and air defence ammunition."
article(
    "t01",
    "2024-09-18",
    f"{s1} {s2} Sweden has given SEK 50 billion in total since 2022.",
    [P("Sweden", 7.1e9, "SEK", s1, date="2024-09-17")],
)

s1 = (
    "Germany pledged €500 million and France €300 million for air defence on Friday, "
    "officials said."
)
article(
    "t02",
    "2024-06-15",
    s1,
    [
        P("Germany", 5e8, "EUR", s1, date="2024-06-14"),
        P("France", 3e8, "EUR", s1, date="2024-06-14"),
    ],
)

s1 = (
    "Defence Minister Bill Blair announced today that Canada will provide $500 million in "
    "additional military aid to Ukraine."
)
article(
    "t03",
    "2024-02-01",
    s1 + " The Government of Canada remains committed to Ukraine.",
    [P("Canada", 5e8, "CAD", s1, date="2024-02-01")],
    outlet="Government of Canada - National Defence",
)

s1 = (
    "Australia will send a further A$110m package, including Bushmaster "
    "vehicles, the prime minister said."
)
article("t04", "2024-04-12", s1, [P("Australia", 1.1e8, "AUD", s1)])

s1 = "Japan has decided to extend 471.9 billion yen in new loans to Ukraine, Tokyo said on Monday."
article("t05", "2024-12-10", s1, [P("Japan", 4.719e11, "JPY", s1, date="2024-12-09")])

s1 = "Lithuania allocated UAH 5 billion worth of equipment for the Ukrainian army."
article("t06", "2024-03-03", s1, [P("Lithuania", 5e9, "UAH", s1)])

s1 = (
    "The Netherlands will contribute half a billion euros to the ammunition "
    "initiative, the Dutch defence ministry said."
)
s2 = "Thirty million euros of that sum will go to demining equipment."
article(
    "t07",
    "2024-05-20",
    f"{s1} {s2}",
    [P("Netherlands", 5e8, "EUR", s1), P("Netherlands", 3e7, "EUR", s2, component=True)],
)

s1 = "Britain announced £2.5bn in military support for Ukraine on 4 March, including 10,000 drones."
article("t08", "2024-03-06", s1, [P("United Kingdom", 2.5e9, "GBP", s1, date="2024-03-04")])

s1 = "Washington approved a new $2.5B weapons package for Kyiv on Wednesday."
s2 = "Since February 2022 the United States has committed more than $60 billion in military aid."
article(
    "t09", "2024-04-26", f"{s1} {s2}", [P("United States", 2.5e9, "USD", s1, date="2024-04-24")]
)

s1 = (
    "Norway will provide NOK 7.5bn (about €640 million) to Ukraine's energy sector, "
    "Prime Minister Jonas Gahr Støre said."
)
article("t10", "2024-11-05", s1, [P("Norway", 7.5e9, "NOK", s1)])

s1 = (
    "The European Investment Bank signed off EUR 1.1bn for reconstruction "
    "projects in Ukraine yesterday."
)
article(
    "t11", "2024-07-11", s1, [P("European Investment Bank", 1.1e9, "EUR", s1, date="2024-07-10")]
)

s1 = "Denmark's latest donation of DKK 1,3 billion covers artillery shells and spare parts."
article("t12", "2025-01-14", s1, [P("Denmark", 1.3e9, "DKK", s1)])

# --- non-monetary pledges ------------------------------------------------------------------------
s1 = "Portugal will send Ukraine six Leopard 2 tanks, its defence ministry confirmed."
article("t13", "2023-02-28", s1, [P("Portugal", None, None, s1)])

# --- negatives: speculation, conditionals, negations, aggregates, Russian claims, agenda ----------
article(
    "t14",
    "2024-10-02",
    (
        "Italy could announce a new aid package next month, according to two officials. "
        "Spain is preparing a shipment of Patriot missiles. "
        "Poland will not send more fighter jets, its president said. "
        "Total Finnish aid has reached €2.3 billion since the invasion. "
        "The Russian Defence Ministry said its forces destroyed Western "
        "equipment worth $300 million. "
        "Ministers will discuss a €5 billion ammunition fund at the next meeting."
    ),
)
article(
    "t15",
    "2024-08-08",
    (
        "Greece may provide artillery shells if the European Union pays for them. "
        "Romania is considering a request for a Patriot battery. "
        "Budapest refused to approve the EUR 500 million tranche for the European Peace Facility."
    ),
)

# --- restatements and month dates -----------------------------------------------------------------
s1 = "As previously reported, Estonia committed 0.25% of its GDP to military aid for Ukraine."
s2 = "Last month, Latvia pledged €20 million for the drone coalition."
article(
    "t16",
    "2024-05-15",
    f"{s1} {s2}",
    [
        P("Estonia", None, None, s1, restated=True),
        P("Latvia", 2e7, "EUR", s2, date="2024-04", restated=True),
    ],
)

# --- agreements ---------------------------------------------------------------------------------
s1 = (
    "Ukraine and the United Kingdom signed a bilateral security agreement in Kyiv on "
    "Friday, Prime Minister Rishi Sunak said."
)
article(
    "t17",
    "2024-01-13",
    s1,
    agreements=[A(["Ukraine", "United Kingdom"], "security agreement", s1, date="2024-01-12")],
)
s1 = (
    "Rheinmetall and Ukroboronprom signed an agreement to set up a joint "
    "venture for the production of shells in Ukraine."
)
article("t18", "2024-02-20", s1, agreements=[A(["Rheinmetall", "Ukraine"], "joint production", s1)])
s1 = "Iceland and Ukraine signed three memoranda on defence cooperation on 3 June."
article(
    "t19",
    "2024-06-05",
    s1,
    agreements=[
        A(["Iceland", "Ukraine"], "memorandum/document signing", s1, count=3, date="2024-06-03")
    ],
)
s1 = "Norway and Sweden joined the maritime capability coalition this week."
article("t20", "2024-03-22", s1, agreements=[A(["Norway", "Sweden"], "coalition membership", s1)])
article(
    "t21",
    "2024-03-22",
    (
        "Ukraine expects to sign a security agreement with Japan in the coming weeks. "
        "Kyiv and Tokyo held talks on a joint production deal. "
        "Spain said it was ready to join the demining coalition if parliament agreed."
    ),
)
s1 = (
    "Poland and Ukraine agreed on joint production of 155mm ammunition, "
    "Polish officials said on Thursday."
)
article(
    "t22",
    "2024-07-20",
    s1,
    agreements=[A(["Poland", "Ukraine"], "joint production", s1, date="2024-07-18")],
)

# --- several donors in one sentence; passive agents -------------------------------------
s1 = (
    "Finland, Belgium and Portugal have announced new contributions to the "
    "armoured vehicles coalition."
)
article(
    "t23",
    "2024-10-12",
    s1,
    [P("Finland", None, None, s1), P("Belgium", None, None, s1), P("Portugal", None, None, s1)],
)
s1 = "A €1.5 billion tranche of windfall profits was approved by the European Union on Friday."
article("t24", "2024-07-27", s1, [P("European Union", 1.5e9, "EUR", s1, date="2024-07-26")])
s1 = "Kyiv will receive 40 million euros from Luxembourg for drones, the ministry said."
article("t25", "2024-09-09", s1, [P("Luxembourg", 4e7, "EUR", s1)])


# --- longer, news-style articles with distractors ------------------------------------------------
b1 = (
    "The Pentagon on Friday announced a $400 million package of weapons for Ukraine, "
    "drawn from existing US stocks."
)
b2 = "The package includes munitions for HIMARS launchers and Bradley fighting vehicles."
b3 = (
    "Defense Secretary Lloyd Austin told reporters that the United States will keep "
    "supporting Kyiv."
)
b4 = (
    "Since the start of the full-scale invasion, Washington has provided more than $44 billion "
    "in security assistance."
)
b5 = "Congress is still debating a supplemental request that could unlock another $60 billion."
article(
    "u01",
    "2023-12-09",
    " ".join([b1, b2, b3, b4, b5]),
    [P("United States", 4e8, "USD", b1, date="2023-12-08")],
)

c1 = "Ottawa, Ontario — National Defence"
c2 = (
    "Today, the Minister of National Defence, the Honourable Bill Blair, announced that "
    "Canada is donating $60 million to help Ukraine acquire armoured vehicles."
)
c3 = (
    "This contribution is in addition to the $500 million in military aid that Canada "
    "previously committed to Ukraine in June."
)
c4 = (
    "Since February 2022, Canada has committed over $2.4 billion in military assistance to Ukraine."
)
article(
    "u02",
    "2023-09-19",
    "\n".join([c1, c2 + " " + c3, c4]),
    [
        P("Canada", 6e7, "CAD", c2, date="2023-09-19"),
        P("Canada", 5e8, "CAD", c3, date="2023-06", restated=True),
    ],
    outlet="Government of Canada",
)

d1 = (
    "KYIV, March 12 (Reuters) - Ukraine and France signed an agreement on "
    "Tuesday to jointly produce drones and artillery shells, Ukraine's "
    "defence ministry said."
)
d2 = (
    "French President Emmanuel Macron has said France would deliver about 80 SCALP missiles "
    "this year."
)
d3 = (
    "Paris also pledged 3 billion euros in military aid for 2024 as part of "
    "a security deal signed in February."
)
article(
    "u03",
    "2024-03-12",
    " ".join([d1, d2, d3]),
    [P("France", None, None, d2), P("France", 3e9, "EUR", d3)],
    [
        A(["Ukraine", "France"], "joint production", d1, date="2024-03-12"),
        A(["France", "Ukraine"], "security agreement", d3, date="2024-02", restated=True),
    ],
)

e1 = (
    "The Council of the EU today adopted a decision to allocate €5 billion to the Ukraine "
    "Assistance Fund under the European Peace Facility."
)
e2 = (
    "With this decision, overall EU military support to Ukraine under the EPF reaches "
    "€11.1 billion."
)
e3 = "Hungary had blocked the measure for months."
article(
    "u04",
    "2024-03-18",
    " ".join([e1, e2, e3]),
    [P("European Union", 5e9, "EUR", e1, date="2024-03-18")],
)

f1 = (
    "Czech President Petr Pavel said the ammunition initiative has so far "
    "delivered over 500,000 shells."
)
f2 = "He added that several countries were considering joining."
f3 = (
    "Germany will contribute €576 million to the Czech initiative, the German defence "
    "ministry said on Wednesday."
)
article(
    "u05",
    "2024-06-13",
    " ".join([f1, f2, f3]),
    [P("Germany", 5.76e8, "EUR", f3, date="2024-06-12")],
)

g1 = (
    "Britain and Ukraine have signed a 100-year partnership agreement, "
    "Downing Street said on Thursday."
)
g2 = (
    "Under the deal, the UK will provide at least £3 billion a year in "
    "military aid for as long as it takes."
)
g3 = "Prime Minister Keir Starmer also said British firms might build drones in Ukraine."
article(
    "u06",
    "2025-01-17",
    " ".join([g1, g2, g3]),
    [P("United Kingdom", 3e9, "GBP", g2)],
    [A(["United Kingdom", "Ukraine"], "memorandum/document signing", g1, date="2025-01-16")],
)

h1 = (
    "Norwegian, Danish and Swedish defence ministers said their countries would jointly "
    "finance a NOK 1.5 billion air defence purchase for Ukraine."
)
article(
    "u07",
    "2024-10-01",
    h1,
    # one sum financed together is one joint pledge (not NOK 1.5 billion from each)
    [P("Norway, Denmark and Sweden (joint)", 1.5e9, "NOK", h1)],
)

i1 = "Kremlin spokesman Dmitry Peskov said new Western weapons would not change the situation."
i2 = "Russia says it has destroyed dozens of Leopard tanks supplied by Germany."
i3 = "Analysts expect Berlin to announce a new package at the NATO summit."
article("u08", "2023-07-05", " ".join([i1, i2, i3]))

j1 = (
    "Latvia joined the IT coalition on 15 May, the Latvian defence ministry said, bringing "
    "the number of members to 14."
)
j2 = "Riga will contribute 1 million euros to the coalition's fund this year."
article(
    "u09",
    "2024-05-17",
    " ".join([j1, j2]),
    [P("Latvia", 1e6, "EUR", j2)],
    [A(["Latvia"], "coalition membership", j1, date="2024-05-15")],
)

k1 = "Ukraine's Ukroboronprom and Rheinmetall agreed to build an ammunition plant in Ukraine."
k2 = "Financial terms were not disclosed."
article(
    "u10",
    "2024-05-30",
    " ".join([k1, k2]),
    agreements=[A(["Ukraine", "Rheinmetall"], "joint production", k1)],
)

l1 = (
    "Spain will send Ukraine a new military aid package worth €1 billion "
    "this year, Defence Minister Margarita Robles said on Monday."
)
l2 = "It will also deliver six Leopard 2A4 tanks and more Patriot missiles."
article(
    "u11",
    "2024-05-28",
    " ".join([l1, l2]),
    [P("Spain", 1e9, "EUR", l1, date="2024-05-27"), P("Spain", None, None, l2)],
)

m1 = (
    "Estonia and Latvia were among the first to sign the letter of intent "
    "on the drone coalition in February."
)
article(
    "u12",
    "2024-05-02",
    m1,
    agreements=[
        A(["Estonia", "Latvia"], "coalition membership", m1, date="2024-02", restated=True)
    ],
)


# --- headline style, quotes, thanks, purchases, deliveries, several agreements -----------------
v1 = "Lithuania to allocate EUR 35M for Ukraine's air defense"
v2 = (
    "Lithuania will allocate 35 million euros to buy air defence equipment for Ukraine, "
    "Defence Minister Laurynas Kasčiūnas told journalists on Wednesday."
)
v3 = "He noted that Vilnius had already provided more than EUR 1 billion in aid since 2022."
article(
    "v01",
    "2024-04-11",
    "\n".join([v1, v2, v3]),
    [P("Lithuania", 3.5e7, "EUR", v2, date="2024-04-10", alt_evidence=[v1])],
)

w1 = (
    "“We will allocate another €100 million to the drone coalition this year,” Latvian "
    "Defence Minister Andris Sprūds said."
)
w2 = "Latvia co-leads the coalition together with the United Kingdom."
article("v02", "2024-08-01", " ".join([w1, w2]), [P("Latvia", 1e8, "EUR", w1)])

x1 = (
    "President Volodymyr Zelensky thanked Germany for a new €500 million package that "
    "includes IRIS-T air defence systems."
)
x2 = (
    "Germany remains the second-largest donor after the United States, "
    "according to the Kiel Institute."
)
article("v03", "2024-05-30", " ".join([x1, x2]), [P("Germany", 5e8, "EUR", x1)])

y1 = (
    "The Netherlands will buy artillery ammunition worth €150 million for "
    "Ukraine from Czech suppliers."
)
y2 = "Poland, meanwhile, bought 96 Apache helicopters for its own army."
article("v04", "2024-02-26", " ".join([y1, y2]), [P("Netherlands", 1.5e8, "EUR", y1)])

z1 = "Germany has delivered the third IRIS-T SLM system to Ukraine, the government said on Friday."
article("v05", "2024-04-27", z1, [P("Germany", None, None, z1, date="2024-04-26", delivery=True)])

a1 = "Zelensky signed security agreements with Denmark and the Netherlands in Kyiv on 1 March."
article(
    "v06",
    "2024-03-02",
    a1,
    agreements=[
        A(["Ukraine", "Denmark"], "security agreement", a1, date="2024-03-01"),
        A(["Ukraine", "Netherlands"], "security agreement", a1, date="2024-03-01"),
    ],
)

b1 = "Ukraine ranks first among recipients, with €40 billion in military commitments from Europe."
b2 = "Each Patriot battery costs around $1 billion."
b3 = "Russia spent $100 billion on its army last year."
b4 = "Ukraine's budget deficit is expected to reach $38 billion."
article("v07", "2024-02-16", " ".join([b1, b2, b3, b4]))

c1 = (
    "The Swedish government has decided on a 16th support package worth SEK 6.5 billion, "
    "Defence Minister Pål Jonson announced."
)
c2 = "The package includes Archer artillery systems and CV90 vehicles."
article("v08", "2024-05-29", " ".join([c1, c2]), [P("Sweden", 6.5e9, "SEK", c1)])

d1 = (
    "Iceland joined the demining coalition, the Icelandic foreign ministry said, "
    "becoming its 21st member."
)
d2 = "Japan, which leads mine action programmes in Cambodia, is expected to join later."
article(
    "v09", "2024-06-20", " ".join([d1, d2]), agreements=[A(["Iceland"], "coalition membership", d1)]
)

e1 = (
    "Kyiv and Berlin agreed to set up a joint venture to repair and produce armoured "
    "vehicles in Ukraine."
)
article("v10", "2024-06-11", e1, agreements=[A(["Ukraine", "Germany"], "joint production", e1)])

f1 = (
    "The European Commission disbursed €4.2 billion to Ukraine under the Ukraine Facility "
    "on Tuesday."
)
article("v11", "2024-04-03", f1, [P("European Union", 4.2e9, "EUR", f1, date="2024-04-02")])

g1 = "Finland's 23rd defence materiel package, worth €188 million, was approved on Thursday."
article("v12", "2024-06-21", g1, [P("Finland", 1.88e8, "EUR", g1, date="2024-06-20")])


# --- thanks, sub-amounts, packages without a sum, companies, ministries, membership -------
h1 = (
    "Defence Minister Rustem Umerov thanked Germany and the Netherlands for allocating "
    "€50 million each to the drone coalition."
)
article("w01", "2024-09-12", h1, [P("Germany", 5e7, "EUR", h1), P("Netherlands", 5e7, "EUR", h1)])

h2 = (
    "Japan will provide Ukraine with $4.5 billion in aid this year, including $1 billion "
    "for humanitarian demining, Prime Minister Fumio Kishida said on Monday."
)
article(
    "w02",
    "2024-02-20",
    h2,
    [
        P("Japan", 4.5e9, "USD", h2, date="2024-02-19"),
        P("Japan", 1e9, "USD", h2, date="2024-02-19", component=True),
    ],
)

h3 = (
    "Germany has handed over a new military aid package to Ukraine, which includes an "
    "IRIS-T SLM system and 10,000 artillery shells, the government said on its website."
)
article("w03", "2024-08-05", h3, [P("Germany", None, None, h3, delivery=True)])

h4 = "Sweden became the 10th member of the IT coalition on Monday, the ministry said."
h5 = "The coalition is led by Estonia and Luxembourg."
article(
    "w04",
    "2024-04-23",
    f"{h4} {h5}",
    agreements=[A(["Sweden"], "coalition membership", h4, date="2024-04-22")],
)

h6 = (
    "The Ministry of Defence of Ukraine and the Danish company Terma signed a memorandum "
    "on cooperation in the maintenance of radars."
)
article(
    "w05", "2024-06-03", h6, agreements=[A(["Ukraine", "Terma"], "memorandum/document signing", h6)]
)

h7 = "Switzerland will not supply ammunition for German Gepard tanks, citing its neutrality."
h8 = "Austria also declined to join the Czech initiative."
article("w06", "2023-05-04", f"{h7} {h8}")

h9 = (
    "Canada's Defence Minister Bill Blair said on Thursday that Ottawa would donate "
    "C$76 million for the production of armoured vehicles for Ukraine."
)
article("w07", "2024-06-14", h9, [P("Canada", 7.6e7, "CAD", h9, date="2024-06-13")])

h10 = (
    "Kyiv has received another €1.5 billion from the European Union's Ukraine Facility, "
    "Prime Minister Denys Shmyhal said."
)
article("w08", "2024-08-07", h10, [P("European Union", 1.5e9, "EUR", h10)])

h11 = (
    "Poland has prepared its 46th aid package for Ukraine, Deputy Prime Minister "
    "Wladyslaw Kosiniak-Kamysz said, without giving details."
)
article("w09", "2024-11-20", h11)

h12 = "The Netherlands pledged €2 billion to Ukraine for 2024."
h13 = "Of this, €500 million will go to the purchase of ammunition."
article(
    "w10",
    "2024-02-05",
    f"{h12} {h13}",
    [P("Netherlands", 2e9, "EUR", h12), P("Netherlands", 5e8, "EUR", h13, component=True)],
)


# --- the same decision told twice, the date given once ------------------------------------------
k1 = (
    "The money is part of a €4 billion air defence package approved by the European Union, "
    "officials said."
)
k2 = "EU foreign ministers approved the package in March after weeks of talks."
article(
    "x01",
    "2024-05-06",
    f"{k1} {k2}",
    [P("European Union", 4e9, "EUR", k1, date="2024-03", restated=True)],
)


# --- several donors with and without sums in one sentence; web boilerplate ------------------------
m1 = (
    "In particular, Germany will hand over another IRIS-T system and ten Leopard 1A5 tanks, "
    "while Canada will allocate CAD 390 million for armoured vehicles."
)
m2 = (
    "According to the minister, the Netherlands announced EUR 400 million for drones, and "
    "Denmark – DKK 2 billion for the F-16 programme."
)
m3 = "Read more: Ukraine receives first F-16s from the Netherlands"
m4 = (
    '"Since the beginning of the full-scale invasion, partners have provided more than '
    '$100 billion in military aid," the minister said.'
)
article(
    "y01",
    "2024-09-07",
    "\n".join([m1, m2, m3, m4]),
    [
        P("Germany", None, None, m1),
        P("Canada", 3.9e8, "CAD", m1),
        P("Netherlands", 4e8, "EUR", m2),
        P("Denmark", 2e9, "DKK", m2),
    ],
)


# --- press-release shapes: the Council, a drawdown valued in the next sentence, a wire dateline --
n1 = (
    "The Council today adopted a decision increasing the financial ceiling of the European "
    "Peace Facility by €5 billion for military support to Ukraine."
)
article(
    "z01",
    "2024-03-18",
    "Council of the EU\nPress release\n" + n1,
    [P("European Union", 5e9, "EUR", n1, date="2024-03-18")],
)
n2 = "Today, the Department of Defense announces additional security assistance for Ukraine."
n3 = "This is the 57th drawdown of equipment from DoD inventories since August 2021."
n4 = "It is valued at up to $125 million."
article(
    "z02",
    "2024-05-10",
    " ".join([n2, n3, n4]),
    [P("United States", 1.25e8, "USD", n4, date="2024-05-10")],
)
n5 = (
    "The Netherlands will hand over to Kiev another batch of F-16 fighter jets, Dutch "
    "Defense Minister Ruben Brekelmans said."
)
article(
    "z03",
    "2024-11-05",
    "THE HAGUE, November 5. /TASS/. " + n5,
    [P("Netherlands", None, None, n5, date="2024-11-05")],
)


# --- an analysis piece: rankings, running totals, background years -------------------------------
q1 = (
    "According to the Kiel Institute, the United States remains the largest donor, with "
    "$75 billion allocated between 2022 and 2024."
)
q2 = "Germany is second with €17 billion in military aid, followed by the United Kingdom."
q3 = "The EU and its member states together have committed more than €100 billion."
q4 = "In 2023, Norway approved a five-year programme worth NOK 75 billion."
q5 = "Last week, Sweden announced its 17th package, worth SEK 7.1 billion."
q6 = "Finland will send its 25th package, worth €200 million, the defence ministry said on Friday."
article(
    "z04",
    "2024-10-21",
    "\n".join([q1, q2, q3, q4, q5, q6]),
    [
        P("Norway", 7.5e10, "NOK", q4, restated=True),
        P("Sweden", 7.1e9, "SEK", q5, date="2024-10", restated=True),  # last week: 14-20 Oct
        P("Finland", 2e8, "EUR", q6, date="2024-10-18"),
    ],
)


# --- paragraph labels ("Details:", "Quote from …:") before components and pronoun subjects -------
r1 = "Denmark announced a new package worth DKK 1.7 billion on Thursday."
r2 = "Details: The package includes DKK 500 million for air defence."
r3 = 'Quote from Frederiksen: "It will also send ten more F-16 jets this year."'
article(
    "z05",
    "2024-02-23",
    "\n".join([r1, r2, r3]),
    [
        P("Denmark", 1.7e9, "DKK", r1, date="2024-02-22"),
        P("Denmark", 5e8, "DKK", r2, date="2024-02-22", component=True),
        P("Denmark", None, None, r3),
    ],
)


def main() -> None:
    with (
        (HERE / "articles.jsonl").open("w", encoding="utf-8") as a,
        (HERE / "labels.jsonl").open("w", encoding="utf-8") as lab,
    ):
        for art, label in ARTICLES:
            a.write(json.dumps(art, ensure_ascii=False) + "\n")
            lab.write(json.dumps(label, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
