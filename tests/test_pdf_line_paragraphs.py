"""PDFs whose paragraphs are one printed line each, and documents whose pages differ in width: each
page's lines are measured against that page's own right edge (readers/pdf_layout.py), so a short
line ends its paragraph and a line reaching the edge runs on."""

from __future__ import annotations

import json
from pathlib import Path

from icpolicy.readers import read

from .clirun import icpolicy
from .conftest import pdf_canvas

SRC = str(Path(__file__).resolve().parents[1] / "src")  # this checkout's code, whatever the caller's PYTHONPATH
PORTRAIT, LANDSCAPE = (595.3, 841.9), (841.9, 595.3)
SIZE, MARGIN = 12, 72

# A notice laid out one paragraph a line, no first-line indents, many lines closed by no mark.
NOTICE = [
    "关于组织申报二〇二四年度集成电路产业专项资金项目的通知",
    "各区工业和信息化主管部门，各有关企业",
    "为加快本市集成电路产业发展，现将有关事项通知如下",
    "一、支持方向",
    "集成电路设计企业开展高端芯片研发及产业化",
    "晶圆制造企业新建或扩建生产线",
    "封装测试企业开展先进封装技术攻关",
    "二、申报条件",
    "在本市注册登记并具有独立法人资格的企业，上年度营业收入不低于二千万元。",
    "研发投入占营业收入比例不低于百分之五",
    "近三年未发生重大安全生产和环境污染事故",
    "三、申报材料",
    "项目申请表及可行性研究报告",
    "企业营业执照复印件和上年度财务审计报告",
    "南京市工业和信息化局",
]

PROSE = [
    "园区围绕集成电路设计、制造、封装测试和装备材料等环节，统筹布局重大项目，支持龙头企业牵头组建创新联合体，"
    "推动上下游企业协同攻关关键核心技术，加快形成具有竞争力的产业集群，全面提升产业链供应链的韧性和安全水平。",
    "对新建先进封装生产线的企业，按照设备投资额给予一定比例的补助，对首次通过晶圆厂认证的材料产品给予一次性奖励，"
    "对引进的高层次人才团队在住房、子女入学和医疗保障等方面给予支持，营造良好的产业发展环境和人才发展环境。",
    "加强组织领导，建立由市政府分管领导牵头的工作推进机制，定期研究解决产业发展中的重大问题，"
    "各区要结合实际制定具体实施方案，明确责任分工和时间节点，确保各项任务落到实处并取得实效。",
    "强化要素保障，优先保障重大项目用地、用能和用水指标，完善园区供电供气和污水处理等基础设施，"
    "鼓励金融机构开发适合集成电路企业特点的信贷产品，引导社会资本设立产业投资基金支持企业做大做强。",
]


def _page_prose(n: int) -> list[str]:
    """Two paragraphs for page n, other ones on each page (a repeated line would be a running header)."""
    return [PROSE[n % len(PROSE)], PROSE[(n + 1) % len(PROSE)]]


def _chars_per_line(size: tuple[float, float]) -> int:
    return int((size[0] - 2 * MARGIN) // SIZE)


def _wrapped(paragraph: str, size: tuple[float, float]) -> list[str]:
    """A paragraph set as a typesetter sets Chinese: every line full to the right margin but its last."""
    n = _chars_per_line(size)
    return [paragraph[i:i + n] for i in range(0, len(paragraph), n)]


def _make(path: Path, pages: list[tuple[tuple[float, float], list[str]]]) -> Path:
    """A PDF of pages of the given sizes, each line drawn at the left margin, one line apart."""
    pdf = pdf_canvas(path)
    for size, lines in pages:
        pdf.setPageSize(size)
        pdf.setFont("STSong-Light", SIZE)
        y = size[1] - MARGIN
        for line in lines:
            pdf.drawString(MARGIN, y, line)
            y -= 1.8 * SIZE
        pdf.showPage()
    pdf.save()
    return path


def _paragraphs(path: Path) -> list[str]:
    raw, _ = read(path)
    return raw.text.splitlines()


def test_every_line_of_a_one_line_paragraph_notice_is_its_own_paragraph(tmp_path):
    path = _make(tmp_path / "notice.pdf", [(PORTRAIT, NOTICE)])
    assert _paragraphs(path) == NOTICE


def test_a_narrow_page_among_wide_ones_keeps_its_wrapped_paragraphs_whole(tmp_path):
    sizes = [LANDSCAPE] * 3 + [PORTRAIT]
    pages = [(size, [line for paragraph in _page_prose(n) for line in _wrapped(paragraph, size)]) for n, size in enumerate(sizes)]
    path = _make(tmp_path / "mixed.pdf", pages)
    assert _paragraphs(path) == [paragraph for n in range(4) for paragraph in _page_prose(n)]


def test_one_line_paragraphs_on_a_wide_page_after_narrow_pages_stay_apart(tmp_path):
    pages = [(PORTRAIT, [line for paragraph in _page_prose(n) for line in _wrapped(paragraph, PORTRAIT)]) for n in range(3)]
    # each longer than a narrow page's line, none ending a sentence but the last, the longest
    items = [
        "支持集成电路设计企业开展高端通用芯片、专用芯片和车规级芯片的研发及产业化应用推广",
        "支持晶圆制造企业新建或扩建特色工艺生产线，提升产能利用水平、良品率和工艺迭代能力",
        "支持封装测试企业开展晶圆级封装、系统级封装和芯粒集成等先进封装技术攻关和产业化",
        "本通知自发布之日起施行，由市工业和信息化局负责解释，本市以往发布的有关规定与本通知不一致的，一律以本通知为准。",
    ]
    assert all(_chars_per_line(PORTRAIT) < len(item) <= _chars_per_line(LANDSCAPE) for item in items)
    path = _make(tmp_path / "list.pdf", pages + [(LANDSCAPE, items)])
    assert _paragraphs(path) == [paragraph for n in range(3) for paragraph in _page_prose(n)] + items


def test_search_shows_a_one_line_paragraph_alone(tmp_path):
    path = _make(tmp_path / "notice.pdf", [(PORTRAIT, NOTICE)])
    done = icpolicy("ingest", path, "--index", tmp_path / "index", home=tmp_path, PYTHONPATH=SRC)
    assert done.returncode == 0, done.err
    done = icpolicy("search", "营业执照", "--index", tmp_path / "index", "-f", "jsonl", home=tmp_path, PYTHONPATH=SRC)
    assert done.returncode == 0, done.err
    hits = [json.loads(line) for line in done.out.splitlines()]
    assert [hit["text"] for hit in hits] == ["企业营业执照复印件和上年度财务审计报告"]
    done = icpolicy("search", "通知", "--index", tmp_path / "index", "-f", "jsonl", home=tmp_path, PYTHONPATH=SRC)
    texts = [json.loads(line)["text"] for line in done.out.splitlines()]
    assert "关于组织申报二〇二四年度集成电路产业专项资金项目的通知" in texts
