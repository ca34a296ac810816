using System.Text.RegularExpressions;
using CivicGrid.Accounts;
using CivicGrid.Cases.Catalog;
using CivicGrid.Data;
using CivicGrid.Organization;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Standards;

/// <summary>
/// Imports the assessment index from Excel (<see cref="IndexSheet.Headers"/>): 测评项目 and 测评内容 are found or created
/// by name, standards are upserted by 标准编码. Every row is checked first (point categories, the case category a
/// failure becomes, the observation rule); if any row is wrong nothing is written and each problem names its row.
/// </summary>
public sealed partial class ImportIndex(AppDbContext db, TimeProvider clock)
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9\-\.]{0,31}$")]
    private static partial Regex CodePattern();

    public async Task<Outcome<ImportResult>> HandleAsync(AccessScope scope, Stream xlsx, CancellationToken ct = default)
    {
        if (!scope.IsAdmin)
        {
            return Outcome<ImportResult>.Forbidden("只有系统管理员可以维护测评体系。");
        }

        if (ExcelSheet.ReadForImport(xlsx, IndexSheet.Headers, out var rows) is { } unreadable)
        {
            return Outcome<ImportResult>.Invalid("文件", unreadable);
        }

        return await SaveAsync(rows.Select(row =>
        {
            var problems = new List<Problem>();
            return new IndexInputRow($"第 {row.Number} 行", IndexSheet.ToInput(row, problems), problems);
        }).ToList(), ct);
    }

    /// <summary>Checks and writes index rows (from a sheet, or the demo index); all or nothing.</summary>
    internal async Task<Outcome<ImportResult>> SaveAsync(IReadOnlyList<IndexInputRow> rows, CancellationToken ct)
    {
        var categories = await db.Set<PointCategory>().Where(c => c.IsActive).ToListAsync(ct);
        var caseCategories = await db.Set<CaseCategory>().AsNoTracking().Where(c => c.IsActive).Select(c => new { c.Code, c.ParentCode }).ToListAsync(ct);
        var parents = caseCategories.Select(c => c.ParentCode).OfType<string>().ToHashSet();
        var leaves = caseCategories.Select(c => c.Code).Where(c => !parents.Contains(c)).ToHashSet();

        var problems = new List<Problem>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var valid = new List<(StandardInput Input, ObservationKind Kind, List<PointCategory> Categories)>();
        foreach (var (where, input, rowProblems) in rows)
        {
            var kind = Validate(input, rowProblems);
            var code = input.Code?.Trim() ?? "";
            if (code.Length > 0 && !seen.Add(code))
            {
                rowProblems.Add(new("code", $"标准编码“{code}”在表格中重复。"));
            }

            var matched = new List<PointCategory>();
            foreach (var name in input.PointCategories)
            {
                var category = categories.FirstOrDefault(c => c.Name == name || string.Equals(c.Code, name, StringComparison.OrdinalIgnoreCase));
                if (category is null)
                {
                    rowProblems.Add(new("pointCategories", $"点位类别“{name}”不存在，可选：{string.Join("、", categories.Select(c => c.Name))}。"));
                }
                else
                {
                    matched.Add(category);
                }
            }

            var caseCode = CategoryCodes.Normalize(input.CaseCategoryCode);
            if (caseCode.Length == 0)
            {
                rowProblems.Add(new("caseCategoryCode", "问题分类编码必填：不达标时按此分类生成问题案卷（如 SJ0101 暴露垃圾）。"));
            }
            else if (!leaves.Contains(caseCode))
            {
                rowProblems.Add(new("caseCategoryCode", $"问题分类“{caseCode}”不存在、已停用或不是最末级分类。"));
            }

            problems.AddRange(rowProblems.Select(p => new Problem(where, p.Message)));
            if (rowProblems.Count == 0)
            {
                valid.Add((input with { CaseCategoryCode = caseCode }, kind!.Value, matched.DistinctBy(c => c.Id).ToList()));
            }
        }

        if (problems.Count > 0)
        {
            return Outcome<ImportResult>.Invalid(problems, $"共 {problems.Count} 处错误，未导入任何数据。请修改后重新上传。");
        }

        var now = clock.GetUtcNow();
        var sections = await db.Set<IndexSection>().ToListAsync(ct);
        var codes = valid.Select(v => v.Input.Code!.Trim()).ToList();
        var existing = await db.Set<Standard>().Include(s => s.PointCategories).Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, StringComparer.OrdinalIgnoreCase, ct);
        int created = 0, updated = 0;
        foreach (var (input, kind, matched) in valid)
        {
            var project = Section(sections, null, input.Project!.Trim());
            var content = Section(sections, project, input.Content!.Trim());
            if (!existing.TryGetValue(input.Code!.Trim(), out var standard))
            {
                standard = new Standard { Code = input.Code.Trim(), Text = "" };
                db.Add(standard);
                created++;
            }
            else
            {
                updated++;
            }

            standard.Section = content;
            standard.Text = input.Text!.Trim();
            standard.Points = input.Points!.Value;
            standard.Observation = kind;
            standard.CountBasis = kind == ObservationKind.Count ? Blank(input.CountBasis) : null;
            standard.CountSubject = kind == ObservationKind.Count ? Blank(input.CountSubject) : null;
            standard.Threshold = kind == ObservationKind.Count ? input.Threshold : null;
            standard.MaxScore = kind == ObservationKind.Score ? input.MaxScore : null;
            standard.PassScore = kind == ObservationKind.Score ? input.PassScore : null;
            standard.CaseCategoryCode = input.CaseCategoryCode;
            standard.SortOrder = input.SortOrder;
            standard.IsActive = input.IsActive;
            standard.UpdatedAt = now;
            standard.PointCategories.RemoveAll(p => matched.All(m => m.Id != p.PointCategoryId));
            standard.PointCategories.AddRange(matched.Where(m => standard.PointCategories.All(p => p.PointCategoryId != m.Id))
                .Select(m => new StandardPointCategory { PointCategory = m, PointCategoryId = m.Id }));
        }

        await db.SaveChangesAsync(ct);
        return Outcome<ImportResult>.Ok(new ImportResult(created, updated));
    }

    /// <summary>Checks one row without the database; answers its observation kind when that is readable.</summary>
    public static ObservationKind? Validate(StandardInput input, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(input.Project) || input.Project.Trim().Length > 100)
        {
            problems.Add(new("project", "测评项目必填，且不超过 100 个字符。"));
        }

        if (string.IsNullOrWhiteSpace(input.Content) || input.Content.Trim().Length > 100)
        {
            problems.Add(new("content", "测评内容必填，且不超过 100 个字符。"));
        }

        if (string.IsNullOrWhiteSpace(input.Code) || !CodePattern().IsMatch(input.Code.Trim()))
        {
            problems.Add(new("code", $"标准编码“{input.Code}”必填，只能用字母、数字、连字符和点，不超过 32 个字符（如 HJ-001）。"));
        }

        if (string.IsNullOrWhiteSpace(input.Text) || input.Text.Trim().Length > 500)
        {
            problems.Add(new("text", "测评标准必填，且不超过 500 个字符。"));
        }

        if (input.Points is not { } points || points < 0 || points > 1000)
        {
            problems.Add(new("points", "分值必填，应在 0 到 1000 之间。"));
        }

        if (input.PointCategories.Count == 0)
        {
            problems.Add(new("pointCategories", "适用点位类别至少填一个（多个用顿号隔开，如“主次干道、商业大街”）。"));
        }

        if (input.CountBasis?.Trim().Length > 50 || input.CountSubject?.Trim().Length > 50)
        {
            problems.Add(new("countBasis", "计数口径和计数对象各不超过 50 个字符。"));
        }

        var kind = ObservationKinds.Parse(input.Observation);
        if (kind is null)
        {
            problems.Add(new("observation", $"观测方式“{input.Observation}”无效，可选：是否达标、计数、评分。"));
            return null;
        }

        problems.AddRange(new ObservationRule(kind.Value, input.Threshold, input.MaxScore, input.PassScore).Problems().Select(m => new Problem("observation", m)));
        return kind;
    }

    private IndexSection Section(List<IndexSection> sections, IndexSection? parent, string name)
    {
        // Every section is tracked, so Parent is fixed up for loaded and new ones alike.
        var found = sections.FirstOrDefault(s => s.Name == name && s.Parent == parent);
        if (found is not null)
        {
            return found;
        }

        var section = new IndexSection
        {
            Name = name,
            Parent = parent,
            Level = parent is null ? IndexSection.ProjectLevel : IndexSection.ContentLevel,
            SortOrder = sections.Count(s => s.Level == (parent is null ? IndexSection.ProjectLevel : IndexSection.ContentLevel)) + 1,
        };
        sections.Add(section);
        db.Add(section);
        return section;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A row to import: where it came from (for messages), what it says, and the problems found reading it.</summary>
internal sealed record IndexInputRow(string Where, StandardInput Input, List<Problem> Problems);
