using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Organization;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Standards;

/// <summary>
/// Imports points from Excel (<see cref="PointSheet.Headers"/>), upserting by 编码 (blank: numbered in the category).
/// Each row is located in the grid and checked against the caller's area; if any row is wrong nothing is written
/// and every problem is reported with its row.
/// </summary>
public sealed class ImportPoints(AppDbContext db, RegionLocator locator, TimeProvider clock)
{
    public async Task<Outcome<ImportResult>> HandleAsync(AccessScope scope, Stream xlsx, CancellationToken ct = default)
    {
        if (!PointAccess.ManagesAny(scope))
        {
            return Outcome<ImportResult>.Forbidden("只有系统管理员和镇街、村居管理员可以导入点位。");
        }

        if (ExcelSheet.ReadForImport(xlsx, PointSheet.Headers, out var rows) is { } unreadable)
        {
            return Outcome<ImportResult>.Invalid("文件", unreadable);
        }

        var requests = rows.Select(r => (Row: r, Problems: new List<Problem>())).Select(x => (x.Row, x.Problems, Request: PointSheet.ToRequest(x.Row, x.Problems))).ToList();
        var lookups = await PointLookups.LoadAsync(db, requests.Select(r => r.Request), ct);
        var codes = requests.Select(r => r.Request.Code).Where(c => !string.IsNullOrWhiteSpace(c)).Select(PointCodes.Normalize).ToList();
        var existing = await db.Set<InspectionPoint>().Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, ct);

        var problems = new List<Problem>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var valid = new List<(string? Code, ResolvedPoint Point, PointStatus Status)>();
        foreach (var (row, rowProblems, request) in requests)
        {
            rowProblems.AddRange(SavePoint.Validate(request, out var status));
            var code = string.IsNullOrWhiteSpace(request.Code) ? null : PointCodes.Normalize(request.Code);
            if (code is not null && !seen.Add(code))
            {
                rowProblems.Add(new("code", $"编码“{code}”在表格中重复。"));
            }

            if (code is not null && existing.TryGetValue(code, out var old) && !PointAccess.CanManage(scope, old.RegionCode))
            {
                rowProblems.Add(new("code", $"已有点位“{old.Name}”不在您的管辖范围内，不能覆盖。"));
            }

            ResolvedPoint? resolved = null;
            if (rowProblems.Count == 0)
            {
                (resolved, var more) = await lookups.ResolveAsync(scope, request, locator, ct);
                rowProblems.AddRange(more);
            }

            problems.AddRange(rowProblems.Select(p => new Problem($"第 {row.Number} 行", p.Message)));
            if (rowProblems.Count == 0 && resolved is not null)
            {
                valid.Add((code, resolved, status!.Value));
            }
        }

        if (problems.Count > 0)
        {
            return Outcome<ImportResult>.Invalid(problems, $"共 {problems.Count} 处错误，未导入任何数据。请修改后重新上传。");
        }

        var now = clock.GetUtcNow();
        var numbered = new Dictionary<int, int>();
        int created = 0, updated = 0;
        foreach (var (code, resolved, status) in valid)
        {
            if (code is null || !existing.TryGetValue(code, out var point))
            {
                point = new InspectionPoint
                {
                    Code = code ?? await NextFreeCodeAsync(resolved.Category, numbered, seen, ct),
                    Name = "",
                    DistrictCode = "",
                    RegionCode = "",
                };
                db.Add(point);
                created++;
            }
            else
            {
                updated++;
            }

            resolved.ApplyTo(point, status, now);
        }

        await db.SaveChangesAsync(ct);
        return Outcome<ImportResult>.Ok(new ImportResult(created, updated));
    }

    /// <summary>Numbers a row without a code after the category's highest number, skipping codes the sheet uses.</summary>
    private async Task<string> NextFreeCodeAsync(PointCategory category, Dictionary<int, int> numbered, HashSet<string> sheetCodes, CancellationToken ct)
    {
        if (!numbered.TryGetValue(category.Id, out var number))
        {
            number = await SavePoint.MaxNumberAsync(db, category, ct);
        }

        string code;
        do
        {
            code = SavePoint.FormatCode(category, ++number);
        }
        while (sheetCodes.Contains(code));

        numbered[category.Id] = number;
        return code;
    }
}
