namespace CivicGrid.Cases.Routing;

/// <summary>
/// Suggests categories with the trained model (<see cref="CategoryModelService"/>); while there is none,
/// falls back to keyword matching (<see cref="KeywordCategorySuggester"/>).
/// </summary>
public sealed class MlCategorySuggester(CategoryModelService models, KeywordCategorySuggester keywords) : ICategorySuggester
{
    public Task<IReadOnlyList<CategorySuggestion>> SuggestAsync(string description, int top = 3, CancellationToken ct = default) =>
        models.Current is { } model && !string.IsNullOrWhiteSpace(description)
            ? Task.FromResult(model.Suggest(description, top))
            : keywords.SuggestAsync(description, top, ct);
}
