namespace TrainingLrs.Lrs.Http;

/// <summary>
/// A client mistake or a refused request, turned into an HTTP status and a one-line message by the
/// xAPI middleware. Thrown anywhere below an endpoint so that validation code stays linear.
/// </summary>
internal sealed class XapiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static XapiException BadRequest(string message) => new(400, message);

    public static XapiException NotFound(string message) => new(404, message);

    public static XapiException Conflict(string message) => new(409, message);

    public static XapiException PreconditionFailed(string message) => new(412, message);
}
