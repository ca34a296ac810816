using System.Linq.Expressions;
using CivicGrid.Accounts;

namespace CivicGrid.Web.Components.Console;

/// <summary>
/// The rules of <see cref="AccessScope"/> as query filters (over <see cref="ScopeFilter"/>), so lists
/// are cut to the caller's scope in the database.
/// </summary>
public static class ScopeFilters
{
    /// <summary>Rows whose region code is readable (inside a scope or an ancestor of one).</summary>
    public static IQueryable<T> WhereRegionReadable<T>(this IQueryable<T> query, AccessScope scope, Expression<Func<T, string>> code) =>
        query.Where(ScopeFilter.ReadableRegion(scope, code));

    /// <summary>Units the caller may read: by region as above, or because he belongs to them.</summary>
    public static IQueryable<T> WhereUnitReadable<T>(this IQueryable<T> query, AccessScope scope,
        Expression<Func<T, int>> id, Expression<Func<T, string>> regionCode) =>
        query.Where(ScopeFilter.ReadableRegion(scope, regionCode, id));

    /// <summary>Rows whose region code lies inside a readable prefix (no ancestors): what the caller answers for.</summary>
    public static IQueryable<T> WhereRegionWithinScope<T>(this IQueryable<T> query, AccessScope scope, Expression<Func<T, string>> code)
    {
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        Expression body = Expression.Constant(false);
        foreach (var prefix in scope.ReadableRegionPrefixes)
        {
            body = Expression.OrElse(body, Expression.Call(code.Body, startsWith, Expression.Constant(prefix)));
        }

        return query.Where(Expression.Lambda<Func<T, bool>>(body, code.Parameters[0]));
    }
}
