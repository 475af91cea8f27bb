using TrainingLrs.Lrs.Statements;
using TrainingLrs.Lrs.Storage;

namespace TrainingLrs.Lrs.Documents;

/// <summary>
/// What a partner-bound credential may do with documents stored before partner spaces existed. They
/// sit in the unscoped space with nothing saying whose learner wrote them. (Documents an unbound
/// credential writes now also live in the unscoped space, but they are marked and never adopted.)
/// </summary>
/// <remarks>
/// The rule: a partner adopts the unscoped State or Agent Profile documents under the parameters it asks
/// for, but only when its own statements prove the agent is its learner: a statement stamped with the
/// partner whose actor is the agent (and, for State, about the document's activity or one of its
/// children). Adopting moves the documents into the partner's space, content and ETag unchanged, after
/// which every operation (lists, merges, If-Match, DELETE) works on them like on any other document of
/// that space, and no other partner can reach them.
///
/// Why not "never": a learner who had started a lesson before the upgrade would lose the bookmark and
/// answers when resuming. Why not "fall back to unscoped when the own space is empty": any partner's
/// lesson key (public inside that partner's LMS) could go on reading every other partner's legacy
/// documents, and a DELETE in the own space would make the legacy document reappear. Statement evidence
/// ties each legacy document to the partner the learner was already reporting through, which statements
/// were already isolated by. Activity Profiles belong to no learner, so no evidence can attribute them;
/// they stay in the unscoped space, readable by unbound credentials only, as do documents of agents with
/// no statement from the asking partner. Adoption may happen on a GET: it is a one-time move, not a
/// change of content, and it is what makes the partner's first read and its later writes agree. The one
/// ambiguity left: a learner with the same identifier who took the same activity through two partners
/// before the upgrade; whichever partner asks first adopts the document, as either had access to it then.
/// </remarks>
internal static class LegacyDocuments
{
    /// <summary>Moves the scope's unscoped documents into its partner space when the partner's statements allow it.</summary>
    public static async Task AdoptAsync(IDocumentStore documents, IStatementStore statements, DocumentScope scope)
    {
        // The common case costs one index seek: no legacy document under these parameters.
        if (scope.PartnerId is null || scope.AgentIdentifier is null || !documents.HasLegacy(scope))
        {
            return;
        }
        if (IsPartnersLearner(statements, scope))
        {
            await documents.AdoptLegacyAsync(scope);
        }
    }

    private static bool IsPartnersLearner(IStatementStore statements, DocumentScope scope)
    {
        // The agent's own statements first: the shortest key list to walk.
        var keys = new List<string> { StatementKeys.Make(StatementKeys.Agent, scope.AgentIdentifier!) };
        if (scope.ActivityId is not null)
        {
            keys.Add(StatementKeys.Make(StatementKeys.RelatedActivity, scope.ActivityId));
        }
        keys.Add(StatementKeys.Make(StatementKeys.Partner, scope.PartnerId!));
        return statements.Search(new StatementQuery { Keys = keys, Limit = 1 }).Statements.Count > 0;
    }
}
