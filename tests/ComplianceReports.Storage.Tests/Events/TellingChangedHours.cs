using ComplianceReports.Domain.Reporting;
using ComplianceReports.Storage.Events;
using static ComplianceReports.Storage.Tests.SampleEvents;

namespace ComplianceReports.Storage.Tests;

/// <summary>What a day sealed before must read again: the UTC hours whose markers moved, and nothing else.</summary>
public class TellingChangedHours
{
    private static readonly DateTimeOffset Touched = Utc(2030, 1, 1);

    [Fact]
    public void A_day_whose_markers_have_not_moved_has_nothing_to_read_again()
    {
        var markers = Markers(("2024-05-06T10", 3));
        var (from, to) = (Utc(2024, 5, 6), Utc(2024, 5, 7));

        Assert.Empty(markers.ChangedSince(markers.SequencesOf(from, to), from, to));
    }

    [Fact]
    public void Hours_whose_markers_moved_are_read_again_adjacent_ones_as_one_range()
    {
        var (from, to) = (Utc(2024, 5, 6), Utc(2024, 5, 7));
        var sealedAt = Markers(("2024-05-06T10", 3), ("2024-05-06T11", 1), ("2024-05-06T20", 2)).SequencesOf(from, to);

        var now = Markers(("2024-05-06T10", 4), ("2024-05-06T11", 2), ("2024-05-06T20", 2), ("2024-05-06T23", 1));

        Assert.Equal(
            [(Utc(2024, 5, 6, 10), Utc(2024, 5, 6, 12)), (Utc(2024, 5, 6, 23), Utc(2024, 5, 7))],
            now.ChangedSince(sealedAt, from, to));
    }

    [Fact]
    public void In_a_zone_off_the_hour_a_changed_hour_is_read_only_for_the_part_inside_the_day()
    {
        // Kathmandu is UTC+05:45: its 6 May runs from 18:15 UTC on the 5th to 18:15 UTC on the 6th.
        var period = new ReportPeriod(new Month(2024, 5), ReportPeriod.FindTimeZone("Asia/Kathmandu"));
        var (from, to) = period.DayBounds(new DateOnly(2024, 5, 6));
        var sealedAt = Markers().SequencesOf(from, to);

        var changed = Markers(("2024-05-05T18", 1), ("2024-05-06T18", 1)).ChangedSince(sealedAt, from, to);

        Assert.Equal([(Utc(2024, 5, 5, 18, 15), Utc(2024, 5, 5, 19)), (Utc(2024, 5, 6, 18), Utc(2024, 5, 6, 18, 15))], changed);
        Assert.Equal(25 + 2, sealedAt.Count);
    }

    [Fact]
    public void An_hour_a_seal_does_not_record_counts_as_changed()
    {
        var (from, to) = (Utc(2024, 5, 6), Utc(2024, 5, 7));
        var dayOnly = new Dictionary<string, long> { ["2024-05-06"] = 4 };

        Assert.Equal([(from, to)], Markers().ChangedSince(dayOnly, from, to));
    }

    private static PeriodMarkers Markers(params (string Hour, long Sequence)[] hours) =>
        new(
            new Dictionary<Month, ChangeMarker>(),
            hours.GroupBy(hour => hour.Hour[..10]).ToDictionary(day => day.Key, day => new ChangeMarker(day.Sum(hour => hour.Sequence), Touched)),
            hours.ToDictionary(hour => hour.Hour, hour => new ChangeMarker(hour.Sequence, Touched)));
}
