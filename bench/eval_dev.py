"""Run the extractor over an articles.jsonl and score it with ../shared/eval/score.py.

Usage: python bench/eval_dev.py [ARTICLES] [LABELS] [--json] [--quiet]
Defaults to the dev set next to the repository (../shared/eval/dev/).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms.extract import extract_article, to_eval_record  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval"


def predict(articles: Path, out: Path) -> None:
    """Write one scorer record per article of ``articles`` to ``out``."""
    with articles.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            if not line.strip():
                continue
            art = json.loads(line)
            published = None
            if art.get("published"):
                published = dt.date.fromisoformat(str(art["published"])[:10])
            ex = extract_article(
                art.get("text") or "", published, art.get("outlet"), art.get("title")
            )
            dst.write(json.dumps(to_eval_record(str(art["id"]), ex), ensure_ascii=False) + "\n")


def field_mismatches(labels: Path, pred: Path) -> None:
    """Print matched pairs whose date, restated flag or agreement kind disagree with gold."""
    sys.path.insert(0, str(SHARED))
    import score

    gold, guess = score.load(str(labels)), score.load(str(pred))
    for aid, g in gold.items():
        p = guess.get(aid, {})
        pairs = score.pair_up(g.get("pledges") or [], p.get("pledges") or [], score.pledge_matches)
        for x, y in pairs:
            for gk, pk in (("date_announced", "date_announced"), ("restated", "restated")):
                if x.get(gk) not in (None, "") and not str(y.get(pk)).lower().startswith(
                    str(x.get(gk)).lower()
                ):
                    print(f"{aid} pledge {x['donor']} {gk}: gold {x.get(gk)} pred {y.get(pk)}")
        pairs = score.pair_up(
            g.get("agreements") or [], p.get("agreements") or [], score.agreement_matches
        )
        for x, y in pairs:
            if not str(y.get("kind")).startswith(str(x.get("kind"))):
                print(f"{aid} agreement {x['parties']} kind: gold {x['kind']} pred {y['kind']}")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    articles = Path(args[0]) if args else SHARED / "dev" / "articles.jsonl"
    labels = Path(args[1]) if len(args) > 1 else articles.with_name("labels.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        predict(articles, pred)
        cmd = [sys.executable, str(SHARED / "score.py"), str(labels), str(pred)]
        if "--json" in sys.argv:
            cmd.append("--json")
        if "--quiet" not in sys.argv:
            cmd.append("--show-errors")
        subprocess.run(cmd, check=False)
        if "--fields" in sys.argv:
            field_mismatches(labels, pred)


if __name__ == "__main__":
    main()
