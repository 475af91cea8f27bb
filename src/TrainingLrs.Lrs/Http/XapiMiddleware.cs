using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrainingLrs.Lrs.Storage;
using TrainingLrs.Lrs.Validation;

namespace TrainingLrs.Lrs.Http;

/// <summary>
/// Runs first for every <c>/xapi</c> request (installed by a startup filter, ahead of authentication):
/// CORS, the alternate request syntax, the version header in and out, the body cap, and the mapping
/// of client mistakes to 4xx so that no client mistake ever becomes a 5xx.
/// </summary>
internal sealed class XapiMiddleware(RequestDelegate next, XapiOptions options, ILogger<XapiMiddleware> logger)
{
    public const string BasePath = "/xapi";

    public const string ConsistentThroughHeader = "X-Experience-API-Consistent-Through";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(BasePath, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        // Until the header is parsed, answer in 2.0 unless the client asked for 1.x (or uses the
        // alternate request syntax, which only 1.0.3 has): the 2.0 suite expects a 2.0.0 header on
        // the 400 for a missing version.
        var headerVersion = context.Request.Headers[XapiVersions.Header].ToString();
        var answerVersion = headerVersion.StartsWith('1') || (headerVersion.Length == 0 && context.Request.Query.ContainsKey("method"))
            ? XapiVersion.V1
            : XapiVersion.V2;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[XapiVersions.Header] = XapiVersions.Name(context.Version());
            // Clients (the conformance suite among them) read it from any response to know how long to wait.
            if (context.RequestServices.GetService<IStatementStore>() is { } store)
            {
                context.Response.Headers.TryAdd(ConsistentThroughHeader, Rules.FormatTimestamp(store.ConsistentThrough));
            }
            return Task.CompletedTask;
        });
        context.SetVersion(answerVersion);

        try
        {
            if (Cors.Apply(context, options))
            {
                return;
            }

            LimitBody(context);
            if (context.Request.Query.ContainsKey("method"))
            {
                await AlternateRequestSyntax.RewriteAsync(context, options);
            }

            var isAbout = context.Request.Path.StartsWithSegments(BasePath + "/about", StringComparison.OrdinalIgnoreCase);
            if (XapiVersions.TryParse(context.Request.Headers[XapiVersions.Header], out var version))
            {
                context.SetVersion(version);
            }
            else if (!isAbout)
            {
                throw XapiException.BadRequest(context.Request.Headers.ContainsKey(XapiVersions.Header)
                    ? $"X-Experience-API-Version '{context.Request.Headers[XapiVersions.Header]}' is not supported (supported: 1.0.0-1.0.3, 2.0.x)"
                    : "the X-Experience-API-Version header is required");
            }
            if (context.Version() == XapiVersion.V2 && context.Items.ContainsKey(AlternateRequestSyntax.UsedKey))
            {
                throw XapiException.BadRequest("the alternate request syntax (?method=) is not part of xAPI 2.0");
            }

            await next(context);
        }
        catch (XapiException e)
        {
            await WriteErrorAsync(context, e.Status, e.Message);
        }
        catch (BadHttpRequestException e)
        {
            await WriteErrorAsync(context, e.StatusCode,
                e.StatusCode == StatusCodes.Status413PayloadTooLarge ? $"the request body is larger than {options.MaxRequestBodyBytes} bytes" : e.Message);
        }
        catch (JsonException e)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, $"invalid JSON: {e.Message}");
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            logger.LogError(e, "xAPI request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "the LRS failed to process the request");
        }
    }

    private void LimitBody(HttpContext context)
    {
        if (context.Request.ContentLength > options.MaxRequestBodyBytes)
        {
            throw new XapiException(StatusCodes.Status413PayloadTooLarge, $"the request body is larger than {options.MaxRequestBodyBytes} bytes");
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = options.MaxRequestBodyBytes;
        }
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        if (context.Response.HasStarted)
        {
            return;
        }
        var cors = context.Response.Headers.Where(h => h.Key.StartsWith("Access-Control-", StringComparison.Ordinal) || h.Key == "Vary").ToArray();
        context.Response.Clear();
        foreach (var (key, value) in cors)
        {
            context.Response.Headers[key] = value;
        }
        context.Response.StatusCode = status;
        context.Response.Headers[XapiVersions.Header] = XapiVersions.Name(context.Version());
        if (status == StatusCodes.Status429TooManyRequests)
        {
            context.Response.Headers.RetryAfter = "60";
        }
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = true, message }));
    }
}
