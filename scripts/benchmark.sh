#!/usr/bin/env bash
# Runs the benchmark of BENCHMARKS.md: builds Release, then the driver starts its own Azurite for each
# group of scenarios, the local functions host and the CLI as child processes, and writes
# benchmarks/results.json. Usage: scripts/benchmark.sh [--size smoke|full] [--runs N] [--only NAME...] [--out FILE]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/lib/azurite.sh

azurite_install "$root"
echo "Building Release..."
for project in src/ComplianceReports.LocalHost benchmarks/ComplianceReports.Benchmarks; do
  dotnet build "$project" -c Release --nologo --verbosity quiet -consoleLoggerParameters:ErrorsOnly
done
exec dotnet benchmarks/ComplianceReports.Benchmarks/bin/Release/net10.0/ComplianceReports.Benchmarks.dll "$@"
