"""Memory of a server and its workers, read from /proc."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from bench.memory import process_tree, tree_mb, tree_pss_mb


def test_a_process_tree_counts_the_children() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        time.sleep(0.2)
        assert child.pid in process_tree(os.getpid())
        alone = tree_mb(child.pid)
        together = tree_mb(os.getpid())
        assert alone is not None and together is not None and together > alone
        pss = tree_pss_mb(os.getpid())
        assert pss is not None and 0 < pss <= together
    finally:
        child.kill()
        child.wait()


def test_a_gone_process_has_no_memory() -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    assert tree_mb(gone.pid) is None
    assert tree_pss_mb(gone.pid) is None
