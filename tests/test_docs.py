"""Fails when a command or a setting is not documented."""

from dataclasses import fields
from pathlib import Path

from storyweave.cli import app
from storyweave.config import Settings

DOC = (Path(__file__).resolve().parent.parent / "docs" / "configuration.md").read_text()


def test_every_setting_is_documented():
    for f in fields(Settings):
        assert f"`{f.name}`" in DOC, f.name
        assert f"STORYWEAVE_{f.name.upper()}" in DOC, f.name


def test_every_command_is_documented():
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert len(names) >= 9
    for name in names:
        assert f"`{name}`" in DOC, name
