using System.Collections.Concurrent;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace TrainingLrs.Lrs.Storage;

/// <summary>
/// The single writer: one thread takes queued jobs, runs as many as are waiting in one LiteDB
/// transaction, commits, and only then completes them, so a 2xx is sent after the data reached the
/// operating system (and the disk, with fsync on). LiteDB transactions belong to a thread, which is
/// why this is a thread and not an async loop: no transaction is ever held across an await.
/// </summary>
internal sealed class LiteDbWriter : IDisposable
{
    private const int MaxBatchWeight = 500;

    private readonly BlockingCollection<IWriteJob> _queue = new();
    private readonly LiteDatabase _database;
    private readonly LogFlusher? _flusher;
    private readonly ILogger _logger;
    private readonly Thread _thread;

    public LiteDbWriter(LrsDatabase database, bool flushToDisk, ILogger<LiteDbWriter> logger)
    {
        _database = database.Database;
        _flusher = flushToDisk ? LogFlusher.Create(_database) : null;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "xapi-writer" };
        _thread.Start();
    }

    /// <summary>Jobs queued and not yet committed.</summary>
    public int Pending => _queue.Count;

    public Task<T> Enqueue<T>(WriteJob<T> job)
    {
        try
        {
            _queue.Add(job);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(LiteDbWriter), "the LRS is shutting down");
        }
        return job.Task;
    }

    private void Run()
    {
        var batch = new List<IWriteJob>();
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Clear();
            batch.Add(first);
            var weight = first.Weight;
            while (weight < MaxBatchWeight && _queue.TryTake(out var next))
            {
                batch.Add(next);
                weight += next.Weight;
            }

            if (!TryRun(batch))
            {
                // Something failed while writing: retry each job alone so one bad job cannot fail the others.
                foreach (var job in batch)
                {
                    TryRun([job]);
                }
            }
        }
    }

    private bool TryRun(IReadOnlyList<IWriteJob> jobs)
    {
        var succeeded = new List<IWriteJob>(jobs.Count);
        var refused = new List<(IWriteJob Job, Exception Error)>();
        try
        {
            _database.BeginTrans();
            foreach (var job in jobs)
            {
                try
                {
                    job.Prepare(_database);
                }
                catch (Exception e) when (e is not LiteException)
                {
                    refused.Add((job, e));
                    continue;
                }
                job.Apply(_database);
                succeeded.Add(job);
            }
            _database.Commit();
            _flusher?.Flush();
        }
        catch (Exception e)
        {
            SafeRollback();
            foreach (var job in succeeded)
            {
                job.RolledBack();
            }
            if (jobs.Count > 1)
            {
                return false;
            }
            _logger.LogError(e, "xAPI write failed");
            jobs[0].Fail(e);
            return true;
        }

        foreach (var (job, error) in refused)
        {
            job.Fail(error);
        }
        foreach (var job in succeeded)
        {
            job.Complete();
        }
        return true;
    }

    private void SafeRollback()
    {
        try
        {
            _database.Rollback();
        }
        catch (LiteException)
        {
            // Nothing left to roll back.
        }
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join(TimeSpan.FromSeconds(30));
        _queue.Dispose();
    }
}
