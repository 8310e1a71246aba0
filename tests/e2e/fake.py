"""A fake Discord on 127.0.0.1: the REST v10 routes and the gateway websocket the bot uses.

It records every request, lets a test dispatch gateway events (slash commands, button
clicks, messages), and resolves futures when the bot answers, so tests wait on events,
never on time. It can drop the gateway (the bot must RESUME), send RECONNECT or
INVALID_SESSION, and answer the next matching request with a 429. It can serve several shards
(each its own websocket, with the guilds Discord would put on it), forum and thread channels,
message context-menu commands and DMs the bot opens.
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
GUILD2_ID = 900000000004194314  # on the other shard of two: (id >> 22) % 2 differs from GUILD_ID's
CHANNEL_ID = 900000000000000020
HELP_CHANNEL_ID = 900000000000000021  # a text channel
FORUM_ID = 900000000000000022  # a forum channel
CHANNEL2_ID = 900000000000000023  # in GUILD2_ID
DM_CHANNEL_ID = 900000000000000099
MOD_ROLE_ID = 900000000000000030
MEMBER_ID = 900000000000000100
MODERATOR_ID = 900000000000000101
STRANGER_ID = 900000000000000102

MANAGE_GUILD = 1 << 5
MESSAGE_CONTENT = 1 << 15  # the gateway intent
APP_MESSAGE_CONTENT_LIMITED = 1 << 19  # application flag: the intent is on in the developer portal
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
    shard_count: int = 1  # what GET /gateway/bot recommends; guilds are spread over the shards
    app_flags: int = 0  # the application's flags (privileged intents enabled in the portal)
    guild_ids: tuple[int, ...] = (GUILD_ID,)
    max_concurrency: int = 1  # shards whose id modulo this differs may identify together

    def __post_init__(self) -> None:
        self._ids = itertools.count(910000000000000000)
        self._seq: dict[int, int] = defaultdict(int)  # per shard
        self._events: dict[int, list[dict]] = defaultdict(list)  # dispatched per shard, for RESUME
        self._sockets: dict[int, web.WebSocketResponse] = {}
        self._sessions: dict[str, int] = {}  # session id -> shard
        self.identify_payloads: list[dict] = []
        self.ready_shards: set[int] = set()
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
        app.router.add_get("/api/v10/gateway/bot", self._gateway_bot)
        app.router.add_route("*", "/api/v10/{path:.*}", self._rest)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    @property
    def _ws(self) -> web.WebSocketResponse | None:
        return self._sockets.get(0)

    def shard_of(self, guild_id: int | None) -> int:
        """The shard Discord delivers a guild's events on."""
        return (guild_id >> 22) % self.shard_count if guild_id else 0

    async def stop(self) -> None:
        for ws in list(self._sockets.values()):
            await ws.close()
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

    async def _send(self, payload: dict, shard: int = 0, ws: web.WebSocketResponse | None = None) -> None:
        ws = ws or self._sockets.get(shard)
        if ws is not None and not ws.closed:
            await ws.send_str(json.dumps(payload))

    async def dispatch(self, event: str, data: dict, shard: int | None = None) -> None:
        """Send a DISPATCH event on the shard of its guild (kept for replay if the bot resumes)."""
        if shard is None:
            shard = self.shard_of(int(data["guild_id"]) if data.get("guild_id") else None)
        self._seq[shard] += 1
        payload = {"op": 0, "t": event, "s": self._seq[shard], "d": data}
        self._events[shard].append(payload)
        await self._send(payload, shard)

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        shard = 0
        await self._send({"op": 10, "d": {"heartbeat_interval": 45000}}, ws=ws)
        async for msg in ws:
            if msg.type is not WSMsgType.TEXT:
                continue
            data = json.loads(msg.data)
            op = data.get("op")
            if op == 1:
                await self._send({"op": 11}, ws=ws)
            elif op == 2:
                self.identifies += 1
                self.identify_payloads.append(data["d"])
                shard = (data["d"].get("shard") or [0, 1])[0]
                self._sockets[shard] = ws
                await self._ready(shard, (data["d"].get("shard") or [0, 1])[1])
            elif op == 6:
                self.resumes += 1
                shard = self._sessions.get(data["d"].get("session_id"), 0)
                self._sockets[shard] = ws
                missed = [e for e in self._events[shard] if e["s"] > (data["d"].get("seq") or 0)]
                for event in missed:
                    await self._send(event, shard)
                self._seq[shard] += 1
                await self._send({"op": 0, "t": "RESUMED", "s": self._seq[shard], "d": {}}, shard)
                self._notify("resumed", self.resumes)
        if self._sockets.get(shard) is ws:
            del self._sockets[shard]
        return ws

    async def _ready(self, shard: int, count: int) -> None:
        self._seq[shard] += 1
        session = f"session-{self.identifies}"
        self._sessions[session] = shard
        guilds = [g for g in self.guild_ids if (g >> 22) % count == shard]
        await self._send(
            {
                "op": 0,
                "t": "READY",
                "s": self._seq[shard],
                "d": {
                    "v": 10,
                    "user": user(BOT_ID, "faqbot", bot=True),
                    "guilds": [{"id": str(g), "unavailable": True} for g in guilds],
                    "session_id": session,
                    "resume_gateway_url": f"ws://127.0.0.1:{self.port}/resume",
                    "shard": [shard, count],
                    "application": {"id": str(APP_ID), "flags": self.app_flags},
                    "private_channels": [],
                    "relationships": [],
                },
            },
            shard,
        )
        for g in guilds:
            await self.dispatch("GUILD_CREATE", self.guild(g), shard)
        self.ready_shards.add(shard)
        if len(self.ready_shards) >= count:
            self.connected.set()

    async def _gateway_bot(self, request: web.Request) -> web.Response:
        self.requests.append(Request("GET", "/gateway/bot", dict(request.query), None))
        return _json(
            {
                "url": f"ws://127.0.0.1:{self.port}/gateway",
                "shards": self.shard_count,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 1000,
                    "reset_after": 0,
                    "max_concurrency": self.max_concurrency,
                },
            }
        )

    def guild(self, guild_id: int = GUILD_ID) -> dict:
        if guild_id != GUILD_ID:
            channels = [_channel(CHANNEL2_ID, 0, "general", guild_id)]
        else:
            channels = [
                _channel(CHANNEL_ID, 0, "general", guild_id),
                _channel(HELP_CHANNEL_ID, 0, "help", guild_id),
                _channel(FORUM_ID, 15, "questions", guild_id),
            ]
        return {
            "id": str(guild_id),
            "name": "Program community",
            "icon": None,
            "owner_id": str(MODERATOR_ID),
            "roles": [
                _role(guild_id, "@everyone", MEMBER_PERMISSIONS, 0),
                _role(MOD_ROLE_ID, "Mods", MEMBER_PERMISSIONS, 1),
            ],
            "emojis": [],
            "stickers": [],
            "features": [],
            "member_count": 4,
            "members": [_member(BOT_ID, "faqbot", [], bot=True)],
            "channels": channels,
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

    async def interact_later(self, payload: dict) -> asyncio.Future[Callback]:
        """Dispatch an interaction; return the future of the bot's callback (for answers that come
        some other way first, such as a message)."""
        future = asyncio.get_running_loop().create_future()
        self._callbacks[int(payload["id"])] = future
        await self.dispatch("INTERACTION_CREATE", payload)
        return future

    def interaction(
        self,
        data: dict,
        *,
        type: int = 2,
        user_id: int = MEMBER_ID,
        moderator: bool = False,
        message: dict | None = None,
        dm: bool = False,
        channel: dict | None = None,
        guild_id: int = GUILD_ID,
    ) -> dict:
        iid = self.next_id()
        channel = channel or _channel(
            CHANNEL_ID if guild_id == GUILD_ID else CHANNEL2_ID, 0, "general", guild_id
        )
        payload = {
            "id": str(iid),
            "application_id": str(APP_ID),
            "type": type,
            "token": f"token-{iid}",
            "version": 1,
            "data": data,
            "channel_id": channel["id"],
            "locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(guild_id)},
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
            payload["guild_id"] = str(guild_id)
            payload["guild_locale"] = "en-US"
            payload["channel"] = channel
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

    def message_command(self, name: str, target: dict, **kwargs) -> dict:
        """A message context-menu command (Apps → name) on ``target``, with its text as Discord
        resolves it for the app (whatever the Message Content intent)."""
        data = {
            "id": str(self._command_id(name)),
            "name": name,
            "type": 3,
            "target_id": target["id"],
            "resolved": {"messages": {target["id"]: target}},
        }
        return self.interaction(data, **kwargs)

    def _command_id(self, name: str) -> int:
        for commands in self.commands.values():
            for cmd in commands:
                if cmd["name"] == name:
                    return int(cmd["id"])
        return 1

    # -- messages ---------------------------------------------------------------------------------

    async def message_create(
        self,
        content: str,
        *,
        author_id: int = MEMBER_ID,
        mentions_bot: bool = True,
        dm: bool = False,
        channel_id: int = CHANNEL_ID,
        guild_id: int = GUILD_ID,
        message_id: int | None = None,
        reply_to: dict | None = None,
    ) -> dict:
        """Dispatch a MESSAGE_CREATE from a member (``reply_to``: the message it replies to)."""
        mid = message_id or self.next_id()
        data = {
            "id": str(mid),
            "channel_id": str(channel_id if not dm else DM_CHANNEL_ID),
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
        if reply_to is not None:
            data["type"] = 19
            data["message_reference"] = {"message_id": reply_to["id"], "channel_id": reply_to["channel_id"]}
            data["referenced_message"] = reply_to
        if not dm:
            data["guild_id"] = str(guild_id)
            data["member"] = _member(author_id, f"user{author_id}", [])
        await self.dispatch("MESSAGE_CREATE", data)
        return data

    async def thread_create(
        self, parent_id: int, name: str = "a question", *, thread_id: int | None = None
    ) -> dict:
        """Dispatch a newly created public thread (a forum post when ``parent_id`` is the forum)."""
        tid = thread_id or self.next_id()
        data = {
            **_channel(tid, 11, name, GUILD_ID),
            "parent_id": str(parent_id),
            "owner_id": str(MEMBER_ID),
            "last_message_id": None,
            "message_count": 0,
            "member_count": 1,
            "rate_limit_per_user": 0,
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": 1440,
                "archive_timestamp": now(),
                "locked": False,
            },
            "newly_created": True,
            "flags": 0,
        }
        await self.dispatch("THREAD_CREATE", data)
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
        if method == "POST" and path == "/users/@me/channels":
            return self._open_dm
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
            "flags": self.app_flags,
            "owner": user(MODERATOR_ID, "owner"),
            "team": None,
            "summary": "",
            "rpc_origins": [],
        }

    async def _open_dm(self, request, path, body):
        recipient = int(body["recipient_id"])
        return 200, {"id": str(DM_CHANNEL_ID), "type": 1, "recipients": [user(recipient, f"user{recipient}")]}

    async def _sync(self, request, path, body):
        parts = path.strip("/").split("/")
        scope = parts[3] if "guilds" in parts else "global"
        synced = []
        for cmd in body:
            synced.append(
                {
                    "description": "",
                    **cmd,
                    "id": str(self.next_id()),
                    "application_id": str(APP_ID),
                    "version": "1",
                }
            )
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
        for event in reversed([e for events in self._events.values() for e in events]):
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
                    for events in self._events.values()
                    for e in reversed(events)
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


def _channel(cid: int, kind: int, name: str, guild_id: int) -> dict:
    return {
        "id": str(cid),
        "type": kind,
        "name": name,
        "position": 0,
        "permission_overwrites": [],
        "guild_id": str(guild_id),
    }
