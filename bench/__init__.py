"""`make bench`: speed, cost and triage quality, side by side with Rasa's starter bot.

Run with ``.venv/bin/python -m bench [--quick]``. Pure parts (percentiles, the
open-loop scheduler, vignette scoring, report formatting) live in their own
modules and are unit-tested in ``tests/bench/`` without servers.
"""
