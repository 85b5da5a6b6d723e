using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ComplianceReports.PrivX;

/// <summary>
/// The HTTP stack every PrivX request goes through: retries with back-off (honouring Retry-After)
/// and a time-out per attempt around a socket handler that trusts the configured CA, if any.
/// </summary>
internal static class PrivXHttp
{
    public static HttpClient CreateClient(PrivXConnection connection, TimeProvider clock)
    {
        var sockets = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (connection.CaCertificatePath is { } caPath)
        {
            var roots = LoadCertificates(caPath);
            sockets.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustedByRoots(certificate, errors, roots);
        }
        var resilience = new ResilienceHandler(Pipeline(connection.Retries, clock)) { InnerHandler = sockets };
        return new HttpClient(resilience)
        {
            // The resilience pipeline times each attempt; the client's own time-out would cut the retries short.
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestHeaders = { Accept = { new MediaTypeWithQualityHeaderValue("application/json") } },
        };
    }

    /// <summary>Whether an exception is TLS refusing the server: no retry helps, the operator must act.</summary>
    public static bool IsTlsFailure(Exception exception) => exception is HttpRequestException { InnerException: AuthenticationException };

    private static ResiliencePipeline<HttpResponseMessage> Pipeline(PrivXRetries retries, TimeProvider clock)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        if (retries.MaxRetries == 0)
        {
            return pipeline.AddTimeout(retries.AttemptTimeout).Build();
        }
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = retries.MaxRetries,
            Delay = retries.BaseDelay,
            MaxDelay = PrivXRetries.MaxDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldRetryAfterHeader = true,
        };
        var transient = retry.ShouldHandle;
        retry.ShouldHandle = arguments => arguments.Outcome.Exception is { } exception && IsTlsFailure(exception)
            ? PredicateResult.False()
            : transient(arguments);
        return pipeline
            .AddRetry(retry)
            .AddTimeout(retries.AttemptTimeout)
            .Build();
    }

    private static X509Certificate2Collection LoadCertificates(string path)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            var text = File.ReadAllText(path);
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                certificates.ImportFromPem(text);
            }
            else
            {
                certificates.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new PrivXException($"cannot read the PrivX CA certificate {path}: {e.Message}", e);
        }
        return certificates.Count > 0 ? certificates : throw new PrivXException($"the PrivX CA certificate file {path} holds no certificate");
    }

    /// <summary>PrivX often runs on an internal CA: its chain must end in one of the configured roots, and the name must match.</summary>
    private static bool TrustedByRoots(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = new X509Certificate2(certificate);
        return chain.Build(presented);
    }
}
