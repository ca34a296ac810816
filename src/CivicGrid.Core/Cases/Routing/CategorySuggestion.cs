namespace CivicGrid.Cases.Routing;

public sealed record CategorySuggestion(string Code, string Name, double Confidence);

/// <summary>Suggests case categories from a resident's Chinese description, best first.</summary>
public interface ICategorySuggester
{
    Task<IReadOnlyList<CategorySuggestion>> SuggestAsync(string description, int top = 3, CancellationToken ct = default);
}
