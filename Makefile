# BackChat: `make run` to chat, `make test` to check everything.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PY := .venv/bin/python

.PHONY: help setup account run run-prod test lint validate train shell eval eval-safety eval-triage eval-nlu clinical-report bench clean status privacy-export privacy-delete privacy-purge

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

setup: ## Create .venv (Python 3.10), install everything, chromium and the widget (skips what is done)
	@scripts/setup.sh
	@scripts/setup_browser.sh

account: setup ## Create a clinician account for the console: make account NAME=alice
	@$(PY) -m bot.cli db upgrade && $(PY) -m bot.web.accounts create $(NAME)

run: setup ## Train if the data changed, seed the database, start the servers
	@scripts/run.sh

run-prod: setup ## Production profile: PostgreSQL, Redis, REPLICAS Rasa replicas (2) behind nginx
	@source scripts/env.sh && BACKCHAT_RASA_REPLICAS=$(or $(REPLICAS),2) $(PY) -m bot.stack

test: setup ## Run the whole test suite (lint and types, data validation, unit, conversations)
	@scripts/test.sh

lint: setup ## ruff check, ruff format --check, mypy (strict on the core: pyproject.toml)
	@$(PY) -m ruff check bot actions tests scripts bench
	@$(PY) -m ruff format --check bot actions tests scripts bench
	@$(PY) -m mypy

validate: setup ## rasa data validate
	@TF_CPP_MIN_LOG_LEVEL=3 .venv/bin/rasa data validate --fail-on-warnings --data data/nlu data/rules

train: setup ## Train the model unless one exists for the current inputs
	@TF_CPP_MIN_LOG_LEVEL=3 $(PY) -m bot.modelcache

shell: setup train ## Chat in the terminal (needs `make run` in another terminal for actions)
	@source scripts/env.sh && BACKCHAT_RASA_WORKERS=1 BACKCHAT_LOCK_STORE=in_memory \
	  $(PY) -m bot.rasa.run shell --model models --endpoints endpoints.yml

eval: eval-safety eval-triage eval-nlu ## Safety, triage and NLU quality on data never trained on

eval-safety: setup ## Red-flag recall and false emergencies on the blind red-team corpus
	@TF_CPP_MIN_LOG_LEVEL=3 $(PY) scripts/eval_safety.py $(EVAL_ARGS)

eval-triage: setup ## Every vignette through the real servers, three answer styles; dead ends
	@TF_CPP_MIN_LOG_LEVEL=3 $(PY) scripts/eval_triage.py $(EVAL_ARGS)

eval-nlu: setup ## NLU quality on the kept-out set: intents, entities, red flags (before/after)
	@TF_CPP_MIN_LOG_LEVEL=3 $(PY) scripts/eval_intents.py

clinical-report: setup ## Regenerate the clinical-review table in docs/safety/README.md
	@$(PY) -m bot.evaluation.clinical_report

bench: setup ## Speed, cost and triage quality vs Rasa's starter bot (BENCH_ARGS=--quick)
	@TF_CPP_MIN_LOG_LEVEL=3 $(PY) -m bench $(BENCH_ARGS)

status: ## Show the supervised servers of `make run` (supervisorctl)
	@.venv/bin/supervisorctl -c var/supervisord.conf status

privacy-export: setup ## Write a person's data as JSON: make privacy-export SENDER=id
	@source scripts/env.sh && $(PY) -m bot.cli privacy export $(SENDER)

privacy-delete: setup ## Delete a person's conversation and cases: make privacy-delete SENDER=id
	@source scripts/env.sh && $(PY) -m bot.cli privacy delete $(SENDER)

privacy-purge: setup ## Delete conversations idle for longer than AGE (default 30d)
	@source scripts/env.sh && $(PY) -m bot.cli privacy purge --older-than $(or $(AGE),30d)

clean: ## Remove trained models and local databases
	rm -rf models var
