namespace TrainingLrs.Reporting.Completion;

/// <summary>Completion rows and learners, as the projection keeps them.</summary>
public interface ICompletionStore
{
    /// <summary>All rows, or the rows of the given partners.</summary>
    IReadOnlyList<CompletionRow> Rows(IReadOnlyCollection<string>? partnerIds = null);

    /// <summary>One row, or null.</summary>
    CompletionRow? Find(string learnerId, string moduleId);

    /// <summary>All learners, or the learners of the given partners.</summary>
    IReadOnlyList<Learner> Learners(IReadOnlyCollection<string>? partnerIds = null);

    /// <summary>The satisfied row whose certificate has this code (any spelling a person may type), or null.</summary>
    CompletionRow? FindCertificate(string code);

    /// <summary>One learner, or null.</summary>
    Learner? FindLearner(string learnerId);

    /// <summary>How many rows there are.</summary>
    int Count();

    /// <summary>Changes whenever rows or learners may have changed; readers use it to know a cached copy is current.</summary>
    long Version { get; }
}
