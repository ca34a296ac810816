namespace CivicGrid.Web.Components.Pages.Grid;

/// <summary>A node of the region tree on screen; children load when it is first expanded.</summary>
public sealed class RegionTreeNode(RegionItem item)
{
    public RegionItem Item { get; set; } = item;
    public List<RegionTreeNode>? Children { get; set; }
    public bool Expanded { get; set; }
    public bool Loading { get; set; }
}
