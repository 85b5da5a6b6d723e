#!/usr/bin/env bash
# Runs every test project of ComplianceReports.sln against a throwaway Azurite on free ports and
# ends with the line "tests: N passed, N failed", summed over all projects.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/lib/azurite.sh
source scripts/lib/bicep.sh

work="$(mktemp -d)"
cleanup() { azurite_stop; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# The Bicep templates in infra/: built and linted first, so their line shows beside the tests.
infra_status=0
bicep_check "$root" || infra_status=1

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
