#!/usr/bin/env python3
"""Renders every element of the rest of Twilio's voice vocabulary, each with all its attributes,
through the providers' own libraries, and writes `tests/vectors/twiml-more.json`.

Not run by CI. To reproduce (network needed once, for the two packages):

    python3 -m venv /tmp/twiml-refs && /tmp/twiml-refs/bin/pip install twilio==9.13.0
    (cd /tmp/twiml-refs && npm install twilio@6.3.1)
    /tmp/twiml-refs/bin/python tests/vectors/twiml-more/render.py /tmp/twiml-refs

Each case is a tree built with each library's typed builder methods (twilio-python's snake_case
keyword arguments, twilio-node's attribute objects); `tests/twiml_more.rs` reads every vector into
callml's typed tree, checks that nothing in it is unknown, and compares the re-rendered document
canonically with the library output the case follows.
"""

import json
import os
import re
import subprocess
import sys

REFS = sys.argv[1] if len(sys.argv) > 1 else "/tmp/twiml-refs"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "twiml-more.json")

# ----- attribute values: every attribute set, with a documented value where there is a set -----

BOOLS = {
    "muted", "startConferenceOnEnter", "endConferenceOnExit", "copyParentTo", "securityCode", "requireMatchingInputs",
    "partialResults", "profanityFilter", "enableAutomaticPunctuation", "sentimentAnalysis", "inboundAutocreation",
    "dtmfDetection", "partialPrompts", "preemptible", "backgroundNoiseReduction", "deepgramSmartFormat",
    "ignoreBackchannel", "partialPromptOnHangup", "asrSmartFormat", "ttsLanguageTextNormalization",
    "elevenlabsLanguageTextNormalization", "applicationReconnect", "echoPromptFiltering", "turnDetection",
}
NUMBERS = {
    "maxParticipants": 10, "maxQueueSize": 50, "priority": 5, "timeout": 7, "maxAttempts": 2,
    "minPostalCodeLength": 5, "routingAssignmentTimeout": 30, "inboundTimeout": 20, "eagerEotThreshold": 0.5,
}
LISTS = {
    ("Conference", "statusCallbackEvent"): ["start", "end", "join"],
    ("Application", "statusCallbackEvent"): ["initiated", "answered"],
    ("WhatsApp", "statusCallbackEvent"): ["ringing", "completed"],
    ("Conversation", "statusCallbackEvent"): ["call-initiated", "call-answered"],
    ("*", "recordingStatusCallbackEvent"): ["in-progress", "completed"],
    ("Pay", "validCardTypes"): ["visa", "mastercard", "amex"],
    ("Prompt", "cardType"): ["visa", "amex"],
    ("Prompt", "errorType"): ["timeout", "invalid-card-number"],
    ("Prompt", "attempt"): [1, 2],
}
ENUMS = {
    ("Conference", "beep"): "onEnter", ("Conference", "record"): "record-from-start", ("Conference", "region"): "de1",
    ("Conference", "jitterBufferSize"): "small", ("*", "trim"): "do-not-trim",
    ("Recording", "track"): "both", ("Recording", "channels"): "dual", ("MediaFilter", "filterType"): "noise",
    ("Connect/Stream", "track"): "inbound_track", ("*", "track"): "both_tracks",
    ("Pay", "input"): "dtmf", ("Pay", "paymentMethod"): "ach-debit", ("Pay", "bankAccountType"): "consumer-savings",
    ("Pay", "tokenType"): "one-time", ("Pay", "language"): "en-GB", ("Pay", "postalCode"): "false",
    ("Prompt", "for"): "payment-card-number",
    ("ConversationRelay", "interruptible"): "speech", ("ConversationRelay", "welcomeGreetingInterruptible"): "none",
    ("ConversationRelay", "reportInputDuringAgentSpeech"): "dtmf", ("ConversationRelay", "interruptSensitivity"): "high",
    ("*", "ttsTextNormalization"): "on", ("ConversationRelay", "includeInPrompt"): "turn-state",
    ("ConversationRelay", "speechTimeout"): "auto", ("Conversation", "record"): "record-from-answer",
    ("Pay", "chargeAmount"): "20.45", ("Pay", "currency"): "usd",
}
WEBSOCKETS = {"Stream", "ConversationRelay"}


def value(path, element, attr):
    for key in ((path, attr), (element, attr), ("*", attr)):
        if key in LISTS:
            return LISTS[key]
        if key in ENUMS:
            return ENUMS[key]
    if attr in BOOLS:
        return True
    if attr in NUMBERS:
        return NUMBERS[attr]
    if attr.endswith("Method") or attr == "method":
        return "GET"
    if attr == "url" and element in WEBSOCKETS:
        return f"wss://example.com/{element.lower()}"
    if attr in ("action", "url") or attr.endswith("Url") or attr.endswith("Callback"):
        return f"https://example.com/{element.lower()}/{attr}?a=1&b=2"
    if attr in ("language", "languageCode", "ttsLanguage", "transcriptionLanguage", "code"):
        return "en-US"
    return f"{attr}-value"


# ----- the attributes of each element, from twilio-python's own builder signatures -----

def python_attributes():
    import inspect
    from twilio.twiml import lower_camel
    import twilio.twiml.voice_response as v

    methods = {
        "Conference": (v.Dial, "conference"), "Queue": (v.Dial, "queue"), "Sim": (v.Dial, "sim"),
        "Application": (v.Dial, "application"), "WhatsApp": (v.Dial, "whats_app"), "Enqueue": (v.VoiceResponse, "enqueue"),
        "Task": (v.Enqueue, "task"), "Leave": (v.VoiceResponse, "leave"), "Echo": (v.VoiceResponse, "echo"),
        "Sms": (v.VoiceResponse, "sms"), "Refer": (v.VoiceResponse, "refer"), "ReferSip": (v.Refer, "sip"),
        "Pay": (v.VoiceResponse, "pay"), "Prompt": (v.Pay, "prompt"), "Start": (v.VoiceResponse, "start"),
        "Stop": (v.VoiceResponse, "stop"), "Stream": (v.Start, "stream"), "Siprec": (v.Start, "siprec"),
        "Transcription": (v.Start, "transcription"), "Recording": (v.Start, "recording"), "Config": (v.Transcription, "config"),
        "Connect": (v.VoiceResponse, "connect"), "Room": (v.Connect, "room"), "Autopilot": (v.Connect, "autopilot"),
        "VirtualAgent": (v.Connect, "virtual_agent"), "Conversation": (v.Connect, "conversation"),
        "ConversationRelay": (v.Connect, "conversation_relay"), "Language": (v.ConversationRelay, "language"),
        "AiSession": (v.Connect, "ai_session"), "ConversationRelaySession": (v.Connect, "conversation_relay_session"),
        "ApplicationSid": (v.Application, "application_sid"), "Parameter": (v.Stream, "parameter"),
    }
    out = {}
    for element, (cls, method) in methods.items():
        params = inspect.signature(getattr(cls, method)).parameters
        # Keyword arguments with defaults are attributes; the text is positional (Application's
        # `application_sid` and Enqueue's `name` are optional texts).
        text = {"Application": "application_sid", "Enqueue": "name"}.get(element)
        names = [p for p, prm in params.items()
                 if p not in ("self", "kwargs", text) and prm.default is not inspect.Parameter.empty]
        out[element] = [{"for_": "for", "from_": "from"}.get(p, lower_camel(p)) for p in names]
    return out


# twilio-node 6.3.1 has MediaFilter (not in twilio-python 9.13.0) and types these attributes.
NODE_ONLY = {"MediaFilter": ["name", "filterType", "model", "track"]}
NODE_EXTRA = {
    "Transcription": ["conversationConfiguration", "conversationId"],
    "ConversationRelay": ["conversationConfiguration", "conversationId"],
}

# ----- the cases: (element, text, children[, attributes]) trees; attributes filled from the lists
# above unless given -----

CASES = [
    ("dial-conference", [("Dial", None, [("Conference", "standup", [])])]),
    ("dial-queue", [("Dial", None, [("Queue", "support", [])])]),
    ("dial-sim", [("Dial", None, [("Sim", "DE8caa2afb9d5279926619c458dc7098a8", [])])]),
    ("dial-application", [("Dial", None, [("Application", None, [("ApplicationSid", "AP123", []), ("Parameter", None, [])])])]),
    ("dial-whatsapp", [("Dial", None, [("WhatsApp", "+15552223333", [])], {"callerId": "whatsapp:+15550001111"})]),
    ("enqueue-task", [("Enqueue", "support", [("Task", '{"language":"fr","vip":true}', [])])]),
    ("leave", [("Leave", None, [])]),
    ("echo", [("Echo", None, [])]),
    ("sms", [("Sms", "Your code is 1234 & thanks", [])]),
    ("refer", [("Refer", None, [("ReferSip", "sip:alice@example.com?X-Reason=billing&X-Id=1", [])])]),
    ("pay-prompt", [("Pay", None, [("Prompt", None, [("Say", "Card number, please.", [])]), ("Parameter", None, [])])]),
    ("start-all", [("Start", None, [("Stream", None, [("Parameter", None, [])]), ("Siprec", None, [("Parameter", None, [])]),
                                    ("Transcription", None, [("Config", None, []), ("Parameter", None, [])]),
                                    ("Recording", None, [])])]),
    ("start-media-filter", [("Start", None, [("MediaFilter", None, [])])]),
    ("stop-all", [("Stop", None, [("Stream", None, []), ("Siprec", None, []), ("Transcription", None, [])])]),
    ("connect-conversation-relay", [("Connect", None, [("ConversationRelay", None, [("Language", None, []), ("Parameter", None, [])])])]),
    ("connect-stream", [("Connect", None, [("Stream", None, [("Parameter", None, [])])])]),
    ("connect-room", [("Connect", None, [("Room", "DailyStandup", [])])]),
    ("connect-autopilot", [("Connect", None, [("Autopilot", "UA123", [])])]),
    ("connect-virtual-agent", [("Connect", None, [("VirtualAgent", None, [("Config", None, []), ("Parameter", None, [])])])]),
    ("connect-conversation", [("Connect", None, [("Conversation", None, [])])]),
    ("connect-ai-session", [("Connect", None, [("AiSession", None, [])])]),
    ("connect-conversation-relay-session", [("Connect", None, [("ConversationRelaySession", None, [])])]),
]

FIXED = {"Parameter": {"name": "caller", "value": "+15551234567"}, "Config": {"name": "voiceName", "value": "en-US-Neural2-F"}}
PY_METHOD = {"ReferSip": "sip", "Sms": "sms"}
NODE_METHOD = {"ReferSip": "sip", "Sms": "sms"}


def attributes(path, element, known, given=None):
    if given is not None:
        return dict(given)
    if element in FIXED:
        return dict(FIXED[element])
    return {a: value(path, element, a) for a in known.get(element, [])}


def snake(name):
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


def render_python(tree, known):
    from twilio.twiml.voice_response import VoiceResponse

    def build(parent, node, parent_name):
        element, text, children = node[:3]
        attrs = attributes(f"{parent_name}/{element}", element, known, *node[3:])
        kwargs = {}
        for k, v in attrs.items():
            if isinstance(v, list):
                v = " ".join(str(x) for x in v)  # twilio-python writes a list as its repr
            key = {"for": "for_", "from": "from_"}.get(k) or snake(k)
            kwargs[key] = v
        method = getattr(parent, PY_METHOD.get(element, snake(element)))
        child = method(text, **kwargs) if text is not None else method(**kwargs)
        for c in children:
            build(child, c, element)

    r = VoiceResponse()
    for node in tree:
        build(r, node, "Response")
    return str(r)


def node_script(cases, known):
    lines = ["const VoiceResponse = require('twilio').twiml.VoiceResponse;", "const out = {};"]

    def build(var, node, parent_name, counter):
        element, text, children = node[:3]
        attrs = attributes(f"{parent_name}/{element}", element, known, *node[3:])
        child = f"n{counter[0]}"
        counter[0] += 1
        method = NODE_METHOD.get(element, element[0].lower() + element[1:])
        args = json.dumps(attrs) + ("" if text is None else ", " + json.dumps(text))
        lines.append(f"  const {child} = {var}.{method}({args});")
        for c in children:
            build(child, c, element, counter)

    for name, tree in cases:
        lines.append("{")
        lines.append("  const r = new VoiceResponse();")
        counter = [0]
        for node in tree:
            build("r", node, "Response", counter)
        lines.append(f"  out[{json.dumps(name)}] = r.toString();")
        lines.append("}")
    lines.append("console.log(JSON.stringify(out));")
    return "\n".join(lines)


def main():
    sys.path.insert(0, os.path.join(REFS, "lib", "python3.11", "site-packages"))
    known = python_attributes()
    node_known = {**known, **NODE_ONLY}
    for k, extra in NODE_EXTRA.items():
        node_known[k] = known[k] + extra
    script = node_script(CASES, node_known)
    node = subprocess.run(["node", "-e", script], cwd=REFS, capture_output=True, text=True, check=True)
    node_out = json.loads(node.stdout)
    import twilio
    vectors = []
    for name, tree in CASES:
        try:
            py = render_python(tree, known)
        except AttributeError as e:  # an element twilio-python does not have
            py = None
            py_error = str(e)
        entry = {"name": name, "python": py, "node": node_out[name]}
        if py is None:
            entry.update(follow="node", why=f"twilio-python {twilio.__version__} has no such element ({py_error})")
        elif any(node[0] in NODE_EXTRA for node in walk(tree)):
            entry.update(follow="node", why="twilio-node also has the attributes conversationConfiguration and conversationId, which twilio-python 9.13.0 lacks; the Python output is the same document without them")
        else:
            entry.update(follow="python", why="the same document either way (twilio-python's list arguments are passed pre-joined with spaces: it writes a list as its repr)")
        vectors.append(entry)
    doc = {
        "generated_by": "tests/vectors/twiml-more/render.py",
        "libraries": {"twilio-python": twilio.__version__, "twilio-node": json.load(open(os.path.join(REFS, "node_modules", "twilio", "package.json")))["version"]},
        "python_attributes": known,
        "node_only_attributes": {**NODE_ONLY, **NODE_EXTRA},
        "vectors": vectors,
    }
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(vectors)} vectors to {os.path.relpath(OUT)}")


def walk(tree):
    for node in tree:
        yield node
        yield from walk(node[2])


if __name__ == "__main__":
    main()
