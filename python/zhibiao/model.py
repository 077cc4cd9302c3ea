"""The shapes of what `zhibiao.analyze` returns: the CLI's JSON model (README, "JSON").

Keys marked optional are absent when empty, as in the CLI's JSON. Spans are ``[start, end)``
in code points of the text given, which is what Python's ``str`` indexes.
"""

from typing import List, Literal, Optional, TypedDict

Kind = Literal["level", "change", "share", "gap", "contribution", "rank", "streak"]
Bound = Literal[">=", "~", "<="]


class _FactRequired(TypedDict):
    kind: Kind
    value: float
    unit: str
    display: str
    text: str
    span: List[int]


class TableCell(TypedDict):
    """Where a table cell's fact stands: its row's label and its column's header, as written."""

    row: str
    column: str


class Fact(_FactRequired, total=False):
    """One number and what it means: 同比增长8.4% is a change of 8.4 % against 同比."""

    basis: str
    versus: str
    bound: Bound
    target: bool
    period: str
    #: The period in comparable form: 2024, 2024-Q1, 2024-H1, 2024-01..2024-08, 2024-12-31.
    when: str
    #: Why a stated period has no `when` (the article states no year).
    when_note: str
    # `from` is a keyword in Python: read it as fact["from"].
    from_display: str
    #: For a table's cell: its row and column (`text` is the cell alone).
    cell: TableCell


class _CardRequired(TypedDict):
    metric: str
    subject: Optional[str]
    span: List[int]
    facts: List[Fact]


class Card(_CardRequired, total=False):
    """One metric in one place of the article, with every fact stated about it there."""

    section: str
    #: The same for every wording of one measure (规上 = 规模以上), for comparing articles.
    key: str


class ArticleDate(TypedDict):
    """What an article's periods (今年, 全年 …) are resolved against, and where it was read."""

    when: str
    # `from` ("dateline", "title" or "text") is a keyword in Python: read it as date["from"].
    text: str


class _ExcludedRequired(TypedDict):
    reason: str
    span: List[int]


class Excluded(_ExcludedRequired, total=False):
    """A part of the input left out as page furniture (相关阅读, 责任编辑 …)."""

    tail: bool
    included: bool


class _ArticleRequired(TypedDict):
    source: str
    title: Optional[str]
    cards: List[Card]


class Article(_ArticleRequired, total=False):
    """The cards of one article."""

    date: ArticleDate
    excluded: List[Excluded]
