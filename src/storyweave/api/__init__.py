"""The web server of ``storyweave serve``: a JSON API mirroring the CLI and server-rendered pages."""

from storyweave.api.app import create_app

__all__ = ["create_app"]
