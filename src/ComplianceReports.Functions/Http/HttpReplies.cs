using ComplianceReports.Pipeline.Delivery;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ComplianceReports.Functions.Http;

/// <summary>Turns what <see cref="ReportDelivery"/> answers into ASP.NET Core results, the same in Azure and locally.</summary>
public static class HttpReplies
{
    public static async Task<IResult> ToResultAsync(this Task<DeliveryReply> reply) => (await reply).ToResult();

    public static IResult ToResult(this DeliveryReply reply) => reply switch
    {
        JsonReply json => new JsonResult(json),
        HtmlReply html => Results.Content(html.Html, "text/html; charset=utf-8"),
        FileReply file => new StreamedFile(file),
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply, null),
    };

    /// <summary>Serves <paramref name="route"/> behind <paramref name="access"/>, with the request's principal header and path.</summary>
    public static Task<IResult> Serve(this RouteAccess access, HttpRequest request, string route, Func<Caller, Task<DeliveryReply>> serve) =>
        access.ServeAsync(route, request.Path, request.Headers[Caller.PrincipalHeader].FirstOrDefault(), serve).ToResultAsync();

    /// <summary>Whether the client asks for HTML (a browser), judged by its Accept header.</summary>
    public static bool AcceptsHtml(this HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var types)
        && types.Any(type => type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && type.Quality is not 0);

    private sealed class JsonResult(JsonReply reply) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (reply.Location is not null)
            {
                httpContext.Response.Headers.Location = reply.Location;
            }
            if (reply.RetryAfter is { } retryAfter)
            {
                httpContext.Response.Headers.RetryAfter = ((long)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return Results.Json(reply.Body, statusCode: reply.StatusCode).ExecuteAsync(httpContext);
        }
    }

    /// <summary>Copies the blob to the response as it reads it, never buffering the whole file.</summary>
    private sealed class StreamedFile(FileReply file) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            await using var content = file.Content;
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = file.ContentType;
            if (file.DownloadName is not null)
            {
                response.Headers.ContentDisposition = $"attachment; filename={file.DownloadName}";
            }
            if (content.CanSeek)
            {
                response.ContentLength = content.Length;
            }
            await content.CopyToAsync(response.Body, httpContext.RequestAborted);
        }
    }
}
