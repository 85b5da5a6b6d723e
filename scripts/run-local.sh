#!/usr/bin/env bash
# Runs the pipeline locally: the Functions app's own classes in the WebJobs SDK host (real queue
# listener, poison queue and timer) against Azurite. Stays in the foreground until Ctrl+C, then stops
# the Azurite it started. Settings: local.settings.json (made from local.settings.sample.json).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/lib/azurite.sh

trap azurite_stop EXIT

azurite_install "$root"

if [ ! -f local.settings.json ]; then
  cp local.settings.sample.json local.settings.json
  echo "Created local.settings.json from local.settings.sample.json."
fi

if port_in_use 10000 && port_in_use 10001 && port_in_use 10002; then
  echo "Using the storage emulator already listening on 127.0.0.1:10000-10002."
elif port_in_use 10000 || port_in_use 10001 || port_in_use 10002; then
  echo "Some of ports 10000-10002 are in use, but not all: stop whatever holds them, or start Azurite on all three." >&2
  exit 1
else
  mkdir -p .azurite
  azurite_start "$root" 10000 10001 10002 .azurite/azurite.log --location .azurite
  echo "Azurite started on 127.0.0.1:10000 (blob), 10001 (queue), 10002 (table); data in .azurite/, log in .azurite/azurite.log."
fi

dotnet build src/ComplianceReports.LocalHost --nologo --verbosity quiet -consoleLoggerParameters:ErrorsOnly

# The host runs as a child so that on Ctrl+C it stops first (releasing its queue messages and timer
# lock) and Azurite after it.
dotnet src/ComplianceReports.LocalHost/bin/Debug/net10.0/ComplianceReports.LocalHost.dll "$root" &
host_pid=$!
trap 'kill -TERM "$host_pid" 2>/dev/null || true' INT TERM
status=0
while kill -0 "$host_pid" 2>/dev/null; do
  wait "$host_pid" || status=$?
done
exit "$status"
