using CivicGrid.Cases;
using CivicGrid.Public;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data;

internal sealed class TrackingLinkConfiguration : IEntityTypeConfiguration<TrackingLink>
{
    public void Configure(EntityTypeBuilder<TrackingLink> b)
    {
        b.ToTable("tracking_links");
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => t.CaseId);
        b.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseSupportConfiguration : IEntityTypeConfiguration<CaseSupport>
{
    public void Configure(EntityTypeBuilder<CaseSupport> b)
    {
        b.ToTable("case_supports");
        b.Property(s => s.IdempotencyKey).HasMaxLength(100);
        b.Property(s => s.Phone).HasMaxLength(20);
        b.HasIndex(s => s.IdempotencyKey).IsUnique();
        b.HasIndex(s => s.CaseId);
        b.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
