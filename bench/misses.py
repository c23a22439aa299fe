"""Why each missed gold record was missed: the breakdown that says which mechanism to work on.

``python -m bench.misses ARTICLES.jsonl LABELS.jsonl [--list]`` extracts every article with a
rule trace, pairs predictions with gold records as ``../shared/eval/score.py`` does, and puts
each missed (required) gold pledge (with ``--agreements``: agreement) in one bucket, judged on
its evidence sentence:

- ``wrong record``: a record was made from that sentence, with another donor, amount or
  currency (attribution within a sentence);
- ``dropped by <rule>``: a candidate was made there and a rule dropped it (the first drop);
- ``found, merged away``: a record was found there and lost when the article's records were
  merged (told twice, things told with sums);
- ``rules fired, no candidate``: rules fired on the sentence but none made a candidate;
- ``no candidate``: nothing fired on the sentence at all;
- ``sentence not found``: the gold evidence is not one sentence of our splitting.

Only for sets whose texts and labels may be read (never blind or held-out ones).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from types import ModuleType

from transforms.extract import extract_article, to_eval_record
from transforms.rules import Trace
from transforms.sentences import split_sentences

_SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


def _scorer(path: Path = _SCORER) -> ModuleType:
    spec = importlib.util.spec_from_file_location("pledge_scorer", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _flat(text: str) -> str:
    return " ".join(str(text or "").split())


def _sentence_of(gold: dict, sentences: list[str]) -> int | None:
    told = [_flat(gold.get("evidence"))] + [_flat(a) for a in gold.get("alt_evidence") or []]
    for i, s in enumerate(sentences):
        flat = _flat(s)
        if len(flat) >= 20 and any(t and (t in flat or flat in t) for t in told):
            return i
    return None


def classify(
    article: dict, gold: dict, score: ModuleType, kind: str = "pledges"
) -> list[tuple[str, dict]]:
    """(bucket, gold record) for each required gold record of ``kind`` the extractor missed."""
    published = article.get("published")
    day = date.fromisoformat(published[:10]) if published else None
    trace = Trace()
    extraction = extract_article(
        article["text"],
        day,
        outlet=article.get("outlet"),
        title=article.get("title"),
        trace=trace,
        url=article.get("url"),
    )
    pred = to_eval_record(str(article["id"]), extraction)[kind]
    same = score.pledge_matches if kind == "pledges" else score.agreement_matches
    gold_items = gold.get(kind) or []
    matched = {id(g) for g, _ in score.pair_up(gold_items, pred, same)}
    sentences = [s.text for s in split_sentences(article["text"][:200_000])]
    out = []
    for g in gold_items:
        if g.get("component") or id(g) in matched:
            continue
        at = _sentence_of(g, sentences)
        # the readers of this kind of record only: a pledge veto says nothing of an agreement
        steps = [
            s
            for s in (trace.for_sentence(at) if at is not None else [])
            if s.rule.startswith("agreement") == (kind == "agreements")
        ]
        if at is None:
            bucket = "sentence not found"
        elif any(score.same_sentence(g, p) for p in pred):
            bucket = "wrong record"
        elif any(s.outcome == "dropped" for s in steps):
            bucket = "dropped by " + next(s.rule for s in steps if s.outcome == "dropped")
        elif any(s.outcome == "found" for s in steps):
            bucket = "found, merged away"
        elif steps:
            bucket = "rules fired, no candidate"
        else:
            bucket = "no candidate"
        out.append((bucket, g))
    return out


def _shape(gold: dict) -> str:
    """What kind of record was missed: a sum, things or an agreement's kind, told as new,
    delivered or restated."""
    if "parties" in gold:
        what = str(gold.get("kind") or "?")
    else:
        what = "sum" if gold.get("amount") is not None else "things"
    when = "delivered" if gold.get("delivery") else "restated" if gold.get("restated") else "new"
    return f"{what}/{when}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("labels", type=Path)
    parser.add_argument("--scorer", type=Path, default=_SCORER)
    parser.add_argument("--list", action="store_true", help="print each miss under its bucket")
    parser.add_argument(
        "--agreements", action="store_true", help="missed agreements instead of pledges"
    )
    parser.add_argument(
        "--shape",
        action="store_true",
        help="split each bucket by the gold record's shape (labels only, no text: safe on "
        "score-only sets)",
    )
    args = parser.parse_args(argv)
    score = _scorer(args.scorer)
    labels = score.load(str(args.labels))
    kind = "agreements" if args.agreements else "pledges"
    misses: list[tuple[str, str, dict]] = []
    with args.articles.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                article = json.loads(line)
                gold = labels.get(str(article["id"]), {})
                found = classify(article, gold, score, kind)
                misses += [(b, str(article["id"]), g) for b, g in found]
    counts = Counter(b for b, _, _ in misses)
    print(f"{len(misses)} missed gold {kind}")
    for bucket, n in counts.most_common():
        print(f"{n:5d}  {bucket}")
        if args.shape:
            shapes = Counter(_shape(g) for b, _, g in misses if b == bucket)
            print("       " + ", ".join(f"{k} {v}" for k, v in shapes.most_common()))
        if args.list:
            for b, article_id, g in misses:
                if b == bucket:
                    if kind == "agreements":
                        print(f"       {article_id} {g.get('parties')}: {g.get('kind')}")
                    else:
                        what = f"{g.get('amount') or g.get('purpose')} {g.get('currency') or ''}"
                        print(f"       {article_id} {g.get('donor')}: {what}")
                    print(f"         {_flat(g.get('evidence'))[:220]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
