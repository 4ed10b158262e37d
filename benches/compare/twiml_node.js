// The benchmark documents (spec/benchmark-documents.md) built with twilio-node and the Bandwidth
// Node SDK; prints one JSON line per (library, document): its XML and median ns per document for
// build+render and render-only.
'use strict';
const twilio = require('twilio');
const { Bxml } = require('bandwidth-sdk');
const VoiceResponse = twilio.twiml.VoiceResponse;
const TEXT = 'Press 1 for sales & support, 2 for "billing" <now>';

function twimlVerbs(r) {
  r.say({ voice: 'alice', language: 'en-US', loop: 1 }, TEXT);
  const g = r.gather({ input: 'dtmf speech', action: 'https://example.com/gather?step=1&lang=en', method: 'POST', numDigits: 1, timeout: 5, finishOnKey: '#' });
  g.say('Please choose an option.');
  g.play({ loop: 2 }, 'https://example.com/a.mp3');
  g.pause({ length: 2 });
  const d = r.dial({ callerId: '+15551234567', timeout: 20, record: 'record-from-answer', action: 'https://example.com/dial' });
  d.number({ sendDigits: 'wwww1234' }, '+15558675309');
  d.client('alice');
  d.sip({ username: 'u', password: 'p' }, 'sip:bob@example.com');
  r.record({ maxLength: 30, playBeep: true, action: 'https://example.com/rec' });
  r.redirect({ method: 'POST' }, 'https://example.com/next');
  r.hangup();
}
const twiml = {
  S: () => { const r = new VoiceResponse(); r.say({ voice: 'woman' }, 'Please hold while your call is connected'); r.dial('18004444444'); return r; },
  M: () => { const r = new VoiceResponse(); twimlVerbs(r); return r; },
  L: () => { const r = new VoiceResponse(); for (let i = 0; i < 100; i++) twimlVerbs(r); return r; },
};

function bxmlVerbs() {
  return [
    new Bxml.SpeakSentence(TEXT, { voice: 'julie' }),
    new Bxml.Gather({ gatherUrl: 'https://example.com/gather?step=1&lang=en', maxDigits: 1, firstDigitTimeout: 5, terminatingDigits: '#' },
      [new Bxml.SpeakSentence('Please choose an option.'), new Bxml.PlayAudio('https://example.com/a.mp3')]),
    new Bxml.Pause({ duration: 2 }),
    new Bxml.Transfer({ transferCallerId: '+15551234567', callTimeout: 20, transferCompleteUrl: 'https://example.com/dial' },
      [new Bxml.PhoneNumber('+15558675309'), new Bxml.SipUri('sip:bob@example.com')]),
    new Bxml.Record({ maxDuration: 30, recordCompleteUrl: 'https://example.com/rec' }),
    new Bxml.Redirect({ redirectUrl: 'https://example.com/next' }),
    new Bxml.Hangup(),
  ];
}
const bxml = {
  S: () => new Bxml.Response([new Bxml.SpeakSentence('Please hold while your call is connected', { voice: 'julie' }), new Bxml.Transfer({}, new Bxml.PhoneNumber('+18004444444'))]),
  M: () => new Bxml.Response(bxmlVerbs()),
  L: () => { let v = []; for (let i = 0; i < 100; i++) v = v.concat(bxmlVerbs()); return new Bxml.Response(v); },
};

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }
function time(fn, docBytes) {
  const target = 2e8; // ~0.2 s per batch
  let n = 1;
  for (;;) { const t0 = process.hrtime.bigint(); for (let i = 0; i < n; i++) fn(); const dt = Number(process.hrtime.bigint() - t0); if (dt > 2e7) { n = Math.max(1, Math.round(n * target / dt / 10)); break; } n *= 2; }
  const batches = [];
  for (let b = 0; b < 7; b++) { const t0 = process.hrtime.bigint(); for (let i = 0; i < n; i++) fn(); batches.push(Number(process.hrtime.bigint() - t0) / n); }
  return median(batches);
}

for (const [lib, docs, render] of [['twilio-node', twiml, (d) => d.toString()], ['bandwidth-sdk-node', bxml, (d) => d.toBxml()]]) {
  for (const size of ['S', 'M', 'L']) {
    const built = docs[size]();
    const xml = render(built);
    const buildRender = time(() => render(docs[size]()));
    const renderOnly = time(() => render(built));
    console.log(JSON.stringify({ lib, dialect: lib.startsWith('twilio') ? 'twiml' : 'bxml', doc: size, xml, build_render_ns: buildRender, render_ns: renderOnly }));
  }
}
