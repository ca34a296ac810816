using System.Linq.Expressions;
using CivicGrid.Grid;

namespace CivicGrid.Accounts;

/// <summary>
/// Translates an <see cref="AccessScope"/> into a SQL-translatable filter on a region code column:
/// inside one of the scope's subtrees (prefix match), or one of their ancestors (exact match).
/// </summary>
public static class ScopeFilter
{
    public static Expression<Func<T, bool>> ReadableRegion<T>(AccessScope scope, Expression<Func<T, string>> regionCode, Expression<Func<T, int>>? unitId = null)
    {
        var prefixes = scope.ReadableRegionPrefixes.ToList();
        var ancestors = prefixes.SelectMany(AncestorsOf).Distinct().ToList();
        var unitIds = scope.ScopedUnitIds.ToList();
        var parameter = regionCode.Parameters[0];
        var code = regionCode.Body;
        Expression body = Expression.Constant(false);
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        foreach (var prefix in prefixes)
        {
            body = Expression.OrElse(body, Expression.Call(code, startsWith, Expression.Constant(prefix)));
        }

        if (ancestors.Count > 0)
        {
            var contains = typeof(Enumerable).GetMethods().First(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(string));
            body = Expression.OrElse(body, Expression.Call(contains, Expression.Constant(ancestors), code));
        }

        if (unitId is not null && unitIds.Count > 0)
        {
            var idBody = new ParameterReplacer(unitId.Parameters[0], parameter).Visit(unitId.Body);
            var contains = typeof(Enumerable).GetMethods().First(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(int));
            body = Expression.OrElse(body, Expression.Call(contains, Expression.Constant(unitIds), idBody));
        }

        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private static IEnumerable<string> AncestorsOf(string code)
    {
        for (var c = RegionLevels.ParentCodeOf(code); c is not null; c = RegionLevels.ParentCodeOf(c))
        {
            yield return c;
        }
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
