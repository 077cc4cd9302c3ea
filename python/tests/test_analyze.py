"""The Python package against the CLI: the same model, the same facts, errors as exceptions."""

import json
import pathlib
import subprocess
import sys
import threading
import time

import pytest

import zhibiao

SENTENCE = "全市规上工业增加值同比增长8.4%，高于全国2.6个百分点。地区生产总值752.1亿元。"


def test_the_installed_package_is_tested():
    # Not the source tree next to the tests: the wheel installed in this environment.
    assert "site-packages" in pathlib.Path(zhibiao.__file__).parts
    assert zhibiao.__version__.count(".") == 2


def test_a_sentence_gives_its_cards():
    article = zhibiao.analyze(SENTENCE, source="a.txt")
    assert article["source"] == "a.txt"
    first, second = article["cards"]
    assert first["metric"] == "规上工业增加值"
    change, gap = first["facts"]
    assert (change["kind"], change["value"], change["unit"], change["basis"]) == ("change", 8.4, "%", "同比")
    assert (gap["kind"], gap["versus"], gap["display"]) == ("gap", "全国", "2.6个百分点")
    level = second["facts"][0]
    assert (level["value"], level["display"]) == (75_210_000_000, "752.1亿元")
    # Spans index the str given.
    start, end = change["span"]
    assert SENTENCE[start:end].endswith("同比增长8.4%")
    assert zhibiao.analyze("")["cards"] == []
    assert zhibiao.analyze("")["source"] == ""


def test_the_same_facts_as_the_cli_on_every_article(corpus, cli):
    for path, text in corpus:
        run = subprocess.run([cli, "--format", "json", path], capture_output=True, check=True)
        (want,) = json.loads(run.stdout)["articles"]
        assert zhibiao.analyze(text, source=path) == want, path


def test_analyze_many_equals_a_loop(corpus):
    texts = [t for _, t in corpus] + ["", "<p>出口总额1.2万亿元</p>", SENTENCE * 50]
    names = [f"t{i}" for i in range(len(texts))]
    loop = [zhibiao.analyze(t, source=n) for n, t in zip(names, texts)]
    for jobs in (None, 1, 3):
        assert zhibiao.analyze_many(texts, jobs=jobs, sources=names) == loop, jobs
    # A generator is a list of texts too; no sources give "".
    plain = zhibiao.analyze_many(t for t in texts[:3])
    assert [a["cards"] for a in plain] == [a["cards"] for a in loop[:3]]
    assert {a["source"] for a in plain} == {""}
    assert zhibiao.analyze_many([]) == []


@pytest.mark.parametrize("call", ["analyze", "analyze_many"])
def test_the_gil_is_released_while_the_engine_runs(call):
    long_text = SENTENCE * 20_000  # a few hundred ms of work
    ticks = []
    stop = threading.Event()

    def counter():
        while not stop.is_set():
            ticks.append(1)
            time.sleep(0.001)

    old = sys.getswitchinterval()
    # No forced switches: the counter runs during the call only if the call lets go the GIL.
    sys.setswitchinterval(100)
    thread = threading.Thread(target=counter)
    try:
        thread.start()
        time.sleep(0.05)
        before = len(ticks)
        if call == "analyze":
            zhibiao.analyze(long_text)
        else:
            zhibiao.analyze_many([long_text, long_text], jobs=2)
        during = len(ticks) - before
    finally:
        stop.set()
        sys.setswitchinterval(old)
        thread.join()
    assert during > 5, during


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: zhibiao.analyze(123), TypeError, "text must be a str, not int"),
        (lambda: zhibiao.analyze(b"bytes"), TypeError, "not bytes"),
        (lambda: zhibiao.analyze("x", source=1), TypeError, "source must be a str"),
        (lambda: zhibiao.analyze_many("one text"), TypeError, "not a single str"),
        (lambda: zhibiao.analyze_many(["a", None]), TypeError, "texts[1] must be a str, not NoneType"),
        (lambda: zhibiao.analyze_many(["a"], jobs=0), ValueError, "jobs must be a positive int"),
        (lambda: zhibiao.analyze_many(["a"], jobs="2"), ValueError, "jobs must be a positive int"),
        (lambda: zhibiao.analyze_many(["a"], sources=["x", "y"]), ValueError, "1 texts but 2 sources"),
        (lambda: zhibiao.analyze("\ud800 lone surrogate"), UnicodeEncodeError, "surrogate"),
        (lambda: zhibiao.facts_frame({"neither": 1}), ValueError, "expected an article"),
    ],
)
def test_bad_arguments_raise_clear_exceptions(call, error, words):
    with pytest.raises(error) as caught:
        call()
    assert words in str(caught.value)


def test_odd_texts_give_cards_not_crashes():
    for text in ["\x00" * 1000, "\ufeff全市GDP增长5%", "9" * 10_000, "<b>" * 5000, "\r\n" * 10_000]:
        article = zhibiao.analyze(text)
        assert isinstance(article["cards"], list)


def test_the_typed_dicts_describe_the_output(corpus):
    fact_keys = zhibiao.Fact.__required_keys__ | zhibiao.Fact.__optional_keys__ | {"from"}
    card_keys = zhibiao.Card.__required_keys__ | zhibiao.Card.__optional_keys__
    articles = zhibiao.analyze_many([t for _, t in corpus] + [SENTENCE])
    seen = set()
    for article in articles:
        article_keys = zhibiao.Article.__required_keys__ | zhibiao.Article.__optional_keys__
        assert zhibiao.Article.__required_keys__ <= set(article) <= article_keys
        for card in article["cards"]:
            assert zhibiao.Card.__required_keys__ <= set(card) <= card_keys
            for fact in card["facts"]:
                assert zhibiao.Fact.__required_keys__ <= set(fact) <= fact_keys, fact
                seen |= set(fact)
    assert "basis" in seen and "versus" in seen
