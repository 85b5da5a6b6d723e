using System.Text;
using Azure.Core;
using ComplianceReports.Storage.Events;

namespace ComplianceReports.Testing;

/// <summary>For fault policies: tells the event table's entity-group transactions from the change markers' ones, which share the <c>$batch</c> path.</summary>
public static class EventTransactions
{
    public static bool IsEventTransaction(HttpMessage message)
    {
        if (!message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) || message.Request.Content is not { } content)
        {
            return false;
        }
        using var body = new MemoryStream();
        content.WriteTo(body, CancellationToken.None);
        return !Encoding.UTF8.GetString(body.ToArray()).Contains(TableEventStore.MonthsTableName, StringComparison.Ordinal);
    }
}
