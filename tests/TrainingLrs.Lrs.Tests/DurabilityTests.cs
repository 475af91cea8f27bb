using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace TrainingLrs.Lrs.Tests;

/// <summary>
/// A 2xx means the statement survives a kill -9 of the server the next instant: a real server process
/// is killed under concurrent load, restarted on the same data folder, and asked for every acknowledged id.
/// </summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lrs-kill", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_acknowledged_statement_survives_kill_9_under_concurrent_load(bool fsync)
    {
        var port = FreePort();
        var acknowledged = new ConcurrentBag<string>();
        using (var server = StartServer(port, fsync))
        {
            using var client = Client(port);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var batch = new JsonArray(Enumerable.Range(0, 1 + (w % 3) * 5).Select(_ => (JsonNode)Xapi.Statement($"w{w}@example.com")).ToArray());
                    try
                    {
                        var response = await client.PostAsync("/xapi/statements", Xapi.Json(batch));
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            foreach (var id in (await response.Content.ReadFromJsonAsync<string[]>())!)
                            {
                                acknowledged.Add(id);
                            }
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
                    {
                        // The server died mid-request: that statement was never acknowledged.
                    }
                }
            })).ToArray();

            // Kill mid-stream once enough has been acknowledged (fsync on a busy disk can be slow).
            var deadline = DateTime.UtcNow.AddSeconds(60);
            await Task.Delay(TimeSpan.FromSeconds(1));
            while (acknowledged.Count < 300 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        Assert.True(acknowledged.Count > 50, $"only {acknowledged.Count} statements were acknowledged before the kill");
        using (var restarted = StartServer(port, fsync))
        {
            using var client = Client(port);
            var missing = new List<string>();
            foreach (var id in acknowledged)
            {
                var response = await client.GetAsync($"/xapi/statements?statementId={id}");
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    missing.Add(id);
                }
            }
            restarted.Kill(entireProcessTree: true);
            await restarted.WaitForExitAsync();
            Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged statements were lost");
        }
    }

    private Process StartServer(int port, bool fsync)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "TrainingLrs.Lrs.TestServer", "bin",
            new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "TrainingLrs.Lrs.TestServer.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.GetFullPath(dll));
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(_dataDirectory);
        if (fsync)
        {
            start.ArgumentList.Add("--fsync");
        }
        var process = Process.Start(start)!;
        var ready = process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(30)) || ready.Result != "ready")
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("the test server did not start");
        }
        return process;
    }

    private HttpClient Client(int port)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(_dataDirectory, "credential.txt")))));
        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
