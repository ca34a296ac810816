using CivicGrid.Platform;

namespace CivicGrid.Web.Platform;

/// <summary>Turns a use case's <see cref="Outcome{T}"/> into an HTTP answer with Chinese ProblemDetails.</summary>
public static class OutcomeResults
{
    public static IResult ToHttp<T, TDto>(this Outcome<T> outcome, Func<T, TDto> map, Func<TDto, string>? location = null) => outcome.Status switch
    {
        OutcomeStatus.Ok => TypedResults.Ok(map(outcome.Value!)),
        OutcomeStatus.Created when location is not null => TypedResults.Created(location(map(outcome.Value!)), map(outcome.Value!)),
        OutcomeStatus.Created => TypedResults.Ok(map(outcome.Value!)),
        OutcomeStatus.NotFound => Problems.NotFound(outcome.Message!),
        OutcomeStatus.Forbidden => Problems.Forbidden(outcome.Message!),
        OutcomeStatus.Conflict => Problems.Conflict(outcome.Message!),
        _ => Problems.Create(400, "validation", "数据校验未通过", outcome.Message,
            new Dictionary<string, object?> { ["errors"] = outcome.Problems.Select(p => new { where = p.Where, message = p.Message }).ToList() }),
    };
}
