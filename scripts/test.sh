#!/usr/bin/env bash
# Runs every test project of ComplianceReports.sln against a throwaway Azurite on free ports and
# ends with the line "tests: N passed, N failed", summed over all projects.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/lib/azurite.sh
source scripts/lib/bicep.sh

# pdfsig (poppler-utils) checks report signatures the way a PDF reader does; python3 runs the
# auditor's evidence script. Installed where this can (root with apt), else named before anything runs.
need_packages=()
command -v pdfsig >/dev/null 2>&1 || need_packages+=(poppler-utils)
command -v python3 >/dev/null 2>&1 || need_packages+=(python3)
if [ "${#need_packages[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${need_packages[*]} for the tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/dev/null
  else
    echo "scripts/test.sh needs ${need_packages[*]}: install it (e.g. sudo apt-get install ${need_packages[*]}) and run again" >&2
    exit 1
  fi
fi

work="$(mktemp -d)"
cleanup() { azurite_stop; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# The Bicep templates in infra/: built and linted first, so their line shows beside the tests.
infra_status=0
bicep_check "$root" || infra_status=1
# The infra tests compile the templates with the same CLI and assert their security properties.
export COMPLIANCE_BICEP_CLI="${BICEP_CLI:-}"

azurite_install "$root"

# Each test fixture leases an account of its own, so fixtures running in parallel never share a
# queue, table or container, while the names stay the constants the product uses.
account_count=64
accounts=()
for i in $(seq -w 1 "$account_count"); do accounts+=("test$i:$AZURITE_KEY"); done
export AZURITE_ACCOUNTS="$(IFS=';'; echo "${accounts[*]}")"

blob_port=$(free_port); queue_port=$(free_port); table_port=$(free_port)
azurite_start "$root" "$blob_port" "$queue_port" "$table_port" "$work/azurite.log" --inMemoryPersistence
unset AZURITE_ACCOUNTS
echo "Azurite for the tests: blob $blob_port, queue $queue_port, table $table_port (pid $AZURITE_PID)"

export COMPLIANCE_TEST_STORAGE_TEMPLATE="$(azurite_connection_string '{account}' "$blob_port" "$queue_port" "$table_port")"
export COMPLIANCE_TEST_ACCOUNT_COUNT="$account_count"
export COMPLIANCE_TEST_ACCOUNT_LOCKS="$work/account-locks"
mkdir -p "$COMPLIANCE_TEST_ACCOUNT_LOCKS"

status=0
dotnet test ComplianceReports.sln --logger trx --results-directory "$work/results" "$@" || status=$?

passed=0; failed=0
for trx in "$work"/results/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  passed=$((passed + $(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")))
  failed=$((failed + $(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")))
done
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "No test ran." >&2
  status=1
fi
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] || status=1
[ "$infra_status" -eq 0 ] || status=1
exit "$status"
