"""What every response carries and every request is held to: a Content-Security-Policy that allows no inline
script and nothing from another origin, and a limit on the request body (413 past it)."""

from __future__ import annotations

import json
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class TooLarge(HTTPException):
    """A body found too large while it arrives (the app's handlers answer 413 with this message)."""

    def __init__(self, limit: int):
        super().__init__(413, f"request body too large: at most {limit:,} bytes")


class SecurityMiddleware:
    """Adds the security headers; refuses bodies over ``upload_limit`` bytes on ``POST /api/articles`` and over
    ``body_limit`` bytes anywhere else, by Content-Length first, then by counting what arrives."""

    def __init__(self, app: ASGIApp, body_limit: int, upload_limit: int, upload_path: str = "/api/articles"):
        self.app = app
        self.body_limit = body_limit
        self.upload_limit = upload_limit
        self.upload_path = upload_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if b"%00" in scope.get("query_string", b"") or "\x00" in scope.get("path", ""):
            await _refuse(send, 400, "NUL characters are not allowed in the address")
            return
        limit = self.upload_limit if scope.get("path") == self.upload_path else self.body_limit
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _refuse(send, 413, f"request body too large: at most {limit:,} bytes")
            return
        started = False
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise TooLarge(limit)
            return message

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except TooLarge:
            if not started:
                await _refuse(send, 413, f"request body too large: at most {limit:,} bytes")


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _refuse(send: Send, status: int, message: str) -> None:
    body: dict[str, Any] = {"detail": message}
    data = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(data)).encode()),
                *HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": data})
