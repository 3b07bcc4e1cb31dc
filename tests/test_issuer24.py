"""A national work report's issuer is 国务院 when its speech says 我代表国务院，向第N届全国人民代表大会… (not only
向大会) or its byline is 国务院总理 NAME: `docs --issuer 国务院` finds it.  Through the CLI, on texts written for this test."""

from .fixture_cli import cli_json, index_fixture

index = index_fixture("issuer24")


def test_a_national_report_s_speech_or_byline_names_its_issuer(index):
    found = cli_json("docs", "--all", "--issuer", "国务院", "--index", index)["documents"]
    assert sorted(d["source"].rsplit("/", 1)[-1] for d in found) == ["national_report_byline.txt", "national_report_session.txt"]
