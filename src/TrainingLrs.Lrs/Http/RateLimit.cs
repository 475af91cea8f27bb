using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using TrainingLrs.Lrs.Security;

namespace TrainingLrs.Lrs.Http;

/// <summary>
/// Fixed one-minute windows per credential key. Runs as an endpoint filter, after authentication, so
/// the count belongs to a credential and not to an IP address (many learners share an LMS's address).
/// </summary>
internal sealed class RateLimit(XapiOptions options, TimeProvider clock) : IEndpointFilter
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (options.RequestsPerMinutePerCredential > 0 && context.HttpContext.GetCredential()?.Key is { } key)
        {
            var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
            var window = _windows.AddOrUpdate(key, _ => new Window(minute, 1), (_, w) => w.Minute == minute ? w with { Count = w.Count + 1 } : new Window(minute, 1));
            if (window.Count > options.RequestsPerMinutePerCredential)
            {
                throw new XapiException(StatusCodes.Status429TooManyRequests, $"more than {options.RequestsPerMinutePerCredential} requests in a minute for this credential");
            }
        }
        return await next(context);
    }

    private sealed record Window(long Minute, int Count);
}
