"""A fake Discord on 127.0.0.1: the REST v10 routes and the gateway websocket the bot uses.

It records every request, lets a test dispatch gateway events (slash commands, button
clicks, messages), and resolves futures when the bot answers, so tests wait on events,
never on time. It can drop the gateway (the bot must RESUME), send RECONNECT or
INVALID_SESSION, and answer the next matching request with a 429.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

APP_ID = 900000000000000001
BOT_ID = 900000000000000002
GUILD_ID = 900000000000000010
CHANNEL_ID = 900000000000000020
MOD_ROLE_ID = 900000000000000030
MEMBER_ID = 900000000000000100
MODERATOR_ID = 900000000000000101
STRANGER_ID = 900000000000000102

MANAGE_GUILD = 1 << 5
MEMBER_PERMISSIONS = (1 << 10) | (1 << 11) | (1 << 31)  # view channel, send messages, use app commands


def user(uid: int, name: str, bot: bool = False) -> dict:
    return {
        "id": str(uid),
        "username": name,
        "discriminator": "0",
        "global_name": name,
        "avatar": None,
        "bot": bot,
    }


def now() -> str:
    return datetime.now(UTC).isoformat()


@dataclass
class Request:
    """One REST request the bot made."""

    method: str
    path: str
    query: dict
    body: Any


@dataclass
class Callback:
    """The bot's answer to an interaction, with the message it created (if any)."""

    type: int
    data: dict
    message: dict | None


@dataclass
class FakeDiscord:
    """The fake server and its state."""

    port: int = 0
    requests: list[Request] = field(default_factory=list)
    commands: dict[str, list[dict]] = field(default_factory=dict)  # scope -> synced commands
    messages: dict[int, dict] = field(default_factory=dict)
    sent_payloads: list[dict] = field(default_factory=list)  # every message the bot sent or edited
    rate_limits: list[tuple[str, float]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._ids = itertools.count(910000000000000000)
        self._seq = 0
        self._events: list[dict] = []  # dispatched, for replay on RESUME
        self._ws: web.WebSocketResponse | None = None
        self._callbacks: dict[int, asyncio.Future[Callback]] = {}
        self._waiters: dict[str, list[tuple[Any, asyncio.Future]]] = defaultdict(list)
        self.identifies = 0
        self.resumes = 0
        self.connected = asyncio.Event()
        self.synced = asyncio.Event()
        self._runner: web.AppRunner | None = None

    # -- lifecycle ------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/resume", self._gateway)
        app.router.add_route("*", "/api/v10/{path:.*}", self._rest)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    def next_id(self) -> int:
        return next(self._ids)

    # -- waiting ---------------------------------------------------------------------------

    def wait_for(self, kind: str, predicate=lambda item: True) -> asyncio.Future:
        """Return a future resolved with the next recorded ``kind`` item matching ``predicate``."""
        future = asyncio.get_running_loop().create_future()
        self._waiters[kind].append((predicate, future))
        return future

    def _notify(self, kind: str, item: Any) -> None:
        keep = []
        for predicate, future in self._waiters[kind]:
            if not future.done() and predicate(item):
                future.set_result(item)
            elif not future.done():
                keep.append((predicate, future))
        self._waiters[kind] = keep

    # -- gateway ---------------------------------------------------------------------------

    async def _send(self, payload: dict) -> None:
        if self._ws is not None and not self._ws.closed:
            await self._ws.send_str(json.dumps(payload))

    async def dispatch(self, event: str, data: dict) -> None:
        """Send a DISPATCH event (kept for replay if the bot resumes)."""
        self._seq += 1
        payload = {"op": 0, "t": event, "s": self._seq, "d": data}
        self._events.append(payload)
        await self._send(payload)

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._ws = ws
        await self._send({"op": 10, "d": {"heartbeat_interval": 45000}})
        async for msg in ws:
            if msg.type is not WSMsgType.TEXT:
                continue
            data = json.loads(msg.data)
            op = data.get("op")
            if op == 1:
                await self._send({"op": 11})
            elif op == 2:
                self.identifies += 1
                await self._ready()
            elif op == 6:
                self.resumes += 1
                missed = [e for e in self._events if e["s"] > (data["d"].get("seq") or 0)]
                for event in missed:
                    await self._send(event)
                self._seq += 1
                await self._send({"op": 0, "t": "RESUMED", "s": self._seq, "d": {}})
                self._notify("resumed", self.resumes)
        if self._ws is ws:
            self._ws = None
        return ws

    async def _ready(self) -> None:
        self._seq += 1
        await self._send(
            {
                "op": 0,
                "t": "READY",
                "s": self._seq,
                "d": {
                    "v": 10,
                    "user": user(BOT_ID, "faqbot", bot=True),
                    "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
                    "session_id": f"session-{self.identifies}",
                    "resume_gateway_url": f"ws://127.0.0.1:{self.port}/resume",
                    "shard": [0, 1],
                    "application": {"id": str(APP_ID), "flags": 0},
                    "private_channels": [],
                    "relationships": [],
                },
            }
        )
        await self.dispatch("GUILD_CREATE", self.guild())
        self.connected.set()

    def guild(self) -> dict:
        return {
            "id": str(GUILD_ID),
            "name": "Program community",
            "icon": None,
            "owner_id": str(MODERATOR_ID),
            "roles": [
                _role(GUILD_ID, "@everyone", MEMBER_PERMISSIONS, 0),
                _role(MOD_ROLE_ID, "Mods", MEMBER_PERMISSIONS, 1),
            ],
            "emojis": [],
            "stickers": [],
            "features": [],
            "member_count": 4,
            "members": [_member(BOT_ID, "faqbot", [], bot=True)],
            "channels": [
                {
                    "id": str(CHANNEL_ID),
                    "type": 0,
                    "name": "general",
                    "position": 0,
                    "permission_overwrites": [],
                    "guild_id": str(GUILD_ID),
                }
            ],
            "threads": [],
            "voice_states": [],
            "presences": [],
            "large": False,
            "unavailable": False,
            "premium_tier": 0,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "system_channel_flags": 0,
            "preferred_locale": "en-US",
            "nsfw_level": 0,
            "afk_timeout": 300,
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "joined_at": now(),
        }

    async def drop(self) -> None:
        """Close the gateway as if the network failed (close code 4000: the bot resumes)."""
        assert self._ws is not None
        await self._ws.close(code=4000)

    async def send_reconnect(self) -> None:
        await self._send({"op": 7, "d": None})

    async def send_invalid_session(self) -> None:
        await self._send({"op": 9, "d": False})

    # -- interactions ------------------------------------------------------------------------

    async def interact(self, payload: dict) -> Callback:
        """Dispatch an interaction and wait for the bot's callback."""
        future = asyncio.get_running_loop().create_future()
        self._callbacks[int(payload["id"])] = future
        await self.dispatch("INTERACTION_CREATE", payload)
        return await asyncio.wait_for(future, timeout=10)

    def interaction(
        self,
        data: dict,
        *,
        type: int = 2,
        user_id: int = MEMBER_ID,
        moderator: bool = False,
        message: dict | None = None,
        dm: bool = False,
    ) -> dict:
        iid = self.next_id()
        payload = {
            "id": str(iid),
            "application_id": str(APP_ID),
            "type": type,
            "token": f"token-{iid}",
            "version": 1,
            "data": data,
            "channel_id": str(CHANNEL_ID),
            "locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(GUILD_ID)},
            "context": 0,
            "app_permissions": str(MEMBER_PERMISSIONS),
            "attachment_size_limit": 8388608,
        }
        if dm:
            payload["user"] = user(user_id, f"user{user_id}")
            payload["channel"] = {"id": str(CHANNEL_ID), "type": 1, "recipients": [user(user_id, "u")]}
            payload["context"] = 1
        else:
            perms = MEMBER_PERMISSIONS | (MANAGE_GUILD if moderator else 0)
            payload["guild_id"] = str(GUILD_ID)
            payload["guild_locale"] = "en-US"
            payload["channel"] = {
                "id": str(CHANNEL_ID),
                "type": 0,
                "guild_id": str(GUILD_ID),
                "name": "general",
                "position": 0,
                "permission_overwrites": [],
            }
            payload["member"] = {**_member(user_id, f"user{user_id}", []), "permissions": str(perms)}
        if message is not None:
            payload["message"] = message
        return payload

    def command(self, name: str, options: list[dict] | None = None, **kwargs) -> dict:
        data = {"id": str(self._command_id(name)), "name": name, "type": 1, "options": options or []}
        return self.interaction(data, **kwargs)

    def subcommand(self, group: str, name: str, options: list[dict] | None = None, **kwargs) -> dict:
        data = {
            "id": str(self._command_id(group)),
            "name": group,
            "type": 1,
            "options": [{"name": name, "type": 1, "options": options or []}],
        }
        return self.interaction(data, **kwargs)

    def autocomplete(self, name: str, option: str, value: str, **kwargs) -> dict:
        data = {
            "id": str(self._command_id(name)),
            "name": name,
            "type": 1,
            "options": [{"name": option, "type": 3, "value": value, "focused": True}],
        }
        return self.interaction(data, type=4, **kwargs)

    def click(self, message: dict, custom_id: str, *, values: list[str] | None = None, **kwargs) -> dict:
        data = {"custom_id": custom_id, "component_type": 3 if values is not None else 2}
        if values is not None:
            data["values"] = values
        return self.interaction(data, type=3, message=message, **kwargs)

    def _command_id(self, name: str) -> int:
        for commands in self.commands.values():
            for cmd in commands:
                if cmd["name"] == name:
                    return int(cmd["id"])
        return 1

    # -- messages ---------------------------------------------------------------------------------

    async def message_create(
        self, content: str, *, author_id: int = MEMBER_ID, mentions_bot: bool = True, dm: bool = False
    ) -> dict:
        """Dispatch a MESSAGE_CREATE from a member."""
        mid = self.next_id()
        data = {
            "id": str(mid),
            "channel_id": str(CHANNEL_ID if not dm else 900000000000000099),
            "author": user(author_id, f"user{author_id}"),
            "content": content,
            "timestamp": now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [user(BOT_ID, "faqbot", bot=True)] if mentions_bot else [],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
            "components": [],
        }
        if not dm:
            data["guild_id"] = str(GUILD_ID)
            data["member"] = _member(author_id, f"user{author_id}", [])
        await self.dispatch("MESSAGE_CREATE", data)
        return data

    def _message(self, channel_id: int, body: dict, *, flags: int = 0, reference: dict | None = None) -> dict:
        mid = self.next_id()
        message = {
            "id": str(mid),
            "channel_id": str(channel_id),
            "author": user(BOT_ID, "faqbot", bot=True),
            "content": body.get("content") or "",
            "timestamp": now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 19 if reference else 0,
            "flags": flags | int(body.get("flags") or 0),
            "application_id": str(APP_ID),
        }
        if reference:
            message["message_reference"] = reference
        self.messages[mid] = message
        return message

    # -- REST ----------------------------------------------------------------------------------------

    def rate_limit_next(self, path_contains: str, retry_after: float = 0.05) -> None:
        """Answer the next request whose path contains ``path_contains`` with a 429."""
        self.rate_limits.append((path_contains, retry_after))

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["path"]
        body: Any = None
        if request.can_read_body and request.content_type.startswith("multipart"):
            # a message with attachments: its JSON in 'payload_json', each file in 'files[n]'
            form = await request.post()
            body = json.loads(str(form.get("payload_json") or "{}"))
            body["files"] = {
                f.filename: f.file.read() for key, f in form.items() if key.startswith("files[")
            }
        elif request.can_read_body:
            raw = await request.read()
            if request.content_type == "application/json" and raw:
                body = json.loads(raw)
        self.requests.append(Request(request.method, path, dict(request.query), body))
        for i, (needle, retry_after) in enumerate(self.rate_limits):
            if needle in path:
                del self.rate_limits[i]
                self._notify("rate_limited", path)
                return _json(
                    {"message": "You are being rate limited.", "retry_after": retry_after, "global": False},
                    status=429,
                    headers={"Via": "1.1 google", "Retry-After": str(retry_after)},
                )
        handler = self._route(request.method, path)
        if handler is None:
            return _json({"message": "404: Not Found", "code": 0}, status=404)
        status, data = await handler(request, path, body)
        if status == 204:
            return web.Response(status=204)
        return _json(data, status=status)

    def _route(self, method: str, path: str):
        parts = path.strip("/").split("/")
        if method == "GET" and path == "/users/@me":
            return self._me
        if method == "GET" and path == "/oauth2/applications/@me":
            return self._application
        if method == "PUT" and parts[0] == "applications" and parts[-1] == "commands":
            return self._sync
        if method == "POST" and parts[0] == "interactions" and parts[-1] == "callback":
            return self._callback
        if parts[0] == "webhooks" and len(parts) >= 3:
            return self._webhook
        if parts[0] == "channels" and parts[2:3] == ["messages"]:
            return self._channel_message
        return None

    async def _me(self, request, path, body):
        return 200, user(BOT_ID, "faqbot", bot=True)

    async def _application(self, request, path, body):
        return 200, {
            "id": str(APP_ID),
            "name": "faqbot",
            "icon": None,
            "description": "Answers from the program's documents",
            "bot_public": False,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "flags": 0,
            "owner": user(MODERATOR_ID, "owner"),
            "team": None,
            "summary": "",
            "rpc_origins": [],
        }

    async def _sync(self, request, path, body):
        parts = path.strip("/").split("/")
        scope = parts[3] if "guilds" in parts else "global"
        synced = []
        for cmd in body:
            synced.append({**cmd, "id": str(self.next_id()), "application_id": str(APP_ID), "version": "1"})
        self.commands[scope] = synced
        self.synced.set()
        return 200, synced

    async def _callback(self, request, path, body):
        parts = path.strip("/").split("/")
        iid = int(parts[1])
        kind = body["type"]
        data = body.get("data") or {}
        message = None
        if kind in (4, 5):
            flags = int(data.get("flags") or 0)
            message = self._message(CHANNEL_ID, data, flags=flags)
            self.messages[int(message["id"])]["interaction_token"] = parts[2]
        elif kind == 7:
            source = (self._source_message(iid) or {}).copy()
            source.update({k: v for k, v in data.items() if k in ("content", "embeds", "components")})
            message = source
        if kind in (4, 7):
            self.sent_payloads.append(data)
        callback = Callback(kind, data, message)
        future = self._callbacks.pop(iid, None)
        if future is not None and not future.done():
            future.set_result(callback)
        response: dict = {"interaction": {"id": str(iid), "type": 2}}
        if message is not None:
            response["interaction"]["response_message_id"] = message["id"]
            response["interaction"]["response_message_ephemeral"] = bool(message["flags"] & 64)
            response["interaction"]["response_message_loading"] = kind == 5
            response["resource"] = {"type": kind, "message": message}
        return 200, response

    def _source_message(self, iid: int) -> dict | None:
        for event in reversed(self._events):
            if event["t"] == "INTERACTION_CREATE" and int(event["d"]["id"]) == iid:
                return event["d"].get("message")
        return None

    async def _webhook(self, request, path, body):
        parts = path.strip("/").split("/")
        token = parts[2]
        if len(parts) == 3 and request.method == "POST":  # a follow-up message
            message = self._message(CHANNEL_ID, body or {}, flags=int((body or {}).get("flags") or 0))
            self.sent_payloads.append(body or {})
            self._notify("followup", message)
            return 200, message
        original = next((m for m in self.messages.values() if m.get("interaction_token") == token), None)
        if len(parts) >= 5 and parts[4].isdigit():  # a follow-up message by its id
            original = self.messages.get(int(parts[4]))
        elif original is None:  # a component's interaction: its original is the message it is on
            source = next(
                (
                    e["d"].get("message")
                    for e in reversed(self._events)
                    if e["t"] == "INTERACTION_CREATE" and e["d"]["token"] == token
                ),
                None,
            )
            original = self.messages.get(int(source["id"])) if source else None
        if original is None:
            return 404, {"message": "Unknown Message", "code": 10008}
        if request.method == "PATCH":
            original.update(
                {k: v for k, v in (body or {}).items() if k in ("content", "embeds", "components")}
            )
            self.sent_payloads.append(body or {})
            self._notify("edit", original)
        return 200, original

    async def _channel_message(self, request, path, body):
        parts = path.strip("/").split("/")
        channel_id = int(parts[1])
        if request.method == "POST" and len(parts) == 3:
            message = self._message(channel_id, body or {}, reference=(body or {}).get("message_reference"))
            self.sent_payloads.append(body or {})
            self._notify("channel_message", message)
            return 200, message
        if request.method == "PATCH" and len(parts) == 4:
            message = self.messages.get(int(parts[3]))
            if message is None:
                return 404, {"message": "Unknown Message", "code": 10008}
            message.update(
                {k: v for k, v in (body or {}).items() if k in ("content", "embeds", "components")}
            )
            self.sent_payloads.append(body or {})
            self._notify("edit", message)
            return 200, message
        return 404, {"message": "404: Not Found", "code": 0}


def _json(data: Any, status: int = 200, headers: dict | None = None) -> web.Response:
    # discord.py parses a body as JSON only when Content-Type is exactly application/json
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers={"Content-Type": "application/json", **(headers or {})},
    )


def _role(rid: int, name: str, permissions: int, position: int) -> dict:
    return {
        "id": str(rid),
        "name": name,
        "permissions": str(permissions),
        "position": position,
        "color": 0,
        "hoist": False,
        "managed": False,
        "mentionable": False,
        "flags": 0,
    }


def _member(uid: int, name: str, roles: list[int], bot: bool = False) -> dict:
    return {
        "user": user(uid, name, bot=bot),
        "roles": [str(r) for r in roles],
        "joined_at": now(),
        "deaf": False,
        "mute": False,
        "flags": 0,
        "nick": None,
        "avatar": None,
        "pending": False,
    }
