using CivicGrid.Cases;
using CivicGrid.Open311;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data;

internal sealed class Open311IntegrationConfiguration : IEntityTypeConfiguration<Open311Integration>
{
    public void Configure(EntityTypeBuilder<Open311Integration> b)
    {
        b.ToTable("open311_integrations");
        b.Property(i => i.Name).HasMaxLength(50);
        b.Property(i => i.KeyHash).HasMaxLength(64);
        b.Property(i => i.KeyPrefix).HasMaxLength(16);
        b.Property(i => i.CreatedBy).HasMaxLength(64);
        b.Property(i => i.RevokedBy).HasMaxLength(64);
        b.Ignore(i => i.IsUsable);
        b.HasIndex(i => i.KeyHash).IsUnique();
    }
}

internal sealed class Open311ReportConfiguration : IEntityTypeConfiguration<Open311Report>
{
    public void Configure(EntityTypeBuilder<Open311Report> b)
    {
        b.ToTable("open311_reports");
        b.Property(r => r.Token).HasMaxLength(32);
        b.Property(r => r.MediaUrl).HasMaxLength(1000);
        b.Property(r => r.ReporterEmail).HasMaxLength(254);
        b.Property(r => r.Attributes).HasMaxLength(4000);
        b.HasIndex(r => r.Token).IsUnique();
        b.HasIndex(r => r.CaseId).IsUnique();
        b.HasIndex(r => r.IntegrationId);
        b.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Open311Integration>().WithMany().HasForeignKey(r => r.IntegrationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceAttributeConfiguration : IEntityTypeConfiguration<ServiceAttribute>
{
    public void Configure(EntityTypeBuilder<ServiceAttribute> b)
    {
        b.ToTable("open311_service_attributes");
        b.Property(a => a.CategoryCode).HasMaxLength(16);
        b.Property(a => a.Code).HasMaxLength(32);
        b.Property(a => a.Description).HasMaxLength(200);
        b.Property(a => a.DatatypeDescription).HasMaxLength(200);
        b.Property(a => a.Datatype).HasConversion<string>().HasMaxLength(20);
        b.Ignore(a => a.IsList);
        b.OwnsMany(a => a.Values, v =>
        {
            v.ToJson();
            v.Property(x => x.Key).HasMaxLength(32);
            v.Property(x => x.Name).HasMaxLength(50);
        });
        b.HasIndex(a => new { a.CategoryCode, a.Code }).IsUnique();
    }
}
