using Microsoft.Playwright;

namespace TrainingLrs.Browser.Tests.Lessons.Support;

/// <summary>A learner without a mouse: Tab until the wanted control has focus, as a keyboard user would.</summary>
public sealed class KeyboardLearner(IPage page, IFrame frame)
{
    /// <summary>Presses Tab until the focused element in the lesson matches <paramref name="selector"/>.</summary>
    public async Task TabToAsync(string selector, int maxPresses = 80)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            if (await frame.EvaluateAsync<bool>("(s) => !!document.activeElement && document.activeElement.matches(s)", selector))
            {
                // Keyboard users must see where they are.
                var outline = await frame.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
                Assert.NotEqual("none", outline);
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{selector} never got focus after {maxPresses} Tab presses");
    }
}
