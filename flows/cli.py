"""`pledgewatch` command line: thin wrappers around the flows and transforms."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from flows.exit_codes import ExitCode, forget_frames
from flows.settings import REPO_ROOT, load_settings

SHARED_EVAL = REPO_ROOT.parent / "shared" / "eval"


def _quiet_prefect() -> None:
    """Prefect settings that must be in place before prefect is imported."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # The temporary API server of a one-off run needs more than the default 20 s on a
    # busy 2-core machine.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_LOGGERS_PLEDGEWATCH_LEVEL", "INFO")
    from flows.preflight import prefect_state_per_process

    prefect_state_per_process()


def iso_week_arg(value: str) -> str:
    """argparse type: a valid ISO week, checked before Prefect starts."""
    from transforms.weeks import week_bounds

    try:
        week_bounds(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error
    return value


def extract_file(articles_path: Path, out) -> int:
    """Extract every article of a JSONL file; print one scorer-format record per line."""
    from transforms.extract import extract_article, to_eval_record

    count = 0
    with articles_path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                article = json.loads(line)
                published = article.get("published")
                day = date.fromisoformat(published[:10]) if published else None
                text = article["text"]
            except (ValueError, KeyError, TypeError) as error:
                print(f"{articles_path}:{number}: skipped: {error}", file=sys.stderr)
                continue
            extraction = extract_article(
                text, day, article.get("outlet"), article.get("title"), url=article.get("url")
            )
            record = to_eval_record(str(article.get("id", number)), extraction)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def cmd_extract(args: argparse.Namespace) -> int:
    extract_file(Path(args.articles), sys.stdout)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Extract the labelled set and score it with the shared scorer."""
    articles, labels = Path(args.articles), Path(args.labels)
    scorer = Path(args.scorer)
    for needed in (articles, labels, scorer):
        if not needed.exists():
            print(f"not found: {needed}", file=sys.stderr)
            return 2
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as pred:
        extract_file(articles, pred)
    command = [sys.executable, str(scorer), str(labels), pred.name]
    if args.show_errors:
        command.append("--show-errors")
    if args.json:
        command.append("--json")
    try:
        return subprocess.run(command, check=False).returncode
    finally:
        os.unlink(pred.name)


def _print_result(result: dict) -> None:
    for key in ("database", "pdf", "email_path", "published_db"):
        if result.get(key):
            print(f"{key:>13}: {result[key]}")
    print(f"{'status':>13}: {result.get('status')}  (run {result.get('run_id')})")


def cmd_demo(args: argparse.Namespace) -> int:
    from flows.demo import demo_flow
    from flows.preflight import run_flow

    result, code = run_flow(demo_flow, debug=args.debug, home=args.home)
    print(f"PledgeWatch demo: briefing for {result['week']}")
    _print_result(result)
    return code


def cmd_run(args: argparse.Namespace) -> int:
    from flows.preflight import exclusive, run_flow

    fetch = not args.no_fetch
    with exclusive(args.db, args.feeds, needs_feeds=fetch) as settings:
        from flows.weekly import weekly_briefing

        result, code = run_flow(
            weekly_briefing,
            debug=args.debug,
            week=args.week,
            fetch=fetch,
            db_path=args.db,
            feeds_file=args.feeds,
        )
    _print_result({"database": str(settings.db_path), **result})
    return code


def cmd_ingest(args: argparse.Namespace) -> int:
    from flows.preflight import exclusive, run_flow

    with exclusive(args.db, args.feeds, needs_feeds=True):
        from flows.ingest import ingest_flow

        result, code = run_flow(
            ingest_flow,
            debug=args.debug,
            feeds_file=args.feeds,
            db_path=args.db,
            pages=not args.no_pages,
        )
    print(json.dumps(result, indent=2, default=str))
    return code


def cmd_report(args: argparse.Namespace) -> int:
    from flows.preflight import exclusive, run_body

    with exclusive(args.db) as settings:
        # The flow's body without a flow run: no Prefect import, no temporary API server.
        from flows.briefing import run_weekly

        result, code = run_body(run_weekly, settings, args.week, fetch=False)
    _print_result(result)
    return code


def cmd_deliver(args: argparse.Namespace) -> int:
    from flows.preflight import exclusive, run_body

    with exclusive(args.db) as settings:
        from flows.deliver import resend

        result, code = run_body(resend, args.week, settings)
    print(f"{result['week']}: {result['delivery_status']} ({result['email_path']})")
    if result.get("delivery_error"):
        print(f"error: {result['delivery_error']}", file=sys.stderr)
    return code


def cmd_status(args: argparse.Namespace) -> int:
    from flows.status import print_status
    from flows.storage import Store

    return print_status(Store.from_settings(load_settings(db_path=args.db)), limit=args.limit)


def cmd_query(args: argparse.Namespace) -> int:
    """Run SQL against the published copy, sandboxed: it reads the tables and nothing else."""
    import csv

    import duckdb

    from flows.sandbox import connect_sandboxed

    path = load_settings(published_db_path=args.db).published_db_path
    if not path.exists():
        print(f"no published database at {path}: run `pledgewatch run` first", file=sys.stderr)
        return ExitCode.COULD_NOT_RUN
    with connect_sandboxed(path) as con:
        try:
            relation = con.sql(args.sql)
            if relation is None:
                return 0
            if args.format == "table":
                relation.show(max_rows=args.max_rows, max_width=200)
                return 0
            names, data = relation.columns, relation.fetchall()
        except duckdb.Error as error:  # DuckDB's message says what is wrong or refused
            print(f"query failed: {str(error).splitlines()[0]}", file=sys.stderr)
            return ExitCode.COULD_NOT_RUN
    if args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(names)
        writer.writerows(data)
    else:
        for row in data:
            print(json.dumps(dict(zip(names, row, strict=True)), default=str, ensure_ascii=False))
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    """Print the rules that fired on each sentence of one article."""
    from flows import explain
    from flows.storage import Store
    from transforms.explain import explain_article, render_text

    try:
        if args.jsonl:
            article = explain.from_jsonl(Path(args.jsonl), args.article)
        else:
            store = Store.from_settings(load_settings(db_path=args.db))
            published = store.published()  # the analysts' copy: reading it blocks no run
            source = published if published.exists() and not args.db else store
            article = explain.from_db(source, args.article)
    except (explain.ArticleNotFound, OSError, ValueError) as error:
        print(f"pledgewatch explain: {error}", file=sys.stderr)
        return 2
    print(f"# {article.label}\n# published {article.published}, {article.title or ''}\n")
    explained = explain_article(
        article.text, article.published, article.outlet, article.title, article.url
    )
    print(render_text(explained))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pledgewatch",
        description="Pledges and defence agreements for Ukraine, from news feeds to a weekly PDF.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, func, help: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help, description=help)
        command.set_defaults(func=func)
        command.add_argument("--debug", action="store_true", help="show tracebacks of errors")
        return command

    demo = add("demo", cmd_demo, "serve the bundled corpus on 127.0.0.1 and run the weekly job")
    demo.add_argument("--home", help="folder for the demo outputs (default $PLEDGEWATCH_HOME/demo)")

    run = add("run", cmd_run, "the weekly job: ingest, briefing, delivery, published copy")
    run.add_argument(
        "--week", type=iso_week_arg, help="ISO week, e.g. 2026-W46 (default: the previous week)"
    )
    run.add_argument("--no-fetch", action="store_true", help="rebuild from stored data only")

    ingest = add("ingest", cmd_ingest, "fetch feeds, store new articles, extract, merge events")
    ingest.add_argument(
        "--no-pages",
        action="store_true",
        help="feed text only: never fetch article pages (as `pages = false` does per feed)",
    )

    extract = add(
        "extract", cmd_extract, "extract pledges/agreements from an articles JSONL (English only)"
    )
    extract.add_argument("articles", help='JSONL of {"id","published","title","text",...}')

    report = add("report", cmd_report, "render (and write to the outbox) a week's briefing")
    report.add_argument("--week", type=iso_week_arg, required=True, help="ISO week, e.g. 2026-W46")

    deliver = add("deliver", cmd_deliver, "resend a week's briefing email from the outbox")
    deliver.add_argument("--week", type=iso_week_arg, required=True, help="ISO week, e.g. 2026-W46")

    status = add("status", cmd_status, "recent runs and per-feed health")
    status.add_argument("--limit", type=int, default=10)

    query = add("query", cmd_query, "run SQL on the published read-only copy of the database")
    query.add_argument("sql", help='e.g. "SELECT * FROM donor_totals LIMIT 10"')
    query.add_argument("--db", help="published copy (default $PLEDGEWATCH_PUBLISHED_DB)")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table")
    query.add_argument("--max-rows", type=int, default=40)

    explain = add("explain", cmd_explain, "show which extractor rules fired on an article")
    explain.add_argument("article", nargs="?", help="article id or URL (with --jsonl: id or url)")
    explain.add_argument("--jsonl", help="read the article from this JSONL file instead")

    evaluate = add("eval", cmd_eval, "score the extractor on the labelled development set")
    evaluate.add_argument("--articles", default=str(SHARED_EVAL / "dev" / "articles.jsonl"))
    evaluate.add_argument("--labels", default=str(SHARED_EVAL / "dev" / "labels.jsonl"))
    evaluate.add_argument("--scorer", default=str(SHARED_EVAL / "score.py"))
    evaluate.add_argument("--show-errors", action="store_true")
    evaluate.add_argument("--json", action="store_true")

    for command in (run, sub.choices["ingest"], report, status, deliver, explain):
        command.add_argument("--db", help="DuckDB file (default $PLEDGEWATCH_DB)")
    for command in (run, sub.choices["ingest"]):
        command.add_argument("--feeds", help="feeds file (default $PLEDGEWATCH_FEEDS)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; the exit code tells a scheduler what happened (flows/exit_codes.py)."""
    args = build_parser().parse_args(argv)
    _quiet_prefect()
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader left (`pledgewatch status | head`): stop quietly, as `cat` would.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitCode.BROKEN_PIPE
    except Exception as error:
        from flows.preflight import USER_ERRORS

        user_error = isinstance(error, USER_ERRORS)  # settings, feeds file, locks: one line
        if args.debug or not user_error:
            traceback.print_exc()
        print(f"pledgewatch: {error if user_error else 'crashed (see above)'}", file=sys.stderr)
        forget_frames(error)
        return ExitCode.COULD_NOT_RUN if user_error else ExitCode.CRASHED


if __name__ == "__main__":
    sys.exit(main())
