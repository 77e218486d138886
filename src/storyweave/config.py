"""One Settings object. Precedence: defaults < config file < environment < CLI flags. No I/O at import."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from storyweave.errors import StoryweaveError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

ENV_PREFIX = "STORYWEAVE_"
CONFIG_FILE = "storyweave.toml"


@dataclass(frozen=True)
class Settings:
    """Every setting storyweave reads. Each is documented in docs/configuration.md."""

    db: str = "storyweave.db"  # path of the SQLite store
    batch_size: int = 256  # articles per transaction while ingesting
    embedder: str = "use"  # "use" (Universal Sentence Encoder multilingual) or "hashing" (tests only)
    threads: int = 2  # threads the embedder encodes with in this process, each on one BLAS thread
    workers: int = 1  # embedding worker processes while ingesting (0: embed in the ingesting process)
    active_days: float = 30.0  # stories quiet for longer may leave memory (they stay in the store)
    max_active_stories: int = 20000  # above this many stories in memory, the quiet ones are evicted
    dedup_threshold: float = 0.7  # estimated Jaccard above which a text is a copy of an earlier one
    languages: str = "default"  # languages detected: "default", "all" or codes ("en,fr,vi"); others are "und"
    # per-article anatomy while ingesting: "all", "none" or names ("quotes,figures,citations")
    analysers: str = "all"
    # bearer token that POST /api/articles (storyweave serve) requires; None: uploads are refused
    token: str | None = field(default=None, repr=False)

    def merged(self, values: Mapping[str, Any]) -> Settings:
        known = {f.name: f for f in fields(self)}
        updates: dict[str, Any] = {}
        for key, value in values.items():
            if value is None:
                continue
            name = key.replace("-", "_")
            if name not in known:
                raise StoryweaveError(f"unknown setting {key!r}; valid settings: {', '.join(sorted(known))}")
            kind = type(getattr(self, name))
            if kind is type(None):
                kind = str  # a setting unset by default (token) takes a string
            if kind is str and isinstance(value, (list, tuple)):
                value = ",".join(map(str, value))  # languages = ["en", "fr"] in the config file
            try:
                updates[name] = kind(value)
            except (TypeError, ValueError) as exc:
                raise StoryweaveError(f"setting {key!r} must be {kind.__name__}, got {value!r}") from exc
        result = replace(self, **updates)
        if result.workers not in (0, 1):
            raise StoryweaveError(f"setting 'workers' must be 0 or 1, got {result.workers}")
        if "analysers" in updates:
            from storyweave.analyze.registry import parse_names

            try:
                parse_names(result.analysers)
            except ValueError as exc:
                raise StoryweaveError(f"setting 'analysers': {exc}") from exc
        if "languages" in updates:
            from storyweave.clean.language import languages_from_setting

            try:
                languages_from_setting(result.languages)
            except ValueError as exc:
                raise StoryweaveError(f"setting 'languages': {exc}") from exc
        return result


def load_settings(
    config_file: str | None = None,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Build Settings from defaults, then the config file, then the environment, then ``overrides``."""
    settings = Settings()
    path = Path(config_file) if config_file else Path(CONFIG_FILE)
    if config_file or path.exists():
        try:
            with path.open("rb") as fh:
                data = tomllib.load(fh)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise StoryweaveError(f"cannot read config file {path}: {exc}") from exc
        settings = settings.merged(data.get("storyweave", data))
    env = os.environ if environ is None else environ
    from_env = {
        f.name: env[ENV_PREFIX + f.name.upper()]
        for f in fields(Settings)
        if ENV_PREFIX + f.name.upper() in env
    }
    settings = settings.merged(from_env)
    return settings.merged(overrides or {})
