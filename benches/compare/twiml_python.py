"""The benchmark documents built with twilio-python; prints one JSON line per document with its
XML and median ns per document for build+render and render-only."""
import json
import time

from twilio.twiml.voice_response import Dial, Gather, VoiceResponse

TEXT = 'Press 1 for sales & support, 2 for "billing" <now>'


def verbs(r):
    r.say(TEXT, voice="alice", language="en-US", loop=1)
    g = Gather(input="dtmf speech", action="https://example.com/gather?step=1&lang=en", method="POST",
               num_digits=1, timeout=5, finish_on_key="#")
    g.say("Please choose an option.")
    g.play("https://example.com/a.mp3", loop=2)
    g.pause(length=2)
    r.append(g)
    d = Dial(caller_id="+15551234567", timeout=20, record="record-from-answer", action="https://example.com/dial")
    d.number("+15558675309", send_digits="wwww1234")
    d.client("alice")
    d.sip("sip:bob@example.com", username="u", password="p")
    r.append(d)
    r.record(max_length=30, play_beep=True, action="https://example.com/rec")
    r.redirect("https://example.com/next", method="POST")
    r.hangup()


def doc_s():
    r = VoiceResponse()
    r.say("Please hold while your call is connected", voice="woman")
    r.dial("18004444444")
    return r


def doc_m():
    r = VoiceResponse()
    verbs(r)
    return r


def doc_l():
    r = VoiceResponse()
    for _ in range(100):
        verbs(r)
    return r


def measure(fn):
    n = 1
    while True:
        t0 = time.perf_counter_ns()
        for _ in range(n):
            fn()
        dt = time.perf_counter_ns() - t0
        if dt > 20_000_000:
            n = max(1, round(n * 200_000_000 / dt / 10))
            break
        n *= 2
    batches = []
    for _ in range(7):
        t0 = time.perf_counter_ns()
        for _ in range(n):
            fn()
        batches.append((time.perf_counter_ns() - t0) / n)
    return sorted(batches)[len(batches) // 2]


for size, build in (("S", doc_s), ("M", doc_m), ("L", doc_l)):
    built = build()
    xml = built.to_xml()
    print(json.dumps({"lib": "twilio-python", "dialect": "twiml", "doc": size, "xml": xml,
                      "build_render_ns": measure(lambda: build().to_xml()), "render_ns": measure(built.to_xml)}),
          flush=True)
