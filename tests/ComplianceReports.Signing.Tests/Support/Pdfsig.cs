using System.Diagnostics;

namespace ComplianceReports.Signing.Tests;

/// <summary>Poppler's <c>pdfsig</c>, a verifier that shares no code with ours, run on a PDF written to a temporary file.</summary>
internal static class Pdfsig
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static string Check(byte[] pdf)
    {
        var executable = Find()
            ?? throw new Xunit.Sdk.XunitException("pdfsig was not found on PATH; install poppler-utils (apt-get install poppler-utils) to check signatures with it.");
        using var directory = new TemporaryDirectory();
        var path = directory.File("signed.pdf");
        File.WriteAllBytes(path, pdf);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill();
            throw new Xunit.Sdk.XunitException($"pdfsig did not finish within {Timeout.TotalSeconds} s.");
        }
        return output.Result + error.Result;
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, OperatingSystem.IsWindows() ? "pdfsig.exe" : "pdfsig"))
            .FirstOrDefault(File.Exists);
}
