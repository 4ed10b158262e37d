"""Combines one run's numbers: callml's criterion medians and the other libraries' timings.
Checks every library's document against callml's canonically (C14N 2.0, whitespace-only text
stripped) before reporting its time, and prints one table of ns per document and ratios."""
import glob
import json
import os
import sys
import xml.etree.ElementTree as ET

root = sys.argv[1] if len(sys.argv) > 1 else "target/compare"
callml_docs = json.load(open(os.path.join(root, "callml.json")))
others = []
for f in sorted(glob.glob(os.path.join(root, "*.jsonl"))):
    others += [json.loads(line) for line in open(f) if line.strip()]


def criterion_median(dialect, size, kind):
    pattern = f"target/criterion/render_{dialect}-{size}/{kind}*/*/new/estimates.json"
    files = glob.glob(pattern)
    if not files:
        return None
    return json.load(open(files[0]))["median"]["point_estimate"]


def canonical(xml):
    body = xml.split("?>", 1)[1] if xml.lstrip().startswith("<?xml") else xml
    return ET.canonicalize(body.strip(), strip_text=True)


rows = []
for o in others:
    ours = callml_docs[o["dialect"]][o["doc"]]
    try:
        same = canonical(o["xml"]) == canonical(ours)
        note = "" if same else "DIFFERENT DOCUMENT"
    except ET.ParseError as e:
        same, note = False, f"not well-formed XML ({e})"
    cb = criterion_median(o["dialect"], o["doc"], "build+render")
    cr = criterion_median(o["dialect"], o["doc"], "render prebuilt")
    cw = criterion_median(o["dialect"], o["doc"], "write directly")
    rows.append((o, same, note, cb, cr, cw))

# callml builds and renders a document two ways: its tree then `to_xml` ("tree"), and straight to
# markup with `Response::write_xml` ("write_xml"); the other libraries' build+render is set against both.
print(f"{'library':<20} {'doc':<8} {'build+render ns':>16} {'tree ns':>9} {'ratio':>7} {'write_xml ns':>13} {'ratio':>7}   {'render ns':>10} {'callml ns':>10} {'ratio':>7}  check")
for o, same, note, cb, cr, cw in rows:
    name = f"{o['dialect']}-{o['doc']}"
    ratio = lambda theirs, ours: f"{theirs / ours:.0f}x" if ours else "?"
    check = "same document" if same else note
    print(
        f"{o['lib']:<20} {name:<8} {o['build_render_ns']:>16,.0f} {cb or 0:>9,.0f} {ratio(o['build_render_ns'], cb):>7}"
        f" {cw or 0:>13,.0f} {ratio(o['build_render_ns'], cw):>7}"
        f"   {o['render_ns']:>10,.0f} {cr or 0:>10,.0f} {ratio(o['render_ns'], cr):>7}  {check}"
    )
if not all(row[1] for row in rows):
    print("\nRows not marked 'same document' produced different output; their ratios compare unequal work.")
