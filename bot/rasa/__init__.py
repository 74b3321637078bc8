"""BackChat's Rasa boundary: the only package in ``bot/`` that imports Rasa.

Public extension points, named in the Rasa configuration files:

* ``bot.rasa.policy.EmergencyPolicy`` (config.yml): safety before anything else;
* ``bot.rasa.nlu_component.ClinicalEntityExtractor`` and
  ``bot.rasa.intent_classifier.JsonLogisticRegressionClassifier`` (config.yml);
* ``bot.rasa.tracker_store.CachedSQLTrackerStore`` (endpoints.yml);
* ``bot.rasa.channel.RestChannel`` / ``SocketIOChannel`` (credentials.yml).

The triage answers of each message reach the slots through the policy's
prediction events (``PolicyPrediction.events``), not a patch.

The patches that remain, and why no public route serves:

* ``RemoteAction.run`` (``action_outage``): Rasa logs a failed custom action and
  drops it, with no hook; the person must hear that the questions stopped, the
  action-server timeout must be shorter than Rasa's 300 s, and a failed
  hand-off must still be recorded;
* ``MessageProcessor._should_handle_message`` (``paused_safety``): a paused
  conversation reaches no policy, so no extension point sees an emergency
  reported while a clinician holds the case;
* ``RemoteAction._validate_action_result``, ``Event.resolve_by_type`` and
  ``EndpointConfig.session`` (``speedups``): hot spots found by profiling that
  no setting reaches (bench/README.md).

Patches of Rasa internals, where no public route serves, are applied by one
explicit :func:`install`, and only for the Rasa release they were written
against (:data:`SUPPORTED_RASA`). It is called from one place for the servers,
``python -m bot.rasa.run`` (before Rasa loads the model), and by
:func:`bot.rasa.agent.load_agent` for in-process evaluation; a model served
without it is refused (``EmergencyPolicy.load``), so removing or bypassing it
cannot silently turn off the outage notice or the safety check while a
clinician holds the case. Tests restore Rasa with
:func:`uninstall` (the ``rasa_patched`` fixture).

Importing this package imports no Rasa module and patches nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any

# The release every patch below was read against; a new one needs the patched
# methods re-read, the tests run, and this line changed.
SUPPORTED_RASA = "3.6.21"

# Each module's ``PATCHES``; the reason no public route serves is in each docstring.
PATCH_MODULES = (
    "bot.rasa.speedups",
    "bot.rasa.action_outage",
    "bot.rasa.paused_safety",
)


class RasaVersionError(RuntimeError):
    """The installed Rasa is not the release the patches were written for."""


@dataclass(frozen=True)
class Patch:
    """One attribute of a Rasa class replaced by ours."""

    owner: type
    name: str
    replacement: Any


_originals: dict[tuple[type, str], Any] = {}


def check_rasa_version(installed: str) -> None:
    """Refuse a Rasa release the patches were not written for.

    Raises:
        RasaVersionError: with what to do about it.
    """
    if installed != SUPPORTED_RASA:
        raise RasaVersionError(
            f"BackChat patches Rasa {SUPPORTED_RASA} internals (bot/rasa/), but Rasa "
            f"{installed} is installed. Install rasa=={SUPPORTED_RASA} "
            "(pyproject.toml), or re-read each patched method in the new release, "
            "run the tests and update bot.rasa.SUPPORTED_RASA."
        )


def patches() -> list[Patch]:
    """Every patch, in the order they are applied."""
    return [p for name in PATCH_MODULES for p in import_module(name).PATCHES]


def install() -> None:
    """Check Rasa's version, then apply every patch (idempotent).

    Raises:
        RasaVersionError: when the installed Rasa is another release.
    """
    import rasa

    check_rasa_version(rasa.__version__)
    for patch in patches():
        key = (patch.owner, patch.name)
        if key not in _originals:
            _originals[key] = patch.owner.__dict__[patch.name]
        setattr(patch.owner, patch.name, patch.replacement)
    import_module("bot.rasa.speedups").install_sqlite_write_ahead_log()


def installed() -> bool:
    """Whether :func:`install` has run (and :func:`uninstall` not since)."""
    return bool(_originals) and all(
        p.owner.__dict__[p.name] is p.replacement for p in patches()
    )


def uninstall() -> None:
    """Give Rasa back its own methods (tests)."""
    for (owner, name), original in _originals.items():
        setattr(owner, name, original)
    _originals.clear()
    import_module("bot.rasa.speedups").uninstall_sqlite_write_ahead_log()
