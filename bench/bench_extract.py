"""Extraction throughput on a synthetic corpus: prints articles per second on one core.

Usage: python -m bench.bench_extract [N_ARTICLES] [--seed N]
Generates ~700-word articles from sentence templates (pledges, agreements, negations,
totals, filler), runs ``extract_article`` over them once to warm caches, then times a run.
Standalone: not part of pytest.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time

from bench.corpus import DONORS
from transforms.extract import extract_article

MONEY = [
    "€611 million",
    "$655 million",
    "EUR 1.1bn",
    "SEK 7.1 billion",
    "£2.26 billion",
    "NOK 7.5bn",
    "DKK 1.7 billion",
    "half a billion euros",
    "$2.5B",
    "UAH 5 billion",
    "C$500 million",
    "A$110m",
    "up to $50 million",
    "almost €180 million",
]
TEMPLATES = [
    "{d} announced {m} in military aid for Ukraine on {day}.",
    "{d} will provide {m} ({m2}) for air defence, the defence minister said.",
    "{d} and {d2} signed a memorandum on joint production of drones in Kyiv.",
    "{d} joined the drone coalition, bringing the number of members to {n}.",
    "{d} could announce another package of {m} next month, officials said.",
    "Since 2022, {d} has provided more than {m} to Ukraine.",
    "{d} would not send more tanks, the government said on {day}.",
    "The package includes {n} armoured vehicles, artillery shells and spare parts.",
    "Officials met in Brussels to discuss the next steps of the Ramstein format.",
    "The minister stressed that support for Ukraine would continue for as long as it takes.",
    "Analysts said the decision reflected growing concern about ammunition shortages.",
    "As was reported earlier, {d} pledged {m} for the IT coalition.",
    "Ukrainian troops continued to hold positions near the front line on {day}.",
    "The talks also covered training of pilots, maintenance and the supply of spare parts.",
]
# Most sentences of a news article state no pledge: background, quotes, battlefield news.
FILLER = [
    "Ukrainian forces repelled {n} attacks near Pokrovsk over the past 24 hours, "
    "the General Staff said.",
    "The minister thanked partners for their continued support and unity.",
    "Russian strikes on energy infrastructure left {n},000 households without power on {day}.",
    "The meeting in Brussels brought together defence ministers from more than 50 countries.",
    "Officials said the front line remained difficult, especially in the east.",
    "{d} has been one of Ukraine's most consistent supporters since the start of the war.",
    "The talks also covered pilot training, maintenance and the supply of spare parts.",
    "According to the ministry, the situation in the region remains tense.",
    "Zelensky said Ukraine needed more air defence systems to protect its cities.",
    "The prime minister is due to visit Kyiv later this year, his office said.",
    "Analysts said the decision reflected growing concern about ammunition shortages in Europe.",
    "In 2023, Ukraine's economy grew by about 5%, according to the central bank.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "21 January", "March 4"]


def make_article(rng: random.Random, words: int = 700) -> str:
    """One synthetic article of about ``words`` words, in paragraphs of three sentences."""
    out: list[str] = []
    count = 0
    while count < words:
        t = rng.choice(TEMPLATES) if rng.random() < 0.2 else rng.choice(FILLER)
        d, d2 = rng.sample(DONORS, 2)
        s = t.format(
            d=d,
            d2=d2,
            m=rng.choice(MONEY),
            m2=rng.choice(MONEY),
            n=rng.randint(2, 40),
            day=rng.choice(DAYS),
        )
        out.append(s[0].upper() + s[1:])
        count += len(s.split())
    paragraphs = [" ".join(out[i : i + 3]) for i in range(0, len(out), 3)]
    return "\n\n".join(paragraphs)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 1000
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 7
    rng = random.Random(seed)
    corpus = [make_article(rng) for _ in range(n)]
    published = dt.date(2024, 2, 22)
    for text in corpus[:20]:
        extract_article(text, published)  # warm-up: compile patterns, load gazetteer and rates
    start, cpu = time.perf_counter(), time.process_time()
    records = 0
    for text in corpus:
        ex = extract_article(text, published)
        records += len(ex.pledges) + len(ex.agreements)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu
    words = sum(len(t.split()) for t in corpus) / len(corpus)
    # CPU time is what one core delivers; wall time also counts other processes on the machine.
    print(
        f"{n} articles (~{words:.0f} words each), {records} records: "
        f"{n / cpu:.0f} articles/s on one core ({cpu:.2f} s CPU, {elapsed:.2f} s wall)"
    )


if __name__ == "__main__":
    main()
