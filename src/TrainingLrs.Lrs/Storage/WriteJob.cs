using LiteDB;

namespace TrainingLrs.Lrs.Storage;

/// <summary>
/// One unit of work for the single writer. <see cref="Prepare"/> only reads and may refuse the job
/// (a client mistake such as a conflict); <see cref="Apply"/> writes and is expected to succeed. The
/// split lets the writer run many jobs in one transaction and still refuse one without touching the
/// others.
/// </summary>
internal abstract class WriteJob<T> : IWriteJob
{
    private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Task => _done.Task;

    public virtual int Weight => 1;

    public abstract void Prepare(LiteDatabase database);

    protected abstract T Apply(LiteDatabase database);

    void IWriteJob.Apply(LiteDatabase database) => _result = Apply(database);

    void IWriteJob.Complete() => _done.TrySetResult(_result!);

    void IWriteJob.Fail(Exception error) => _done.TrySetException(error);

    /// <summary>The transaction this job applied in was rolled back: forget anything cached from it.</summary>
    public virtual void RolledBack()
    {
    }
}

/// <summary>The writer's view of a job, whatever its result type.</summary>
internal interface IWriteJob
{
    int Weight { get; }

    void Prepare(LiteDatabase database);

    void Apply(LiteDatabase database);

    void Complete();

    void Fail(Exception error);

    void RolledBack();
}
