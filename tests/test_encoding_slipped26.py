"""A short legacy-encoded file with one damaged spot is read, not skipped (session 26).

One stray byte in a few hundred bytes of GBK used to cost the whole document: the decoder
dropped the character's first byte, read the next characters one byte out of step, and the
three bad bytes were more than a short file's share allows.  Now a byte slipped inside a
character is skipped (the character reads whole, as it was typed) and a short file may have
up to three bad bytes; noise stays refused.  Each case is ingested with the CLI and searched.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

TEXT = (
    "关于支持本市传感器芯片企业发展的通知\n\n"
    "一、对新建的传感器芯片中试线，按设备投资额的百分之二十给予补助，单个项目最高不超过八百万元。\n"
    "二、鼓励企业联合高校开展人才培养，每年评选优秀工程师团队并给予奖励。\n"
    "三、本通知自发布之日起施行。\n"
)


def _cli(*args) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "icpolicy", *map(str, args)], capture_output=True, env=env)


def _inside(data: bytes, word: str, encoding: str, byte: bytes) -> tuple[bytes, int]:
    """data with byte put between the two bytes of word's first character, and its offset."""
    at = data.index(word.encode(encoding)) + 1
    return data[:at] + byte + data[at:], at


def _ingest_and_find(tmp_path: Path, name: str, data: bytes, phrase: str):
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / name).write_bytes(data)
    result = _cli("ingest", docs / name, "--index", tmp_path / "ix")
    hits = _cli("search", phrase, "--index", tmp_path / "ix", "-f", "jsonl")
    return result, [json.loads(line) for line in hits.stdout.decode("utf-8").splitlines()]


TRADITIONAL = (
    "關於支持本市感測器晶片企業發展的通知\n\n"
    "一、對新建的感測器晶片中試線，按設備投資額的百分之二十給予補助，單個項目最高不超過八百萬元。\n"
    "二、鼓勵企業聯合高校開展人才培養，每年評選優秀工程師團隊並給予獎勵。\n"
)


@pytest.mark.parametrize("encoding,stray", [("gbk", b"\xff"), ("big5", b"\xff")])
def test_a_byte_slipped_inside_a_character_of_a_short_file_is_skipped(tmp_path, encoding, stray):
    text = TEXT if encoding == "gbk" else TRADITIONAL
    data, at = _inside(text.encode(encoding), "八", encoding, stray)
    assert len(data) < 600
    result, hits = _ingest_and_find(tmp_path, f"notice_{encoding}.txt", data, "八百")
    err = result.stderr.decode("utf-8")
    assert result.returncode == 0, err
    assert "indexed 1 file" in err and "1 skipped" not in err
    assert "1 byte(s) not " in err and f"at offset {at}; skipped (a byte slipped inside a character)" in err
    sentence = text.splitlines()[2]
    assert len(hits) == 1 and sentence.split("，")[-1] in hits[0]["text"]  # 单个项目最高不超过八百万元。 whole


def test_a_stray_byte_between_characters_reads_as_a_replacement(tmp_path):
    data = TEXT.encode("gbk")
    at = data.index("中试线".encode("gbk"))
    result, hits = _ingest_and_find(tmp_path, "between.txt", data[:at] + b"\xff" + data[at:], "中试线")
    err = result.stderr.decode("utf-8")
    assert result.returncode == 0 and "1 skipped" not in err, err
    assert f"at offset {at}; read with \ufffd in their place" in err
    assert len(hits) == 1 and "\ufffd中试线" in hits[0]["text"]


def test_a_short_gbk_file_cut_inside_its_last_character_is_read(tmp_path):
    data = TEXT.rstrip("\n").encode("gbk")[:-1]  # the last 。 cut in two
    result, hits = _ingest_and_find(tmp_path, "cut.txt", data, "自发布之日起施行")
    assert result.returncode == 0 and "1 skipped" not in result.stderr.decode("utf-8")
    assert len(hits) == 1


def test_short_random_bytes_are_still_refused(tmp_path):
    noise = random.Random(26).randbytes(500)
    result, hits = _ingest_and_find(tmp_path, "noise.txt", noise, "芯片")
    err = result.stderr.decode("utf-8")
    assert "noise.txt" in err and ("1 skipped" in err or "not a text file" in err), err
    assert not hits
