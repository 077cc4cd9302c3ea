"""Where the tests find the corpus and the CLI: ZHIBIAO_CORPUS (default ../shared/corpus from
the repository) and ZHIBIAO_CLI (default target/release/zhibiao). Tests that need one skip
cleanly when it is absent."""

import os
import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


def corpus_dir() -> pathlib.Path:
    return pathlib.Path(os.environ.get("ZHIBIAO_CORPUS", REPO.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus():
    """Every article of the shared corpus as (path, text), seeds first."""
    root = corpus_dir()
    seeds = root / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"no corpus at {root} (set ZHIBIAO_CORPUS)")
    files = sorted(seeds.iterdir()) + sorted(p for p in root.rglob("*") if seeds not in p.parents)
    return [(str(p), p.read_text(encoding="utf-8")) for p in files if p.suffix in (".txt", ".md")]


@pytest.fixture(scope="session")
def cli():
    path = pathlib.Path(os.environ.get("ZHIBIAO_CLI", REPO / "target" / "release" / "zhibiao"))
    if not path.is_file():
        pytest.skip(f"no CLI at {path} (cargo build --release, or set ZHIBIAO_CLI)")
    return str(path)
