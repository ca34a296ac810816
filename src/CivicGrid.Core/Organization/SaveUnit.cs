using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Organization;

/// <summary>Create (Id null) or update a unit. <c>Version</c> guards against overwriting someone else's change.</summary>
public sealed record SaveUnitRequest(
    int? Id, string? Code, string? Name, string? Kind, string? RegionCode,
    string? Phone = null, string? Address = null, int? ParentUnitId = null, bool IsActive = true, int? Version = null);

public sealed class SaveUnit(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<Unit>> HandleAsync(AccessScope scope, SaveUnitRequest request, CancellationToken ct = default)
    {
        var problems = Validate(request, out var kind);
        if (problems.Count > 0)
        {
            return Outcome<Unit>.Invalid(problems);
        }

        var regionCode = request.RegionCode!.Trim();
        var region = await db.Regions.AsNoTracking().Where(r => r.Code == regionCode).Select(r => new { r.Code, r.DistrictCode }).FirstOrDefaultAsync(ct);
        if (region is null)
        {
            return Outcome<Unit>.Invalid("regionCode", $"所属区域“{regionCode}”不存在。");
        }

        if (!scope.CanManageRegion(regionCode))
        {
            return Outcome<Unit>.Forbidden("您只能管理本辖区内的单位。");
        }

        Unit? unit;
        if (request.Id is { } id)
        {
            unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
            if (unit is null || !scope.CanReadUnit(unit.Id, unit.RegionCode))
            {
                return Outcome<Unit>.NotFound($"单位 {id} 不存在或不在您的管辖范围内。");
            }

            if (!scope.CanManageUnit(unit.RegionCode))
            {
                return Outcome<Unit>.Forbidden("您只能管理本辖区内的单位。");
            }

            if (request.Version is { } version && version != unit.Version)
            {
                return Outcome<Unit>.Conflict("该单位已被他人修改，请刷新后重试。");
            }
        }
        else
        {
            unit = new Unit { Code = "", Name = "", RegionCode = regionCode, DistrictCode = region.DistrictCode };
            db.Units.Add(unit);
        }

        var code = request.Code!.Trim();
        if (await db.Units.AnyAsync(u => u.Code == code && u.Id != unit.Id, ct))
        {
            return Outcome<Unit>.Invalid("code", $"单位编码“{code}”已存在。");
        }

        if (request.ParentUnitId is { } parentId && (parentId == unit.Id || !await db.Units.AnyAsync(u => u.Id == parentId, ct)))
        {
            return Outcome<Unit>.Invalid("parentUnitId", "上级单位不存在或不能是单位自身。");
        }

        unit.Code = code;
        unit.Name = request.Name!.Trim();
        unit.Kind = kind!.Value;
        unit.RegionCode = regionCode;
        unit.DistrictCode = region.DistrictCode;
        unit.Phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim();
        unit.Address = string.IsNullOrWhiteSpace(request.Address) ? null : request.Address.Trim();
        unit.ParentUnitId = request.ParentUnitId;
        unit.IsActive = request.IsActive;
        unit.UpdatedAt = clock.GetUtcNow();
        unit.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Unit>.Conflict("该单位已被他人修改，请刷新后重试。");
        }

        return request.Id is null ? Outcome<Unit>.Created(unit) : Outcome<Unit>.Ok(unit);
    }

    public static List<Problem> Validate(SaveUnitRequest request, out UnitKind? kind)
    {
        var problems = new List<Problem>();
        kind = UnitKinds.Parse(request.Kind);
        if (string.IsNullOrWhiteSpace(request.Code) || request.Code.Trim().Length > 32)
        {
            problems.Add(new("code", "单位编码必填，且不超过 32 个字符。"));
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 100)
        {
            problems.Add(new("name", "单位名称必填，且不超过 100 个字符。"));
        }

        if (kind is null)
        {
            problems.Add(new("kind", "单位类型无效，可选：" + string.Join("、", UnitKinds.All.Select(k => k.Name)) + "。"));
        }

        if (string.IsNullOrWhiteSpace(request.RegionCode) || RegionLevels.FromCode(request.RegionCode.Trim()) is null)
        {
            problems.Add(new("regionCode", "所属区域编码必填，须为 6、9、12 或 15 位区域编码。"));
        }

        if (!string.IsNullOrWhiteSpace(request.Phone) && !PersonalData.IsPhone(request.Phone.Trim()))
        {
            problems.Add(new("phone", "电话号码格式不正确（手机 11 位，或座机如 010-69990000）。"));
        }

        if (request.Address?.Length > 200)
        {
            problems.Add(new("address", "地址不超过 200 个字符。"));
        }

        return problems;
    }
}
