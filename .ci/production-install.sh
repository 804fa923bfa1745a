#!/usr/bin/env bash
# CI: the production install an operator makes. Copies this clone without node_modules or dist,
# installs it with `npm ci --omit=dev`, starts it with the README's `npm start` in production mode
# against the Discord emulator and the Percify simulator (run from this clone's development install),
# and fails unless it connects, answers /readyz and starts a second time without rebuilding. Prints the
# start-up time and the resident memory of the production process.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d)
pids=()
bot_node=""
bot_pid=""
cleanup() {
  for pid in "${pids[@]}" $bot_node $bot_pid; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
wait_for() { # file pattern seconds
  for _ in $(seq 1 $(($3 * 10))); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "timed out waiting for '$2' in $1:" >&2
  cat "$1" >&2
  return 1
}

echo "--- copying the tracked files to $work/bot"
mkdir -p "$work/bot"
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$work/bot"

echo "--- npm ci --omit=dev"
# sqlite3 straight from source: its prebuilt download cannot succeed offline and waits for minutes first.
(cd "$work/bot" && npm_config_build_from_source=true npm ci --omit=dev --no-audit --no-fund)
for dev_only in typescript tsx vitest pino-pretty; do
  if [ -e "$work/bot/node_modules/$dev_only" ]; then
    echo "$dev_only was installed by a production install" >&2
    exit 1
  fi
done

discord_port=$(free_port)
percify_port=$(free_port)
metrics_port=$(free_port)
# One node process each (tsx as a loader, not its launcher), so stopping them is one kill.
tsx_loader="file://$repo/node_modules/tsx/dist/loader.mjs"
SANDBOX_DISCORD_PORT=$discord_port SANDBOX_DISCORD_TOKEN=ci-bot-token LOG_LEVEL=warn \
  node --import "$tsx_loader" sandbox/discord/main.ts >"$work/emulator.log" 2>&1 &
pids+=($!)
PERCIFY_SIM_PORT=$percify_port PERCIFY_SIM_SPEED=50 LOG_LEVEL=warn \
  node --import "$tsx_loader" sandbox/percify/main.ts >"$work/simulator.log" 2>&1 &
pids+=($!)
wait_for "$work/emulator.log" "listening" 60
wait_for "$work/simulator.log" "listening\|127.0.0.1:$percify_port" 60

start_bot() { # log file
  (
    cd "$work/bot"
    export DISCORD_TOKEN=ci-bot-token DISCORD_API_URL="http://127.0.0.1:$discord_port/api" \
      PERCIFY_API_KEY=ci-key PERCIFY_API_URL="http://127.0.0.1:$percify_port/v1" \
      WEBHOOKS_DISABLED=true DATABASE_URL="sqlite://$work/bot.sqlite" \
      METRICS_HOST=127.0.0.1 METRICS_PORT=$metrics_port LOG_LEVEL=info
    exec npm start
  ) >"$1" 2>&1 &
  bot_pid=$!
}

# The node process npm started: the one running dist/src/index.js in the copy.
bot_node_pid() {
  local pid
  for pid in $(pgrep -f "dist/src/index.js" || true); do
    # `node [flags] dist/src/index.js`, as package.json's start script runs it.
    if [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" =~ ^node\ (--[^ ]+\ )*dist/src/index\.js\ $ ]] &&
      [ "$(readlink "/proc/$pid/cwd")" = "$work/bot" ]; then
      echo "$pid"
      return 0
    fi
  done
  return 1
}

run_once() { # label log
  local started ended pid rss
  started=$(date +%s%N)
  start_bot "$2"
  wait_for "$2" "connected to Discord" 120
  ended=$(date +%s%N)
  for _ in $(seq 1 50); do
    curl -fsS "http://127.0.0.1:$metrics_port/readyz" >/dev/null 2>&1 && break
    sleep 0.1
  done
  curl -fsS "http://127.0.0.1:$metrics_port/readyz" || { echo "/readyz did not answer 200" >&2; cat "$2" >&2; exit 1; }
  echo
  pid=$(bot_node_pid) || { echo "the bot's node process was not found" >&2; exit 1; }
  bot_node=$pid
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  echo "$1: connected after $(((ended - started) / 1000000)) ms; RSS $((rss / 1024)) MB, peak $((hwm / 1024)) MB"
  kill -TERM "$pid"
  wait "$bot_pid" || true
  bot_node=""
  bot_pid=""
}

echo "--- first npm start (builds dist/)"
run_once "first start" "$work/bot-1.log"
grep -q "built dist/" "$work/bot-1.log" || { echo "the first start did not build" >&2; exit 1; }
echo "--- second npm start (dist/ is current)"
run_once "second start" "$work/bot-2.log"
if grep -q "built dist/" "$work/bot-2.log"; then
  echo "the second start rebuilt an up-to-date dist/" >&2
  exit 1
fi
echo "production install: ok"
