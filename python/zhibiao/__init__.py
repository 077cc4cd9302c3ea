"""Zhibiao (指标): indicator cards from Chinese economic news.

>>> import zhibiao
>>> article = zhibiao.analyze("全市规上工业增加值同比增长8.4%，高于全国2.6个百分点。")
>>> card = article["cards"][0]
>>> card["metric"], card["facts"][0]["basis"], card["facts"][0]["value"]
('规上工业增加值', '同比', 8.4)

Every article is a dict in the JSON model of the ``zhibiao`` command line (``--format json``,
one entry of ``articles``). The engine is Rust: it releases the GIL while it runs, and
``analyze_many`` spreads a list of texts over every core.
"""

import json
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Union

from . import _zhibiao
from ._zhibiao import ZhibiaoError, __version__
from .model import Article, Bound, Card, Fact, Kind

__all__ = [
    "Article",
    "Bound",
    "Card",
    "Fact",
    "Kind",
    "ZhibiaoError",
    "__version__",
    "analyze",
    "analyze_many",
    "FACT_COLUMNS",
    "SPARK_SCHEMA",
    "fact_rows",
    "facts_frame",
]

#: The columns of ``facts_frame`` in order (where the fact stands, then the fact), with their
#: Spark SQL types: ``mapInPandas``'s schema is ``", ".join(f"`{c}` {t}" ...)``.
SPARK_SCHEMA = {
    "source": "string", "title": "string", "section": "string", "metric": "string",
    "subject": "string", "key": "string", "kind": "string", "value": "double",
    "unit": "string", "display": "string", "basis": "string", "versus": "string",
    "bound": "string", "target": "boolean", "period": "string", "when": "string",
    "from": "double", "from_display": "string", "text": "string", "start": "bigint",
    "end": "bigint",
}  # fmt: skip
FACT_COLUMNS = tuple(SPARK_SCHEMA)

# The pandas dtypes of the columns that hold no text.
_DTYPES = {
    column: {"double": "float64", "boolean": "bool", "bigint": "int64"}[kind]
    for column, kind in SPARK_SCHEMA.items()
    if kind != "string"
}


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    return value


def analyze(text: str, source: Optional[str] = None) -> Article:
    """The cards of one article (plain text or HTML) as a dict: ``{"source", "title", "cards"}``.

    ``source`` is a label kept in the result (a file name, a URL); ``None`` gives ``""``.
    Raises ``TypeError`` for a text that is not a ``str`` and ``ZhibiaoError`` if the engine
    fails on the text (a bug, reported with the text's label).
    """
    text = _text(text, "text")
    source = "" if source is None else _text(source, "source")
    return json.loads(_zhibiao.analyze_json(text, source))


def analyze_many(
    texts: Iterable[str],
    jobs: Optional[int] = None,
    sources: Optional[Iterable[str]] = None,
) -> List[Article]:
    """``[analyze(t) for t in texts]``, on ``jobs`` threads (``None``: every core), in order.

    The GIL is released for the whole run, so other Python threads (a Dask worker's) go on.
    ``sources`` labels the articles (``""`` when not given) and must be as long as ``texts``.
    """
    if isinstance(texts, (str, bytes)):
        raise TypeError("texts must be a list of str, not a single " + type(texts).__name__)
    texts = [_text(t, f"texts[{i}]") for i, t in enumerate(texts)]
    if sources is None:
        labels = [""] * len(texts)
    else:
        if isinstance(sources, (str, bytes)):
            raise TypeError("sources must be a list of str, not a single " + type(sources).__name__)
        labels = [_text(s, f"sources[{i}]") for i, s in enumerate(sources)]
        if len(labels) != len(texts):
            raise ValueError(f"{len(texts)} texts but {len(labels)} sources")
    if jobs is not None and (not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1):
        raise ValueError(f"jobs must be a positive int or None, not {jobs!r}")
    return [json.loads(j) for j in _zhibiao.analyze_many_json(texts, labels, jobs)]


Reports = Union[Article, Mapping[str, Any], Sequence[Article]]


def _articles(reports: Reports) -> Iterator[Mapping[str, Any]]:
    """Articles from one article, a list of them, or the CLI's ``{"articles": [...]}``."""
    if isinstance(reports, Mapping):
        if "articles" in reports:
            yield from reports["articles"]
        elif "cards" in reports:
            yield reports
        else:
            raise ValueError("expected an article (with 'cards') or a report (with 'articles')")
        return
    for item in reports:
        yield from _articles(item)


def fact_rows(reports: Reports) -> Iterator[Dict[str, Any]]:
    """One dict per fact with the keys of ``FACT_COLUMNS`` (``None`` where absent), no pandas."""
    for article in _articles(reports):
        for card in article["cards"]:
            for fact in card["facts"]:
                row = {
                    "source": article.get("source"),
                    "title": article.get("title"),
                    "section": card.get("section"),
                    "metric": card["metric"],
                    "subject": card.get("subject"),
                    "key": card.get("key"),
                }
                for key in FACT_COLUMNS[6:-2]:
                    row[key] = fact.get(key)
                row["target"] = bool(fact.get("target", False))
                row["start"], row["end"] = fact["span"]
                yield row


def facts_frame(reports: Reports) -> "pandas.DataFrame":  # noqa: F821
    """A pandas DataFrame with one row per fact and the columns ``FACT_COLUMNS``.

    ``reports`` is what ``analyze`` or ``analyze_many`` returned (one article or a list), or
    the CLI's JSON. An empty input gives an empty frame with the same columns and dtypes, the
    ``meta`` Dask's ``map_partitions`` wants.
    """
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - tested where pandas is absent
        raise ImportError("zhibiao.facts_frame needs pandas: pip install pandas") from e
    frame = pd.DataFrame(list(fact_rows(reports)), columns=list(FACT_COLUMNS))
    # Text columns in this pandas's own dtype for text (object before 3.0, str after), also
    # when a column holds no text at all: every partition of a Dask run then has one schema.
    text = pd.Series(["text"]).dtype
    return frame.astype({c: _DTYPES.get(c, text) for c in FACT_COLUMNS})
