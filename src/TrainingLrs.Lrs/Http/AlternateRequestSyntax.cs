using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace TrainingLrs.Lrs.Http;

/// <summary>
/// xAPI 1.0.3's alternate request syntax for clients that can only POST forms: <c>POST ?method=PUT</c>
/// with headers, parameters and <c>content</c> as form fields. The request is rewritten into the
/// ordinary one before authentication, so everything downstream sees a normal request.
/// </summary>
internal static class AlternateRequestSyntax
{
    public static readonly object UsedKey = new();

    private static readonly string[] _headerFields =
        ["Authorization", "X-Experience-API-Version", "Content-Type", "Content-Length", "If-Match", "If-None-Match"];

    private static readonly string[] _methods = ["GET", "HEAD", "PUT", "POST", "DELETE"];

    public static async Task RewriteAsync(HttpContext context, XapiOptions options)
    {
        var request = context.Request;
        context.Items[UsedKey] = true;
        if (XapiVersions.TryParse(request.Headers[XapiVersions.Header], out var headerVersion) && headerVersion == XapiVersion.V2)
        {
            throw XapiException.BadRequest("the alternate request syntax (?method=) is not part of xAPI 2.0");
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            throw XapiException.BadRequest("the alternate request syntax must be sent as POST");
        }
        if (request.Query.Count != 1)
        {
            throw XapiException.BadRequest("with the alternate request syntax, 'method' must be the only query parameter");
        }
        var method = request.Query["method"].ToString().ToUpperInvariant();
        if (!_methods.Contains(method))
        {
            throw XapiException.BadRequest($"method '{method}' is not GET, HEAD, PUT, POST or DELETE");
        }
        if (!string.Equals(request.MediaType(), "application/x-www-form-urlencoded", StringComparison.Ordinal))
        {
            throw XapiException.BadRequest("the alternate request syntax needs Content-Type application/x-www-form-urlencoded");
        }

        var body = await request.ReadBodyAsync();
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        var query = new QueryBuilder();
        string? content = null;
        string? contentType = null;
        foreach (var (key, value) in form)
        {
            var header = _headerFields.FirstOrDefault(h => string.Equals(h, key, StringComparison.OrdinalIgnoreCase));
            if (string.Equals(key, "content", StringComparison.Ordinal))
            {
                content = value.ToString();
            }
            else if (header == "Content-Type")
            {
                contentType = value.ToString();
            }
            else if (header == "Content-Length")
            {
                // Recomputed from the content below.
            }
            else if (header is not null)
            {
                request.Headers[header] = value;
            }
            else
            {
                foreach (var item in value)
                {
                    query.Add(key, item ?? "");
                }
            }
        }

        var bytes = Encoding.UTF8.GetBytes(content ?? "");
        if (bytes.Length > options.MaxRequestBodyBytes)
        {
            throw new XapiException(StatusCodes.Status413PayloadTooLarge, $"the request body is larger than {options.MaxRequestBodyBytes} bytes");
        }
        request.Method = method;
        request.QueryString = query.ToQueryString();
        request.Body = new MemoryStream(bytes);
        request.ContentLength = bytes.Length;
        request.Headers.ContentType = content is null ? StringValues.Empty : (contentType ?? "application/json");
    }
}
