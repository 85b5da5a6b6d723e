using System.Net.Http;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ComplianceReports.Storage.Connection;

/// <summary>
/// Turns the SDK's "retry failed" exceptions, which nest the socket error a few levels deep, into the
/// one line an operator acts on: where storage was expected and why it did not answer. The CLI prints
/// it and exits; the hosts log it and wait.
/// </summary>
public static partial class UnreachableStorage
{
    [GeneratedRegex(@"\(([^()\s]+:\d+)\)\s*$")]
    private static partial Regex EndpointInMessage();

    /// <summary>What could not be reached and why, e.g. <c>cannot reach storage at 127.0.0.1:10001 (connection refused)</c>; <c>null</c> for any other failure.</summary>
    public static string? Describe(Exception failure)
    {
        var causes = Flatten(failure).ToList();
        var http = causes.OfType<HttpRequestException>().FirstOrDefault();
        var socket = causes.OfType<SocketException>().FirstOrDefault();
        // A cancellation counts only inside the SDK's "retry failed": alone it is the user's Ctrl+C.
        var timedOut = failure is AggregateException ? causes.OfType<TaskCanceledException>().FirstOrDefault() : null;
        if (http is null && socket is null && timedOut is null)
        {
            return null;
        }
        var endpoint = http is not null && EndpointInMessage().Match(http.Message) is { Success: true } match ? match.Groups[1].Value : null;
        var reason = socket?.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused",
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
            SocketError.TimedOut => "timed out",
            SocketError.NetworkUnreachable or SocketError.HostUnreachable => "unreachable",
            { } code => code.ToString(),
            null when timedOut is not null && http is null => "no answer in time",
            null => http!.HttpRequestError.ToString(),
        };
        var where = endpoint is null ? "storage" : $"storage at {endpoint}";
        return $"cannot reach {where} ({reason})";
    }

    private static IEnumerable<Exception> Flatten(Exception failure)
    {
        yield return failure;
        var inner = failure is AggregateException aggregate ? aggregate.InnerExceptions : (IEnumerable<Exception>)(failure.InnerException is { } one ? [one] : []);
        foreach (var cause in inner.SelectMany(Flatten))
        {
            yield return cause;
        }
    }
}
