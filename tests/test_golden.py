"""The seeds, read by hand line by line (seeds/expected.yaml): 100% recall and no noise.

This is the regression gate for every rule change: if a change makes a seed miss a finding or
report one it must not, this test says which, and where.
"""
import glob
import json
import os

import yaml

from conftest import SEEDS, TODAY
from linter.engine import check_file
from linter.output.json_format import as_dict
from score_seeds import score


def test_seeds_score_full_recall_and_no_noise(packset):
    with open(os.path.join(SEEDS, "expected.yaml"), encoding="utf-8") as fh:
        expected = yaml.safe_load(fh)
    files = sorted(glob.glob(os.path.join(SEEDS, "*.txt")))
    assert len(files) == len(expected) == 5
    report = json.loads(json.dumps(as_dict([check_file(f, packset, today=TODAY) for f in files])))
    assert score(expected, report) == []


def test_seed_nice_to_haves_we_make(packset):
    """The `nice:` items of expected.yaml that the checker also reports (not required by the scorer)."""
    def lines_of(name, family):
        result = check_file(os.path.join(SEEDS, name), packset, today=TODAY)
        return {f.line for f in result.findings if f.rule.startswith(family + ".")}
    assert 3 in lines_of("002_11d87264c0987954.txt", "promise")      # preamble lists absent sections
    assert 40 in lines_of("002_11d87264c0987954.txt", "promise")     # caption with no chart under it
    assert 9 in lines_of("002_11d87264c0987954.txt", "punct")        # (一) half-width beside （一）
    assert 13 in lines_of("004_60f2b87b7f23535f.txt", "typo")        # 相关内内容
    assert 11 in lines_of("004_60f2b87b7f23535f.txt", "punct")       # (二) beside （一）
    assert 49 in lines_of("004_60f2b87b7f23535f.txt", "punct")       # heading ends with 。
    assert {3, 5} <= lines_of("003_3722e6619a3f0616.txt", "artifact")  # breadcrumb, 字体:[ ]
