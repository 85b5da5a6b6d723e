# Azurite helpers, sourced by run-local.sh and test.sh. Azurite is pinned in package.json.
# It is started as its own node process (not through npx, whose PID is npm's), on 127.0.0.1,
# with --skipApiVersionCheck (the Azure SDKs speak a newer API version than Azurite knows) and
# --disableTelemetry (without it Azurite hangs on SIGTERM).

# Azurite's well-known development key: public, and only ever used against the emulator.
AZURITE_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFEsA/EJ7AxEP/7klpqw=="

azurite_install() {
  local root="$1"
  if [ "$(node -p "try{require('$root/node_modules/azurite/package.json').version}catch(e){''}" 2>/dev/null)" \
       != "$(node -p "require('$root/package.json').devDependencies.azurite")" ]; then
    echo "Installing Azurite (npm ci)..."
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints a port in 20000-59999 that nothing listens on.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" || { echo "$port"; return; }
  done
}

# azurite_start ROOT BLOB_PORT QUEUE_PORT TABLE_PORT LOG [extra azurite options...]
# Sets AZURITE_PID; returns non-zero if Azurite does not listen within 60 s.
azurite_start() {
  local root="$1" blob="$2" queue="$3" table="$4" log="$5"
  shift 5
  # A session of its own keeps Ctrl+C in the terminal from stopping Azurite before the host that uses it.
  setsid node "$root/node_modules/azurite/dist/src/azurite.js" \
    --blobHost 127.0.0.1 --blobPort "$blob" \
    --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" \
    --skipApiVersionCheck --disableTelemetry "$@" >"$log" 2>&1 &
  AZURITE_PID=$!
  local waited=0
  until port_in_use "$blob" && port_in_use "$queue" && port_in_use "$table"; do
    if ! kill -0 "$AZURITE_PID" 2>/dev/null || [ "$waited" -ge 600 ]; then
      echo "Azurite did not start; its log ($log):" >&2
      tail -n 20 "$log" >&2
      return 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
}

azurite_stop() {
  if [ -n "${AZURITE_PID:-}" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    kill "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
  AZURITE_PID=
}

# azurite_connection_string ACCOUNT BLOB_PORT QUEUE_PORT TABLE_PORT
azurite_connection_string() {
  local account="$1"
  echo "DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$AZURITE_KEY;BlobEndpoint=http://127.0.0.1:$2/$account;QueueEndpoint=http://127.0.0.1:$3/$account;TableEndpoint=http://127.0.0.1:$4/$account;"
}
