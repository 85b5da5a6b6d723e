using System.Globalization;
using ComplianceReports.Domain.Reporting;

namespace ComplianceReports.Domain.Reviews;

/// <summary>A review that breaks a rule; the message is one sentence for the person who wrote it.</summary>
public sealed class InvalidReviewException(string message) : Exception(message);

/// <summary>
/// What a review may say, the same for the CLI, HTTP and a record read back. Limits keep a review a
/// sign-off, not a document, and within a table row (a text property holds 32K characters); control
/// characters would let a text forge lines in <c>compliance report reviews</c> or in a log. Only the
/// note may run over lines: an exception is one line each.
/// </summary>
public static class ReviewRules
{
    public const int MaxReviewerLength = 200;
    public const int MaxNoteLength = 4000;
    public const int MaxExceptions = 20;
    public const int MaxExceptionLength = 1000;

    /// <exception cref="InvalidReviewException">The first rule broken.</exception>
    public static void Check(string reviewId, string month, int version, string reviewer, string? note, IReadOnlyList<string> exceptions)
    {
        if (!ReviewIds.IsValid(reviewId))
        {
            Refuse($"'{reviewId}' is not a review id: {ReviewIds.Rule}.");
        }
        if (!Month.TryParse(month, out _))
        {
            Refuse($"'{month}' is not a month: write it as YYYY-MM.");
        }
        if (version < 1)
        {
            Refuse(string.Create(CultureInfo.InvariantCulture, $"{version} is not a report version: versions start at 1."));
        }
        Text("the reviewer", reviewer, MaxReviewerLength, singleLine: true);
        if (note is not null)
        {
            Text("the note", note, MaxNoteLength, singleLine: false);
        }
        if (exceptions.Count > MaxExceptions)
        {
            Refuse(string.Create(CultureInfo.InvariantCulture, $"a review lists at most {MaxExceptions} exceptions, not {exceptions.Count}."));
        }
        foreach (var exception in exceptions)
        {
            Text("an exception", exception, MaxExceptionLength, singleLine: true);
        }
    }

    private static void Text(string what, string text, int maxLength, bool singleLine)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Refuse($"{what} is empty.");
        }
        if (text.Length > maxLength)
        {
            Refuse(string.Create(CultureInfo.InvariantCulture, $"{what} is {text.Length} characters long; at most {maxLength} are kept."));
        }
        if (text.Any(character => char.IsControl(character) && (singleLine || character is not ('\n' or '\r' or '\t'))))
        {
            Refuse(singleLine ? $"{what} holds a control character or line break." : $"{what} holds a control character (line breaks are allowed).");
        }
    }

    private static void Refuse(string message) => throw new InvalidReviewException(char.ToUpperInvariant(message[0]) + message[1..]);
}
