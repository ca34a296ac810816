namespace CivicGrid.Platform;

public enum OutcomeStatus
{
    Ok,
    Created,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

/// <summary>A field or row problem, in Chinese, with where it is (field name or Excel row).</summary>
public sealed record Problem(string Where, string Message);

/// <summary>What a use case answers: a value, or why not (the web layer turns it into HTTP).</summary>
public sealed record Outcome<T>(OutcomeStatus Status, T? Value, string? Message, IReadOnlyList<Problem> Problems)
{
    public bool Succeeded => Status is OutcomeStatus.Ok or OutcomeStatus.Created;

    public static Outcome<T> Ok(T value) => new(OutcomeStatus.Ok, value, null, []);

    public static Outcome<T> Created(T value) => new(OutcomeStatus.Created, value, null, []);

    public static Outcome<T> NotFound(string message) => new(OutcomeStatus.NotFound, default, message, []);

    public static Outcome<T> Forbidden(string message) => new(OutcomeStatus.Forbidden, default, message, []);

    public static Outcome<T> Conflict(string message) => new(OutcomeStatus.Conflict, default, message, []);

    public static Outcome<T> Invalid(IReadOnlyList<Problem> problems, string message = "提交的数据有误，请按提示修改后重试。") =>
        new(OutcomeStatus.Invalid, default, message, problems);

    public static Outcome<T> Invalid(string where, string message) => Invalid([new Problem(where, message)], message);
}
