namespace TrainingLrs.Hosting;

/// <summary><c>GET /</c>: where everything is, for a person who opens the server's address.</summary>
public static class HomePage
{
    private const string Html = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>TrainingLrs</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;max-width:720px;margin:40px auto;padding:0 16px;color:#1b1f24}a{color:#0b5cad}code{background:#f1f3f5;padding:1px 4px}</style></head>
        <body><main>
        <h1>TrainingLrs</h1>
        <p>Training on preventing forced and child labor in US supply chains, and the record of who has completed it.</p>
        <ul>
        <li><a href="/lessons/">Lessons</a>: the modules in English and Spanish.</li>
        <li><a href="/dashboard">Campaign dashboard</a>: members sign in with their reporting key.</li>
        <li>OData feed for Excel and Power BI: <code>/odata</code> (Basic auth with a reporting key, or <code>?key=…&amp;secret=…</code>).</li>
        <li>xAPI Learning Record Store: <code>/xapi/</code>.</li>
        <li>Health: <a href="/health">/health</a>.</li>
        </ul>
        </main></body></html>
        """;

    /// <summary>Maps the page.</summary>
    public static IEndpointRouteBuilder MapHome(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Content(Html, "text/html; charset=utf-8")).AllowAnonymous();
        return app;
    }
}
