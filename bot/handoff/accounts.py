"""Clinician accounts: password hashing (scrypt) and account look-ups.

Callers own the session's lifecycle: these functions never commit.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.handoff.console_models import ClinicianAccount

SCHEME = "scrypt"
# OWASP's scrypt minimum (N=2**14 is ~16 MiB of memory and ~50 ms here).
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")


class AccountError(ValueError):
    """A name or password that cannot be used; the message says why."""


@dataclass(frozen=True)
class Clinician:
    """A signed-in clinician, as the console passes it around."""

    id: int
    name: str


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """Hash ``password`` with scrypt and a random salt, in a self-describing string.

    Args:
        password: The plain password.
        salt: Only for tests; a fresh random salt is used otherwise.

    Returns:
        ``scrypt$N$r$p$salt$key`` with salt and key in URL-safe base64.
    """
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    key = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return "$".join(
        [SCHEME, str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(key)]
    )


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches ``stored``; in constant time, never raising."""
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != SCHEME or len(password) > MAX_PASSWORD_LENGTH:
            return False
        expected = base64.urlsafe_b64decode(key)
        actual = _scrypt(
            password, base64.urlsafe_b64decode(salt), int(n), int(r), int(p)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def check_new_account(name: str, password: str) -> None:
    """Raise :class:`AccountError` unless ``name`` and ``password`` are acceptable."""
    if not NAME_PATTERN.match(name):
        raise AccountError(
            "a name is 2 to 40 lower-case letters, digits, dots, dashes or "
            "underscores, starting with a letter or digit"
        )
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(
            f"a password needs at least {MIN_PASSWORD_LENGTH} characters"
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError(f"a password has at most {MAX_PASSWORD_LENGTH} characters")
    if password.strip() != password or password.lower() == name:
        raise AccountError("the password must not be the name or start/end with spaces")


def create_account(session: Session, name: str, password: str) -> ClinicianAccount:
    """Add an account; raise :class:`AccountError` if invalid or taken."""
    check_new_account(name, password)
    if find_account(session, name) is not None:
        raise AccountError(f"an account named {name!r} already exists")
    account = ClinicianAccount(name=name, password_hash=hash_password(password))
    session.add(account)
    session.flush()
    return account


def set_password(session: Session, name: str, password: str) -> ClinicianAccount:
    """Replace the password of an existing account."""
    account = find_account(session, name)
    if account is None:
        raise AccountError(f"no account named {name!r}")
    check_new_account(name, password)
    account.password_hash = hash_password(password)
    session.flush()
    return account


def find_account(session: Session, name: str) -> ClinicianAccount | None:
    """The account called ``name``, if any."""
    return session.scalars(
        select(ClinicianAccount).where(ClinicianAccount.name == name)
    ).first()


# A hash to check against when the name is unknown, so that a wrong name takes as
# long as a wrong password and sign-in does not reveal which names exist.
_DUMMY_HASH = (
    "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
)


def authenticate(session: Session, name: str, password: str) -> Clinician | None:
    """The clinician whose name and password match, or None."""
    account = find_account(session, name) if len(name) <= 40 else None
    if account is None or not account.is_active:
        verify_password(password, _DUMMY_HASH)
        return None
    if not verify_password(password, account.password_hash):
        return None
    return Clinician(id=account.id, name=account.name)


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        dklen=KEY_BYTES,
        maxmem=64 * 1024 * 1024,
    )


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii")
