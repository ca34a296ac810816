using System.Text.Json;
using System.Text.Json.Serialization;
using CivicGrid.Organization;
using CivicGrid.Platform.Calendar;

namespace CivicGrid.Cases.Catalog;

/// <summary>
/// The starter catalog that ships with the platform (embedded <c>StarterCatalog.json</c>): the 12 大类 of
/// 部件 and 事件 and 85 小类 of what a district deals with daily, with criteria, limits, default units and keywords.
/// </summary>
public static class StarterCatalog
{
    private const string Resource = "CivicGrid.Cases.StarterCatalog.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static List<CaseCategory> Load(DateTimeOffset now)
    {
        using var stream = typeof(StarterCatalog).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException("缺少内置分类目录资源 " + Resource);
        var file = JsonSerializer.Deserialize<FileShape>(stream, Options)!;
        var list = new List<CaseCategory>();
        var order = 0;
        foreach (var c in file.Classes)
        {
            list.Add(new CaseCategory
            {
                Code = c.Code,
                Name = c.Name,
                Kind = CategoryCodes.KindOf(c.Code),
                Level = 1,
                SortOrder = ++order,
                UpdatedAt = now,
                Version = 1,
            });
            foreach (var l in c.Children)
            {
                list.Add(new CaseCategory
                {
                    Code = l.Code,
                    Name = l.Name,
                    ParentCode = c.Code,
                    Kind = CategoryCodes.KindOf(l.Code),
                    Level = CategoryCodes.LevelOf(l.Code),
                    TimeLimitValue = l.TimeLimit.Value,
                    TimeLimitUnit = TimeLimitUnits.Parse(l.TimeLimit.Unit),
                    RegisterCriteria = l.RegisterCriteria,
                    CloseCriteria = l.CloseCriteria,
                    DefaultUnitKind = UnitKinds.Parse(l.DefaultUnitKind),
                    DefaultDepartmentCode = l.DefaultDepartmentCode,
                    Keywords = CategoryCodes.JoinKeywords(l.Keywords),
                    AcceptsPublicReports = l.AcceptsPublicReports,
                    ReopenOnDissatisfied = l.ReopenOnDissatisfied,
                    SortOrder = ++order,
                    UpdatedAt = now,
                    Version = 1,
                });
            }
        }

        return list;
    }

    private sealed record FileShape(string Scheme, List<ClassShape> Classes);

    private sealed record ClassShape(string Code, string Name, List<LeafShape> Children);

    private sealed record LimitShape(int Value, string Unit);

    private sealed record LeafShape(
        string Code, string Name, LimitShape TimeLimit, string? RegisterCriteria, string? CloseCriteria,
        string? DefaultUnitKind, string? DefaultDepartmentCode, List<string> Keywords,
        [property: JsonPropertyName("acceptsPublicReports")] bool AcceptsPublicReports,
        [property: JsonPropertyName("reopenOnDissatisfied")] bool ReopenOnDissatisfied);
}
