"""A region the author states in front matter (region:, or province: and city:) is the document's, whatever its text names."""

from __future__ import annotations

import json

from tests.clirun import icpolicy


def _docs(index, home):
    proc = icpolicy("docs", "--index", index, "-f", "json", home=home)
    assert proc.returncode == 0, proc.err
    return {d["source"].rsplit("/", 1)[-1]: d for d in json.loads(proc.out)["documents"]}


def test_front_matter_region_keys_file_the_document(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    body = "\n为支持设计企业做大，对首次流片的企业按费用三成给予补助。\n\n本通知自印发之日起施行。\n"
    (docs / "a.md").write_text("---\ntitle: 关于支持首次流片的通知\ndate: 2026-03-02\nregion: 江苏省南京市鼓楼区\n---\n" + body, encoding="utf-8")
    (docs / "b.md").write_text("+++\r\ntitle = \"关于支持首次流片的补充通知\"\r\nprovince = \"福建省\"\r\ncity = \"福州市\"\r\n+++\r\n" + body.replace("\n", "\r\n"), encoding="utf-8")
    (docs / "c.md").write_text("---\n标题: 多地流片补助政策汇编\n地区: 多地\n---\n" + body + "\n苏州市对流片给予补助。\n", encoding="gbk")
    # a stated region wins over the place the text names
    (docs / "d.md").write_text("---\ntitle: 转发通知\nregion: 浙江省杭州市\n---\n\n宁波市经信局转来的通知，请遵照执行。\n", encoding="utf-8")
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", "1", home=tmp_path)
    assert proc.returncode == 0, proc.err
    found = _docs(tmp_path / "ix", tmp_path)
    assert found["a.md"]["region_path"] == ["江苏省", "南京市", "鼓楼区"]
    assert found["b.md"]["region_path"] == ["福建省", "福州市"]
    assert found["c.md"]["region_path"] == ["多地"]
    assert found["d.md"]["region_path"] == ["浙江省", "杭州市"]


def test_a_venue_or_a_place_key_is_no_region(tmp_path):
    # location: a venue; place: a room: not the document's region (only the keys that name one are read)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("---\ntitle: 合肥举办芯片产业对接会\nlocation: 上海国际会议中心\ndate: 2026-03-02\n---\n\n"
                               "合肥市集成电路产业对接会日前举行，二十余家企业签约。\n", encoding="utf-8")
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", "1", home=tmp_path)
    assert proc.returncode == 0, proc.err
    assert _docs(tmp_path / "ix", tmp_path)["a.md"]["region_path"] == ["安徽省", "合肥市"]
