using CivicGrid.Cases;

namespace CivicGrid.Web.Components.Cases;

internal static class CaseEventViewExtensions
{
    public static string ToNameText(this CaseEventView e) => string.IsNullOrWhiteSpace(e.ToName) ? e.To : e.ToName;
}
