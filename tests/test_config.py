import pytest

from storyweave.config import Settings, load_settings
from storyweave.errors import StoryweaveError


def test_precedence_defaults_file_env_flags(tmp_path):
    cfg = tmp_path / "sw.toml"
    cfg.write_text('db = "from-file.db"\nbatch_size = 10\nthreads = 1\n')
    env = {"STORYWEAVE_BATCH_SIZE": "20", "STORYWEAVE_DB": "from-env.db"}
    s = load_settings(str(cfg), {"db": "from-flag.db"}, environ=env)
    assert s.db == "from-flag.db"  # flag beats env
    assert s.batch_size == 20  # env beats file
    assert s.threads == 1  # file beats default
    assert s.embedder == Settings().embedder


def test_unknown_setting_names_the_valid_ones(tmp_path):
    cfg = tmp_path / "sw.toml"
    cfg.write_text("[storyweave]\nbatchsize = 3\n")
    with pytest.raises(StoryweaveError, match="batch_size"):
        load_settings(str(cfg), environ={})


def test_bad_value_type():
    with pytest.raises(StoryweaveError, match="batch_size"):
        load_settings(None, environ={"STORYWEAVE_BATCH_SIZE": "many"})
