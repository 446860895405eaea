"""Tests of the Python package against the built `extract` (NIANBAO_EXTRACT) over the committed corpus."""
import json
import os
import shutil

import pytest

import nianbao

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CORPUS = os.path.join(ROOT, "Corpus", "text")


@pytest.fixture(autouse=True)
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert nianbao.extract_path(), "set NIANBAO_EXTRACT to the built extract"


def test_read_gives_the_report_json():
    report = nianbao.read("Corpus/text/t01-2021-tabs.txt")
    with open(os.path.join(CORPUS, "t01-2021-tabs.expected.json"), encoding="utf-8") as f:
        assert report == json.load(f)
    assert report["report_id"] == "t01-2021-tabs.txt"


def test_read_raises_with_the_error_code(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(nianbao.NianbaoError) as e:
        nianbao.read(empty)
    assert e.value.code == "empty" and e.value.status == 1


def test_wide_frame_with_labels_and_codebook(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    for name in ["t01-2021-tabs.txt", "t08-2021-tabs-na-marks.txt", "t09-2022-layout-large.txt"]:
        shutil.copy(os.path.join(CORPUS, name), archive / name)
    (archive / "empty.txt").write_bytes(b"")
    df = nianbao.frame(str(archive), kinds=True)
    assert list(df["report_id"]) == ["empty.txt", "t01-2021-tabs.txt", "t08-2021-tabs-na-marks.txt", "t09-2022-layout-large.txt"]
    assert df.loc[0, "error"] == "empty"
    t09 = nianbao.read(str(archive / "t09-2022-layout-large.txt"))
    row = df[df["report_id"] == "t09-2022-layout-large.txt"].iloc[0]
    for cell in t09["cells"]:
        if cell["value"] is None:
            assert row[cell["key"]] != row[cell["key"]]  # NaN: blank is not zero
        else:
            assert float(row[cell["key"]]) == float(cell["value"])
        assert row[cell["key"] + ".kind"] == cell["kind"]
    assert row["region_code"] == "370700"
    assert df.attrs["labels"]["applications.new_received.total"] == "一、本年新收政府信息公开申请数量 × 总计"
    book = df.attrs["codebook"]
    assert "variable" in book.columns and len(book) == len(df.attrs["labels"])


def test_long_frame_has_one_row_per_cell():
    df = nianbao.frame(["Corpus/text/t01-2021-tabs.txt"], long=True)
    report = nianbao.read("Corpus/text/t01-2021-tabs.txt")
    assert len(df) == len(report["cells"])
    assert set(df["report_id"]) == {"t01-2021-tabs.txt"}
    assert list(df["key"]) == [c["key"] for c in report["cells"]]
    assert "region_code" in df.columns and "year" in df.columns
