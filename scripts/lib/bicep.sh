# Checks the Bicep templates in infra/ with the Bicep CLI from NuGet: the native binary in
# Azure.Bicep.CommandLine.linux-x64, pinned and restored by infra/tools/BicepCli.csproj (that project
# is not in ComplianceReports.sln, so `dotnet test` never builds it). Source this file, then:
#
#   bicep_check ROOT   builds and lints every .bicep and .bicepparam under ROOT/infra and prints
#                      "infra: N templates built and linted, W warnings" (N counts both kinds of file);
#                      any error or warning is printed above that line and makes it return 1.
#                      It leaves the CLI's path in BICEP_CLI, for tests that compile the templates.

# Prints the path of the restored bicep binary; restores it first.
bicep_cli() {
  local root="$1"
  local project="$root/infra/tools/BicepCli.csproj"
  local log packages version
  log="$(mktemp)"
  if ! dotnet restore "$project" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "restoring the Bicep CLI ($project) failed" >&2
    return 1
  fi
  rm -f "$log"
  packages="$(dotnet msbuild "$project" -nologo -getProperty:NuGetPackageRoot)" || return 1
  version="$(dotnet msbuild "$project" -nologo -getProperty:BicepCliVersion)" || return 1
  local cli="${packages%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
  if [ ! -f "$cli" ]; then
    echo "no Bicep CLI at $cli after restoring $project" >&2
    return 1
  fi
  # NuGet extracts files without their mode bits on some machines.
  [ -x "$cli" ] || chmod +x "$cli"
  echo "$cli"
}

bicep_check() {
  local root="$1"
  local infra="$root/infra"
  local cli
  cli="$(bicep_cli "$root")" || { echo "infra: Bicep CLI unavailable, nothing checked"; return 1; }
  BICEP_CLI="$cli"

  local count
  count=$(find "$infra" -path "$infra/tools" -prune -o \( -name '*.bicep' -o -name '*.bicepparam' \) -print | wc -l)
  if [ "$count" -eq 0 ]; then
    echo "infra: no templates found"
    return 1
  fi

  local work status=0
  work="$(mktemp -d)"
  # Parameter files read what azd keeps in its environment; the required ones get stand-ins here,
  # as azd would supply them, so the files build as they would on `azd provision`.
  (
    cd "$infra" || exit 1
    export AZURE_ENV_NAME="${AZURE_ENV_NAME:-ci}"
    export AZURE_LOCATION="${AZURE_LOCATION:-swedencentral}"
    export REPORT_ORGANISATION="${REPORT_ORGANISATION:-Example Organisation}"
    failed=0
    "$cli" build --pattern '**/*.bicep' --outdir "$work/templates" || failed=1
    "$cli" lint --pattern '**/*.bicep' || failed=1
    "$cli" build-params --pattern '**/*.bicepparam' --outdir "$work/parameters" || failed=1
    "$cli" lint --pattern '**/*.bicepparam' || failed=1
    exit "$failed"
  ) >"$work/output" 2>&1 || status=1

  # Build and lint report the same diagnostic twice, and a shared parameter file once per file
  # extending it: count each once.
  local diagnostics warnings errors
  diagnostics="$(grep -E ' : (Warning|Error) ' "$work/output" | sort -u || true)"
  warnings=$(grep -c ' : Warning ' <<<"$diagnostics" || true)
  errors=$(grep -c ' : Error ' <<<"$diagnostics" || true)
  if [ "$status" -ne 0 ] || [ "$warnings" -ne 0 ] || [ "$errors" -ne 0 ]; then
    if [ -n "$diagnostics" ]; then
      echo "$diagnostics"
    else
      cat "$work/output"
    fi
    status=1
  fi
  rm -rf "$work"

  if [ "$errors" -ne 0 ]; then
    echo "infra: $count templates built and linted, $warnings warnings, $errors errors"
  else
    echo "infra: $count templates built and linted, $warnings warnings"
  fi
  return "$status"
}
