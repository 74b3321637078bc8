"""Training's noise goes to var/train.log; the console gets one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot import modelcache


def fake_training(code: str) -> object:
    def command(*, config: str, out: str, name: str) -> list[str]:
        return [sys.executable, "-c", code.format(path=f"{out}/{name}.tar.gz")]

    return command


NOISY = (
    "import sys, os, warnings\n"
    "print('I tensorflow notice'); print('UserWarning: utter_x', file=sys.stderr)\n"
    "assert os.environ['TF_CPP_MIN_LOG_LEVEL'] == '3'\n"
    "os.makedirs(os.path.dirname('{path}'), exist_ok=True)\n"
    "open('{path}', 'w').write('model')\n"
)


def test_training_output_goes_to_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture
) -> None:
    (tmp_path / "config.yml").write_text("x")
    monkeypatch.setattr(modelcache, "train_command", fake_training(NOISY))
    model = modelcache.ensure_model(tmp_path)
    assert model.read_text() == "model"
    out, err = capfd.readouterr()
    assert out == "" and err.count("\n") == 1 and "train.log" in err
    log = (tmp_path / "var" / "train.log").read_text()
    assert "tensorflow notice" in log and "UserWarning" in log
    assert modelcache.ensure_model(tmp_path) == model  # cached: no training
    assert capfd.readouterr() == ("", "")


def test_a_failed_training_shows_the_end_of_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture
) -> None:
    (tmp_path / "config.yml").write_text("x")
    code = "print('InvalidDomain: utter_y has no text'); raise SystemExit(1)"
    monkeypatch.setattr(modelcache, "train_command", fake_training(code))
    with pytest.raises(subprocess.CalledProcessError):
        modelcache.ensure_model(tmp_path)
    assert "InvalidDomain: utter_y has no text" in capfd.readouterr().err


def test_a_changed_development_corpus_changes_the_model(tmp_path: Path) -> None:
    """The emergency screen learns from the development corpora: a change to
    one must train a new model, and a held-out corpus must not."""
    corpus = tmp_path / "data" / "clinical" / "dev_redteam_x.yml"
    corpus.parent.mkdir(parents=True)
    corpus.write_text("red_flags: []\n")
    held_out = tmp_path / "tests" / "data" / "redteam.yml"
    held_out.parent.mkdir(parents=True)
    held_out.write_text("red_flags: []\n")
    before = modelcache.inputs_hash(tmp_path)
    held_out.write_text("red_flags: [changed]\n")
    assert modelcache.inputs_hash(tmp_path) == before
    corpus.write_text("red_flags: [changed]\n")
    assert modelcache.inputs_hash(tmp_path) != before
