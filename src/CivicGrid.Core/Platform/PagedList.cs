namespace CivicGrid.Platform;

/// <summary>One page of a list: the shape every list endpoint answers.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public static class Paging
{
    public const int MaxPageSize = 200;

    /// <summary>Clamps user-given paging to sane values (page from 1, size 1–200, default 20).</summary>
    public static (int Page, int PageSize) Normalize(int? page, int? pageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, MaxPageSize));
}
