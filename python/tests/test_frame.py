"""facts_frame: one row per fact, fixed columns and dtypes; and the same code on Dask."""

import pytest

import zhibiao

pd = pytest.importorskip("pandas")

SENTENCE = "全市规上工业增加值同比增长8.4%，高于全国2.6个百分点。地区生产总值752.1亿元。"


def test_one_row_per_fact_with_the_documented_columns(corpus):
    articles = zhibiao.analyze_many([t for _, t in corpus], sources=[p for p, _ in corpus])
    frame = zhibiao.facts_frame(articles)
    assert list(frame.columns) == list(zhibiao.FACT_COLUMNS)
    assert len(frame) == sum(len(c["facts"]) for a in articles for c in a["cards"])
    assert str(frame["value"].dtype) == "float64"
    assert str(frame["target"].dtype) == "bool"
    assert str(frame["start"].dtype) == "int64"
    assert set(frame["kind"]) <= {"level", "change", "share", "gap", "contribution", "rank", "streak"}
    assert set(frame["source"]) <= {p for p, _ in corpus}


def test_rows_carry_the_fact_and_its_card():
    frame = zhibiao.facts_frame(zhibiao.analyze(SENTENCE, source="a.txt"))
    assert len(frame) == 3
    row = frame.iloc[0]
    assert (row["source"], row["metric"], row["kind"], row["value"], row["basis"]) == (
        "a.txt", "规上工业增加值", "change", 8.4, "同比",
    )
    assert SENTENCE[row["start"]:row["end"]] == row["text"]
    assert pd.isna(row["from"]) and row["target"] == False  # noqa: E712
    # The CLI's JSON report reads the same.
    report = {"articles": [zhibiao.analyze(SENTENCE, source="a.txt")]}
    pd.testing.assert_frame_equal(zhibiao.facts_frame(report), frame)


def test_no_facts_is_an_empty_frame_of_the_same_shape():
    empty = zhibiao.facts_frame([])
    assert list(empty.columns) == list(zhibiao.FACT_COLUMNS) and len(empty) == 0
    full = zhibiao.facts_frame(zhibiao.analyze(SENTENCE))
    assert dict(empty.dtypes) == dict(full.dtypes)
    assert zhibiao.facts_frame(zhibiao.analyze("没有数字。")).shape == (0, len(zhibiao.FACT_COLUMNS))


def facts_of(part):
    """The function a Dask or Spark partition runs: texts in, facts out (README)."""
    articles = zhibiao.analyze_many(part["text"].tolist(), sources=part["source"].tolist())
    return zhibiao.facts_frame(articles)


def test_dask_map_partitions_gives_the_facts_of_a_loop(corpus):
    dd = pytest.importorskip("dask.dataframe")
    texts = pd.DataFrame({"source": [p for p, _ in corpus], "text": [t for _, t in corpus]})
    archive = dd.from_pandas(texts, npartitions=4)
    assert archive.npartitions > 1
    facts = archive.map_partitions(facts_of, meta=zhibiao.facts_frame([]))
    got = facts.compute(scheduler="threads").reset_index(drop=True)
    want = zhibiao.facts_frame([zhibiao.analyze(t, source=p) for p, t in corpus])
    pd.testing.assert_frame_equal(got, want)


def test_the_spark_schema_names_every_column_with_its_type():
    assert tuple(zhibiao.SPARK_SCHEMA) == zhibiao.FACT_COLUMNS
    frame = zhibiao.facts_frame(zhibiao.analyze(SENTENCE))
    spark_of = {"float64": "double", "bool": "boolean", "int64": "bigint"}
    for column, dtype in frame.dtypes.items():
        assert zhibiao.SPARK_SCHEMA[column] == spark_of.get(str(dtype), "string"), column
