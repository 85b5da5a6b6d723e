using ComplianceReports.Pipeline.Delivery;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ComplianceReports.Functions.Http;

/// <summary>
/// The current report-signing certificate as PEM. Anonymous, unlike the report routes: a certificate's
/// public part is no secret, and an auditor given a report by mail has no function key.
/// </summary>
public sealed class SigningCertificateHttpFunction(SigningCertificateDelivery delivery)
{
    [Function(ReportRoutes.SigningCertificate)]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "signing-certificate")] HttpRequest req, CancellationToken cancellationToken) =>
        delivery.CurrentAsync(cancellationToken).ToResultAsync();
}
