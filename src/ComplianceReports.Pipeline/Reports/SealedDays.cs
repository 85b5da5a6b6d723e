using System.Runtime.CompilerServices;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.EventSets;
using ComplianceReports.Domain.Reporting;
using ComplianceReports.Domain.Reporting.Rollups;
using ComplianceReports.Storage.Events;
using ComplianceReports.Storage.Reports;

namespace ComplianceReports.Pipeline.Reports;

/// <summary>
/// Reads a period into an event set day by day, so a version costs the hours that changed, not the
/// month: a day whose newest seal was read at the change-marker sequences its UTC days and hours have
/// now is taken from the seal; any other day is read again, and sealed if it ended a grace period ago.
/// A late event touches its UTC day's and hour's markers, so its day is read again: the hours whose
/// markers moved from the store, the others from the seal's rows, every row through the same day set
/// as a read of the whole day, so it gives the same seal. A day read again whose events did not change
/// gives the same digest, so overlapping deliveries cost an hour's read.
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
                    var (start, end) = period.DayBounds(day.date);
                    var dayMarkers = markers.SequencesOf(start, end);
                    var seal = newest.GetValueOrDefault(day.date);
                    days[day.index] = seal is not null && SameMarkers(seal.Markers, dayMarkers)
                        ? new ReadDay(seal.Day, seal, null)
                        : await ReadDayAsync(set, scope, day.date, dayMarkers, seal, markers, readAt, token);
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

    /// <summary>
    /// A day's events taken into <paramref name="day"/> in store order, and their rows: all from the
    /// store without a seal before; with one, the hours whose markers moved since it from the store and
    /// the rest from its rows. Events are only ever added, and a touch after the seal read its markers
    /// moves them, so an hour whose markers did not move holds what the seal read of it.
    /// </summary>
    private async IAsyncEnumerable<EvidenceRow> DayRows(
        DaySet day, DaySeal? before, PeriodMarkers markers, DateTimeOffset start, DateTimeOffset end, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var changed = before is null ? [(start, end)] : markers.ChangedSince(before.Markers, start, end);
        // A day changed throughout keeps nothing of its seal: its chunk is not fetched.
        var keptRows = before is null || changed is [var whole] && whole == (start, end)
            ? AsyncEnumerable.Empty<EvidenceRow>()
            : seals.ReadChunkAsync(before, cancellationToken);
        await using var sealedRows = keptRows.GetAsyncEnumerator(cancellationToken);
        async Task<EvidenceRow?> NextSealedAsync() => await sealedRows.MoveNextAsync() ? sealedRows.Current : null;

        var pending = await NextSealedAsync();
        foreach (var (from, to) in changed)
        {
            // The seal's rows before the changed range stand; those inside it are the store's to give now.
            for (; pending is not null && pending.OccurredAt < to; pending = await NextSealedAsync())
            {
                if (pending.OccurredAt < from)
                {
                    day.AddSealed(pending);
                    yield return pending;
                }
            }
            await foreach (var row in StoredRows(day, from, to, cancellationToken))
            {
                yield return row;
            }
        }
        for (; pending is not null; pending = await NextSealedAsync())
        {
            day.AddSealed(pending);
            yield return pending;
        }
    }

    private async IAsyncEnumerable<EvidenceRow> StoredRows(DaySet day, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var stored in events.ReadRangeAsync(from, to, cancellationToken))
        {
            if (day.Add(stored.Event, stored.IngestedAt, stored.KeyIdentity) is { } row)
            {
                yield return row;
            }
        }
    }

    private async Task<ReadDay> ReadDayAsync(
        EventSet set, string scope, DateOnly date, Dictionary<string, long> dayMarkers, DaySeal? before, PeriodMarkers markers, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        var (start, end) = set.Period.DayBounds(date);
        var chunk = TemporaryFiles.Create();
        try
        {
            using var day = set.Day(date);
            await using (var csv = EvidenceCsv.OpenChunk(chunk))
            {
                await foreach (var row in DayRows(day, before, markers, start, end, cancellationToken))
                {
                    await csv.AddAsync(row);
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
