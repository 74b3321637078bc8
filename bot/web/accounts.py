"""Clinician accounts from the command line; there is no default account.

    make account NAME=you                      # the same as `create NAME`
    python -m bot.web.accounts create NAME     # asks for the password twice
    python -m bot.web.accounts passwd NAME     # sets a new password
    python -m bot.web.accounts list

The password is read from the terminal (never from the command line, where it
would land in the shell history); with ``--password-stdin`` it is read from
standard input, for scripts.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from bot.db import get_session_factory
from bot.handoff.accounts import (
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    AccountError,
    create_account,
    set_password,
)
from bot.handoff.console_models import ClinicianAccount
from bot.settings import load_settings

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the accounts command; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m bot.web.accounts")
    sub = parser.add_subparsers(dest="command", required=True)
    for command in ("create", "passwd"):
        cmd = sub.add_parser(command)
        cmd.add_argument("name")
        cmd.add_argument(
            "--password-stdin", action="store_true", help="read the password from stdin"
        )
    sub.add_parser("list")
    args = parser.parse_args(argv)
    factory = get_session_factory(load_settings().database_url)
    try:
        if args.command == "list":
            with factory() as session:
                for name in session.scalars(
                    select(ClinicianAccount.name).order_by(ClinicianAccount.name)
                ):
                    print(name)
            return EXIT_OK
        password = _read_password(args.password_stdin)
        with factory.begin() as session:
            if args.command == "create":
                create_account(session, args.name, password)
            else:
                set_password(session, args.name, password)
    except AccountError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OperationalError as error:
        print(f"error: the database is not ready ({error.orig})", file=sys.stderr)
        print("run `python -m bot.cli db upgrade` first", file=sys.stderr)
        return EXIT_FAILED
    done = "created" if args.command == "create" else "updated"
    print(f"account {args.name!r} {done}")
    return EXIT_OK


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    print(
        f"A password needs {MIN_PASSWORD_LENGTH} to {MAX_PASSWORD_LENGTH} characters,"
        " must not be the name, nor start or end with a space.",
        file=sys.stderr,
    )
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password again: "):
        raise AccountError("the two passwords differ")
    return first


if __name__ == "__main__":
    sys.exit(main())
