"""articlegen bulk under trouble: a worker killed, two runs into one directory, a broken manifest,
a full standard output, an empty --out."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from articlegen.bulk.lock import LOCK_NAME
from articlegen.bulk.work import DELAY_ENV

from .test_bulk import BULK, articles, invoke, manifest, run_cli

PAIRS = ("--pairs", "same-group", "--limit", "300", "--quiet")
SLOW = "0.05"  # seconds a unit: 300 units at 2 workers sleep about 8 s


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    """What an undisturbed run of PAIRS writes."""
    out = tmp_path_factory.mktemp("clean") / "out"
    result = run_cli(*PAIRS, "--out", str(out), "--workers", "2")
    assert result.returncode == 0, result.stderr
    return out


def start(out: Path, *extra: str, delay: str = SLOW) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", BULK, *PAIRS, "--out", str(out), "--workers", "2", *extra]
    env = {**os.environ, DELAY_ENV: delay}
    return subprocess.Popen(command, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def children(pid: int) -> set[int]:
    """The processes whose parent is `pid`, from /proc."""
    found = set()
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue  # ended while being read
        if fields.get("PPid", "").strip() == str(pid):
            found.add(int(status.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status  # a zombie has ended; its parent has not yet reaped it


def wait_for(condition, seconds: float = 60, what: str = "") -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"waited {seconds} s for {what}"
        time.sleep(0.02)


def lines(path: Path) -> int:
    return len(path.read_bytes().splitlines()) if path.exists() else 0


def workers_of(run: subprocess.Popen[str], count: int = 2) -> set[int]:
    wait_for(lambda: len(children(run.pid)) >= count, what="the workers")
    return children(run.pid)


def killed_line(pid: int) -> str:
    return f"worker process {pid} died (killed by SIGKILL, as the out-of-memory killer does)"


def test_a_killed_worker_is_replaced_and_its_batch_done_by_another(tmp_path, clean):
    out = tmp_path / "out"
    run = start(out)
    victim = min(workers_of(run))
    wait_for(lambda: lines(out / "manifest.jsonl") >= 20, what="20 articles")
    os.kill(victim, signal.SIGKILL)
    stdout, stderr = run.communicate(timeout=120)
    assert run.returncode == 0, stderr
    assert f"articlegen bulk: {killed_line(victim)}; a new worker takes over its " in stderr
    assert "300 written, 0 already complete, 0 failed" in stdout
    assert articles(out) == articles(clean)  # no temporary file of the killed worker is left either
    assert manifest(out) == manifest(clean)


def test_a_second_dead_worker_ends_the_run_at_once_and_resume_completes_it(tmp_path, clean):
    out = tmp_path / "out"
    run = start(out)
    first = min(workers_of(run))
    wait_for(lambda: lines(out / "manifest.jsonl") >= 20, what="20 articles")
    os.kill(first, signal.SIGKILL)
    wait_for(lambda: len(children(run.pid) - {first}) == 2, what="a new worker")
    second = max(children(run.pid) - {first})
    os.kill(second, signal.SIGKILL)
    killed = time.monotonic()
    stdout, stderr = run.communicate(timeout=60)
    seconds = time.monotonic() - killed
    print(f"from the second kill to the end of the run: {seconds:.2f} s")
    assert seconds < 30
    assert run.returncode == 2 and stdout == ""
    last = stderr.splitlines()[-1]
    done = lines(out / "manifest.jsonl")
    assert last == (
        f"articlegen: {killed_line(second)}, after {killed_line(first)}; the run stopped with "
        f"{done} of 300 articles complete, listed in {out / 'manifest.jsonl'}; "
        "run the same command with --resume to finish"
    )
    assert 20 <= done < 300
    assert not (out / LOCK_NAME).exists()
    assert not [name for name in articles(out) if ".tmp-" in name]  # the stopped writes are cleaned up

    resumed = run_cli(*PAIRS, "--out", str(out), "--workers", "2", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert f"{300 - done} written, {done} already complete, 0 failed" in resumed.stdout
    assert articles(out) == articles(clean)
    assert manifest(out) == manifest(clean)


def test_a_second_run_into_a_busy_directory_is_refused_naming_the_holder(tmp_path, clean):
    out = tmp_path / "out"
    run = start(out, delay="0.15")  # long enough for two more runs to load the content, on a busy machine
    wait_for(lambda: lines(out / "manifest.jsonl") >= 10, what="10 articles")
    holder = json.loads((out / LOCK_NAME).read_text())
    assert (holder["pid"], holder["host"]) == (run.pid, socket.gethostname())
    expected = (
        f"articlegen: {out}: another bulk run is writing here (pid {run.pid} on {holder['host']}, "
        f"started {holder['started']}); wait for it to end or stop it\n"
    )
    others = [start(out, *extra, delay="0") for extra in ((), ("--resume",))]  # a resume would remove
    for other in others:  # the first run's temporary files
        _, stderr = other.communicate(timeout=120)
        assert (other.returncode, stderr) == (2, expected)
    assert run.poll() is None, "the first run was to be still going"
    stdout, stderr = run.communicate(timeout=120)
    assert run.returncode == 0, stderr
    assert "300 written, 0 already complete, 0 failed" in stdout
    assert articles(out) == articles(clean)  # the lock file is gone with its run
    assert manifest(out) == manifest(clean)


def test_the_lock_of_a_killed_run_is_taken_over_and_its_orphaned_workers_exit(tmp_path, clean):
    out = tmp_path / "out"
    run = start(out)
    workers = workers_of(run)
    wait_for(lambda: lines(out / "manifest.jsonl") >= 10, what="10 articles")
    os.kill(run.pid, signal.SIGKILL)  # the run alone: its workers live on, for a while
    run.communicate()
    assert json.loads((out / LOCK_NAME).read_text())["pid"] == run.pid  # left behind
    resumed = run_cli(*PAIRS, "--out", str(out), "--workers", "2", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    wait_for(lambda: not any(alive(pid) for pid in workers), 30, "the orphaned workers to exit")
    assert articles(out) == articles(clean)
    assert manifest(out) == manifest(clean)


def golden_run(out: Path, *extra: str) -> tuple[int, str, str]:
    return invoke("--pairs", "golden", "--out", str(out), "--workers", "1", *extra)


def test_a_manifest_that_is_a_directory_is_one_line(tmp_path):
    out = tmp_path / "out"
    (out / "manifest.jsonl").mkdir(parents=True)
    code, _, stderr = golden_run(out)
    assert (code, stderr) == (2, f"articlegen: {out / 'manifest.jsonl'}: cannot write: Is a directory\n")
    code, _, stderr = golden_run(out, "--resume")
    assert (code, stderr) == (2, f"articlegen: {out / 'manifest.jsonl'}: cannot read: Is a directory\n")
    assert sorted(p.name for p in out.iterdir()) == ["manifest.jsonl"]  # no lock file, no temporary one


def test_an_output_directory_the_lock_file_cannot_be_made_in_is_one_line(tmp_path):
    """The lock file is the first write into --out; here it cannot be made, even by root (CI may be root).

    A mode of 0o555 on the directory stops only other users, so the lock's place is a link to a path
    under a regular file instead: creating it fails with ENOTDIR for everyone.
    """
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_NAME).symlink_to(blocker / "lock")
    code, _, stderr = golden_run(out)
    assert code == 2 and stderr.startswith(f"articlegen: {out / LOCK_NAME}: ")
    assert stderr.endswith(": Not a directory\n") and stderr.count("\n") == 1
    assert sorted(p.name for p in out.iterdir()) == [LOCK_NAME]  # no article, manifest or temporary file


def test_a_full_disk_under_the_manifest_is_one_line(tmp_path, monkeypatch, generator):
    from articlegen.bulk import journal
    from articlegen.bulk.store import LocalStore
    from articlegen.bulk.versions import Versions
    from articlegen.bulk.work import UnitResult
    from articlegen.errors import ArticlegenError

    monkeypatch.setattr(journal, "FLUSH_EVERY", 0)
    log = journal.Journal(tmp_path, Versions("d", "p"), "comparison", "md", 0)
    log.start(LocalStore(str(tmp_path)), resume=False)
    log._manifest = open("/dev/full", "a", encoding="utf-8")  # noqa: SIM115 - as if the disk filled up
    result = UnitResult("a/a-vs-b.md", (("a", "b"),), (), "0" * 64, 10)
    with pytest.raises(ArticlegenError) as caught:
        log.record(result)
    assert str(caught.value) == f"{tmp_path / 'manifest.jsonl'}: cannot write: No space left on device"
    log.close()  # the failure was reported once: closing does not raise it again


def break_line(out: Path, number: int, change) -> Path:
    path = out / "manifest.jsonl"
    text = path.read_text().splitlines()
    text[number - 1] = change(text[number - 1])
    path.write_text("".join(line + "\n" for line in text))
    return path


def test_a_malformed_manifest_line_is_one_line_naming_file_and_line(tmp_path):
    out = tmp_path / "out"
    assert golden_run(out)[0] == 0
    hint = "mend or delete the line, or run without --resume"

    def without_sha(line: str) -> str:
        return json.dumps({k: v for k, v in json.loads(line).items() if k != "sha256"})

    path = break_line(out, 3, without_sha)
    code, _, stderr = golden_run(out, "--resume")
    assert (code, stderr) == (2, f'articlegen: {path}:3: no "sha256"; {hint}\n')
    path = break_line(out, 3, lambda line: line[:40] + "}")
    code, _, stderr = golden_run(out, "--resume")
    assert (
        code == 2
        and stderr.startswith(f"articlegen: {path}:3: not JSON (")
        and stderr.endswith(f"; {hint}\n")
    )
    path = break_line(out, 3, lambda _: '{"path": "a/a-vs-b.md", "sha256": "00", "pair": "a"}')
    code, _, stderr = golden_run(out, "--resume")
    assert code == 2 and stderr.startswith(f'articlegen: {path}:3: neither "pair"')
    path = break_line(out, 3, lambda _: "[1, 2]")
    assert golden_run(out, "--resume")[2] == f"articlegen: {path}:3: not a JSON object; {hint}\n"
    # What a kill leaves, a last line cut short, is still dropped: its article is done again.
    assert golden_run(out)[0] == 0
    path.write_text(path.read_text() + '{"path": "x/x-vs-y.md", "sha')
    code, stdout, _ = golden_run(out, "--resume")
    assert code == 0 and "0 written" in stdout


def test_a_full_standard_output_is_one_line_and_the_run_is_complete(tmp_path):
    out = tmp_path / "out"
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-c", BULK, "--pairs", "golden", "--out", str(out), "--workers", "1", "--quiet"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "articlegen: standard output: cannot write the summary: No space left on device"
    )
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert len(manifest(out)) == len(articles(out)) > 10


def test_the_progress_bar_is_drawn_on_standard_error():
    from articlegen.bulk.progress import RichProgress

    bar = RichProgress(3)
    try:
        assert bar.bar.console.file is sys.stderr
    finally:
        bar.close()


@pytest.mark.parametrize("out", ["", " ", "file://"])
def test_an_empty_out_is_refused_instead_of_writing_into_the_current_directory(tmp_path, monkeypatch, out):
    monkeypatch.chdir(tmp_path)
    code, _, stderr = invoke("--pairs", "golden", "--out", out, "--workers", "1")
    assert (code, stderr) == (
        2,
        "articlegen: --out is empty; name the output directory ('.' for the current one)\n",
    )
    assert list(tmp_path.iterdir()) == []
