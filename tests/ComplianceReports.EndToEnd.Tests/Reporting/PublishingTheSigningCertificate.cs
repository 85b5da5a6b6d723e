using System.Net;
using System.Security.Cryptography.X509Certificates;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Signing;
using ComplianceReports.Storage.Reports;
using ComplianceReports.Testing;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>The certificate an auditor pins: what signed the reports is what HTTP and the CLI hand out.</summary>
[Collection(LocalFunctionsHostCollection.Name)]
public sealed class PublishingTheSigningCertificate(LocalFunctionsHostFixture host) : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("compliance-signing-certificate-");
    private readonly HttpClient http = new() { BaseAddress = host.HttpBaseAddress };

    private PipelineClient Pipeline => new(host.Storage);

    public void Dispose()
    {
        http.Dispose();
        work.Delete(recursive: true);
    }

    [Fact]
    public async Task The_http_route_and_the_cli_give_the_certificate_that_signed_a_generated_report()
    {
        await Pipeline.SendEnvelopeAsync("signer-1", [PrivXSample.Item(100, new DateTimeOffset(2020, 7, 6, 9, 0, 0, TimeSpan.Zero))]);
        var manifest = await Pipeline.GenerateAsync(new Month(2020, 7));
        var signature = PdfSignatureCheck.Check(await Pipeline.ReadAsync(manifest, ReportFileNames.Pdf));

        // No key and no sign-in: the route is anonymous in Azure, and the local host checks no key anyway.
        using var response = await http.GetAsync("api/signing-certificate");
        var pemPath = Path.Combine(work.FullName, "signer.pem");
        var derPath = Path.Combine(work.FullName, "signer.cer");
        var exportPem = await CommandLine.RunAsync(host.ConnectionString, work.FullName, "signing-certificate", "--out", pemPath);
        var exportDer = await CommandLine.RunAsync(host.ConnectionString, work.FullName, "signing-certificate", "--out", derPath);

        Assert.True(signature.IsIntact, signature.Message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-pem-file", response.Content.Headers.ContentType?.MediaType);
        var served = await response.Content.ReadAsStringAsync();
        using var overHttp = X509Certificate2.CreateFromPem(served);
        Assert.Equal(signature.Signer!.RawData, overHttp.RawData);
        Assert.Equal((0, 0), (exportPem.ExitCode, exportDer.ExitCode));
        Assert.Equal(served, await File.ReadAllTextAsync(pemPath));
        Assert.Equal(signature.Signer.RawData, await File.ReadAllBytesAsync(derPath));
        Assert.Contains($"SHA-256 thumbprint {SignerTrust.Thumbprint(signature.Signer)}", exportPem.Output, StringComparison.Ordinal);
        Assert.EndsWith($"to {pemPath} as PEM", exportPem.Output, StringComparison.Ordinal);
        using var trusted = SigningCertificates.LoadTrusted(pemPath);
        Assert.True(new SignerTrust([trusted]).Judge(signature.Signer).IsTrusted);
    }

    [Fact]
    public async Task Before_the_first_report_the_cli_says_no_certificate_is_published_yet()
    {
        using var untouched = AzuriteAccount.Lease();

        var result = await CommandLine.RunAsync(untouched.ConnectionString, work.FullName, "signing-certificate", "--out", Path.Combine(work.FullName, "signer.pem"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("compliance: no signing certificate is published yet: the functions publish it when they sign their first report", result.Error);
        Assert.False(File.Exists(Path.Combine(work.FullName, "signer.pem")));
    }

    [Fact]
    public async Task An_export_file_whose_extension_names_no_encoding_is_refused_in_one_line()
    {
        await Pipeline.SendEnvelopeAsync("signer-2", [PrivXSample.Item(100, new DateTimeOffset(2020, 8, 3, 9, 0, 0, TimeSpan.Zero))]);
        await Pipeline.GenerateAsync(new Month(2020, 8));
        var path = Path.Combine(work.FullName, "signer.pfx");

        var result = await CommandLine.RunAsync(host.ConnectionString, work.FullName, "signing-certificate", "--out", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"compliance: Cannot tell which encoding {path} wants: name the file .pem or .crt for PEM, .cer or .der for DER.", result.Error);
    }
}
