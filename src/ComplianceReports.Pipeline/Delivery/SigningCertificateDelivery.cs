using System.Text;
using ComplianceReports.Storage.Signing;

namespace ComplianceReports.Pipeline.Delivery;

/// <summary>
/// The current signing certificate, public part, as PEM: what an auditor pins with <c>verify --trust</c>.
/// It is public on purpose, with no key and no sign-in, as anyone holding a report may check its signer.
/// </summary>
public sealed class SigningCertificateDelivery(SigningCertificateStore certificates)
{
    public const string ContentType = "application/x-pem-file";

    public const string DownloadName = "compliance-signing-certificate.pem";

    public async Task<DeliveryReply> CurrentAsync(CancellationToken cancellationToken)
    {
        var current = await certificates.GetCurrentAsync(cancellationToken);
        if (current is null)
        {
            return JsonReply.Error(404, "No signing certificate is published yet: the functions publish it when they sign their first report.");
        }
        var pem = Encoding.ASCII.GetBytes(current.Certificate.ExportCertificatePem() + "\n");
        return new FileReply(new MemoryStream(pem, writable: false), ContentType, DownloadName);
    }
}
