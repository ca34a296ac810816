using System.Text.Json;
using Json.Schema;

namespace CivicGrid.Tests.Open311;

/// <summary>
/// The GeoReport v2 JSON schemas of ../shared/data/open311-georeport-v2 (copied into Schemas/), plus the ones
/// written for these tests where the shared set has none (errors, discovery, request-created, tokens).
/// </summary>
internal static class Open311Schemas
{
    private static readonly Uri Base = new("https://civicgrid.test/open311/schemas/");

    // Referenced schemas first: requests.json and services.json point at request.json and service.json.
    private static readonly string[] Files =
        ["request.json", "service.json", "requests.json", "services.json", "service-definition.json",
         "errors.json", "discovery.json", "request-created.json", "tokens.json"];

    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(Load);

    private static Dictionary<string, JsonSchema> Load()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var dir = Path.Combine(AppContext.BaseDirectory, "Open311", "Schemas");
        return Files.ToDictionary(f => f, f => JsonSchema.FromText(File.ReadAllText(Path.Combine(dir, f)), options, new Uri(Base, f)));
    }

    public static void AssertValid(string schema, JsonElement instance)
    {
        var results = Schemas.Value[schema].Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = (results.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key} {e.Value}")).ToList();
        Assert.True(results.IsValid, $"不符合 {schema}：{string.Join("; ", errors)}\n{Clip(instance.GetRawText())}");
    }

    private static string Clip(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}
