using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Http;
using TrainingLrs.Lrs.Storage;

namespace TrainingLrs.Lrs.Tests;

/// <summary>A real Kestrel server on a loopback port with its own LiteDB file in a temp folder.</summary>
public sealed class LrsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LrsDatabase _database;
    private readonly List<HttpClient> _clients = [];

    private LrsServer(WebApplication app, LrsDatabase database, string dataDirectory, Uri address)
    {
        _app = app;
        _database = database;
        DataDirectory = dataDirectory;
        Address = address;
    }

    public string DataDirectory { get; }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<LrsServer> StartAsync(XapiOptions? options = null, Action<IServiceCollection>? configure = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "lrs-tests", Guid.NewGuid().ToString("N"));
        var database = LrsDatabase.Open(dataDirectory);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(database);
        configure?.Invoke(builder.Services);
        builder.Services.AddXapi(options ?? new XapiOptions());
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapXapi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LrsServer(app, database, dataDirectory, new Uri(address));
    }

    /// <summary>A client with a fresh credential holding <paramref name="scopes"/> and the given version header.</summary>
    public HttpClient Client(string version = "1.0.3", string? partnerId = null, params string[] scopes)
    {
        var issued = Services.GetRequiredService<ICredentialStore>()
            .Create(new CredentialRequest("test", scopes.Length == 0 ? [Scopes.All] : scopes, partnerId));
        var client = Anonymous(version);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{issued.Credential.Key}:{issued.Secret}")));
        return client;
    }

    public HttpClient Anonymous(string? version = "1.0.3")
    {
        var client = new HttpClient { BaseAddress = Address };
        if (version is not null)
        {
            client.DefaultRequestHeaders.Add("X-Experience-API-Version", version);
        }
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
        _database.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
