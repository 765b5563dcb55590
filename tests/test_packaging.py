"""The package installs whole: a wheel built from the repository holds every module and every
resource, builds without a setuptools warning, and runs the commands the CLI offers."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import LETTER_2018, REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> tuple[Path, str]:
    """The wheel, built from a copy of the repository (a build writes into its source tree)
    with the test environment's setuptools: no network. Returns it and the build's output."""
    source = tmp_path_factory.mktemp("source")
    shutil.copy(REPO / "pyproject.toml", source)
    shutil.copy(REPO / "README.md", source)
    for folder in ("desktop", "resources"):
        shutil.copytree(
            REPO / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(out), "--verbose"],
        capture_output=True, text=True, check=True, cwd=source,
    )  # fmt: skip
    return next(out.glob("kamerbrief_reader-*.whl")), build.stdout + build.stderr


def test_the_wheel_builds_without_a_warning(wheel):
    _, log = wheel
    assert not re.findall(r"\w+Warning\b.*", log)


def test_the_wheel_holds_every_module_and_every_resource(wheel):
    path, _ = wheel
    names = set(zipfile.ZipFile(path).namelist())
    modules = {p.relative_to(REPO).as_posix() for p in (REPO / "desktop").rglob("*.py")}
    resources = {
        "desktop/_resources/" + p.relative_to(REPO / "resources").as_posix()
        for p in (REPO / "resources").rglob("*")
        if p.is_file()
    }
    assert "desktop/bench/run.py" in modules and "desktop/_resources/treaties.toml" in resources
    assert modules - names == set()
    assert resources - names == set()


def test_the_installed_wheel_runs_parse_and_bench(wheel, tmp_path):
    """Installed without its dependencies into a fresh venv; they come from the test
    environment (a .pth file: that environment is itself a venv, not the system)."""
    path, _ = wheel
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    Path(site, "test-environment.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [python, "-m", "pip", "install", "--no-deps", "--no-index", str(path)],
        check=True, capture_output=True,
    )  # fmt: skip

    def run(*argv: str) -> str:
        proc = subprocess.run(
            [python, *argv], capture_output=True, text=True, cwd=tmp_path, check=True
        )
        return proc.stdout

    assert run("-c", "import desktop; print(desktop.__file__)").startswith(site)
    summary = run("-m", "desktop", "parse", str(LETTER_2018))
    assert "  mentions    INF 13, NPT 1" in summary  # the gazetteer from the installed package
    assert run("-m", "desktop", "bench", "--help").startswith("usage: kamerbrief bench")
    # --help does not load the benchmark; what `bench` runs must be there too
    assert run("-c", "import desktop.bench.run as b; print(b.__file__)").startswith(site)
