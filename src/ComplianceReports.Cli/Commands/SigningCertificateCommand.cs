using System.CommandLine;
using System.Globalization;
using ComplianceReports.Signing;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Signing;

namespace ComplianceReports.Cli.Commands;

/// <summary>Exports the certificate the functions sign reports with, for <c>verify --trust</c> wherever the reports go.</summary>
public static class SigningCertificateCommand
{
    public static Command Create(Func<ParseResult, StorageClientFactory> storage)
    {
        var output = new Option<string>("--out")
        {
            Description = "The file to write: PEM for .pem or .crt, DER for .cer or .der",
            Required = true,
        };
        var command = new Command("signing-certificate", "Export the current report-signing certificate (public part only)") { output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(output)!;
            var current = await new SigningCertificateStore(storage(parse), TimeProvider.System).GetCurrentAsync(cancellationToken)
                ?? throw new CliException("no signing certificate is published yet: the functions publish it when they sign their first report");
            string encoding;
            try
            {
                encoding = SigningCertificates.ExportPublic(current.Certificate, path);
            }
            catch (SigningCertificateException e)
            {
                throw new CliException(e.Message);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote the signing certificate {current.Certificate.Subject} (SHA-256 thumbprint {current.Thumbprint}, current since {current.CurrentSince:yyyy-MM-dd HH:mm:ss} UTC) to {Path.GetFullPath(path)} as {encoding}"));
            return 0;
        });
        return command;
    }
}
