// Hosts the LRS on 127.0.0.1:<port> over <data folder>, as the real host does. On first start it
// creates an all-scope credential and writes "key:secret" to credential.txt in the data folder.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Http;
using TrainingLrs.Lrs.Storage;

var port = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
var dataDirectory = args[1];
var flush = args.Contains("--fsync");

var database = LrsDatabase.Open(dataDirectory);
var credentialFile = Path.Combine(dataDirectory, "credential.txt");
if (!File.Exists(credentialFile))
{
    var issued = new LiteDbCredentialStore(database).Create(new CredentialRequest("kill-test", [Scopes.All]));
    File.WriteAllText(credentialFile, $"{issued.Credential.Key}:{issued.Secret}");
}

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
builder.Logging.ClearProviders();
builder.Services.AddSingleton(database);
builder.Services.AddXapi(new XapiOptions { FlushToDiskBeforeAcknowledging = flush });
var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapXapi();
await app.StartAsync();
Console.WriteLine("ready");
await app.WaitForShutdownAsync();
