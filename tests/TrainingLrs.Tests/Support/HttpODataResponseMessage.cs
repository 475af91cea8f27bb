using Microsoft.OData;

namespace TrainingLrs.Tests.Support;

/// <summary>
/// An <see cref="HttpResponseMessage"/> as the OData library's reader sees a response, so tests read the
/// feed with the same validation a real OData client applies (headers, content type, payload against
/// <c>$metadata</c>).
/// </summary>
public sealed class HttpODataResponseMessage(HttpResponseMessage response, Stream body) : IODataResponseMessageAsync
{
    /// <summary>Reads the body of <paramref name="response"/> into memory and wraps it.</summary>
    public static async Task<HttpODataResponseMessage> ReadAsync(HttpResponseMessage response)
    {
        var body = new MemoryStream();
        await response.Content.CopyToAsync(body);
        body.Position = 0;
        return new HttpODataResponseMessage(response, body);
    }

    public IEnumerable<KeyValuePair<string, string>> Headers =>
        response.Headers.Concat(response.Content.Headers).Select(h => new KeyValuePair<string, string>(h.Key, string.Join(", ", h.Value)));

    public int StatusCode
    {
        get => (int)response.StatusCode;
        set => throw new NotSupportedException("a received response is read-only");
    }

    public string? GetHeader(string headerName) =>
        Headers.Where(h => string.Equals(h.Key, headerName, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public void SetHeader(string headerName, string headerValue) => throw new NotSupportedException("a received response is read-only");

    public Stream GetStream() => body;

    public Task<Stream> GetStreamAsync() => Task.FromResult(body);
}
