using System.Text;
using System.Text.Json;
using ComplianceReports.Domain.Contracts;
using ComplianceReports.Domain.Events;
using ComplianceReports.Storage.Queues;
using ComplianceReports.Testing;

namespace ComplianceReports.Storage.Tests;

public class PackingQueueMessages
{
    private const int QueueMessageLimit = 64 * 1024;

    private static readonly string SendId = AuditEventQueue.NewSendId();

    [Fact]
    public void The_budget_counts_the_empty_envelope_the_contract_writes()
    {
        Assert.Equal(MessagePacking.EmptyEnvelopeBytes, System.Text.Encoding.UTF8.GetByteCount(new IngestEnvelope("", []).ToJson()));
    }

    [Fact]
    public void Every_message_is_an_envelope_within_the_byte_budget()
    {
        var items = Items(2_000, length: 700);

        var envelopes = MessagePacking.PackEnvelopes(items, SendId).ToList();

        Assert.True(envelopes.Count > 1);
        Assert.All(envelopes, envelope =>
        {
            Assert.InRange(Encoding.UTF8.GetByteCount(envelope.Json), 1, MessagePacking.MaxMessageJsonBytes);
            using var document = JsonDocument.Parse(envelope.Json);
            Assert.Equal(envelope.BatchId, document.RootElement.GetProperty("batchId").GetString());
            Assert.True(document.RootElement.GetProperty("events").GetArrayLength() > 0);
        });
    }

    [Fact]
    public void The_pipeline_reads_each_envelope_back_with_its_batch_id_and_every_event()
    {
        var october = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        var items = Enumerable.Range(0, 500).Select(i => PrivXSample.Item(100, october.AddSeconds(i), $"user{i}")).ToList();

        var envelopes = MessagePacking.PackEnvelopes(items, SendId).ToList();

        var read = envelopes.Select(envelope => (envelope, message: AuditMessageReader.Read(envelope.Json))).ToList();
        Assert.True(read.Count > 1);
        Assert.All(read, pair =>
        {
            Assert.Equal(pair.envelope.BatchId, pair.message.BatchId);
            Assert.Null(pair.message.BlobName);
            Assert.Empty(pair.message.Rejected);
            Assert.Equal(Unpack(pair.envelope.Json).Count, pair.message.Events.Count());
        });
        Assert.Equal(items.Count, read.Sum(pair => pair.message.Events.Count()));
    }

    [Fact]
    public void Batch_ids_number_the_envelopes_of_one_send_from_one()
    {
        var envelopes = MessagePacking.PackEnvelopes(Items(300, length: 700), SendId).ToList();

        Assert.Equal(Enumerable.Range(1, envelopes.Count).Select(n => $"{SendId}-{n:D5}"), envelopes.Select(envelope => envelope.BatchId));
        Assert.Equal(envelopes.Count, envelopes.Select(envelope => envelope.BatchId).Distinct().Count());
    }

    [Fact]
    public void Send_ids_differ_from_send_to_send()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => AuditEventQueue.NewSendId()).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Every_item_arrives_once_and_in_order()
    {
        var items = Items(2_000, length: 700);

        var unpacked = MessagePacking.PackEnvelopes(items, SendId).SelectMany(envelope => Unpack(envelope.Json)).ToList();

        Assert.Equal(items, unpacked);
    }

    [Fact]
    public void Messages_are_filled_rather_than_one_item_each()
    {
        var items = Items(1_000, length: 490);

        var envelopes = MessagePacking.PackEnvelopes(items, SendId).ToList();

        // About 100 items of 490 bytes fit in 48 KiB.
        Assert.InRange(envelopes.Count, 10, 11);
    }

    [Fact]
    public void A_full_message_stays_within_64_KiB_once_base64_encoded()
    {
        // The first two items fill the first envelope's budget to the byte.
        var envelopeBytes = Encoding.UTF8.GetByteCount($$"""{"batchId":"{{SendId}}-00001","events":[]}""");
        var second = MessagePacking.MaxMessageJsonBytes - envelopeBytes - MessagePacking.MaxItemJsonBytes - 1;
        var items = new[] { Item(0, MessagePacking.MaxItemJsonBytes), Item(1, second), Item(2, 100) };

        var envelopes = MessagePacking.PackEnvelopes(items, SendId).ToList();

        Assert.Equal(2, envelopes.Count);
        Assert.Equal(MessagePacking.MaxMessageJsonBytes, Encoding.UTF8.GetByteCount(envelopes[0].Json));
        Assert.Equal(QueueMessageLimit, Base64Length(envelopes[0].Json));
        Assert.Equal(items, envelopes.SelectMany(envelope => Unpack(envelope.Json)));
    }

    [Fact]
    public void Items_are_measured_in_utf8_bytes_not_characters()
    {
        var items = Enumerable.Range(0, 400).Select(i => $"{{\"n\":{i},\"user\":\"{new string('ä', 300)}\"}}").ToList();

        var envelopes = MessagePacking.PackEnvelopes(items, SendId).ToList();

        Assert.All(envelopes, envelope => Assert.InRange(Base64Length(envelope.Json), 1, QueueMessageLimit));
        Assert.Equal(items, envelopes.SelectMany(envelope => Unpack(envelope.Json)));
    }

    [Fact]
    public void The_largest_item_allowed_fits_an_envelope_with_the_longest_batch_id()
    {
        var longestSendId = new string('s', IngestEnvelope.MaxBatchIdLength - "-00001".Length);

        var envelope = Assert.Single(MessagePacking.PackEnvelopes([Item(0, MessagePacking.MaxItemJsonBytes)], longestSendId));

        Assert.Equal(MessagePacking.MaxMessageJsonBytes, Encoding.UTF8.GetByteCount(envelope.Json));
        Assert.Equal(longestSendId + "-00001", AuditMessageReader.Read(envelope.Json).BatchId);
    }

    [Fact]
    public void An_item_too_large_for_any_message_is_refused()
    {
        var tooLarge = Item(0, MessagePacking.MaxItemJsonBytes + 1);

        var error = Assert.Throws<ArgumentException>(() => MessagePacking.PackEnvelopes([Item(1, 50), tooLarge], SendId).ToList());
        Assert.Contains("does not fit", error.Message);
    }

    [Fact]
    public void No_items_make_no_messages()
    {
        Assert.Empty(MessagePacking.PackEnvelopes([], SendId));
    }

    /// <summary>Compact JSON objects of exactly <paramref name="length"/> UTF-8 bytes each.</summary>
    private static List<string> Items(int count, int length) => Enumerable.Range(0, count).Select(i => Item(i, length)).ToList();

    private static string Item(int index, int length)
    {
        var head = $"{{\"event_id\":\"301\",\"n\":{index},\"pad\":\"";
        return head + new string('x', length - head.Length - 2) + "\"}";
    }

    private static int Base64Length(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).Length;

    /// <summary>The items of an envelope as their compact JSON text.</summary>
    private static List<string> Unpack(string envelope)
    {
        using var document = JsonDocument.Parse(envelope);
        return document.RootElement.GetProperty("events").EnumerateArray().Select(item => item.GetRawText()).ToList();
    }
}
