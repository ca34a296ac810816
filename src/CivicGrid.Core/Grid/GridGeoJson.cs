using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace CivicGrid.Grid;

/// <summary>One feature of an imported FeatureCollection, as read (nothing validated yet).</summary>
/// <param name="Index">Zero-based position in the file, to name features without a code.</param>
public sealed record GridFeature(int Index, string? Code, string? Name, string? Level, string? ParentCode, Geometry? Geometry)
{
    /// <summary>How problems name this feature: its code, or its position when it has none.</summary>
    public string Label => string.IsNullOrWhiteSpace(Code) ? $"第{Index + 1}个要素" : Code.Trim();
}

/// <summary>The body is not a GeoJSON FeatureCollection.</summary>
public sealed class GridGeoJsonException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// GeoJSON (RFC 7946) of the region tree: a FeatureCollection whose features carry the properties
/// <c>code</c>, <c>name</c>, <c>level</c> (district/town/community/cell, 区/镇街/村居/单元网格 or 1–4) and
/// <c>parentCode</c>; export adds <c>levelName</c>, <c>centerLon</c>, <c>centerLat</c>, <c>areaSquareMetres</c>.
/// </summary>
public static class GridGeoJson
{
    public const string MediaType = "application/geo+json";

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.Converters.Add(new GeoJsonConverterFactory(GridGeometry.Factory));
        return options;
    }

    public static async Task<IReadOnlyList<GridFeature>> ReadAsync(Stream stream, CancellationToken ct = default)
    {
        FeatureCollection? collection;
        try
        {
            collection = await JsonSerializer.DeserializeAsync<FeatureCollection>(stream, Options, ct);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            throw new GridGeoJsonException($"GeoJSON 格式不正确，无法解析：{ex.Message}", ex);
        }

        if (collection is null)
        {
            throw new GridGeoJsonException("请求体应为 GeoJSON FeatureCollection。");
        }

        return collection.Select((f, i) => new GridFeature(i, Text(f.Attributes, "code"), Text(f.Attributes, "name"),
            Text(f.Attributes, "level"), Text(f.Attributes, "parentCode"), f.Geometry)).ToList();
    }

    private static string? Text(IAttributesTable? attributes, string name)
    {
        if (attributes is null || !attributes.Exists(name))
        {
            return null;
        }

        var text = attributes[name] switch
        {
            null => null,
            string s => s,
            JsonElement { ValueKind: JsonValueKind.Null } => null,
            JsonElement e => e.ToString(),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public static FeatureCollection ToFeatureCollection(IEnumerable<Region> regions)
    {
        var collection = new FeatureCollection();
        foreach (var r in regions.OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            var attributes = new AttributesTable
            {
                { "code", r.Code },
                { "name", r.Name },
                { "level", RegionLevels.ApiName(r.Level) },
                { "levelName", RegionLevels.ChineseName(r.Level) },
                { "parentCode", r.ParentCode },
                { "centerLon", r.CenterLon },
                { "centerLat", r.CenterLat },
                { "areaSquareMetres", r.AreaSquareMetres is { } a ? Math.Round(a, 1) : null },
            };
            collection.Add(new Feature(GridGeometry.ReadBoundary(r), attributes));
        }

        return collection;
    }

    public static Task WriteAsync(Stream stream, IEnumerable<Region> regions, CancellationToken ct = default) =>
        JsonSerializer.SerializeAsync(stream, ToFeatureCollection(regions), Options, ct);
}
