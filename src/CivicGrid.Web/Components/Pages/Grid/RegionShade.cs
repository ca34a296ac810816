namespace CivicGrid.Web.Components.Pages.Grid;

/// <summary>How <see cref="RegionMap"/> fills one child region: colour and a second line under its name.</summary>
public sealed record RegionShade(string Color, string Label);
