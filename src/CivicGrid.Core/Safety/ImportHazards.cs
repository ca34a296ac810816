using System.Globalization;
using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Organization;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety;

/// <summary>
/// Imports a risk list from Excel (headers as <see cref="HazardQueries.SheetHeaders"/>; the export reads back in). A hazard
/// sits in the named area, or in the named step of the named task. All rows or none: any row problem answers every
/// problem with its row number and writes nothing.
/// </summary>
public sealed class ImportHazards(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<ImportResult>> HandleAsync(AccessScope scope, int enterpriseId, Stream sheet, CancellationToken ct = default)
    {
        var enterprise = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!enterprise.Succeeded)
        {
            return enterprise.Fail<Organization.Unit, ImportResult>();
        }

        if (ExcelSheet.ReadForImport(sheet, HazardQueries.SheetHeaders, out var rows) is { } unreadable)
        {
            return Outcome<ImportResult>.Invalid("file", unreadable);
        }

        var areas = await db.Set<SafetyArea>().Where(a => a.EnterpriseId == enterpriseId).ToListAsync(ct);
        var steps = await db.Set<SafetyTaskStep>().Join(db.Set<SafetyTask>().Where(t => t.EnterpriseId == enterpriseId), s => s.TaskId, t => t.Id,
            (s, t) => new { s.Id, Task = t.Name, Step = s.Name }).ToListAsync(ct);
        var bands = await SaveSettings.BandsOfAsync(db, enterpriseId, ct);
        var now = clock.GetUtcNow();
        var problems = new List<Problem>();
        var hazards = new List<Hazard>();
        foreach (var row in rows)
        {
            var rowProblems = new List<Problem>();
            int? areaId = null;
            int? stepId = null;
            if (!string.IsNullOrWhiteSpace(row["作业任务"]) || !string.IsNullOrWhiteSpace(row["作业步骤"]))
            {
                stepId = steps.FirstOrDefault(s => s.Task == row["作业任务"] && s.Step == row["作业步骤"])?.Id;
                if (stepId is null)
                {
                    rowProblems.Add(new("作业步骤", $"本企业没有作业任务“{row["作业任务"]}”的步骤“{row["作业步骤"]}”。"));
                }
            }
            else if (!string.IsNullOrWhiteSpace(row["区域"]))
            {
                areaId = areas.FirstOrDefault(a => a.Name == row["区域"])?.Id;
                if (areaId is null)
                {
                    rowProblems.Add(new("区域", $"本企业没有区域“{row["区域"]}”。"));
                }
            }

            var input = new HazardInput(row["危险源"], areaId, stepId, row["事故类型"], row["评价方法"] ?? "LEC",
                row.ParseNumber("L", rowProblems), row.ParseNumber("E", rowProblems), row.ParseNumber("C", rowProblems), (int?)row.ParseNumber("S", rowProblems),
                row["工程技术措施"], row["管理措施"], row["培训教育措施"], row["个体防护措施"], row["应急处置措施"], row["责任人"], Date(row, rowProblems));
            var hazard = new Hazard { EnterpriseId = enterpriseId, Name = "", UpdatedAt = now };
            if (rowProblems.Count == 0)
            {
                HazardRules.Apply(hazard, input, bands, rowProblems);
            }

            problems.AddRange(rowProblems.Select(p => new Problem($"第 {row.Number} 行", p.Message)));
            hazards.Add(hazard);
        }

        if (problems.Count > 0)
        {
            return Outcome<ImportResult>.Invalid(problems, $"有 {problems.Select(p => p.Where).Distinct().Count()} 行数据有误，未导入任何数据，请修改后重新上传。");
        }

        db.AddRange(hazards);
        await db.SaveChangesAsync(ct);
        return Outcome<ImportResult>.Ok(new ImportResult(hazards.Count, 0));
    }

    private static DateOnly? Date(ExcelSheet.Row row, List<Problem> problems)
    {
        var text = row["复评日期"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var date) || DateTime.TryParse(text, CultureInfo.InvariantCulture, out var dt) && (date = DateOnly.FromDateTime(dt)) != default)
        {
            return date;
        }

        problems.Add(new("复评日期", $"复评日期“{text}”无法识别，请写成 2026-12-31。"));
        return null;
    }
}
