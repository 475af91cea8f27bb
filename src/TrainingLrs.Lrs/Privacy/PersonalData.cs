using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TrainingLrs.Lrs.Http;
using TrainingLrs.Lrs.Statements;
using TrainingLrs.Lrs.Storage;
using TrainingLrs.Lrs.Validation;

namespace TrainingLrs.Lrs.Privacy;

/// <summary>
/// Personal data in the LRS, for the server's own verbs: erase everything about one actor, purge
/// statements stored before a date. <c>POST /admin/privacy/erase|purge</c> is the HTTP twin.
/// </summary>
public sealed class PersonalData
{
    private readonly IPrivacyStore _store;

    private PersonalData(IPrivacyStore store) => _store = store;

    /// <summary>The personal data of the LRS registered by <c>AddXapi</c> in <paramref name="services"/>.</summary>
    public static PersonalData From(IServiceProvider services) => new(services.GetRequiredService<IPrivacyStore>());

    /// <summary>
    /// Erases (or counts, on a dry run) every statement that mentions the agent anywhere, and its state
    /// and agent profile documents. Observers (the completion projection) forget what they derived.
    /// </summary>
    /// <exception cref="ArgumentException">The agent is not a valid Agent with an identifier; the message says why.</exception>
    public Task<PrivacyCounts> EraseAsync(JsonObject agent, bool dryRun) =>
        _store.EraseAgentAsync(IdentifierOf(agent), dryRun);

    /// <summary>
    /// Deletes (or counts) the statements stored before <paramref name="before"/>, in slices that each
    /// commit; an interrupted purge is completed by running it again.
    /// </summary>
    public Task<PrivacyCounts> PurgeAsync(DateTimeOffset before, bool dryRun, CancellationToken cancellationToken = default) =>
        _store.PurgeAsync(before, dryRun, cancellationToken);

    /// <summary>The agent's inverse functional identifier, after checking it is a valid Agent.</summary>
    internal static string IdentifierOf(JsonObject agent)
    {
        try
        {
            StatementValidator.Actor(agent, "agent", XapiVersion.V2, requireObjectType: false);
        }
        catch (XapiException e)
        {
            throw new ArgumentException(e.Message, e);
        }
        return StatementKeys.Identifier(agent)
            ?? throw new ArgumentException("agent: must have an identifier (mbox, mbox_sha1sum, openid or account)");
    }
}
