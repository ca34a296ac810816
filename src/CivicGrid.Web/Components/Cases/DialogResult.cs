namespace CivicGrid.Web.Components.Cases;

/// <summary>How a case dialog ended: cancelled, done (with a note), or refused by a concurrent change (409).</summary>
public sealed record DialogResult(bool Reload, string? Message, bool IsError)
{
    public static DialogResult Cancelled { get; } = new(false, null, false);

    public static DialogResult Done(string message) => new(true, message, false);

    public static DialogResult Conflict(string message) => new(true, message + " 已为您重新加载案卷。", true);
}
