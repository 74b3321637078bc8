"""Dialogue helpers that turn messages into triage answers; no Rasa import."""
