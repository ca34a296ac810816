namespace CivicGrid.Cases.Escalation;

/// <summary>A message to one user (督办, late 报到…); read when he opens it.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public Guid RecipientUserId { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }

    /// <summary>Where the console shows the subject, e.g. <c>/cases/42</c>.</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

public sealed record NotificationView(long Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, bool IsRead);
