"""BackChat's command line: ``backchat <group> <command>``.

Each command group is a function that adds its sub-parser to the top-level
sub-parsers; add a group by appending it to ``COMMAND_GROUPS`` (for example a
``handoff`` group defined in ``bot/handoff/cli.py``). Handlers take the parsed
arguments and return the exit code: 0 success, 1 not found or database not
ready, 2 bad input (as argparse uses for bad usage).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from bot.settings import PROJECT_ROOT, load_settings

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_BAD_INPUT = 2
DEFAULT_CONTENT_DIR = PROJECT_ROOT / "data" / "library"

CommandGroup = Callable[[argparse._SubParsersAction], None]
Handler = Callable[[argparse.Namespace], int]


def add_library_commands(commands: argparse._SubParsersAction) -> None:
    """Add ``backchat library list|show|search|import|export``."""
    group = commands.add_parser("library", help="browse and edit the exercise library")
    sub = group.add_subparsers(dest="command", required=True, metavar="COMMAND")
    listing = sub.add_parser("list", help="list exercises")
    listing.add_argument("--category", help="only this category, e.g. stretch")
    listing.set_defaults(handler=_library_list)
    show = sub.add_parser("show", help="show one exercise, step by step")
    show.add_argument("name", nargs="+", help="name or alias; typos are tolerated")
    show.set_defaults(handler=_library_show)
    search = sub.add_parser("search", help="search exercises by words")
    search.add_argument("text", nargs="+")
    search.set_defaults(handler=_library_search)
    imp = sub.add_parser("import", help="add or update entries from a YAML file")
    imp.add_argument("file", type=Path)
    imp.set_defaults(handler=_library_import)
    export = sub.add_parser("export", help="write the library as YAML")
    export.add_argument("--out", type=Path, help="file to write (default: stdout)")
    export.set_defaults(handler=_library_export)


def add_db_commands(commands: argparse._SubParsersAction) -> None:
    """Add ``backchat db upgrade|downgrade|seed|current``."""
    group = commands.add_parser("db", help="migrate and seed the database")
    sub = group.add_subparsers(dest="command", required=True, metavar="COMMAND")
    upgrade = sub.add_parser("upgrade", help="migrate up (default: to head)")
    upgrade.add_argument("revision", nargs="?", default="head")
    upgrade.set_defaults(handler=_db_upgrade)
    downgrade = sub.add_parser("downgrade", help="migrate down to REV (or base)")
    downgrade.add_argument("revision")
    downgrade.set_defaults(handler=_db_downgrade)
    seed = sub.add_parser("seed", help="load the library content files")
    seed.add_argument("--content-dir", type=Path, default=DEFAULT_CONTENT_DIR)
    seed.set_defaults(handler=_db_seed)
    current = sub.add_parser("current", help="print the current revision")
    current.set_defaults(handler=_db_current)


def add_privacy_commands(commands: argparse._SubParsersAction) -> None:
    """Add ``backchat privacy export|delete SENDER`` and ``privacy purge``."""
    group = commands.add_parser("privacy", help="export or delete a person's data")
    group.add_argument(
        "--tracker-url",
        help="Rasa's tracker store (default: BACKCHAT_TRACKER_URL or var/tracker.db)",
    )
    sub = group.add_subparsers(dest="command", required=True, metavar="COMMAND")
    export = sub.add_parser("export", help="write a person's data as JSON")
    export.add_argument("sender")
    export.add_argument("--out", type=Path, help="file to write (default: stdout)")
    export.set_defaults(handler=_privacy_export)
    delete = sub.add_parser("delete", help="delete a conversation and its cases")
    delete.add_argument("sender")
    delete.set_defaults(handler=_privacy_delete)
    purge = sub.add_parser("purge", help="delete conversations idle for too long")
    purge.add_argument("--older-than", required=True, help="e.g. 30d, 12h, 2w")
    purge.set_defaults(handler=_privacy_purge)


COMMAND_GROUPS: tuple[CommandGroup, ...] = (
    add_library_commands,
    add_db_commands,
    add_privacy_commands,
)


def build_parser(
    groups: Sequence[CommandGroup] = COMMAND_GROUPS,
) -> argparse.ArgumentParser:
    """Return the ``backchat`` argument parser with the given command groups."""
    parser = argparse.ArgumentParser(
        prog="backchat", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--database-url",
        help="SQLAlchemy URL (default: BACKCHAT_DATABASE_URL or var/backchat.db)",
    )
    commands = parser.add_subparsers(dest="group", required=True, metavar="GROUP")
    for add_group in groups:
        add_group(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    args = build_parser().parse_args(argv)
    if args.database_url is None:
        args.database_url = load_settings().database_url
    try:
        return args.handler(args)
    except (OperationalError, ProgrammingError) as error:
        _err(f"database not ready ({_first_line(error)}); run `backchat db upgrade`")
        return EXIT_NOT_FOUND


def _library_list(args: argparse.Namespace) -> int:
    from bot.library.search import list_exercises

    with _session(args) as session:
        exercises = list_exercises(session, args.category)
        for ex in exercises:
            areas = ", ".join(ex.body_areas)
            print(f"{ex.name:<36} {ex.category:<18} {ex.difficulty}  {areas}")
    if not exercises:
        _err("no exercises (run `backchat db seed`?)")
        return EXIT_NOT_FOUND
    return EXIT_OK


def _library_show(args: argparse.Namespace) -> int:
    from bot.library.format import format_exercise_steps
    from bot.library.search import find_exercise

    query = " ".join(args.name)
    with _session(args) as session:
        exercise = find_exercise(session, query)
        if exercise is None:
            _err(f"no exercise called {query!r}")
            return EXIT_NOT_FOUND
        print(format_exercise_steps(exercise))
        print()
        print(f"category: {exercise.category}; difficulty: {exercise.difficulty}")
        print(f"body areas: {', '.join(exercise.body_areas)}")
        print(f"phases: {', '.join(exercise.phases)}")
        contra = ", ".join(exercise.contraindication_codes) or "none"
        print(f"not for: {contra}")
        if exercise.alias_names:
            print(f"also called: {', '.join(exercise.alias_names)}")
        print(f"source: {exercise.source}")
    return EXIT_OK


def _library_search(args: argparse.Namespace) -> int:
    from bot.library.search import search_exercises

    text = " ".join(args.text)
    with _session(args) as session:
        found = search_exercises(session, text)
        for ex in found:
            print(f"{ex.name:<36} {ex.category}")
    if not found:
        _err(f"no exercise matches {text!r}")
        return EXIT_NOT_FOUND
    return EXIT_OK


def _library_import(args: argparse.Namespace) -> int:
    from bot.library.seed import import_file
    from bot.library.specs import ContentError

    if not args.file.is_file():
        _err(f"{args.file}: no such file")
        return EXIT_BAD_INPUT
    try:
        with _session(args) as session:
            report = import_file(session, args.file)
    except ContentError as error:
        _err(f"{args.file}: nothing imported.\n{error}")
        return EXIT_BAD_INPUT
    print(f"imported {args.file.name}: {report.summary()}")
    return EXIT_OK


def _library_export(args: argparse.Namespace) -> int:
    from bot.library.export import export_yaml

    with _session(args) as session:
        text = export_yaml(session)
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")
    return EXIT_OK


def _db_upgrade(args: argparse.Namespace) -> int:
    from bot.migrate import current_revision, upgrade_database

    upgrade_database(args.database_url, args.revision)
    print(f"database at revision {current_revision(args.database_url)}")
    return EXIT_OK


def _db_downgrade(args: argparse.Namespace) -> int:
    from bot.migrate import current_revision, downgrade_database

    downgrade_database(args.database_url, args.revision)
    print(f"database at revision {current_revision(args.database_url) or 'base'}")
    return EXIT_OK


def _db_current(args: argparse.Namespace) -> int:
    from bot.migrate import current_revision

    print(current_revision(args.database_url) or "base")
    return EXIT_OK


def _db_seed(args: argparse.Namespace) -> int:
    from bot.library.seed import seed_library
    from bot.library.specs import ContentError

    try:
        with _session(args) as session:
            report = seed_library(session, args.content_dir)
    except ContentError as error:
        _err(f"{args.content_dir}: nothing seeded.\n{error}")
        return EXIT_BAD_INPUT
    versions = ", ".join(f"{k} {v}" for k, v in sorted(report.versions.items()))
    print(f"seeded library ({versions}): {report.summary()}")
    return EXIT_OK


def _privacy_engines(args: argparse.Namespace) -> tuple[Any, Any]:
    from bot.db import get_engine

    tracker_url = args.tracker_url or load_settings().tracker_url
    return get_engine(tracker_url), get_engine(args.database_url)


def _privacy_audit() -> Path:
    return load_settings().privacy_audit


def _privacy_export(args: argparse.Namespace) -> int:
    import json

    from bot.privacy.data import export_person

    data = export_person(*_privacy_engines(args), args.sender)
    if not (data["events"] or data["handoff_cases"] or data["follow_ups"]):
        _err(f"nothing kept for {args.sender!r}")
        return EXIT_NOT_FOUND
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    if args.out is None:
        print(text)
    else:
        args.out.write_text(text + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return EXIT_OK


def _privacy_delete(args: argparse.Namespace) -> int:
    from bot.privacy.data import delete_person, delete_queued

    deleted = delete_person(*_privacy_engines(args), args.sender, _privacy_audit())
    delete_queued(load_settings().outbox_dir, args.sender)
    if not deleted.total:
        _err(f"nothing kept for {args.sender!r}")
        return EXIT_NOT_FOUND
    print(
        f"deleted {deleted.events} events and {deleted.cases} hand-off cases"
        + (f"; {deleted.follow_ups} follow-up records" if deleted.follow_ups else "")
    )
    return EXIT_OK


def _privacy_purge(args: argparse.Namespace) -> int:
    from bot.privacy.data import parse_age, purge

    try:
        age = parse_age(args.older_than)
    except ValueError as error:
        _err(str(error))
        return EXIT_BAD_INPUT
    done = purge(*_privacy_engines(args), age, _privacy_audit())
    events = sum(d.events for d in done.values())
    cases = sum(d.cases for d in done.values())
    print(f"purged {len(done)} conversations: {events} events, {cases} cases")
    return EXIT_OK


def _session(args: argparse.Namespace) -> AbstractContextManager[Session]:
    from bot.db import get_session_factory

    return get_session_factory(args.database_url).begin()


def _err(message: str) -> None:
    print(f"backchat: {message}", file=sys.stderr)


def _first_line(error: Exception) -> str:
    return str(error).splitlines()[0]


if __name__ == "__main__":
    sys.exit(main())
