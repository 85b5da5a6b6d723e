using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ComplianceReports.Storage.Signing;
using Microsoft.Extensions.Time.Testing;

namespace ComplianceReports.Storage.Tests;

/// <summary>The published signing certificates on Azurite. The tests share one account and run one after another, so each asserts what its own publications did.</summary>
public sealed class PublishingSigningCertificates(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);

    private SigningCertificateStore Store(DateTimeOffset now) => new(storage.Clients, new FakeTimeProvider(now));

    [Fact]
    public async Task A_published_certificate_is_current_from_its_publication_and_only_its_public_part_is_stored()
    {
        using var certificate = WithPrivateKey("CN=Signer A");

        var published = await Store(Now).PublishAsync(certificate, default);
        var current = await Store(Now).GetCurrentAsync(default);

        Assert.Equal(Thumbprint(certificate), published.Thumbprint);
        Assert.Equal((Now, Now), (published.PublishedAt, published.CurrentSince));
        Assert.NotNull(current);
        Assert.Equal(certificate.RawData, current.Certificate.RawData);
        Assert.False(current.Certificate.HasPrivateKey);
        var blob = await Container().GetBlobClient($"{published.Thumbprint}.cer").DownloadContentAsync();
        Assert.Equal(certificate.RawData, blob.Value.Content.ToArray());
    }

    [Fact]
    public async Task Publishing_the_current_certificate_again_changes_no_byte_and_keeps_its_time()
    {
        using var certificate = WithPrivateKey("CN=Signer B");
        var first = await Store(Now).PublishAsync(certificate, default);
        var before = await ETags();

        var again = await Store(Now.AddDays(3)).PublishAsync(certificate, default);

        Assert.Equal(before, await ETags());
        Assert.Equal((first.PublishedAt, first.CurrentSince), (again.PublishedAt, again.CurrentSince));
    }

    [Fact]
    public async Task A_new_certificate_becomes_current_and_the_past_one_stays_listed()
    {
        using var old = WithPrivateKey("CN=Signer C old");
        using var renewed = WithPrivateKey("CN=Signer C renewed");
        await Store(Now.AddDays(10)).PublishAsync(old, default);

        await Store(Now.AddDays(20)).PublishAsync(renewed, default);

        var current = await Store(Now).GetCurrentAsync(default);
        Assert.Equal((Thumbprint(renewed), Now.AddDays(20)), (current!.Thumbprint, current.CurrentSince));
        var listed = await Store(Now).ListAsync(default);
        var pastOne = Assert.Single(listed, published => published.Thumbprint == Thumbprint(old));
        Assert.False(pastOne.IsCurrent);
        Assert.Equal(Now.AddDays(10), pastOne.PublishedAt);
        Assert.Single(listed, published => published.IsCurrent);
        Assert.Equal(listed.OrderBy(published => published.PublishedAt).Select(published => published.Thumbprint), listed.Select(published => published.Thumbprint));
    }

    [Fact]
    public async Task A_certificate_blob_is_never_overwritten()
    {
        using var certificate = WithPrivateKey("CN=Signer D");
        var published = await Store(Now).PublishAsync(certificate, default);

        var overwrite = await Assert.ThrowsAsync<RequestFailedException>(() => Container().GetBlobClient($"{published.Thumbprint}.cer").UploadAsync(
            new BinaryData([1, 2, 3]), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }));
        await Store(Now).PublishAsync(certificate, default);

        Assert.Equal(409, overwrite.Status);
        var blob = await Container().GetBlobClient($"{published.Thumbprint}.cer").DownloadContentAsync();
        Assert.Equal(certificate.RawData, blob.Value.Content.ToArray());
    }

    [Fact]
    public async Task Hosts_racing_to_publish_leave_one_current_certificate_among_theirs()
    {
        var certificates = Enumerable.Range(0, 4).Select(i => WithPrivateKey($"CN=Racer {i}")).ToList();

        await Task.WhenAll(certificates.Select(certificate => Store(Now.AddDays(30)).PublishAsync(certificate, default)));

        var current = await Store(Now).GetCurrentAsync(default);
        Assert.Contains(current!.Thumbprint, certificates.Select(Thumbprint));
        var listed = (await Store(Now).ListAsync(default)).Select(published => published.Thumbprint).ToList();
        Assert.All(certificates, certificate => Assert.Contains(Thumbprint(certificate), listed));
        certificates.ForEach(certificate => certificate.Dispose());
    }

    private BlobContainerClient Container() => storage.Clients.CreateBlobContainerClient(SigningCertificateStore.ContainerName);

    private async Task<List<(string, ETag)>> ETags()
    {
        var etags = new List<(string, ETag)>();
        await foreach (var blob in Container().GetBlobsAsync())
        {
            etags.Add((blob.Name, blob.Properties.ETag!.Value));
        }
        return etags;
    }

    internal static X509Certificate2 WithPrivateKey(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new CertificateRequest(subject, key, HashAlgorithmName.SHA256).CreateSelfSigned(Now.AddDays(-1), Now.AddYears(1));
    }

    private static string Thumbprint(X509Certificate2 certificate) => Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));
}

/// <summary>An account of its own, where the pipeline has signed nothing yet.</summary>
public sealed class BeforeAnyCertificateIsPublished(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    [Fact]
    public async Task There_is_no_current_certificate_and_none_is_listed()
    {
        var store = new SigningCertificateStore(storage.Clients, TimeProvider.System);

        Assert.Null(await store.GetCurrentAsync(default));
        Assert.Empty(await store.ListAsync(default));
    }
}
