using System.Globalization;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Domain.Reporting.Rollups;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Reports;

namespace ComplianceReports.Pipeline.Reports;

/// <summary>
/// Reads a period into an event set day by day, so a version costs the days that changed, not the
/// month: a day whose newest seal was read at the change-marker sequences its UTC days have now is
/// taken from the seal; any other day is read from the store, and sealed if it ended a grace period
/// ago. A late event touches its UTC day's marker, so its day is read again; a day read again whose
/// events did not change gives the same digest, so overlapping deliveries cost a day's read.
/// </summary>
public sealed class SealedDays(TableEventStore events, DaySealStore seals, ReportOptions options)
{
    /// <summary>Days read from the store at once: each is its own query, its own rollup and its own chunk file.</summary>
    private const int DaysInFlight = 4;

    /// <summary>
    /// Fills <paramref name="set"/> with every day of its period. <paramref name="markers"/> must have
    /// been read before any event, so a day changed during the read shows as changed next time.
    /// </summary>
    /// <param name="readAt">When the read began: days that ended a grace period before it are sealed.</param>
    public async Task<PeriodRead> ReadAsync(EventSet set, PeriodMarkers markers, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        var period = set.Period;
        var scope = DaySeal.ScopeOf(period, set.Settings);
        var newest = await seals.ReadNewestAsync(scope, period.Month, cancellationToken);
        var days = new ReadDay[period.Days.Count()];
        var read = new PeriodRead(days, seals);
        try
        {
            await Parallel.ForEachAsync(
                period.Days.Select((date, index) => (date, index)),
                new ParallelOptions { MaxDegreeOfParallelism = DaysInFlight, CancellationToken = cancellationToken },
                async (day, token) =>
                {
                    var dayMarkers = period.UtcDates(day.date)
                        .Select(utc => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                        .ToDictionary(utcDay => utcDay, markers.DaySequence);
                    days[day.index] = newest.TryGetValue(day.date, out var seal) && SameMarkers(seal.Markers, dayMarkers)
                        ? new ReadDay(seal.Day, seal, null)
                        : await ReadDayAsync(set, scope, day.date, dayMarkers, readAt, token);
                });
            foreach (var day in days)
            {
                set.Add(day.Rollup);
            }
            return read;
        }
        catch
        {
            await read.DisposeAsync();
            throw;
        }
    }

    private async Task<ReadDay> ReadDayAsync(
        EventSet set, string scope, DateOnly date, Dictionary<string, long> dayMarkers, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        var (start, end) = set.Period.DayBounds(date);
        var chunk = TemporaryFiles.Create();
        try
        {
            using var day = set.Day(date);
            await using (var csv = EvidenceCsv.OpenChunk(chunk))
            {
                await foreach (var stored in events.ReadRangeAsync(start, end, cancellationToken))
                {
                    if (day.Add(stored.Event, stored.IngestedAt, stored.KeyIdentity) is { } row)
                    {
                        await csv.AddAsync(row);
                    }
                }
            }
            var rollup = day.Complete();
            if (end + options.GracePeriod > readAt)
            {
                return new ReadDay(rollup, null, chunk);
            }
            var seal = new DaySeal(
                DaySeal.CurrentSchemaVersion, scope, set.Period.TimeZoneId, date, dayMarkers, readAt, rollup.Count, rollup.Digest, null, null, rollup.Rollup);
            return new ReadDay(rollup, await seals.WriteAsync(seal, rollup.Count > 0 ? chunk : null, cancellationToken), chunk);
        }
        catch
        {
            await chunk.DisposeAsync();
            throw;
        }
    }

    private static bool SameMarkers(IReadOnlyDictionary<string, long> sealedAt, Dictionary<string, long> now) =>
        sealedAt.Count == now.Count && now.All(pair => sealedAt.TryGetValue(pair.Key, out var sequence) && sequence == pair.Value);

    /// <summary>The period's days as read: what the version's evidence file is composed of.</summary>
    public sealed class PeriodRead(ReadDay[] days, DaySealStore seals) : IAsyncDisposable
    {
        public int FromSeals => days.Count(day => day is { Chunk: null });

        public int FromStore => days.Count(day => day is { Chunk: not null });

        /// <summary>
        /// Writes the version's evidence file: the header's gzip member, then each day's rows as their own
        /// member, in date order, the sealed ones copied as they were sealed.
        /// </summary>
        public async Task WriteEvidenceAsync(Stream output, CancellationToken cancellationToken)
        {
            EvidenceCsv.WriteHeader(output);
            foreach (var day in days.Where(day => day.Rollup.Count > 0))
            {
                if (day.Chunk is { } chunk)
                {
                    chunk.Position = 0;
                    await chunk.CopyToAsync(output, cancellationToken);
                }
                else
                {
                    await seals.CopyChunkAsync(day.Seal!, output, cancellationToken);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var day in days)
            {
                if (day?.Chunk is { } chunk)
                {
                    await chunk.DisposeAsync();
                }
            }
        }
    }

    /// <summary>A day as read: its rollup, and its rows either in a chunk file just written or in its seal.</summary>
    public sealed record ReadDay(DayRollup Rollup, DaySeal? Seal, FileStream? Chunk);
}
