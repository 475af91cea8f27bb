using Microsoft.Playwright;

namespace TrainingLrs.Browser.Tests.Lessons.Support;

/// <summary>
/// What a learner does in module 1, by role and label as a person would find it. The answer key is
/// read from the page's own lesson data, so the driver can answer right or wrong on purpose.
/// Pages of module 1: 1 objectives, 2 the initiative, 3 enforcement (knowledge check),
/// 4 host plant (scenario, glossary), 5 final assessment.
/// </summary>
public sealed class LessonDriver(IFrame frame)
{
    public IFrame Frame => frame;

    public static async Task WaitForLaunchAsync(IFrame frame) =>
        await frame.WaitForFunctionAsync("() => !!document.documentElement.dataset.launch && !!document.querySelector('.pager')");

    public Task<string> LaunchKindAsync() => frame.EvaluateAsync<string>("document.documentElement.dataset.launch");

    public ILocator Button(string name) => frame.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public Task NextAsync() => Button("Next").ClickAsync();

    public async Task GoToPageAsync(int page)
    {
        while (await CurrentPageAsync() < page)
        {
            await NextAsync();
        }
    }

    /// <summary>The 1-based page number the pager shows.</summary>
    public async Task<int> CurrentPageAsync()
    {
        var status = await frame.Locator(".pager-status").InnerTextAsync();
        return int.Parse(status.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<string> VisibleHeadingAsync() =>
        frame.EvaluateAsync<string>("() => [...document.querySelectorAll('main > :not([hidden]) h2')].map(h => h.textContent.trim())[0] || ''");

    /// <summary>Answers the knowledge check on page 3 (all three right options).</summary>
    public async Task AnswerKnowledgeCheckAsync(bool right = true)
    {
        await GoToPageAsync(3);
        foreach (var key in right ? new[] { "a", "b", "c" } : ["d"])
        {
            await frame.Locator($"#kc-pattern-{key}").CheckAsync();
        }

        await Button("Check answer").ClickAsync();
    }

    /// <summary>Walks both scenario steps on page 4 with the recommended choices.</summary>
    public async Task PlayScenarioAsync()
    {
        await GoToPageAsync(4);
        foreach (var step in new[] { 1, 2 })
        {
            await frame.Locator($"#floor-map-step-{step}-a").CheckAsync();
            await frame.Locator($"#floor-map-step-{step} button").ClickAsync();
        }
    }

    /// <summary>Answers the drawn assessment questions all right or all wrong and submits.</summary>
    public Task TakeAssessmentAsync(bool pass) => TakeAssessmentAsync(pass ? int.MaxValue : 0);

    /// <summary>Answers the first <paramref name="right"/> drawn questions right, the others wrong, and submits.</summary>
    public async Task TakeAssessmentAsync(int right)
    {
        await GoToPageAsync(5);
        var choices = await frame.EvaluateAsync<string[]>("""
            (right) => {
              const spec = window.TrainingLrsLesson.assessment;
              return [...document.querySelectorAll('form.assessment-form fieldset.question:not(.is-hidden)')].map((q, n) => {
                const key = spec.questions.find(x => x.id === q.dataset.question);
                const options = [...q.querySelectorAll('input')].map(i => i.value);
                return q.dataset.question + '-' + (n < right ? key.correct[0] : options.find(o => !key.correct.includes(o)));
              });
            }
            """, Math.Min(right, 1000));
        foreach (var id in choices)
        {
            await frame.Locator("#" + id).CheckAsync();
        }

        await Button("Submit answers").ClickAsync();
    }

    public Task RetryAsync() => Button("Try again").ClickAsync();

    public Task ExitAsync() => Button("Save and exit").ClickAsync();

    public Task<string> ResultTextAsync() => frame.Locator("form.assessment-form .result").InnerTextAsync();
}
