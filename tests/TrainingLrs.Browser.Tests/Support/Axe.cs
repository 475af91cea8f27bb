using System.Text.Json;
using Microsoft.Playwright;

namespace TrainingLrs.Browser.Tests.Support;

/// <summary>Runs axe-core (from the npm test tools) in a page and returns its WCAG 2.1 AA violations.</summary>
public static class Axe
{
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = ScriptPath() });
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return JSON.stringify(result.violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')})`));
            }
            """);
        return JsonSerializer.Deserialize<string[]>(json) ?? [];
    }

    private static string ScriptPath()
    {
        var tools = Environment.GetEnvironmentVariable("TRAININGLRS_TEST_TOOLS") ?? Path.Combine(RepositoryRoot(), "tests", "tools", "node_modules");
        var path = Path.Combine(tools, "axe-core", "axe.min.js");
        return File.Exists(path) ? path : throw new InvalidOperationException($"axe-core not found at {path}: run the test command (it runs npm ci in tests/tools)");
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TrainingLrs.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("cannot find the repository root (TrainingLrs.sln) above " + AppContext.BaseDirectory);
    }
}
