using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Organization;
using CivicGrid.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Organization;

public sealed record UnitDto(int Id, string Code, string Name, string Kind, string KindName, string RegionCode, string? Phone, bool IsActive)
{
    public static UnitDto From(Unit u) => new(u.Id, u.Code, u.Name, u.Kind.ToString(), UnitKinds.ChineseName(u.Kind), u.RegionCode, u.Phone, u.IsActive);
}

public static class UnitApi
{
    public static void MapUnitApi(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").RequireAuthorization().WithTags("组织");
        units.MapGet("/{id:int}", GetUnit).WithSummary("单位详情");
    }

    private static async Task<Results<Ok<UnitDto>, ProblemHttpResult>> GetUnit(int id, AppDbContext db, AccessScope scope, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null || !scope.CanReadUnit(unit.Id, unit.RegionCode))
        {
            return Problems.NotFound($"单位 {id} 不存在或不在您的管辖范围内。");
        }

        return TypedResults.Ok(UnitDto.From(unit));
    }
}
