"""The bad-input corpus, as data: every entry point is tried with all of it.

``TEXTS`` are messages (valid JSON strings); ``LONE_SURROGATE`` can only be
written as a JSON escape; ``BODIES`` are whole request bodies with their
content type, for the endpoints that take JSON.
"""

from __future__ import annotations

import json

TEXTS: dict[str, str] = {
    "empty": "",
    "blank": "   \t\n  ",
    "100KB": "how do I do the " + "bird dog " * 11_000,
    "1MB": "x" * 1_000_000,
    "every-plane": "".join(chr(p * 0x10000 + 0x41) for p in range(17)),
    "private-use": "\ue000\U000f0000\U00100000",
    "noncharacters": "\ufffe\uffff\U0010ffff",
    "rtl": "כואב לי הגב \u202e gnol",
    "arabic": "ظهري يؤلمني",
    "emoji": "😭😭🔥 my back 👨‍👩‍👧",
    "zero-width": "\u200b\u200d\ufeffback pain",
    "combining": "a" + "\u0301" * 500,
    "control-characters": "\x00\x01\x02\x1b[31m",
    "html": "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "sql": "'; DROP TABLE events; -- \" OR 1=1",
    "template": "{{7*7}} ${7*7} {case_id} %s %(x)s",
    "huge-number": "I've had it since " + "9" * 400 + " weeks",
    "huge-float": "for 1e400 days",
    "negative-number": "for -99999999999999999999 days",
    "huge-number-payload": '/inform{"duration":"1e400"}',
    "bad-payload": '/inform{"duration":',
    "payload-unknown-intent": "/drop_tables",
    "non-english": "me duele mucho la espalda",
    "newlines": "\n" * 1000,
}
LONE_SURROGATE = "\\ud800 my back"  # as written inside a JSON string

_SENDER = "bad-input-1"
BODIES: dict[str, tuple[bytes, str]] = {
    "malformed-json": (b'{"sender": "a", "message": ', "application/json"),
    "json-list": (b'["hi"]', "application/json"),
    "json-string": (b'"hi"', "application/json"),
    "json-number": (b"1e400", "application/json"),
    "json-null": (b"null", "application/json"),
    "deep-nesting": (b'{"message": ' + b"[" * 30_000 + b"]" * 30_000 + b"}",
                     "application/json"),
    "bad-utf8": (b'{"sender":"a-1","message":"\xff\xfe"}', "application/json"),
    "form-body": (b"sender=a-1&message=hi", "application/x-www-form-urlencoded"),
    "text-body": (b"hi", "text/plain"),
    "wrong-content-type": (
        json.dumps({"sender": _SENDER, "message": "hi"}).encode(), "text/html"
    ),
    "message-number": (json.dumps({"sender": _SENDER, "message": 5}).encode(),
                       "application/json"),
    "message-list": (json.dumps({"sender": _SENDER, "message": ["x"]}).encode(),
                     "application/json"),
    "message-object": (json.dumps({"sender": _SENDER, "message": {"a": 1}}).encode(),
                       "application/json"),
    "sender-number": (json.dumps({"sender": 7, "message": "hi"}).encode(),
                      "application/json"),
    "sender-path": (json.dumps({"sender": "../../x", "message": "hi"}).encode(),
                    "application/json"),
}  # fmt: skip
