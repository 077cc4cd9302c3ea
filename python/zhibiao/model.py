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


class Fact(_FactRequired, total=False):
    """One number and what it means: 同比增长8.4% is a change of 8.4 % against 同比."""

    basis: str
    versus: str
    bound: Bound
    target: bool
    period: str
    # `from` is a keyword in Python: read it as fact["from"].
    from_display: str


class _CardRequired(TypedDict):
    metric: str
    subject: Optional[str]
    span: List[int]
    facts: List[Fact]


class Card(_CardRequired, total=False):
    """One metric in one place of the article, with every fact stated about it there."""

    section: str


class Article(TypedDict):
    """The cards of one article."""

    source: str
    title: Optional[str]
    cards: List[Card]
