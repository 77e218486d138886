"""The ``languages`` setting end to end: config file, environment, ingest, and ``und`` in the views."""

import json

import pytest

from storyweave.cli import app
from storyweave.config import Settings, load_settings
from storyweave.errors import StoryweaveError

VIETNAMESE = (
    "Chính phủ công bố gói hỗ trợ mới trước đà tăng giá năng lượng\n\n"
    "Chính phủ Việt Nam hôm thứ Ba đã công bố một gói hỗ trợ mới nhằm giảm bớt tác động của giá năng lượng tăng"
    " cao đối với các hộ gia đình và doanh nghiệp nhỏ. Theo Bộ Tài chính, gói hỗ trợ trị giá khoảng 20.000 tỷ đồng"
    " sẽ được triển khai trong sáu tháng tới. Các chuyên gia kinh tế cho rằng biện pháp này là cần thiết, nhưng họ"
    " cảnh báo rằng lạm phát vẫn có thể tiếp tục tăng cho đến cuối năm.\n"
)
DANISH = (
    "Regeringen præsenterer ny hjælpepakke mod stigende energipriser\n\n"
    "Regeringen præsenterede tirsdag en ny hjælpepakke, der skal afbøde virkningen af de stigende energipriser for"
    " husholdninger og små virksomheder. Ifølge Finansministeriet vil pakken på omkring fem milliarder kroner blive"
    " udbetalt over de næste seks måneder. Økonomer mener, at tiltaget er nødvendigt, men de advarer om, at"
    " inflationen fortsat kan stige frem mod årets udgang.\n"
)
ENGLISH = (
    "Government announces new measures to curb rising energy prices\n\n"
    "The government on Tuesday announced a new support package to soften the impact of rising energy prices on"
    " households and small businesses. According to the finance ministry, the package will be paid out over the"
    " next six months. Economists said the measure was necessary, but warned that inflation could keep rising until"
    " the end of the year.\n"
)


@pytest.fixture
def folder(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "vi.txt").write_text(VIETNAMESE, encoding="utf-8")
    (src / "da.txt").write_text(DANISH, encoding="utf-8")
    (src / "en.txt").write_text(ENGLISH, encoding="utf-8")
    return src


def _langs(runner, db, *extra):
    result = runner.invoke(app, ["--db", db, "articles", "--json", *extra])
    assert result.exit_code == 0, result.output
    return {
        json.loads(line)["source_id"].rsplit("/", 1)[-1]: json.loads(line)["lang"]
        for line in result.stdout.splitlines()
        if line.strip()
    }


def test_outside_the_default_languages_is_und_and_clusters_and_lists(runner, folder, tmp_path):
    db = str(tmp_path / "default.db")
    result = runner.invoke(app, ["--db", db, "ingest", str(folder)])
    assert result.exit_code == 0, result.output
    assert _langs(runner, db) == {"vi.txt": "und", "da.txt": "und", "en.txt": "en"}
    assert set(_langs(runner, db, "--lang", "und")) == {"vi.txt", "da.txt"}
    stories = runner.invoke(app, ["--db", db, "stories", "--json"])
    assert stories.exit_code == 0, stories.output
    langs = [
        lang for line in stories.stdout.splitlines() if line.strip() for lang in json.loads(line)["languages"]
    ]
    assert sorted(langs) == ["en", "und", "und"]


def test_languages_all_from_the_environment(runner, folder, tmp_path, monkeypatch):
    monkeypatch.setenv("STORYWEAVE_LANGUAGES", "all")
    db = str(tmp_path / "all.db")
    assert runner.invoke(app, ["--db", db, "ingest", str(folder)]).exit_code == 0
    assert _langs(runner, db) == {"vi.txt": "vi", "da.txt": "da", "en.txt": "en"}


def test_languages_from_the_config_file(runner, folder, tmp_path):
    cfg = tmp_path / "sw.toml"
    cfg.write_text('languages = ["default", "vi"]\n')
    db = str(tmp_path / "file.db")
    assert runner.invoke(app, ["--db", db, "--config", str(cfg), "ingest", str(folder)]).exit_code == 0
    assert _langs(runner, db) == {"vi.txt": "vi", "da.txt": "und", "en.txt": "en"}


def test_an_unknown_language_is_a_one_line_error(runner, folder, tmp_path, monkeypatch):
    monkeypatch.setenv("STORYWEAVE_LANGUAGES", "en,klingon")
    result = runner.invoke(app, ["--db", str(tmp_path / "x.db"), "ingest", str(folder)])
    assert result.exit_code == 2
    assert "languages" in result.stderr and "'klingon'" in result.stderr and "'all'" in result.stderr


def test_setting_values():
    assert Settings().languages == "default"
    assert load_settings(None, environ={"STORYWEAVE_LANGUAGES": "en, vi"}).languages == "en, vi"
    with pytest.raises(StoryweaveError, match="setting 'languages'.*'xx'.*use 'default', 'all'"):
        load_settings(None, environ={"STORYWEAVE_LANGUAGES": "xx"})
