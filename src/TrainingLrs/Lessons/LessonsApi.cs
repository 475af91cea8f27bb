using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Authoring.Packaging;

namespace TrainingLrs.Lessons;

/// <summary>
/// <c>/lessons/</c>: the compiled web lessons and an index of them; <c>/packages/</c>: the generic
/// SCORM and cmi5 zips. In watch mode, pages get a small script that reloads them after each
/// recompile and shows compile errors on the page.
/// </summary>
public static class LessonsApi
{
    private const string WatchScript = "<script src=\"/lessons/_watch.js\"></script>";

    /// <summary>Maps the lessons, packages and (in watch mode) the reload channel.</summary>
    public static WebApplication MapLessons(this WebApplication app, LessonSite site)
    {
        Directory.CreateDirectory(site.WebDirectory);
        Directory.CreateDirectory(site.PackagesDirectory);

        if (site.Watching)
        {
            app.Use((context, next) => ServeWithReloadScript(context, next, site));
            app.MapGet("/lessons/_watch.js", () => Results.Text(ReloadClient, "text/javascript"));
            app.MapGet("/lessons/_events", (HttpContext context) => StreamCompilesAsync(context, site));
        }

        // Ahead of the static files: the compiled web lessons carry no key, the running server hands one out.
        app.Use((context, next) => context.Request.Path == "/lessons/assets/lrs-config.js" && site.WebLessonKey is { } key
            ? WriteLrsConfig(context, key)
            : next());
        app.MapGet("/lessons/", () => Results.Content(IndexPage(site.Latest), "text/html; charset=utf-8"));
        var lessons = new PhysicalFileProvider(site.WebDirectory);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = lessons, RequestPath = "/lessons" });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = lessons, RequestPath = "/lessons" });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(site.PackagesDirectory),
            RequestPath = "/packages",
            ServeUnknownFileTypes = false,
        });
        return app;
    }

    private static Task WriteLrsConfig(HttpContext context, (string Key, string Secret) key)
    {
        var endpoint = new Uri($"{context.Request.Scheme}://{context.Request.Host}/xapi/");
        context.Response.ContentType = "text/javascript; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(LrsConfigScript.Build("web", new LrsConnection(endpoint, key.Key, key.Secret)), context.RequestAborted);
    }

    private static async Task ServeWithReloadScript(HttpContext context, Func<Task> next, LessonSite site)
    {
        var path = context.Request.Path;
        if (!HttpMethods.IsGet(context.Request.Method) || !path.StartsWithSegments("/lessons", out var rest) || !rest.HasValue)
        {
            await next();
            return;
        }

        var relative = rest.Value!.TrimStart('/');
        var file = Path.GetFullPath(Path.Combine(site.WebDirectory, relative.EndsWith('/') || relative.Length == 0 ? relative + "index.html" : relative));
        // Only files inside the web folder, and only HTML pages, get the script.
        if (!file.StartsWith(site.WebDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !file.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || !File.Exists(file))
        {
            await next();
            return;
        }

        var html = await File.ReadAllTextAsync(file, context.RequestAborted);
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        html = at < 0 ? html + WatchScript : html.Insert(at, WatchScript);
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    private static async Task StreamCompilesAsync(HttpContext context, LessonSite site)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        var channel = System.Threading.Channels.Channel.CreateUnbounded<CompileResult>();
        using var subscription = site.Subscribe(result => channel.Writer.WriteAsync(result).AsTask());
        await context.Response.WriteAsync(": watching\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            await foreach (var result in channel.Reader.ReadAllAsync(context.RequestAborted))
            {
                var message = JsonSerializer.Serialize(new
                {
                    ok = result.Succeeded,
                    diagnostics = result.Diagnostics.Select(d => d.ToString()).ToArray(),
                });
                await context.Response.WriteAsync($"data: {message}\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed or reloaded.
        }
    }

    private static string IndexPage(CompileResult? result)
    {
        var html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        var title = result?.Course?.TitleIn("en") ?? "Lessons";
        html.Append($"<title>{E(title)}</title><link rel=\"stylesheet\" href=\"/lessons/assets/lesson.css\"></head><body><main id=\"main\"><h1>{E(title)}</h1>");
        if (result is null || result.Modules.Count == 0)
        {
            html.Append("<p>No lessons are compiled yet.</p>");
        }
        else
        {
            if (!result.Succeeded)
            {
                html.Append("<p role=\"alert\">The last compile failed; these are the lessons from the compile before it.</p>");
            }
            html.Append("<ol>");
            foreach (var module in result.Modules)
            {
                html.Append($"<li>{E(module.Titles.GetValueOrDefault("en") ?? module.Id)}: ");
                html.Append(string.Join(" · ", module.Titles.Keys.Order(StringComparer.Ordinal).Select(language =>
                    $"<a href=\"/lessons/{Uri.EscapeDataString(module.Id)}/{Uri.EscapeDataString(language)}/\" lang=\"{E(language)}\" hreflang=\"{E(language)}\">{E(module.Titles[language])}</a>")));
                html.Append("</li>");
            }
            html.Append("</ol>");
        }
        return html.Append("</main></body></html>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string ReloadClient = """
        // Watch mode only: reload after a good compile, show the errors of a bad one.
        (() => {
          const source = new EventSource('/lessons/_events');
          source.onmessage = (event) => {
            const compile = JSON.parse(event.data);
            if (compile.ok) { location.reload(); return; }
            let panel = document.getElementById('traininglrs-compile-errors');
            if (!panel) {
              panel = document.createElement('div');
              panel.id = 'traininglrs-compile-errors';
              panel.setAttribute('role', 'alert');
              panel.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;background:#fff4f4;color:#7a0000;border-top:3px solid #a4161a;padding:12px;font:14px/1.4 monospace;z-index:99999';
              document.body.appendChild(panel);
            }
            panel.textContent = '';
            const heading = document.createElement('strong');
            heading.textContent = 'The content does not compile:';
            panel.appendChild(heading);
            for (const line of compile.diagnostics) {
              const item = document.createElement('div');
              item.textContent = line;
              panel.appendChild(item);
            }
          };
        })();
        """;
}
