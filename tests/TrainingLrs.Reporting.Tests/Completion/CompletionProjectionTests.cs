using System.Text.Json;
using TrainingLrs.Lrs.Storage;
using TrainingLrs.Reporting.Completion;

namespace TrainingLrs.Reporting.Tests.Completion;

public sealed class CompletionProjectionTests : IDisposable
{
    private const string Base = "https://traininglrs.org/courses/labor-rights-2026/modules/";
    private const string Webinar = "https://traininglrs.org/webinars/child-labor-law";
    private static readonly ModuleCatalog s_catalog = new(
        [
            new ModuleInfo("m-completed", Base + "m-completed", "C", MoveOn.Completed, true),
            new ModuleInfo("m-passed", Base + "m-passed", "P", MoveOn.Passed, true),
            new ModuleInfo("m-and", Base + "m-and", "A", MoveOn.CompletedAndPassed, true),
            new ModuleInfo("m-or", Base + "m-or", "O", MoveOn.CompletedOrPassed, true),
            new ModuleInfo("m-na", Base + "m-na", "N", MoveOn.NotApplicable, false),
        ],
        new Dictionary<string, IReadOnlyList<string>> { [Webinar] = ["m-passed", "m-and"] });

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "traininglrs-tests", Guid.NewGuid().ToString("N"));
    private readonly LrsDatabase _database;
    private readonly LiteDbCompletionStore _store;
    private readonly Dictionary<string, ProjectedStatement> _stored = [];
    private readonly HashSet<string> _voided = [];
    private DateTimeOffset _clock = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public CompletionProjectionTests()
    {
        _database = LrsDatabase.Open(_folder);
        _store = new LiteDbCompletionStore(_database, s_catalog);
    }

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string Learner(string name) => StatementFacts.HashIdentifier("account:https://lms.lakeside.example|" + name);

    private ProjectedStatement Statement(string learner, string verb, string objectIri, double? scaled = null, string? duration = null, string partner = "lakeside")
    {
        _clock = _clock.AddMinutes(1);
        var result = new Dictionary<string, object>();
        if (scaled is not null)
        {
            result["score"] = new { scaled };
        }
        if (duration is not null)
        {
            result["duration"] = duration;
        }
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["actor"] = new { name = learner.ToUpperInvariant(), account = new { homePage = "https://lms.lakeside.example", name = learner } },
            ["verb"] = new { id = verb },
            ["object"] = new { id = objectIri },
            ["result"] = result,
            ["timestamp"] = _clock.ToString("O"),
        });
        var id = JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()!;
        return new ProjectedStatement(id, json, _clock, partner, null);
    }

    private void Store(params ProjectedStatement[] batch)
    {
        foreach (var statement in batch)
        {
            _stored[statement.Id] = statement;
            if (statement.VoidedStatementId is { } target)
            {
                _voided.Add(target);
            }
        }
        _store.Project(batch, id => _voided.Contains(id) ? null : _stored.GetValueOrDefault(id));
    }

    private ProjectedStatement Void(string statementId)
    {
        _clock = _clock.AddMinutes(1);
        return new ProjectedStatement(Guid.NewGuid().ToString(), "{}", _clock, "lakeside", statementId);
    }

    private CompletionRow Row(string learner, string module) => _store.Find(Learner(learner), module)!;

    [Theory]
    [InlineData("m-completed", Verbs.Completed, true)]
    [InlineData("m-completed", Verbs.Passed, false)]
    [InlineData("m-passed", Verbs.Completed, false)]
    [InlineData("m-passed", Verbs.Passed, true)]
    [InlineData("m-and", Verbs.Completed, false)]
    [InlineData("m-and", Verbs.Passed, false)]
    [InlineData("m-or", Verbs.Completed, true)]
    [InlineData("m-or", Verbs.Passed, true)]
    [InlineData("m-na", "http://adlnet.gov/expapi/verbs/initialized", true)]
    public void One_statement_satisfies_a_module_exactly_when_its_move_on_says(string module, string verb, bool satisfied)
    {
        Store(Statement("ana", verb, Base + module, scaled: 0.9));

        Assert.Equal(satisfied, Row("ana", module).Satisfied);
    }

    [Fact]
    public void Completed_and_passed_needs_both_in_any_order_across_batches()
    {
        Store(Statement("ana", Verbs.Passed, Base + "m-and", 0.8));
        Assert.False(Row("ana", "m-and").Satisfied);

        Store(Statement("ana", Verbs.Completed, Base + "m-and"));

        Assert.True(Row("ana", "m-and").Satisfied);
        Assert.Equal(CompletionStatus.Passed, Row("ana", "m-and").Status);
    }

    [Fact]
    public void A_failure_after_a_pass_does_not_undo_satisfaction()
    {
        Store(Statement("ana", Verbs.Passed, Base + "m-passed", 0.85));
        Store(Statement("ana", Verbs.Failed, Base + "m-passed", 0.4));

        var row = Row("ana", "m-passed");
        Assert.True(row.Satisfied);
        Assert.Equal(CompletionStatus.Passed, row.Status);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(0.85, row.BestScore);
    }

    [Fact]
    public void Failing_then_passing_counts_attempts_and_keeps_the_best_score()
    {
        Store(Statement("ana", Verbs.Failed, Base + "m-passed", 0.5), Statement("ana", Verbs.Passed, Base + "m-passed", 0.9));

        var row = Row("ana", "m-passed");
        Assert.Equal(CompletionStatus.Passed, row.Status);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(0.9, row.BestScore);
    }

    [Fact]
    public void Voiding_the_pass_recomputes_the_row_from_what_is_left()
    {
        var failed = Statement("ana", Verbs.Failed, Base + "m-passed", 0.5);
        var passed = Statement("ana", Verbs.Passed, Base + "m-passed", 0.9);
        Store(failed, passed);

        Store(Void(passed.Id));

        var row = Row("ana", "m-passed");
        Assert.False(row.Satisfied);
        Assert.Equal(CompletionStatus.Failed, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(0.5, row.BestScore);
    }

    [Fact]
    public void Voiding_the_only_statement_removes_the_row()
    {
        var completed = Statement("ana", Verbs.Completed, Base + "m-completed");
        Store(completed);

        Store(Void(completed.Id));

        Assert.Null(_store.Find(Learner("ana"), "m-completed"));
    }

    [Fact]
    public void Webinar_attendance_satisfies_every_module_mapped_to_it_and_adds_its_time()
    {
        Store(Statement("ana", Verbs.Attended, Webinar, duration: "PT1H30M"));

        Assert.True(Row("ana", "m-passed").Satisfied);
        Assert.True(Row("ana", "m-and").Satisfied);
        Assert.Equal(CompletionStatus.Completed, Row("ana", "m-passed").Status);
        Assert.Equal(TimeSpan.FromMinutes(90), Row("ana", "m-passed").TimeSpent);
        Assert.Null(_store.Find(Learner("ana"), "m-completed"));
    }

    [Fact]
    public void Answers_to_a_modules_questions_show_progress_but_do_not_satisfy_it()
    {
        Store(Statement("ana", "http://adlnet.gov/expapi/verbs/answered", Base + "m-completed/questions/q1"),
              Statement("ana", Verbs.Completed, Base + "m-completed/questions/q1"));

        var row = Row("ana", "m-completed");
        Assert.Equal(CompletionStatus.InProgress, row.Status);
        Assert.False(row.Satisfied);
    }

    [Fact]
    public void Session_time_is_the_sum_of_terminated_durations()
    {
        Store(Statement("ana", Verbs.Terminated, Base + "m-completed", duration: "PT10M"),
              Statement("ana", Verbs.Terminated, Base + "m-completed", duration: "PT5M30S"));

        Assert.Equal(TimeSpan.FromSeconds(930), Row("ana", "m-completed").TimeSpent);
    }

    [Fact]
    public void Statements_about_other_activities_or_by_groups_are_ignored()
    {
        Store(Statement("ana", Verbs.Completed, "https://elsewhere.example/course"));
        var group = new ProjectedStatement(Guid.NewGuid().ToString(),
            $$$"""{"id":"{{{Guid.NewGuid()}}}","actor":{"objectType":"Group","member":[{"mbox":"mailto:a@b.c"}]},"verb":{"id":"{{{Verbs.Completed}}}"},"object":{"id":"{{{Base}}}m-completed"}}""",
            _clock, "lakeside", null);
        Store(group);

        Assert.Equal(0, _store.Count());
    }

    [Fact]
    public void Learners_are_recorded_with_name_partner_and_account_and_rows_filter_by_partner()
    {
        Store(Statement("ana", Verbs.Completed, Base + "m-completed", partner: "lakeside"),
              Statement("ben", Verbs.Completed, Base + "m-completed", partner: "riverside"));

        var learner = Assert.Single(_store.Learners(["lakeside"]));
        Assert.Equal("ANA", learner.Name);
        Assert.Equal("ana", learner.AccountName);
        Assert.Equal("https://lms.lakeside.example", learner.AccountHomePage);
        Assert.Single(_store.Rows(["riverside"]));
        Assert.Equal(2, _store.Rows().Count);
    }

    [Fact]
    public void A_rebuild_from_the_statements_gives_the_same_rows_as_the_live_projection()
    {
        var passed = Statement("ana", Verbs.Passed, Base + "m-and", 0.7);
        Store(Statement("ana", Verbs.Failed, Base + "m-and", 0.3), passed, Statement("ben", Verbs.Attended, Webinar, duration: "PT1H"));
        Store(Statement("ana", Verbs.Completed, Base + "m-and"), Statement("ben", Verbs.Terminated, Base + "m-na", duration: "PT2M"));
        Store(Void(passed.Id), Statement("cy", "http://adlnet.gov/expapi/verbs/progressed", Base + "m-or/pages/2"));
        var live = _store.Rows().OrderBy(r => r.LearnerId + r.ModuleId).ToArray();

        var count = _store.Rebuild(_stored.Values.Where(s => !_voided.Contains(s.Id)).OrderBy(s => s.Stored));

        Assert.Equal(live.Length, count);
        Assert.Equal(live, _store.Rows().OrderBy(r => r.LearnerId + r.ModuleId).ToArray());
    }
}
