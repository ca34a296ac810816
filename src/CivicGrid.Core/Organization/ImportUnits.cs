using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Organization;

public sealed record ImportResult(int Created, int Updated);

/// <summary>
/// Imports units from an Excel sheet (编码, 名称, 类型, 所属区域编码, 电话, 地址), upserting by 编码.
/// Every row is checked first; if any row is wrong, nothing is written and every problem is reported with its row.
/// </summary>
public sealed class ImportUnits(AppDbContext db, TimeProvider clock)
{
    public static readonly string[] Headers = ["编码", "名称", "类型", "所属区域编码", "电话", "地址"];

    public async Task<Outcome<ImportResult>> HandleAsync(AccessScope scope, Stream xlsx, CancellationToken ct = default)
    {
        if (ExcelSheet.ReadForImport(xlsx, Headers, out var rows) is { } unreadable)
        {
            return Outcome<ImportResult>.Invalid("文件", unreadable);
        }

        var regionCodes = rows.Select(r => r["所属区域编码"]).OfType<string>().Distinct().ToList();
        var regions = await db.Regions.Where(r => regionCodes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.DistrictCode, ct);
        var codes = rows.Select(r => r["编码"]).OfType<string>().ToList();
        var existing = await db.Units.Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, ct);

        var problems = new List<Problem>();
        var seen = new HashSet<string>();
        var valid = new List<(SaveUnitRequest Request, UnitKind Kind)>();
        foreach (var row in rows)
        {
            var where = $"第 {row.Number} 行";
            var request = new SaveUnitRequest(null, row["编码"], row["名称"], row["类型"], row["所属区域编码"], row["电话"], row["地址"]);
            var rowProblems = SaveUnit.Validate(request, out var kind).Select(p => new Problem(where, p.Message)).ToList();
            var regionCode = request.RegionCode?.Trim() ?? "";
            if (rowProblems.Count == 0 && !regions.ContainsKey(regionCode))
            {
                rowProblems.Add(new(where, $"所属区域“{regionCode}”不存在。"));
            }
            else if (rowProblems.Count == 0 && !scope.CanManageRegion(regionCode))
            {
                rowProblems.Add(new(where, $"区域“{regionCode}”不在您的管辖范围内。"));
            }

            if (request.Code is not null && !seen.Add(request.Code.Trim()))
            {
                rowProblems.Add(new(where, $"编码“{request.Code}”在表格中重复。"));
            }

            if (request.Code is not null && existing.TryGetValue(request.Code.Trim(), out var old) && !scope.CanManageUnit(old.RegionCode))
            {
                rowProblems.Add(new(where, $"已有单位“{old.Name}”不在您的管辖范围内，不能覆盖。"));
            }

            problems.AddRange(rowProblems);
            if (rowProblems.Count == 0)
            {
                valid.Add((request, kind!.Value));
            }
        }

        if (problems.Count > 0)
        {
            return Outcome<ImportResult>.Invalid(problems, $"共 {problems.Count} 处错误，未导入任何数据。请修改后重新上传。");
        }

        var now = clock.GetUtcNow();
        int created = 0, updated = 0;
        foreach (var (request, kind) in valid)
        {
            var code = request.Code!.Trim();
            if (!existing.TryGetValue(code, out var unit))
            {
                unit = new Unit { Code = code, Name = "", RegionCode = "", DistrictCode = "" };
                db.Units.Add(unit);
                created++;
            }
            else
            {
                updated++;
            }

            unit.Name = request.Name!.Trim();
            unit.Kind = kind;
            unit.RegionCode = request.RegionCode!.Trim();
            unit.DistrictCode = regions[unit.RegionCode];
            unit.Phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim();
            unit.Address = string.IsNullOrWhiteSpace(request.Address) ? null : request.Address.Trim();
            unit.IsActive = true;
            unit.UpdatedAt = now;
            unit.Version++;
        }

        await db.SaveChangesAsync(ct);
        return Outcome<ImportResult>.Ok(new ImportResult(created, updated));
    }
}
