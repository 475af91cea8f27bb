using TrainingLrs.Configuration;
using TrainingLrs.Reporting.Organisations;

namespace TrainingLrs.Reports;

/// <summary>
/// Keeps report snapshots ready so no request pays for building one: at start-up it builds every
/// member's snapshot and the all-members one (in the background; the server is already serving), then
/// every second it starts the background rebuild of snapshots that statements made out of date, and
/// builds the snapshots of members added since.
/// </summary>
internal sealed class ReportSnapshotRefresher(ReportSnapshots snapshots, ReportSource source, IOrganisationStore organisations, TrainingLrsSettings settings, TimeProvider clock, ILogger<ReportSnapshotRefresher> logger)
    : BackgroundService
{
    private static readonly TimeSpan s_period = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: StartAsync must not wait for the warm-up.
        await Task.Yield();
        var warmedFor = organisations.Version;
        Warm(stoppingToken);
        snapshots.SetWarm();

        if (settings.Reports.SnapshotSeconds == 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(s_period, clock);
        var seen = warmedFor;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                snapshots.RefreshDue();
                // Members added since (an import, the demo set): warm theirs too once the import is over.
                var version = organisations.Version;
                if (version != warmedFor && version == seen)
                {
                    warmedFor = version;
                    Warm(stoppingToken);
                }
                seen = version;
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void Warm(CancellationToken stoppingToken)
    {
        try
        {
            // Members first: a member's first Excel refresh is the request people wait on.
            foreach (var scope in organisations.Members().Select(m => new ReportScope(m.Id)).Append(new ReportScope(null)))
            {
                stoppingToken.ThrowIfCancellationRequested();
                source.Warm(scope);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            logger.LogWarning(e, "Building the report snapshots ahead of requests failed; the first requests will build them");
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The database closes after the hosted services stop; let a rebuild in progress finish first.
        await snapshots.IdleAsync().WaitAsync(cancellationToken);
    }
}
