namespace TrainingLrs.Authoring.Themes;

/// <summary>
/// Text that is already HTML. Templates escape every value they print except these, so only
/// compiler-rendered Markdown and explicit <c>raw</c> calls reach the page unescaped.
/// </summary>
/// <param name="Value">The HTML.</param>
internal sealed record HtmlString(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
