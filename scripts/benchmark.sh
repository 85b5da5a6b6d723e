#!/usr/bin/env bash
# Runs the benchmark of BENCHMARKS.md: publishes the local functions host and the CLI (Release,
# precompiled, as deployed) to artifacts/benchmark, builds the driver, which starts its own Azurite for
# each group of scenarios, the host and the CLI as child processes, and writes
# benchmarks/results.json. Usage: scripts/benchmark.sh [--size smoke|full] [--runs N] [--only NAME...] [--out FILE]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/lib/azurite.sh

azurite_install "$root"
echo "Publishing the host and the CLI, building the driver (Release)..."
for project in ComplianceReports.LocalHost ComplianceReports.Cli; do
  dotnet publish "src/$project" -c Release -o "artifacts/benchmark/$project" --nologo --verbosity quiet -consoleLoggerParameters:ErrorsOnly
done
dotnet build benchmarks/ComplianceReports.Benchmarks -c Release --nologo --verbosity quiet -consoleLoggerParameters:ErrorsOnly
exec dotnet benchmarks/ComplianceReports.Benchmarks/bin/Release/net10.0/ComplianceReports.Benchmarks.dll "$@"
