using System.Text.RegularExpressions;
using CivicGrid.Platform;

namespace CivicGrid.Open311;

/// <summary>Masks phone and ID numbers that reporters type into free text before the text is published.</summary>
public static partial class PublicText
{
    public static string? Mask(string? text) => text is null
        ? null
        : IdNumber().Replace(Mobile().Replace(text, m => PersonalData.MaskPhone(m.Value)!), m => PersonalData.MaskIdNumber(m.Value)!);

    /// <summary>Caller-supplied text quoted back in an error message, cut to a readable length.</summary>
    public static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)")]
    private static partial Regex IdNumber();
}
