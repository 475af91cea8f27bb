using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace TrainingLrs.Authoring.Themes;

/// <summary>
/// A one-argument theme function called directly. Scriban calls an imported delegate through
/// <c>Delegate.DynamicInvoke</c>, which resolves the method again on every call; the lesson template
/// calls these helpers on every page, and that reflection was a fifth of the render.
/// </summary>
internal sealed class ThemeFunction(string name, Type returnType, Func<TemplateContext, object?, object?> function) : IScriptCustomFunction
{
    public int RequiredParameterCount => 1;

    public int ParameterCount => 1;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    public Type ReturnType => returnType;

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "value");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (arguments.Count != 1)
        {
            throw new ScriptRuntimeException(callerContext?.Span ?? default(SourceSpan), $"'{name}' takes exactly one argument; it was given {arguments.Count}.");
        }

        return function(context, arguments[0]);
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
