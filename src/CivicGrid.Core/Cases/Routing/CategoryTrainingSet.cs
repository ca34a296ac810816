using System.Globalization;
using CivicGrid.Cases.Catalog;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases.Routing;

/// <summary>
/// What the category model learns from: every active leaf's name, keywords and example reports, and every case a person classified.
/// "A person classified" means a person (not the system's auto-dispatch) registered or dispatched it: at that step the
/// dispatcher confirms or corrects the category. Auto-classified cases are left out so the model never learns its own
/// guesses; cases still waiting (上报) have only a suggestion and are left out too.
/// </summary>
public sealed record CategoryTrainingSet(
    IReadOnlyList<CategoryExample> Examples, IReadOnlyDictionary<string, string> Names, IReadOnlyList<string> Keywords, int CaseExamples)
{
    // A keyword alone is a two-to-six character example, but residents wrap the telling words in sentences about where and
    // how long; each keyword is also learnt inside one such neutral sentence, so its weight holds up in a long report.
    private static readonly string[] Frames =
    [
        "我家楼下{0}，好几天了", "小区门口{0}，麻烦处理一下", "路边{0}，没人管", "反映一下：{0}，影响大家", "{0}，希望尽快解决",
        "最近这边{0}，太闹心了", "你好，{0}，请派人看看", "单位旁边{0}，已经很久了",
    ];

    private static readonly string[] ClassifyingSteps = ["register", "dispatch"];

    public static async Task<CategoryTrainingSet> LoadAsync(AppDbContext db, int maxCases, CancellationToken ct)
    {
        var catalog = await LoadCatalogAsync(db, ct);
        var codes = catalog.Names.Keys.ToList();
        var cases = await db.Set<Case>().AsNoTracking()
            .Where(c => c.CategoryCode != null && codes.Contains(c.CategoryCode)
                        && db.Set<CaseEvent>().Any(e => e.CaseId == c.Id && e.ActorUserId != null && ClassifyingSteps.Contains(e.Kind)))
            .OrderByDescending(c => c.Id).Take(maxCases)
            .Select(c => new { c.CategoryCode, c.Description }).ToListAsync(ct);
        var examples = catalog.Examples.Concat(cases.Select(c => new CategoryExample(c.CategoryCode!, c.Description))).ToList();
        return catalog with { Examples = examples, CaseExamples = cases.Count };
    }

    /// <summary>
    /// The catalog part only: names (three times, they are the strongest hint) and keywords of active leaves, each keyword
    /// alone and inside a neutral sentence, and the example reports of those leaves.
    /// </summary>
    public static async Task<CategoryTrainingSet> LoadCatalogAsync(AppDbContext db, CancellationToken ct)
    {
        var categories = await db.Set<CaseCategory>().AsNoTracking().Where(c => c.IsActive).ToListAsync(ct);
        return FromCatalog(categories);
    }

    /// <summary>
    /// Names, keywords and, unless <paramref name="withExampleReports"/> is false (the routing benchmark's comparisons),
    /// the <see cref="ExampleReports"/> of the active leaves.
    /// </summary>
    public static CategoryTrainingSet FromCatalog(IReadOnlyList<CaseCategory> categories, bool withExampleReports = true)
    {
        var parents = categories.Where(c => c.ParentCode is not null).Select(c => c.ParentCode!).ToHashSet();
        var leaves = categories.Where(c => c.IsActive && !parents.Contains(c.Code)).ToList();
        var examples = new List<CategoryExample>();
        foreach (var leaf in leaves)
        {
            examples.AddRange(Enumerable.Repeat(new CategoryExample(leaf.Code, leaf.Name), 3));
            examples.AddRange(leaf.KeywordList.Select(k => new CategoryExample(leaf.Code, k)));
            examples.AddRange(leaf.KeywordList.Select((k, i) => new CategoryExample(leaf.Code, string.Format(CultureInfo.InvariantCulture, Frames[i % Frames.Length], k))));
        }

        if (withExampleReports)
        {
            var codes = leaves.Select(l => l.Code).ToHashSet();
            examples.AddRange(ExampleReports.All.Where(r => codes.Contains(r.CategoryCode)));
        }

        var keywords = leaves.SelectMany(l => l.KeywordList.Append(l.Name)).Distinct().ToList();
        return new CategoryTrainingSet(examples, leaves.ToDictionary(l => l.Code, l => l.Name), keywords, 0);
    }
}
