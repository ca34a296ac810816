using CivicGrid.Cases.Attachments;
using CivicGrid.Cases.Escalation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("files");
        b.Property(f => f.Id).HasMaxLength(64);
        b.Property(f => f.ContentType).HasMaxLength(50);
        b.Property(f => f.ThumbnailContentType).HasMaxLength(50);
        b.Property(f => f.FileName).HasMaxLength(200);
        b.HasIndex(f => f.UploadedBy);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.Property(n => n.Title).HasMaxLength(200);
        b.Property(n => n.Body).HasMaxLength(2000);
        b.Property(n => n.Link).HasMaxLength(300);
        b.HasIndex(n => new { n.RecipientUserId, n.ReadAt, n.CreatedAt });
    }
}
