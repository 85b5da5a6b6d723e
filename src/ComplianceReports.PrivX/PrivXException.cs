namespace ComplianceReports.PrivX;

/// <summary>
/// PrivX could not be used, for a reason that retrying at once does not cure (credentials refused, TLS
/// failed, retries spent). The message is one line for the operator, without secrets.
/// </summary>
public class PrivXException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>PrivX refused the API client: its id or secret, the OAuth client, or its permissions.</summary>
public sealed class PrivXAuthenticationException(string message) : PrivXException(message);
