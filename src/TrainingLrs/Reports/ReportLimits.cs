using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OData.Query;

namespace TrainingLrs.Reports;

/// <summary>
/// The bounds every report query runs within. <c>$apply</c>, <c>$compute</c>, <c>$expand</c>,
/// <c>$search</c> and <c>matchesPattern</c> are refused: 9.5.0 cannot bound their cost.
/// </summary>
public sealed class ReportQueryAttribute : EnableQueryAttribute
{
    /// <summary>Rows per page; more come through <c>@odata.nextLink</c>.</summary>
    public const int ServerPageSize = 1000;

    /// <summary>The largest <c>$top</c>.</summary>
    public const int MaxTopValue = 5000;

    /// <summary>The most nodes a <c>$filter</c> or <c>$orderby</c> may have.</summary>
    public const int MaxNodes = 100;

    /// <summary>Applies the limits.</summary>
    public ReportQueryAttribute()
    {
        PageSize = ServerPageSize;
        MaxTop = MaxTopValue;
        MaxSkip = 10_000_000;
        MaxNodeCount = MaxNodes;
        MaxAnyAllExpressionDepth = 1;
        MaxExpansionDepth = 0;
        MaxOrderByNodeCount = 5;
        AllowedQueryOptions = AllowedQueryOptions.Select | AllowedQueryOptions.Filter | AllowedQueryOptions.OrderBy
            | AllowedQueryOptions.Top | AllowedQueryOptions.Skip | AllowedQueryOptions.Count | AllowedQueryOptions.Format
            | AllowedQueryOptions.SkipToken;
        AllowedFunctions = (AllowedFunctions.AllStringFunctions & ~AllowedFunctions.MatchesPattern)
            | AllowedFunctions.AllDateTimeFunctions | AllowedFunctions.AllMathFunctions;
        AllowedArithmeticOperators = AllowedArithmeticOperators.All;
        AllowedLogicalOperators = AllowedLogicalOperators.All;
        HandleNullPropagation = HandleNullPropagationOption.True;
        // Every set is served from an array already sorted by its key, so paging is stable without
        // OData sorting tens of thousands of rows again for every page.
        EnsureStableOrdering = false;
    }

    /// <summary>Runs the base validation, then strips the stack trace from its 400 so that only the broken rule is said.</summary>
    public override void OnActionExecuting(ActionExecutingContext actionExecutingContext)
    {
        base.OnActionExecuting(actionExecutingContext);
        actionExecutingContext.Result = WithoutStackTrace(actionExecutingContext.Result);
    }

    /// <summary>Applies the query (where most validation happens for IQueryable results), then strips the stack trace.</summary>
    public override void OnActionExecuted(ActionExecutedContext actionExecutedContext)
    {
        base.OnActionExecuted(actionExecutedContext);
        actionExecutedContext.Result = WithoutStackTrace(actionExecutedContext.Result);
    }

    // EnableQuery reports a bad query as a SerializableError carrying the exception's type and stack
    // trace; the client needs only the rule it broke.
    private static IActionResult? WithoutStackTrace(IActionResult? result)
    {
        if (result is not BadRequestObjectResult { Value: SerializableError error })
        {
            return result;
        }

        var message = (error.TryGetValue("ExceptionMessage", out var specific) ? specific : error.GetValueOrDefault("Message"))?.ToString()
            ?? "the query is not valid";
        return new BadRequestObjectResult(new Microsoft.OData.ODataError { Code = "InvalidQuery", Message = message });
    }
}
