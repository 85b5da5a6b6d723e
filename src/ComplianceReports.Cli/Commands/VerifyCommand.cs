using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Domain.Verification;
using ComplianceReports.Signing;
using ComplianceReports.Storage.Connection;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Reports;
using ComplianceReports.Storage.Signing;

namespace ComplianceReports.Cli.Commands;

/// <summary>
/// What an auditor runs on a downloaded report. It trusts only what is signed: the claim inside the
/// PDF, signed by the deployment's certificate. The summary, the evidence file, the manifest and the
/// event store are each held to that claim; with <c>--offline</c> no storage is needed at all.
/// </summary>
public static class VerifyCommand
{
    private const int MaxListed = 100;

    public static Command Create(Func<ParseResult, StorageClientFactory> storage)
    {
        var target = new Argument<string>("DIR_OR_PDF")
        {
            Description = "A downloaded report version: its directory (report.pdf, summary.json, evidence.csv.gz), or its report.pdf",
        };
        var offline = new Option<bool>("--offline")
        {
            Description = "Check the signature, the signer and the files against the signed claim, without the event store (needs --trust)",
        };
        var trust = new Option<string?>("--trust")
        {
            Description = "The signing certificate to trust (PEM or DER, as 'compliance signing-certificate' exports it); online, the published ones by default",
        };
        var command = new Command("verify", "Check a report: its signature and signer, its files against the signed claim, and the event store against its evidence")
        {
            target, offline, trust,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = ReportFiles.Locate(parse.GetValue(target)!);
            var isOffline = parse.GetValue(offline);
            var clients = isOffline ? null : await CliConnection.RequirePipelineResourcesAsync(storage(parse), cancellationToken);
            var trusted = parse.GetValue(trust) is { } trustPath
                ? [SigningCertificates.LoadTrusted(trustPath)]
                : clients is null ? null
                : (await new SigningCertificateStore(clients, TimeProvider.System).ListAsync(cancellationToken)).Select(published => published.Certificate).ToList();
            var report = new Verification();
            var claim = await report.SignedClaimAsync(files, trusted, cancellationToken);
            if (claim is not null)
            {
                await report.FilesAsync(files, claim, cancellationToken);
                await report.ReviewsAsync(files, claim, trusted ?? [], cancellationToken);
                if (clients is not null)
                {
                    await report.StoreAsync(clients, files, claim, cancellationToken);
                }
            }
            return report.Failed ? 1 : 0;
        });
        return command;
    }

    /// <param name="Reviews">Where a download puts the version's signed reviews.</param>
    private sealed record ReportFiles(string Pdf, string Summary, string Evidence, string Reviews)
    {
        public static ReportFiles Locate(string target)
        {
            var directory = Directory.Exists(target) ? target : Path.GetDirectoryName(Path.GetFullPath(target))!;
            var files = new ReportFiles(
                Directory.Exists(target) ? Path.Combine(target, ReportFileNames.Pdf) : target,
                Path.Combine(directory, ReportFileNames.Summary),
                Path.Combine(directory, ReportFileNames.Evidence),
                Path.Combine(directory, ReportFileNames.ReviewsFolder));
            foreach (var path in new[] { files.Pdf, files.Summary, files.Evidence })
            {
                if (!File.Exists(path))
                {
                    throw new CliException($"no {Path.GetFileName(path)} at {path}: download the whole version with 'compliance report download'");
                }
            }
            return files;
        }
    }

    /// <summary>Prints one line per check and remembers whether any failed.</summary>
    private sealed class Verification
    {
        public bool Failed { get; private set; }

        private void Line(string check, string message, bool ok = true)
        {
            Console.WriteLine($"{check}: {message}");
            Failed |= !ok;
        }

        public async Task<ReportClaim?> SignedClaimAsync(ReportFiles files, IReadOnlyList<X509Certificate2>? trusted, CancellationToken cancellationToken)
        {
            var pdf = await File.ReadAllBytesAsync(files.Pdf, cancellationToken);
            var signature = PdfSignatureCheck.Check(pdf);
            Line("signature", signature.Message, signature.IsIntact);
            var signer = new SignerTrust(trusted ?? []).Judge(signature.Signer);
            Line("signer", signer.Message, signer.IsTrusted);
            if (!signature.IsIntact || !signer.IsTrusted)
            {
                return null;
            }
            byte[]? claimJson;
            try
            {
                claimJson = SignedClaim.Extract(pdf);
            }
            catch (ArgumentException error)
            {
                Line("claim", error.Message, ok: false);
                return null;
            }
            if (claimJson is null)
            {
                Line("claim", "the PDF carries no signed claim (claim.json): it is not a report of this pipeline, or one from before summary.json schema 2", ok: false);
                return null;
            }
            try
            {
                var claim = ReportClaim.FromUtf8Json(claimJson);
                Line("claim", $"{claim.Month} ({claim.TimeZone}), version {claim.Version}, {claim.EventCount:N0} events, evidence digest {claim.EventDigest}, generated {claim.GeneratedAt:yyyy-MM-dd HH:mm:ss} UTC");
                return claim;
            }
            catch (FormatException error)
            {
                Line("claim", error.Message, ok: false);
                return null;
            }
        }

        public async Task FilesAsync(ReportFiles files, ReportClaim claim, CancellationToken cancellationToken)
        {
            var summary = await Sha256Async(files.Summary, cancellationToken);
            Line("summary.json", summary == claim.SummarySha256
                ? "matches the signed claim"
                : $"DOES NOT MATCH the signed claim: its SHA-256 is {summary}, the claim signs {claim.SummarySha256}", summary == claim.SummarySha256);

            // One read of the file both hashes it and checks its rows: an evidence file may hold a million.
            using var sha256 = SHA256.Create();
            EvidenceCheckResult? result = null;
            string? unreadable = null;
            await using (var file = File.OpenRead(files.Evidence))
            await using (var hashing = new CryptoStream(file, sha256, CryptoStreamMode.Read))
            {
                try
                {
                    result = await EvidenceCheck.CheckAsync(claim, EvidenceCsv.ReadAsync(hashing, cancellationToken), cancellationToken);
                }
                catch (FormatException error)
                {
                    unreadable = error.Message;
                }
                // The check may stop short of the last byte (a broken row, the gzip trailer); the hash may not.
                await hashing.CopyToAsync(Stream.Null, cancellationToken);
            }
            var evidenceHash = Convert.ToHexStringLower(sha256.Hash!);
            if (evidenceHash != claim.EvidenceSha256)
            {
                Line("evidence.csv.gz", $"DOES NOT MATCH the signed claim: its SHA-256 is {evidenceHash}, the claim signs {claim.EvidenceSha256}", ok: false);
            }
            if (result is null)
            {
                Line("evidence.csv.gz", unreadable!, ok: false);
                return;
            }
            foreach (var line in EvidenceCheck.Describe(result.Problems).Concat(result.ClaimMismatches))
            {
                Line("evidence.csv.gz", $"DOES NOT MATCH: {line}", ok: false);
            }
            if (result.Matches)
            {
                Line("evidence.csv.gz", $"{result.Digests.Count:N0} events; every identity, facts hash, day digest and the evidence digest match the signed claim");
            }
        }

        /// <summary>
        /// Each signed review beside the report: its detached signature intact over the record's exact
        /// bytes, by a trusted signer, and the record naming this very version, by month, number and
        /// evidence digest. A report downloaded without reviews prints nothing here.
        /// </summary>
        public async Task ReviewsAsync(ReportFiles files, ReportClaim claim, IReadOnlyList<X509Certificate2> trusted, CancellationToken cancellationToken)
        {
            if (!Directory.Exists(files.Reviews))
            {
                return;
            }
            var trust = new SignerTrust(trusted);
            var signatures = Directory.GetFiles(files.Reviews, "*" + ReportFileNames.SignatureExtension).ToHashSet(StringComparer.Ordinal);
            foreach (var record in Directory.GetFiles(files.Reviews, "*.json").Order(StringComparer.Ordinal))
            {
                var id = Path.GetFileNameWithoutExtension(record);
                var signaturePath = record + ReportFileNames.SignatureExtension;
                if (!signatures.Remove(signaturePath))
                {
                    Line($"review {id}", $"NOT SIGNED: {Path.GetFileName(signaturePath)} is missing beside it", ok: false);
                    continue;
                }
                var json = await File.ReadAllBytesAsync(record, cancellationToken);
                var signature = DetachedSignature.Check(json, await File.ReadAllBytesAsync(signaturePath, cancellationToken));
                var signer = trust.Judge(signature.Signer);
                if (!signature.IsIntact || !signer.IsTrusted)
                {
                    Line($"review {id}", signature.IsIntact ? $"signer {signer.Message}" : $"the record was {signature.Message}", ok: false);
                    continue;
                }
                ReportReview review;
                try
                {
                    review = ReportReview.FromUtf8Json(json);
                }
                catch (FormatException error)
                {
                    Line($"review {id}", $"signed, but {error.Message}", ok: false);
                    continue;
                }
                var mismatches = review.MismatchesWith(claim).ToList();
                if (review.ReviewId != id)
                {
                    mismatches.Add($"the record is review {review.ReviewId}, filed as {id}");
                }
                Line($"review {id}", mismatches.Count > 0
                    ? $"DOES NOT MATCH this report: {string.Join("; ", mismatches)}"
                    : $"{review.Reviewer} reviewed {review.Month} version {review.Version} at {review.ReviewedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, {ReviewCommands.Exceptions(review)}; signed by the deployment's certificate, for this version's evidence digest",
                    mismatches.Count == 0);
            }
            foreach (var orphan in signatures.Order(StringComparer.Ordinal))
            {
                Line($"review {Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(orphan))}", $"a signature without its record: {Path.GetFileName(orphan)}", ok: false);
            }
        }

        public async Task StoreAsync(StorageClientFactory clients, ReportFiles files, ReportClaim claim, CancellationToken cancellationToken)
        {
            var reports = new BlobReportStore(clients);
            var versions = await reports.ListVersionsAsync(Month.Parse(claim.Month), cancellationToken);
            var manifest = versions.FirstOrDefault(version => version.Version == claim.Version);
            var matches = manifest is not null && manifest.EventDigest == claim.EventDigest && manifest.EventCount == claim.EventCount && manifest.TimeZone == claim.TimeZone;
            Line("manifest", manifest is null ? $"the store holds no version {claim.Version} of {claim.Month}"
                : matches ? "matches the signed claim"
                : $"DOES NOT MATCH the signed claim: it records {manifest.EventCount:N0} events with digest {manifest.EventDigest} ({manifest.TimeZone})",
                matches);

            var period = new ReportPeriod(Month.Parse(claim.Month), ReportPeriod.FindTimeZone(claim.TimeZone));
            var store = new TableEventStore(clients, TimeProvider.System);
            StoreComparisonResult result;
            await using (var evidence = File.OpenRead(files.Evidence))
            {
                result = await StoreComparison.CompareAsync(
                    period,
                    EvidenceCsv.ReadAsync(evidence, cancellationToken),
                    store.ReadDaysAsync(period.StartUtc, period.EndUtc, cancellationToken).Select(stored => new StoredEvent(stored.Event, stored.KeyIdentity)),
                    cancellationToken);
            }
            foreach (var line in EvidenceCheck.Describe(result.Problems))
            {
                Line("store", $"DOES NOT MATCH: {line}", ok: false);
            }
            if (result.Problems.Count == 0)
            {
                Line("store", $"every listed event is in the event store, unchanged ({result.Matched:N0} events)");
            }
            if (result.NotCovered.Count > 0)
            {
                await LaterArrivalsAsync(reports, versions.Where(version => version.Version > claim.Version).ToList(), result.NotCovered, cancellationToken);
            }
        }

        /// <summary>
        /// Events of the period this version does not list arrived after it was read (or were put in the
        /// store since): not a mismatch, but each is named with the newer version that covers it, if any.
        /// </summary>
        private async Task LaterArrivalsAsync(BlobReportStore reports, IReadOnlyList<ReportManifest> newer, IReadOnlyList<EventProblem> notCovered, CancellationToken cancellationToken)
        {
            var coveredBy = new Dictionary<string, int>();
            var wanted = notCovered.Select(problem => problem.Identity).ToHashSet(StringComparer.Ordinal);
            foreach (var version in newer)
            {
                await using var evidence = await reports.OpenFileAsync(version, ReportFileNames.Evidence, cancellationToken);
                await foreach (var row in EvidenceCsv.ReadAsync(evidence, cancellationToken))
                {
                    if (wanted.Contains(row.Identity))
                    {
                        coveredBy.TryAdd(row.Identity, version.Version);
                    }
                }
            }
            Line("store", $"{notCovered.Count:N0} events of the period are not in this version: they arrived in the store after it was generated");
            foreach (var problem in notCovered.Take(MaxListed))
            {
                Line("store", coveredBy.TryGetValue(problem.Identity, out var version)
                    ? $"  {EvidenceRow.Utc(problem.OccurredAt)} {problem.Identity}: covered by version {version}"
                    : $"  {EvidenceRow.Utc(problem.OccurredAt)} {problem.Identity}: not covered by any version yet");
            }
            if (notCovered.Count > MaxListed)
            {
                Line("store", $"  … and {notCovered.Count - MaxListed:N0} more");
            }
        }

        private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
        {
            await using var file = File.OpenRead(path);
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        }
    }
}
