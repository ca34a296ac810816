using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Organization;

/// <summary>
/// Imports people from an Excel sheet (姓名, 单位编码, 职务, 手机号, 身份证号), upserting by 单位编码 + 姓名.
/// All rows are checked first; any error means nothing is written.
/// </summary>
public sealed class ImportPeople(AppDbContext db, TimeProvider clock)
{
    public static readonly string[] Headers = ["姓名", "单位编码", "职务", "手机号", "身份证号"];

    public async Task<Outcome<ImportResult>> HandleAsync(AccessScope scope, Stream xlsx, CancellationToken ct = default)
    {
        if (ExcelSheet.ReadForImport(xlsx, Headers, out var rows) is { } unreadable)
        {
            return Outcome<ImportResult>.Invalid("文件", unreadable);
        }

        var unitCodes = rows.Select(r => r["单位编码"]).OfType<string>().Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitCodes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, ct);
        var unitIds = units.Values.Select(u => u.Id).ToList();
        var existing = (await db.People.Where(p => unitIds.Contains(p.UnitId)).ToListAsync(ct))
            .GroupBy(p => (p.UnitId, p.Name)).ToDictionary(g => g.Key, g => g.First());

        var problems = new List<Problem>();
        var seen = new HashSet<(int, string)>();
        var valid = new List<(SavePersonRequest Request, Unit Unit)>();
        foreach (var row in rows)
        {
            var where = $"第 {row.Number} 行";
            var code = row["单位编码"]?.Trim() ?? "";
            units.TryGetValue(code, out var unit);
            var request = new SavePersonRequest(null, row["姓名"], unit?.Id ?? 0, row["职务"], row["手机号"], row["身份证号"]);
            var rowProblems = SavePerson.Validate(request).Select(p => new Problem(where, p.Message)).ToList();
            if (unit is null)
            {
                rowProblems.Add(new(where, string.IsNullOrEmpty(code) ? "单位编码必填。" : $"单位编码“{code}”不存在。"));
            }
            else if (!scope.CanManageUnit(unit.RegionCode))
            {
                rowProblems.Add(new(where, $"单位“{unit.Name}”不在您的管辖范围内。"));
            }
            else if (request.Name is not null && !seen.Add((unit.Id, request.Name.Trim())))
            {
                rowProblems.Add(new(where, $"“{request.Name}”在同一单位中重复。"));
            }

            problems.AddRange(rowProblems);
            if (rowProblems.Count == 0)
            {
                valid.Add((request, unit!));
            }
        }

        if (problems.Count > 0)
        {
            return Outcome<ImportResult>.Invalid(problems, $"共 {problems.Count} 处错误，未导入任何数据。请修改后重新上传。");
        }

        var now = clock.GetUtcNow();
        int created = 0, updated = 0;
        foreach (var (request, unit) in valid)
        {
            var name = request.Name!.Trim();
            if (!existing.TryGetValue((unit.Id, name), out var person))
            {
                person = new Person { Name = name, UnitId = unit.Id };
                db.People.Add(person);
                created++;
            }
            else
            {
                updated++;
            }

            person.Post = string.IsNullOrWhiteSpace(request.Post) ? person.Post : request.Post.Trim();
            person.Phone = string.IsNullOrWhiteSpace(request.Phone) ? person.Phone : request.Phone.Trim();
            person.IdNumber = string.IsNullOrWhiteSpace(request.IdNumber) ? person.IdNumber : request.IdNumber.Trim().ToUpperInvariant();
            person.IsActive = true;
            person.UpdatedAt = now;
        }

        await db.SaveChangesAsync(ct);
        return Outcome<ImportResult>.Ok(new ImportResult(created, updated));
    }
}
