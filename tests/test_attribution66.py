"""Session 66: attribution on documents nobody tuned for (blind sets h66 a to e, written by helpers in their own words
against a frozen cd55d81c).  Each test is a class of case, in my own words, through the CLI."""

from __future__ import annotations

from tests.conftest import jsonl, ingest_text as _ingest, regions_by_start as _regions, years_by_start as _years


def _document(index) -> dict:
    [document] = jsonl("docs", "-a", "--index", index)
    return document


def test_a_notice_extending_a_term_by_its_length_then_its_end_speaks_for_the_new_term(tmp_path):
    """A notice extends a policy's term, writing the length before the new end (`有效期延长三年，至2028年12月31日`); the
    policy's own term (2022 to 2025) is quoted first.  The notice speaks for the extension, 2026 to 2028."""
    notice = """某市人民政府办公室关于延长《某市支持半导体材料企业发展若干措施》有效期的通知

某政办〔2025〕77号

各区人民政府，市政府各部门：

《某市支持半导体材料企业发展若干措施》自2022年3月1日起施行，有效期至2025年12月31日。经市政府同意，现就有关事项通知如下。

一、上述措施有效期延长三年，至2028年12月31日。延长期间各项条款继续执行。

二、电子特气企业首年纳税奖励标准由50万元提高到80万元。

三、本通知自2026年1月1日起施行。

某市人民政府办公室
2025年12月10日
"""
    index = _ingest(tmp_path, "extension.txt", notice)
    assert _document(index)["years"] == [2026, 2027, 2028]
    assert _years(index, "电子特气企业")["二、电子特气"] == [2026, 2027, 2028]


def test_a_term_extended_by_its_length_alone_runs_on_from_the_old_end(tmp_path):
    """`有效期延长两年` with no new date: two years on from the old end the text quotes (`有效期至2024年12月31日`)."""
    notice = """某区关于延长集成电路设计企业流片补助政策有效期的通知

各街道、区各有关单位：

区政府2022年印发的集成电路设计企业流片补助政策，有效期至2024年12月31日。为稳定企业预期，经区政府研究，该政策有效期延长两年，其他条款不变。

某区科技和工业信息化局
2024年12月20日
"""
    index = _ingest(tmp_path, "extension_length.txt", notice)
    assert _document(index)["years"] == [2024, 2025, 2026]


def test_a_plan_setting_itself_years_in_words_up_front_spans_them(tmp_path):
    """A plan dated 2024 sets its goal as a stretch (`力争用两年左右时间…届时…`), naming no target year: it speaks for 2024
    and 2025, and a task of it with no year of its own does too."""
    plan = """某市人民政府关于印发某市功率半导体产业提升行动方案的通知

各区人民政府，市政府各部门：

现将《某市功率半导体产业提升行动方案》印发给你们，请结合实际认真组织实施。

某市人民政府
2024年4月2日

某市功率半导体产业提升行动方案

一、总体目标

力争用两年左右时间，推动全市功率器件产能翻一番。届时，功率半导体产业规模突破500亿元，培育龙头企业3家。

二、重点任务

（一）扩大车规级模块产能。支持重点企业新建车规级功率模块封装线，提升本地配套水平。
"""
    index = _ingest(tmp_path, "stretch_plan.txt", plan)
    assert _document(index)["years"] == [2024, 2025]
    assert _years(index, "车规级功率模块")["（一）扩大车"] == [2024, 2025]


def test_a_headline_naming_an_investors_home_is_the_investees_story(tmp_path):
    """A headline names a firm's city, then a fund by its home (`…苏州一家基金领投`): the fund is the investor, the story the
    firm's.  The firm's city holds the document and its plain paragraphs."""
    story = """合肥一家存储芯片企业完成9亿元融资 苏州产业基金领投
2024-09-12 来源：某财经网

记者12日获悉，位于合肥的某存储芯片设计企业完成9亿元B轮融资。本轮融资将用于新一代低功耗存储控制芯片研发和测试中心建设。

企业负责人表示，公司去年营收同比增长六成，今年将扩充研发团队至400人。
"""
    index = _ingest(tmp_path, "investor_home.txt", story)
    assert _document(index)["region_path"] == ["安徽省", "合肥市"]
    assert _regions(index, "研发团队")["企业负责人表"] == "安徽省/合肥市"


def test_a_plan_to_be_drafted_named_with_its_period_adds_none_of_its_years(tmp_path):
    """A 2025 task list asks for a plan's drafting after the plan's name, quoted or not (`完成《…规划（2026—2030年）》编制`,
    `完成…行动计划（2026—2028年）起草工作`), or to state a year the plan will reach (`…规划，明确2030年前…`): the task is the
    year's work, not the plan's period."""
    tasks = """某市2025年电子信息产业重点工作任务清单

1．完成《某市电子信息产业发展规划（2026—2030年）》编制，年底前提交市政府审议。

2．10月底前完成全市算力基础设施三年行动计划（2026—2028年）起草工作。

3．开展集成电路产业“十五五”规划编制，明确2030年前发展路径。

4．启动2026年度重点项目储备，做好与“十五五”规划研究的衔接。

某市工业和信息化局
2025年2月18日
"""
    index = _ingest(tmp_path, "drafting_tasks.txt", tasks)
    found = _years(index, "完成 OR 发展路径 OR 项目储备")
    assert found["1．完成《某"] == [2025]
    assert found["2．10月底"] == [2025]
    assert found["3．开展集成"] == [2025]
    assert found["4．启动20"] == [2025, 2026]


def test_the_next_numbered_task_ends_the_place_its_lead_unit_line_opened(tmp_path):
    """A division-of-labour list gives each numbered task its lead unit on a line (`牵头单位：新都区政府`), which opens that
    district's section.  The next numbered task, naming another district after a verb (`（三）支持温江区…`), is that
    district's, not the city's."""
    tasks = """成都市2024年电子信息产业重点任务分工方案

（一）推动新都区功率模块封装项目投产。
牵头单位：新都区政府
完成时限：2024年9月

（二）支持温江区建设光电芯片中试平台，吸引初创企业入驻。
牵头单位：温江区政府
完成时限：2024年12月

（三）组织全市电子信息企业参加产业对接活动。
牵头单位：市经信局
"""
    index = _ingest(tmp_path, "division_of_labour.txt", tasks)
    found = _regions(index, "支持温江区 OR 功率模块封装 OR 产业对接")
    assert found["（一）推动新"] == "四川省/成都市/新都区"
    assert found["（二）支持温"] == "四川省/成都市/温江区"
    assert found["（三）组织全"] == "四川省/成都市"


def test_a_group_task_after_a_run_in_heading_is_the_citys_own_part(tmp_path):
    """In a member city's text, a task about its group behind a run-in heading (`（二）深化区域合作。推动长株潭…`) is the
    city's own part in the group, as one without the run-in heading is."""
    summary = """湘潭市2024年电子信息产业工作总结

（一）项目建设提速。全年新开工功率器件项目5个。

（二）深化区域合作。推动长株潭半导体材料产业协同，与长沙、株洲共建检测认证平台。

湘潭市工业和信息化局
2024年12月25日
"""
    index = _ingest(tmp_path, "group_task.txt", summary)
    assert _regions(index, "检测认证平台")["（二）深化区"] == "湖南省/湘潭市"


def test_a_closing_paragraph_under_the_last_citys_heading_is_the_provinces(tmp_path):
    """A province's story gives each city a heading (`## 宜春：…`); the paragraphs after the last city's, on the province's
    places as a whole (`业内人士指出，江西各地…`) or its department's figures for the whole (`据江西省…厅统计，…全省…`),
    are the province's, not the last city's."""
    story = """# 江西多地竞相布局锂电与半导体材料

2025-06-30 来源：某经济网

今年以来，江西各设区市加快新材料产业布局，半导体材料成为新的增长点。

## 赣州：稀土功能材料向芯片延伸

赣州依托稀土资源，推动磁性材料企业向电子元器件领域延伸，上半年新增相关企业12家。

## 宜春：锂电材料带动电子化学品

宜春在锂电材料基础上发展电子级化学品，两家企业产品已进入晶圆厂验证。

业内人士指出，江西各地新材料产业各具特色，但高端电子材料仍需加强协同攻关。

据江西省工业和信息化厅统计，今年1—5月全省电子材料产业营收同比增长21%。
"""
    index = _ingest(tmp_path, "province_story.md", story)
    found = _regions(index, "协同攻关 OR 同比增长21%")
    assert found["业内人士指出"] == "江西省"
    assert found["据江西省工业"] == "江西省"


def test_a_list_of_a_past_years_awards_signed_the_next_year_speaks_for_both(tmp_path):
    """A notice publishing last year's award list (`关于公布2024年度…奖励名单的通知`), signed in 2025, speaks for the year it
    lists and the year it pays in."""
    notice = """某市工业和信息化局关于公布2024年度某市集成电路设计企业流片奖励名单的通知

某工信〔2025〕12号

各有关企业：

经企业申报、专家评审和公示，现将2024年度流片奖励名单予以公布。奖励资金由市财政直接拨付至企业账户。

某市工业和信息化局
2025年3月6日
"""
    index = _ingest(tmp_path, "award_list.txt", notice)
    assert _document(index)["years"] == [2024, 2025]
    assert _years(index, "拨付")["经企业申报、"] == [2024, 2025]


def test_a_list_stating_its_programmes_building_period_speaks_for_it(tmp_path):
    """A notice naming chosen training bases says their building period (`建设期为2025—2027年`): the notice speaks for it."""
    notice = """某省教育厅关于公布集成电路产教融合示范基地名单的通知

某教函〔2025〕8号

各有关高校：

经学校申报和专家评审，确定某大学微电子实训基地等12个基地为省级集成电路产教融合示范基地，建设期为2025—2027年。各基地要按照建设方案推进实训条件建设。

某省教育厅
2025年5月9日
"""
    index = _ingest(tmp_path, "base_list.txt", notice)
    assert _document(index)["years"] == [2025, 2026, 2027]


def test_a_subsidy_already_drawn_or_a_review_already_passed_is_a_condition(tmp_path):
    """Rules of 2025–2027 name who already drew a subsidy in a past year, somewhere (`2024年已在本市领取…的人员`), or passed a
    review (`2024年度已通过…审核的企业`): conditions, no year the rules speak for."""
    rules = """某市集成电路工程师住房补贴实施细则

第一条　本细则自2025年1月1日起施行，有效期至2027年12月31日。

第二条　2024年已在本市领取人才租房补贴的人员，剩余期限按本细则标准发放。

第三条　2024年度已通过人才公寓资格审核的企业，可在原配额基础上增加5%。

某市人力资源和社会保障局
2024年12月16日
"""
    index = _ingest(tmp_path, "housing_rules.txt", rules)
    found = _years(index, "剩余期限 OR 原配额")
    assert found["第二条202"] == [2025, 2026, 2027]
    assert found["第三条202"] == [2025, 2026, 2027]


def test_a_sum_to_be_put_in_within_years_spans_them(tmp_path):
    """`将在五年内投入2亿元` in a 2024 story: a stretch it sets itself, 2024 to 2028."""
    story = """某区与某大学共建微电子学院
2024-03-20 来源：某区融媒体中心

3月20日，某区与某大学签约共建微电子学院。根据协议，该区将在五年内投入2亿元，建设芯片设计和封装测试实训平台。
"""
    index = _ingest(tmp_path, "college_story.txt", story)
    assert _years(index, "实训平台")["3月20日，"] == [2024, 2025, 2026, 2027, 2028]


# Round 2 (blind sets h66b a to e, against e2d28592).

def test_a_payout_of_a_past_years_funds_speaks_for_both_years(tmp_path):
    """A notice of funds for last year's results to be paid out now (`关于…2024年度…扶持资金拟拨付项目的公示`, signed 2025),
    and a story of such a payout (`…兑现2024年度…奖补资金…`, dated 2025), speak for the year rewarded and the year paid."""
    notice = """关于某区2024年度集成电路产业扶持资金拟拨付项目的公示

根据《某区促进集成电路产业发展若干政策》，经企业申报和专家评审，现将拟拨付项目予以公示。公示期为5个工作日。

某区工业和信息化局
2025年4月8日
"""
    story = """某市兑现2024年度芯片产业奖补资金2亿元
2025-03-18 来源：某日报

记者从市工业和信息化局获悉，全市共有63家芯片企业获得奖补资金，设计企业占比超过一半。
"""
    index = _ingest(tmp_path, "payout_notice.txt", notice)
    assert _document(index)["years"] == [2024, 2025]
    index = _ingest(tmp_path / "story", "payout_story.txt", story)
    assert _document(index)["years"] == [2024, 2025]


def test_a_term_with_both_ends_beats_a_cited_texts_bare_expiry(tmp_path):
    """A Q&A on a city's measures gives their term (`自2024年3月1日起施行，有效期三年`); a later answer cites a provincial text
    `有效期至2025年底`.  The Q&A speaks for the measures' term, 2024 to 2027."""
    qa = """某市工业和信息化局关于《某市加快发展功率半导体产业若干措施》的政策问答

1.问：《措施》什么时候施行？
答：《措施》自2024年3月1日起施行，有效期三年。

2.问：省级资金怎么申报？
答：省级奖补按照省里的有关措施执行，由省工业和信息化厅组织申报，有效期至2025年底。

某市工业和信息化局
2024年3月20日
"""
    index = _ingest(tmp_path, "policy_qa.txt", qa)
    assert _document(index)["years"] == [2024, 2025, 2026, 2027]


def test_special_zones_lie_in_their_divisions(tmp_path):
    """平潭综合实验区 is the whole of 平潭县; 中国（天津）自由贸易试验区's areas all lie in 滨海新区."""
    index = _ingest(tmp_path, "pingtan.txt", """平潭综合实验区管理委员会关于印发支持电子信息企业发展措施的通知

各部门：现将措施印发给你们，请认真执行。

平潭综合实验区管理委员会
2023年6月1日
""")
    assert _document(index)["region_path"] == ["福建省", "福州市", "平潭县"]
    index = _ingest(tmp_path / "tj", "tianjin.txt", """中国（天津）自由贸易试验区信创产业发展报告

2024年，自贸试验区信创企业营收同比增长18%。
""")
    assert _document(index)["region_path"] == ["天津市", "滨海新区"]


def test_a_zones_branch_named_by_the_city_it_lies_in_is_the_zones_place(tmp_path):
    """`河套深港科技创新合作区深圳园区` names the zone (in 福田区), then its branch by its city: the zone's place, not the
    city's."""
    measures = """河套深港科技创新合作区深圳园区支持集成电路设计企业发展若干措施

第一条　对园区芯片设计企业首次流片给予补助。

第二条　本措施自2025年1月1日起施行，有效期三年。
"""
    index = _ingest(tmp_path, "hetao.txt", measures)
    assert _document(index)["region_path"] == ["广东省", "深圳市", "福田区"]


def test_a_compilations_entries_speak_for_their_policies(tmp_path):
    """A zone's compilation of policies (`…惠企政策汇编（2025年版）`) groups entries under headings by level; each entry, a
    policy's title line and its labelled lines (`发文机关：…`, `执行期限：…`, `有效期：…`), is its issuer's (or its heading's)
    and its policy's term, not the compiler's; the compiler's own lines are its year."""
    book = """某高新区集成电路企业惠企政策汇编（2025年版）

某高新区经济发展局
2025年2月

编印说明
为方便企业查阅，现将现行有效的各级政策汇编如下。

一、国家层面政策

1.关于集成电路企业研发费用加计扣除有关事项的公告
发文机关：财政部　税务总局
执行期限：2023年1月1日至2027年12月31日
政策要点：研发费用按实际发生额的120%在税前扣除。

二、浙江省层面政策

2.浙江省加快集成电路产业发展若干措施
发文机关：浙江省人民政府办公厅
有效期：自2024年7月1日起施行，有效期三年
政策要点：对首次流片的设计企业给予流片费用30%的补助。

三、申报与咨询

申报通过高新区企业服务平台受理，咨询电话另行公布。
"""
    index = _ingest(tmp_path, "compilation.txt", book)
    assert _document(index)["years"] == [2025]
    regions, years = _regions(index, "政策要点 OR 发文机关 OR 申报通过"), _years(index, "政策要点 OR 发文机关 OR 申报通过")
    assert regions["政策要点：研"] == "全国" and years["政策要点：研"] == [2023, 2024, 2025, 2026, 2027]
    assert regions["发文机关：浙"] == "浙江省" and years["发文机关：浙"] == [2024, 2025, 2026, 2027]
    assert years["申报通过高新"] == [2025]


def test_a_periods_last_years_are_those_years_only(tmp_path):
    """`“十四五”后两年，…` in a 2024 report: the period's last two years, 2024–2025, as `前两年` gives its first two."""
    report = """某县2024年政府工作报告

“十四五”后两年，我们将推动传统材料企业向电子材料转型，建成高纯靶材生产线两条。

某县人民政府
2024年2月1日
"""
    index = _ingest(tmp_path, "county_report.txt", report)
    assert _years(index, "高纯靶材")["“十四五”后"] == [2024, 2025]
