#!/usr/bin/env bash
# make test-deploy: deploy/nginx/infoshos.conf, as it is in the repository (only names, ports and
# certificate paths replaced), in front of two replicas on one throwaway PostgreSQL, and what
# the deployment guide promises of it, checked with curl:
#   plain HTTP is sent to HTTPS; HTTP/2 over TLS; Strict-Transport-Security from the server;
#   hashed files pass with their year-long `immutable` caching and their precompressed brotli
#   bytes untouched (nginx compresses nothing again); a client's own X-Forwarded-For buys it no
#   fresh allowance; a comment posted through the proxy is listed whichever replica answers;
#   with one replica killed, readers still get pages.
# Needs nginx (scripts/install-tools.sh), the built server and `make spa`'s dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${INFOSHOS_TEST_POSTGRES:-}" ] || exec scripts/with-postgres.sh "$0" "$@"

bin=${INFOSHOS_SERVER_BIN:-target/debug/infoshos-server}
dist=$PWD/dist
[ -x "$bin" ] || { echo "deploy-check: no server at $bin (cargo build -p infoshos-server)" >&2; exit 1; }
[ -f "$dist/index.html" ] || { echo "deploy-check: no dist/ (make spa)" >&2; exit 1; }
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "deploy-check: no nginx (scripts/install-tools.sh installs it)" >&2; exit 1; }

work=$(mktemp -d /tmp/infoshos-deploy.XXXXXX)
pids=()
finish() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  sleep 0.2
  rm -rf "$work"
}
trap finish EXIT

failures=0
check() { # check "what" command…
  local what=$1; shift
  if "$@"; then echo "  ok   $what"; else echo "  FAIL $what"; failures=$((failures + 1)); fi
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

psql "$INFOSHOS_TEST_POSTGRES" -qc "CREATE DATABASE deploy_check"
db=${INFOSHOS_TEST_POSTGRES%/*}/deploy_check
read -r p0 p1 http https < <(echo "$(free_port) $(free_port) $(free_port) $(free_port)")
site="https://localhost:$https"

start_replica() { # start_replica port
  INFOSHOS_ADDR=127.0.0.1:$1 INFOSHOS_DATABASE_URL=$db INFOSHOS_DIST=$dist \
    INFOSHOS_TLS=true INFOSHOS_TRUSTED_PROXIES=127.0.0.1 INFOSHOS_PUBLIC_URL=$site \
    INFOSHOS_RATES_URL=file:///nonexistent/rates.xml \
    INFOSHOS_RATES_HISTORY_URL='file:///nonexistent/{id}.xml' INFOSHOS_MODERATION=post INFOSHOS_NO_DEMO_PHOTOS=true RUST_LOG=warn \
    "$bin" >>"$work/replica-$1.log" 2>&1 &
  pids+=($!)
}
start_replica "$p0"
start_replica "$p1"
for port in "$p0" "$p1"; do
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.2; done
done

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
  -addext subjectAltName=DNS:localhost -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
sed -e "s#127.0.0.1:8080#127.0.0.1:$p0#; s#127.0.0.1:8081#127.0.0.1:$p1#" \
    -e "s#listen 80;#listen 127.0.0.1:$http;#; s#listen 443 ssl http2;#listen 127.0.0.1:$https ssl http2;#" \
    -e "/listen \[::\]/d; s#server_name infoshos.example;#server_name localhost;#" \
    -e "s#/etc/letsencrypt/live/infoshos.example/fullchain.pem#$work/cert.pem#" \
    -e "s#/etc/letsencrypt/live/infoshos.example/privkey.pem#$work/key.pem#" \
    deploy/nginx/infoshos.conf >"$work/site.conf"
mkdir -p "$work/tmp"
cat >"$work/nginx.conf" <<CONF
$( [ "$(id -u)" -eq 0 ] && echo "user root;" )
pid $work/nginx.pid;
error_log $work/error.log warn;
events {}
http {
    access_log off;
    client_body_temp_path $work/tmp/body;
    proxy_temp_path $work/tmp/proxy;
    fastcgi_temp_path $work/tmp/fastcgi;
    uwsgi_temp_path $work/tmp/uwsgi;
    scgi_temp_path $work/tmp/scgi;
    include $work/site.conf;
}
CONF
"$nginx" -t -q -c "$work/nginx.conf" -p "$work"
"$nginx" -c "$work/nginx.conf" -p "$work"

c() { curl -s --cacert "$work/cert.pem" "$@"; }
header() { tr -d '\r' | awk -v h="$1" 'tolower($1) == tolower(h) ":" { $1 = ""; sub(/^ /, ""); print }'; }

echo "deploy-check: nginx $("$nginx" -v 2>&1 | sed 's/.*\///') on :$https in front of :$p0 and :$p1 (PostgreSQL)"
redirect=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H 'Host: localhost' "http://127.0.0.1:$http/en/")
check "plain HTTP is sent to HTTPS ($redirect)" test "$redirect" = "301 https://localhost/en/"
check "the front page over HTTP/2 and TLS" test "$(c -o /dev/null -w '%{http_code} %{http_version}' "$site/en/")" = "200 2"
check "Strict-Transport-Security from the server" test -n "$(c -D - -o /dev/null "$site/en/" | header strict-transport-security)"

wasm=$(cd "$dist" && ls infoshos-*_bg.wasm | head -1)
asset_headers=$(c -D - -o "$work/wasm.br" -H 'Accept-Encoding: br' "$site/$wasm")
check "a hashed file keeps its year-long immutable caching" \
  grep -q "immutable" <<<"$(header cache-control <<<"$asset_headers")"
check "and arrives as the brotli bytes make spa wrote, not compressed again" \
  cmp -s "$work/wasm.br" "$dist/$wasm.br"

# Sign-in attempts, each with an address of the client's choosing: the pace still counts them
# as one client (nginx replaces the header), so the sixth wrong attempt waits.
statuses=""
for n in 1 2 3 4 5 6 7; do
  statuses+="$(c -o /dev/null -w '%{http_code} ' -H "X-Forwarded-For: 198.51.100.$n" \
    -H 'Content-Type: application/json' --data '{"username":"nobody","password":"not-the-password"}' "$site/api/admin/login")"
done
check "a client's own X-Forwarded-For buys no fresh allowance ($statuses)" grep -q 429 <<<"$statuses"

slug=laos-becomes-partner
token=$(c "$site/api/articles/$slug" | python3 -c 'import json,sys; print(json.load(sys.stdin)["formToken"])')
sleep 2.1 # a form token is good from 2 s after issue
posted=$(c -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  --data "{\"name\":\"Proxy reader\",\"text\":\"Sent through nginx.\",\"token\":\"$token\"}" \
  "$site/api/articles/$slug/comments")
check "a comment posted through the proxy is stored ($posted)" test "$posted" = 201
listed=0
for _ in 1 2 3 4; do # round robin: each replica answers in turn
  c "$site/api/articles/$slug/comments" | grep -q "Sent through nginx." && listed=$((listed + 1))
done
check "and listed by whichever replica answers ($listed of 4)" test "$listed" = 4

kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
pages=""
for _ in 1 2 3 4; do pages+="$(c -o /dev/null -w '%{http_code} ' "$site/en/")"; done
check "with one replica killed, readers still get pages ($pages)" test "$pages" = "200 200 200 200 "

if [ "$failures" -gt 0 ]; then
  echo "deploy-check: $failures failed; nginx said:" >&2
  cat "$work/error.log" >&2
  exit 1
fi
echo "deploy-check: passed"
