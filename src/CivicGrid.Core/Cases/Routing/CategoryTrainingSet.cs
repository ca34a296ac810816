using CivicGrid.Cases.Catalog;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Cases.Routing;

/// <summary>
/// What the category model learns from: every active leaf's name and keywords, and every case a person classified.
/// "A person classified" means a person (not the system's auto-dispatch) registered or dispatched it: at that step the
/// dispatcher confirms or corrects the category. Auto-classified cases are left out so the model never learns its own
/// guesses; cases still waiting (上报) have only a suggestion and are left out too.
/// </summary>
public sealed record CategoryTrainingSet(
    IReadOnlyList<CategoryExample> Examples, IReadOnlyDictionary<string, string> Names, IReadOnlyList<string> Keywords, int CaseExamples)
{
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

    /// <summary>The catalog part only: names (three times, they are the strongest hint) and keywords of active leaves.</summary>
    public static async Task<CategoryTrainingSet> LoadCatalogAsync(AppDbContext db, CancellationToken ct)
    {
        var categories = await db.Set<CaseCategory>().AsNoTracking().Where(c => c.IsActive).ToListAsync(ct);
        return FromCatalog(categories);
    }

    public static CategoryTrainingSet FromCatalog(IReadOnlyList<CaseCategory> categories)
    {
        var parents = categories.Where(c => c.ParentCode is not null).Select(c => c.ParentCode!).ToHashSet();
        var leaves = categories.Where(c => c.IsActive && !parents.Contains(c.Code)).ToList();
        var examples = new List<CategoryExample>();
        foreach (var leaf in leaves)
        {
            examples.AddRange(Enumerable.Repeat(new CategoryExample(leaf.Code, leaf.Name), 3));
            examples.AddRange(leaf.KeywordList.Select(k => new CategoryExample(leaf.Code, k)));
        }

        var keywords = leaves.SelectMany(l => l.KeywordList.Append(l.Name)).Distinct().ToList();
        return new CategoryTrainingSet(examples, leaves.ToDictionary(l => l.Code, l => l.Name), keywords, 0);
    }
}
