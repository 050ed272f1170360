#!/usr/bin/env bash
# A client written from the API page alone: plain curl with the multipart fields exactly as the
# documentation shows them. Lists algorithms, creates a separation from a file, polls it to done
# and downloads every result file. Usage: curl_flow.sh path/to/mvsep-standin
set -euo pipefail
BIN=${1:?usage: curl_flow.sh path/to/mvsep-standin}
PORT=${CURL_FLOW_PORT:-8792}
API="http://127.0.0.1:$PORT"
TOKEN=standin-premium-token-000000000000
WORK=$(mktemp -d)
"$BIN" --port "$PORT" --data "$WORK/data" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do curl -sf "$API/api/app/queue" >/dev/null && break; sleep 0.1; done

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

# A 3-second stereo tone, written with the standard library only.
python3 - "$WORK/song.wav" <<'PY'
import math, struct, sys, wave
w = wave.open(sys.argv[1], "wb"); w.setnchannels(2); w.setsampwidth(2); w.setframerate(22050)
w.writeframes(b"".join(struct.pack("<hh", int(8000*math.sin(i*0.0627)), int(8000*math.sin(i*0.094))) for i in range(22050*3)))
w.close()
PY

count=$(curl -sf "$API/api/app/algorithms" | json "len(d)")
echo "algorithms: $count"
[ "$count" -gt 0 ]

created=$(curl -sf -X POST "$API/api/separation/create" \
  -F "audiofile=@$WORK/song.wav" -F "api_token=$TOKEN" -F "sep_type=40" \
  -F "add_opt1=81" -F "add_opt2=2" -F "output_format=1" -F "is_demo=0")
hash=$(echo "$created" | json "d['data']['hash']")
echo "created: $hash"

for i in $(seq 200); do
  body=$(curl -sf -G "$API/api/separation/get" --data-urlencode "hash=$hash")
  status=$(echo "$body" | json "d['status']")
  files=$(echo "$body" | json "len(d['data'].get('files', []))" 2>/dev/null || echo 0)
  [ "$status" = done ] && [ "$files" -gt 0 ] && break
  [ "$status" = failed ] && { echo "failed: $body" >&2; exit 1; }
  sleep 0.2
done
[ "$status" = done ] && [ "$files" -gt 0 ] || { echo "never finished: $body" >&2; exit 1; }

for url in $(echo "$body" | json "' '.join(f['url'] for f in d['data']['files'])"); do
  curl -sf -o "$WORK/out.wav" "$url"
  head -c 4 "$WORK/out.wav" | grep -q RIFF || { echo "not a WAV: $url" >&2; exit 1; }
  echo "downloaded $(stat -c%s "$WORK/out.wav") bytes from $url"
done
echo "curl flow: 1 passed, 0 failed"
