"""The supervisor of `python -m leokop serve --workers N` (leokop/processes.py) without a browser: the generated
HAProxy configuration, the message when HAProxy is missing, and one line plus no process left when a process dies
during the start. The two-process flows in Chromium are tests/browser/test_processes.py."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from leokop import processes
from leokop.__main__ import main
from leokop.db.errors import SetupError


def test_the_configuration_keeps_a_browser_on_its_process_and_passes_websockets_and_the_address():
    config = processes.haproxy_config("0.0.0.0", 8501, processes.workers(2, [9001, 9002]))
    assert "bind 0.0.0.0:8501" in config
    assert "server w1 127.0.0.1:9001 cookie w1" in config
    assert "server w2 127.0.0.1:9002 cookie w2" in config
    assert f"cookie {processes.STICKY_COOKIE} insert indirect nocache httponly" in config
    for line in ("option forwardfor", "option redispatch", "timeout tunnel 1h", "timeout client 1h",
                 "timeout server 1h", "option httpchk GET /_stcore/health", "http-check expect string ok"):
        assert line in config


@pytest.mark.skipif(shutil.which("haproxy") is None, reason="haproxy not installed (apt-get install haproxy)")
def test_haproxy_accepts_the_generated_configuration(tmp_path):
    config = tmp_path / "haproxy.cfg"
    config.write_text(processes.haproxy_config("127.0.0.1", 8501, processes.workers(3)), encoding="utf-8")
    result = subprocess.run(["haproxy", "-c", "-f", str(config)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_missing_haproxy_says_how_to_install_it(monkeypatch, capsys):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(SetupError, match="apt-get install haproxy"):
        processes.haproxy_binary()
    assert main(["serve", "--workers", "2", "--port", "1"]) == 2  # before the database is touched
    err = capsys.readouterr().err
    assert err.startswith("leokop: HAProxy not found") and err.count("\n") == 1


def test_workers_must_be_at_least_one(capsys):
    with pytest.raises(SystemExit):
        main(["serve", "--workers", "0"])
    assert "at least 1" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("haproxy") is None, reason="haproxy not installed (apt-get install haproxy)")
def test_a_process_that_dies_during_the_start_stops_everything_with_one_line():
    started: list[int] = []

    def dying(worker: processes.Worker) -> list[str]:
        code = "2" if worker.name == "w2" else "0"
        if worker.name == "w1":  # w1 would stay up: it must be stopped when w2 dies
            return [sys.executable, "-c", "import time\nfor _ in range(600): time.sleep(0.1)"]
        return [sys.executable, "-c", f"raise SystemExit({code})"]

    real_start = processes._start

    def recording(argv, env):
        proc = real_start(argv, env)
        started.append(proc)
        return proc

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(processes, "_start", recording)
        with pytest.raises(SetupError) as failure:
            processes.run(2, "127.0.0.1", processes._free_port(), command=dying, say=lambda _line: None)
    assert "w2" in str(failure.value) and "exited with code 2 during the start" in str(failure.value)
    assert "\n" not in str(failure.value)
    assert len(started) == 2 and all(proc.poll() is not None for proc in started)  # none left running
