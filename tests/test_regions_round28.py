"""Places, twenty-eighth round (session 28), found by h-blind28d (24 documents by a helper that never read the rules).

- a story's paragraph about a county or city inside its region that also names the places it works with, elsewhere
  (`在阿克苏市的浙江产业园内，…。园区由浙江省对口援建，…来自杭州的企业…`), stayed with the whole region: any place outside
  it made places.only_place_inside give up.  Now a province or city elsewhere, by its full or short name, is a partner
  and not the subject; a county's short name elsewhere still stops it (it is often a word: 和安 in 承载能力和安全).
- 雄安新区 (run by the province since 2017) was filed under 保定市, and 横琴 (the 粤澳深度合作区, governed with Macao
  since 2021) under 香洲区; each is now a place of its own (data/zones.toml), shown under 河北省 and 珠海市.  So are
  郑州航空港经济综合实验区 (航空港区, across three counties) and 长春汽车经济技术开发区, which were filed under their
  city with no zone (h-blind28f).
- in a district's, county's or zone's story, a paragraph opening on its whole city after a body's attribution and a
  year (`南京市工业和信息化局介绍，2024年全市…`), or on the city by its full name (`去年，南京市软件业务收入…`), stayed
  with the district; and one opening on the whole province (`从全省看，…`, `截至去年底，全省…`) with the district or
  zone too.  Now they are the city's and the province's (tagging._whole_above; regions.toml whole_lead).  Found by
  h-blind28d (拉萨, 厦门) and h-blind28e (兰州新区).
- a story titled with a county's short name alone (`慈溪智能家电产业链加速升级`), whose opening first names the meeting's
  city and 全省 (`日前在杭州召开的全省…推进会上，宁波市慈溪市入选…`), was filed under 杭州 (or 浙江): a county's short
  name is often a word, so the title's did not count.  Now it counts when the opening names the county in full
  (慈溪市; document._short_named_in_full).  Found by h-blind28d (义乌).
- a headline ending on a word that ends like a body's name (`…加快布局`: 局) made the headline the issuer, and the
  issuer's place the text's; and a headline naming a city first and, apart, one of its districts (`苏州智能网联测试道路
  突破一千公里 相城区车路协同示范区加快布局`) filed the story under the district.  Now such words are no bodies
  (metadata.toml `not_organs`), and the city named first is the story's (document._city_first); written together
  (苏州市相城区…) they still name the district.  Found by h-blind28f (深圳 / 宝安区).

Through the CLI on documents written for this test in our own words (tests/fixtures/round28r/)."""

from .fixture_cli import cli_json, doc, hit, index_fixture

index = index_fixture("round28r")


def test_a_place_inside_named_with_its_partners_elsewhere_is_the_paragraph_s(index):
    assert doc(index, "aksu_partner_story.txt")["region_path"] == ["新疆维吾尔自治区", "阿克苏地区"]
    assert hit(index, "智能纺纱车间已满负荷运转")["region_path"] == ["新疆维吾尔自治区", "阿克苏地区", "阿克苏市"]
    assert hit(index, "服装加工园区新增生产线")["region_path"] == ["新疆维吾尔自治区", "阿克苏地区", "乌什县"]


def test_xiongan_is_a_new_area_of_the_province(index):
    story = doc(index, "xiongan_story.txt")
    assert (story["region_path"], story["zone"]) == (["河北省"], "雄安新区")
    found = cli_json("search", "配套企业签约入驻", "-r", "雄安", "--index", index)["hits"]
    assert [h["source"].rsplit("/", 1)[-1] for h in found] == ["xiongan_story.txt"]
    assert cli_json("search", "配套企业签约入驻", "-r", "保定", "--index", index)["hits"] == []


def test_hengqin_is_a_zone_of_its_own_under_zhuhai(index):
    notice = doc(index, "hengqin_notice.txt")
    assert (notice["region_path"], notice["zone"]) == (["广东省", "珠海市"], "横琴粤澳深度合作区")
    assert hit(index, "按流片费用的三成")["zone"] == "横琴粤澳深度合作区"


def test_a_district_story_s_paragraph_on_its_whole_city_or_province_is_theirs(index):
    assert doc(index, "jiangning_whole_above_story.txt")["region_path"] == ["江苏省", "南京市", "江宁区"]
    assert hit(index, "新建两座功率器件封测厂房")["region_path"] == ["江苏省", "南京市", "江宁区"]
    assert hit(index, "全市集成电路产业营业收入增长")["region_path"] == ["江苏省", "南京市"]
    assert hit(index, "软件业务收入突破八千亿元")["region_path"] == ["江苏省", "南京市"]
    assert hit(index, "连续多年位居全国前列")["region_path"] == ["江苏省"]


def test_a_title_s_county_short_name_confirmed_in_full_by_the_opening_places_the_story(index):
    assert doc(index, "cixi_short_title_story.txt")["region_path"] == ["浙江省", "宁波市", "慈溪市"]


def test_a_headline_naming_its_city_then_a_district_apart_is_the_city_s(index):
    story = doc(index, "city_then_district_title.txt")
    assert story["region_path"] == ["江苏省", "苏州市"] and story["issuer"] == ""
    assert hit(index, "全市已开放智能网联汽车测试道路")["region_path"] == ["江苏省", "苏州市"]
    assert hit(index, "路侧感知单元两千余套")["region_path"] == ["江苏省", "苏州市", "相城区"]


def test_the_zhengzhou_airport_zone_is_a_zone_of_its_own(index):
    measures = doc(index, "airport_zone_measures.txt")
    assert (measures["region_path"], measures["zone"]) == (["河南省", "郑州市"], "郑州航空港经济综合实验区")
    found = cli_json("search", "低空物流航线", "-r", "航空港区", "--index", index)["hits"]
    assert [h["source"].rsplit("/", 1)[-1] for h in found] == ["airport_zone_measures.txt"]
