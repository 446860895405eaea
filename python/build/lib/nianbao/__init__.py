"""Python access to nianbao: calls the installed `extract` command-line tool.

    import nianbao
    report = nianbao.read("report.pdf")            # the report JSON as a dict
    df = nianbao.frame(["archive/"])               # the wide dataset as a pandas DataFrame
    df.attrs["labels"]["applications.new_received.total"]   # official Chinese label
    df.attrs["codebook"]                           # the codebook as a DataFrame
    cells = nianbao.frame("archive/", long=True)   # one row per cell

The tool is found as $NIANBAO_EXTRACT, else `extract` on PATH.
"""
import io
import json
import os
import shutil
import subprocess
import tempfile

__all__ = ["read", "frame", "codebook", "NianbaoError", "extract_path"]


class NianbaoError(Exception):
    """`extract` failed on an input: `code` is its error code (`empty`, `not_a_report`, …)."""

    def __init__(self, message, code=None, status=None):
        super().__init__(message)
        self.code = code
        self.status = status


def extract_path():
    path = os.environ.get("NIANBAO_EXTRACT") or shutil.which("extract")
    if not path:
        raise NianbaoError("the nianbao `extract` tool is not found: install it or set NIANBAO_EXTRACT")
    return path


def _run(args):
    return subprocess.run([extract_path()] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def read(path, blank_as_zero=False):
    """The report JSON of one file, as a dict (raises NianbaoError when it cannot be converted)."""
    args = ["--quiet", "--compact"] + (["--blank-as-zero"] if blank_as_zero else []) + [os.fspath(path)]
    done = _run(args)
    if done.returncode not in (0, 2):
        message = done.stderr.decode("utf-8", "replace").strip()
        code = message.rsplit("[", 1)[-1].rstrip("]") if message.endswith("]") else None
        raise NianbaoError(message or "extract exited with status %d" % done.returncode, code, done.returncode)
    return json.loads(done.stdout.decode("utf-8"))


def codebook():
    """The codebook (one row per flat key: variable name, labels, type, generations) as a DataFrame."""
    import pandas as pd

    done = _run(["schema", "--format", "csv"])
    if done.returncode != 0:
        raise NianbaoError(done.stderr.decode("utf-8", "replace").strip(), status=done.returncode)
    return pd.read_csv(io.BytesIO(done.stdout), dtype=str, keep_default_na=False)


def frame(paths, long=False, kinds=False, blank_as_zero=False, jobs=None):
    """The dataset of files or folders of reports as a pandas DataFrame.

    long=False: the wide dataset, one row per input (failed inputs have their `error` code);
    long=True: one row per table cell. `df.attrs["labels"]` maps columns to their official labels
    and `df.attrs["codebook"]` holds the codebook.
    """
    import pandas as pd

    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    paths = [os.fspath(p) for p in paths]
    with tempfile.TemporaryDirectory(prefix="nianbao-") as tmp:
        out = os.path.join(tmp, "long.csv" if long else "wide.csv")
        args = ["--quiet", "--long" if long else "--csv", out, "--state", os.path.join(tmp, "state")]
        if kinds:
            args.append("--kinds")
        if blank_as_zero:
            args.append("--blank-as-zero")
        if jobs:
            args += ["--jobs", str(jobs)]
        done = _run(args + ["--"] + paths)
        if done.returncode not in (0, 1, 2) or not os.path.exists(out):
            raise NianbaoError(done.stderr.decode("utf-8", "replace").strip(), status=done.returncode)
        text_columns = {"report_id", "source_path", "sha256", "media_type", "title", "agency", "agency_key", "agency_level",
                        "region_code", "province", "city", "county", "generation", "checks_failed", "error",
                        "key", "raw", "kind"}
        header = pd.read_csv(out, nrows=0).columns
        dtypes = {c: "string" for c in header if c in text_columns or c.endswith(".kind")}
        df = pd.read_csv(out, dtype=dtypes, keep_default_na=False, na_values={c: [""] for c in header if c not in dtypes})
    book = codebook()
    labels = dict(zip(book["key"], book["label"]))
    if long:
        df.attrs["labels"] = {"value": "数值 value", "raw": "原文 printed text", "kind": "类型 kind"}
        df.attrs["key_labels"] = labels
    else:
        df.attrs["labels"] = {c: labels[c] for c in df.columns if c in labels}
    df.attrs["codebook"] = book
    return df
