using System.Linq.Expressions;
using CivicGrid.Accounts;
using CivicGrid.Grid;

namespace CivicGrid.Web.Components.Console;

/// <summary>
/// The rules of <see cref="AccessScope"/> as query filters, so lists are cut to the caller's
/// scope in the database. A region is readable inside a readable prefix or as an ancestor of one.
/// </summary>
public static class ScopeFilters
{
    /// <summary>Rows whose region code is readable (inside a scope or an ancestor of one).</summary>
    public static IQueryable<T> WhereRegionReadable<T>(this IQueryable<T> query, AccessScope scope, Expression<Func<T, string>> code) =>
        query.Where(Readable(scope, code, extraIds: null, id: null));

    /// <summary>Units the caller may read: by region as above, or because he belongs to them.</summary>
    public static IQueryable<T> WhereUnitReadable<T>(this IQueryable<T> query, AccessScope scope,
        Expression<Func<T, int>> id, Expression<Func<T, string>> regionCode) =>
        query.Where(Readable(scope, regionCode, scope.ScopedUnitIds.ToList(), id));

    /// <summary>Rows whose region code lies inside a readable prefix (no ancestors).</summary>
    public static IQueryable<T> WhereRegionWithinScope<T>(this IQueryable<T> query, AccessScope scope, Expression<Func<T, string>> code)
    {
        var prefixes = scope.ReadableRegionPrefixes.ToList();
        var p = code.Parameters[0];
        Expression body = Expression.Constant(false);
        foreach (var prefix in prefixes)
        {
            body = Expression.OrElse(body, StartsWith(code.Body, prefix));
        }

        return query.Where(Expression.Lambda<Func<T, bool>>(body, p));
    }

    private static Expression<Func<T, bool>> Readable<T>(AccessScope scope, Expression<Func<T, string>> code,
        List<int>? extraIds, Expression<Func<T, int>>? id)
    {
        var prefixes = scope.ReadableRegionPrefixes.ToList();
        var ancestors = prefixes.SelectMany(AncestorsOf).Distinct().ToList();
        var p = code.Parameters[0];
        Expression body = Expression.Constant(false);
        foreach (var prefix in prefixes)
        {
            body = Expression.OrElse(body, StartsWith(code.Body, prefix));
        }

        if (ancestors.Count > 0)
        {
            body = Expression.OrElse(body, Contains(ancestors, code.Body));
        }

        if (extraIds is { Count: > 0 } && id is not null)
        {
            var idBody = new ReplaceParameter(id.Parameters[0], p).Visit(id.Body);
            body = Expression.OrElse(body, Contains(extraIds, idBody));
        }

        return Expression.Lambda<Func<T, bool>>(body, p);
    }

    /// <summary>The proper ancestors of a region code: 110199001 → 110199.</summary>
    public static IEnumerable<string> AncestorsOf(string code)
    {
        for (var parent = RegionLevels.ParentCodeOf(code); parent is not null; parent = RegionLevels.ParentCodeOf(parent))
        {
            yield return parent;
        }
    }

    private static MethodCallExpression StartsWith(Expression text, string prefix) =>
        Expression.Call(text, typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!, Expression.Constant(prefix));

    private static MethodCallExpression Contains<TValue>(List<TValue> values, Expression item) =>
        Expression.Call(Expression.Constant(values), typeof(List<TValue>).GetMethod(nameof(List<TValue>.Contains))!, item);

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
