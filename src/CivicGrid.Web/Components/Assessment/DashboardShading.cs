using System.Globalization;
using CivicGrid.Assessment.Dashboard;
using CivicGrid.Web.Components.Pages.Grid;

namespace CivicGrid.Web.Components.Assessment;

/// <summary>What the dashboard's map is coloured by.</summary>
public enum DashboardMetric
{
    Density,
    Score,
}

/// <summary>Colours of the dashboard's map: five steps of case density (light → dark red) or of score (red → green).</summary>
public static class DashboardShading
{
    private static readonly string[] DensityPalette = ["#fff5e6", "#fdd49e", "#fc8d59", "#e34a33", "#b30000"];
    private static readonly string[] ScorePalette = ["#d73027", "#fc8d59", "#fee08b", "#91cf60", "#1a9850"];
    private const string NoValue = "#e0e0e0";

    public static Dictionary<string, RegionShade> For(IReadOnlyList<DashboardRegion> regions, DashboardMetric metric)
    {
        var values = regions.ToDictionary(r => r.Code, r => metric == DashboardMetric.Score ? r.Score : r.Density ?? r.Cases);
        var known = values.Values.OfType<double>().ToList();
        double min = known.Count > 0 ? known.Min() : 0, max = known.Count > 0 ? known.Max() : 0;
        var palette = metric == DashboardMetric.Score ? ScorePalette : DensityPalette;
        return regions.ToDictionary(r => r.Code, r =>
        {
            var value = values[r.Code];
            var color = value is not { } v ? NoValue : palette[Step(v, min, max, palette.Length)];
            var label = metric == DashboardMetric.Score
                ? r.Score is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:0.#}分 第{r.Rank}名") : "无得分"
                : r.Density is { } d ? string.Create(CultureInfo.InvariantCulture, $"{r.Cases}件 {d:0.#}件/km²") : $"{r.Cases}件";
            return new RegionShade(color, label);
        });
    }

    /// <summary>The palette step of <paramref name="value"/> between the smallest and the largest value shown.</summary>
    internal static int Step(double value, double min, double max, int steps) =>
        max <= min ? (value > 0 ? steps - 1 : 0) : Math.Clamp((int)((value - min) / (max - min) * steps), 0, steps - 1);
}
