"""A prefecture's administrative office (地区行政公署, its 办公室, the short form 行署) is an issuing body:
its signature line and its title name the 发文机关 (they named none before)."""

from __future__ import annotations

from tests.clirun import documents_of


def test_a_prefecture_office_is_the_issuer(tmp_path):
    found = documents_of(tmp_path, {
        "ali.txt": "关于推进高原光伏储能项目建设的实施意见\n\n一、加快建设光伏电站配套储能设施。\n\n二、对按期并网的项目给予奖励。\n\n"
                   "阿里地区行政公署办公室\n2025年4月3日\n",
        "dxal.txt": "大兴安岭地区行署关于支持林下经济加工企业发展的通知\n\n各县（区）政府：\n\n现就支持林下经济加工企业发展有关事项通知如下。\n",
    })
    assert found["ali.txt"]["issuer"] == "阿里地区行政公署办公室"
    assert found["ali.txt"]["region_path"] == ["西藏自治区", "阿里地区"]
    assert found["dxal.txt"]["issuer"] == "大兴安岭地区行署"
