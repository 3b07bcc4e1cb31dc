"""What h-user32 (a new user's review, session 32) found, each through the CLI as a user runs it.

- `-o /dev/stdout | head -1` ends quietly with exit 0, as `-o -` does (was: "Broken pipe", exit 1).
- `--fuzzy` splits an industry term into jieba's own words (先进封装测试: 先进, 封装, 测试), not the domain
  dictionary's whole words that kept it one word (was: nothing found for README's own example).
- `targets` reads no figure of more than 15 significant digits (was: a value the document never states).
- `compare` on a terminal wraps each hit's window around its match (was: cut to one line before it).
- `changes -f jsonl` gives `moved` as json's list, and the pair's diff (was: display text).
- `removed:` names a file whose name holds a newline on one line."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios

from tests.conftest import cli, ingest_docs, jsonl

MANY = "关于推进集成电路产业发展的通知\n\n" + "\n\n".join(f"第{i}项：支持集成电路设计企业流片，给予补助{i}万元。" for i in range(1, 2001)) + "\n"


def test_output_to_dev_stdout_into_a_closed_pipe_ends_quietly(tmp_path):
    index = ingest_docs(tmp_path, {"many.txt": MANY})
    run = subprocess.Popen([sys.executable, "-m", "icpolicy", "search", "集成电路", "--all", "--index", index, "-f", "jsonl",
                            "-o", "/dev/stdout"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert run.stdout.readline().startswith(b"{")
    run.stdout.close()  # as head -1 does
    stderr = run.stderr.read().decode()
    assert run.wait(timeout=120) == 0 and stderr == ""


FUZZY = """苏州市封测产业发展方案

支持先进的封装和测试企业扩大产能。

昆山市布局第三代化合物半导体材料。
"""


def test_fuzzy_splits_an_industry_term_into_its_words(tmp_path):
    index = ingest_docs(tmp_path, {"plan.txt": FUZZY})
    hits = jsonl("search", "先进封装测试", "--fuzzy", "--index", index)
    assert [h["text"] for h in hits] == ["支持先进的封装和测试企业扩大产能。"]
    assert [hits[0]["text"][a:b] for a, b in hits[0]["highlights"]] == ["先进", "封装", "测试"]
    assert jsonl("search", "第三代半导体", "--fuzzy", "--index", index)[0]["text"].startswith("昆山市布局")
    plain = cli("search", "先进封装测试", "--index", index, "-f", "jsonl")  # plain search: the term as typed
    assert plain.returncode == 1 and plain.stdout == ""


def test_a_figure_beyond_fifteen_digits_is_no_quantity(tmp_path):
    index = ingest_docs(tmp_path, {"notice.txt": "关于推进集成电路产业发展的通知\n\n一、到2025年，全省集成电路产业规模达到"
                                                 "12345678901234567890元，新增企业120家。\n"})
    rows = jsonl("targets", "--index", index)
    assert [(r["metric"], r["value"]) for r in rows] == [("企业", 120)]


def _on_terminal(args: list[str], columns: int) -> str:
    """The CLI's stdout as a terminal of `columns` columns shows it (a pty), colour off."""
    main, side = pty.openpty()
    fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {**os.environ, "COLUMNS": str(columns)}
    run = subprocess.Popen([sys.executable, "-m", "icpolicy", "--color", "never", *args], stdout=side, stderr=subprocess.PIPE, env=env)
    os.close(side)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    run.wait(timeout=120)
    os.close(main)
    return out.decode("utf-8", "replace")


COMPARE = {
    "jiangsu.txt": "江苏省集成电路产业发展情况\n\n在加力推进数字产业化方面，培强壮大一批龙头骨干企业，加快推进一百个重大项目，"
                   "力争信息技术产业营收增长百分之十以上，布局发展碳化硅、氮化镓等第三代半导体产业。\n",
    "shandong.txt": "山东省集成电路产业发展情况\n\n推动济南、青岛等市重点项目规模化量产，加快布局第三代半导体产业。\n",
}


def test_compare_on_a_terminal_shows_each_match(tmp_path):
    index = ingest_docs(tmp_path, COMPARE)
    screen = _on_terminal(["compare", "第三代半导体", "-r", "江苏", "-r", "山东", "--index", index], 100)
    lines = [line.strip("│ \r") for line in screen.splitlines()]
    body = "".join(line for line in lines if line and not line.startswith(("╭", "╰")) and "[" not in line)
    assert body.count("第三代半导体") == 2, screen


REPORTS = {
    "2024.txt": "2024年宁德市政府工作报告\n\n（2024年1月10日在宁德市人民代表大会上）\n\n今年全市锂电池产业产值达到3000亿元。\n\n做好民生实事。\n",
    "2025.txt": "2025年宁德市政府工作报告\n\n（2025年1月12日在宁德市人民代表大会上）\n\n今年全市锂电池产业产值达到3500亿元。\n\n做好民生实事。\n",
}


def test_changes_jsonl_gives_moved_as_a_list(tmp_path):
    index = ingest_docs(tmp_path, REPORTS)
    rows = jsonl("changes", "--region", "宁德", "--from", "2024", "--to", "2025", "--index", index)
    changed = [r for r in rows if r["change"] == "changed" and r["moved"]]
    assert changed and changed[0]["moved"][0]["from"] == 3000 and changed[0]["moved"][0]["to"] == 3500
    assert isinstance(changed[0]["diff"], list)


def test_a_removed_file_named_with_a_newline_is_named_on_one_line(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    odd = docs / "new\nline.txt"
    odd.write_text("关于推进集成电路产业发展的通知\n\n支持芯片设计。\n", encoding="utf-8")
    assert cli("ingest", docs, "--index", tmp_path / "ix").returncode == 0
    odd.unlink()
    (docs / "other.txt").write_text("关于推进传感器产业发展的通知\n\n支持传感器设计。\n", encoding="utf-8")
    done = cli("ingest", docs, "--index", tmp_path / "ix")
    removed = [line for line in done.stderr.splitlines() if line.startswith("removed:") or line.startswith("line.txt")]
    assert len(removed) == 1 and "new\\nline.txt" in removed[0], done.stderr
