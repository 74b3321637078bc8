"""The exercise library: content files, tables, seeding, recommendations, advice.

One concern per module, none of which imports Rasa:

- ``vocab``: categories, body areas, phases, conditions, verdicts, phase rules.
- ``specs`` / ``content`` / ``checks``: content as plain data, YAML loading and
  validation (``ContentError`` lists every problem).
- ``models``: the tables, on ``bot.db.Base``; migrations live in ``migrations/``.
- ``seed`` / ``export``: idempotent seeding and import, export back to YAML.
- ``search``: spelling-tolerant lookup of exercises and activities.
- ``cards`` / ``recommend`` / ``format``: safe plans and their wording.
- ``avoid``: what-to-avoid advice and "is <activity> OK?" verdicts.
"""
