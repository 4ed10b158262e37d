#!/usr/bin/env bash
# Side-by-side: callml against twilio-node, twilio-python and the Bandwidth Node SDK on the same
# documents, in one run. Installs the other libraries locally (benches/compare/.venv and
# benches/compare/node_modules; nothing global), checks each library's document against callml's
# canonically, and prints ns per document and callml's ratio to each.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
out=target/compare
mkdir -p "$out"
rm -f "$out"/*.jsonl

if [ ! -x "$here/.venv/bin/python" ]; then python3 -m venv "$here/.venv"; fi
"$here/.venv/bin/pip" install --quiet --disable-pip-version-check twilio
npm install --prefix "$here" --silent --no-audit --no-fund --no-save twilio bandwidth-sdk >/dev/null

echo "versions: twilio-node $(node -p "require('$here/node_modules/twilio/package.json').version"), bandwidth-sdk $(node -p "require('$here/node_modules/bandwidth-sdk/package.json').version"), twilio-python $("$here/.venv/bin/python" -c 'import twilio; print(twilio.__version__)'), node $(node --version), $(python3 --version)"

cargo bench --quiet --bench compare-documents > "$out/callml.json"
cargo bench --bench render -- --warm-up-time 2 --measurement-time 5 '(twiml|bxml)-[SML]/(build|write directly|render prebuilt)' > "$out/criterion.log"
node "$here/twiml_node.js" > "$out/node.jsonl"
"$here/.venv/bin/python" "$here/twiml_python.py" > "$out/python.jsonl"
python3 "$here/report.py" "$out"
