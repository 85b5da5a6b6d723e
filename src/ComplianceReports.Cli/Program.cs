using System.CommandLine;
using Azure;
using ComplianceReports.Cli;
using ComplianceReports.Cli.Commands;
using ComplianceReports.Storage.Connection;

var connection = new Option<string?>("--connection")
{
    Description = "Storage connection string (default: $AzureWebJobsStorage, then local.settings.json, then Azurite)",
    Recursive = true,
};
StorageClientFactory Storage(ParseResult parse) => CliConnection.CreateClients(parse.GetValue(connection), Environment.CurrentDirectory);

var root = new RootCommand("compliance: PrivX audit events in, monthly compliance reports out")
{
    Options = { connection },
    Subcommands = { SendCommand.Create(Storage), ReportCommands.Create(Storage), VerifyCommand.Create(Storage), CatalogCommand.Create(), SimulateCommand.Create(Storage), StatusCommand.Create(Storage), PoisonCommands.Create(Storage), SigningCertificateCommand.Create(Storage), CollectCommand.Create(Storage) },
};

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (CliException e)
{
    Terminal.WriteError(e.Message);
    return 1;
}
catch (Exception e) when (UnreachableStorage.Describe(e) is { } unreachable)
{
    Terminal.WriteError($"{unreachable}: is Azurite running (scripts/run-local.sh), and is the connection right?");
    return 1;
}
catch (RequestFailedException e)
{
    Terminal.WriteError($"storage refused the request ({e.Status} {e.ErrorCode}): {e.Message.Split('\n')[0]}");
    return 1;
}
