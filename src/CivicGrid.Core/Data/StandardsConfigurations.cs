using CivicGrid.Organization;
using CivicGrid.Standards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data;

internal sealed class PointCategoryConfiguration : IEntityTypeConfiguration<PointCategory>
{
    public void Configure(EntityTypeBuilder<PointCategory> b)
    {
        b.ToTable("point_categories");
        b.Property(c => c.Code).HasMaxLength(16);
        b.Property(c => c.Name).HasMaxLength(50);
        b.Property(c => c.Description).HasMaxLength(200);
        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => c.Name).IsUnique();
    }
}

internal sealed class IndexSectionConfiguration : IEntityTypeConfiguration<IndexSection>
{
    public void Configure(EntityTypeBuilder<IndexSection> b)
    {
        b.ToTable("index_sections");
        b.Property(s => s.Name).HasMaxLength(100);
        b.HasOne(s => s.Parent).WithMany().HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.ParentId, s.Name });
    }
}

internal sealed class StandardConfiguration : IEntityTypeConfiguration<Standard>
{
    public void Configure(EntityTypeBuilder<Standard> b)
    {
        b.ToTable("standards");
        b.Property(s => s.Code).HasMaxLength(32);
        b.Property(s => s.Text).HasMaxLength(500);
        b.Property(s => s.Points).HasPrecision(6, 2);
        b.Property(s => s.CountBasis).HasMaxLength(50);
        b.Property(s => s.CountSubject).HasMaxLength(50);
        b.Property(s => s.CaseCategoryCode).HasMaxLength(16);
        b.Ignore(s => s.Rule);
        b.HasOne(s => s.Section).WithMany().HasForeignKey(s => s.SectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.PointCategories).WithOne().HasForeignKey(p => p.StandardId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.Code).IsUnique();
        b.HasIndex(s => s.SectionId);
    }
}

internal sealed class StandardPointCategoryConfiguration : IEntityTypeConfiguration<StandardPointCategory>
{
    public void Configure(EntityTypeBuilder<StandardPointCategory> b)
    {
        b.ToTable("standard_point_categories");
        b.HasKey(p => new { p.StandardId, p.PointCategoryId });
        b.HasOne(p => p.PointCategory).WithMany().HasForeignKey(p => p.PointCategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.PointCategoryId);
    }
}

internal sealed class InspectionPointConfiguration : IEntityTypeConfiguration<InspectionPoint>
{
    public void Configure(EntityTypeBuilder<InspectionPoint> b)
    {
        b.ToTable("inspection_points");
        b.Property(p => p.Code).HasMaxLength(32);
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.DistrictCode).HasMaxLength(6);
        b.Property(p => p.RegionCode).HasMaxLength(15);
        b.Property(p => p.Address).HasMaxLength(200);
        b.Property(p => p.ResponsiblePerson).HasMaxLength(50);
        b.Property(p => p.ContactPhone).HasMaxLength(32);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.ResponsibleUnit).WithMany().HasForeignKey(p => p.ResponsibleUnitId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsOne(p => p.LatestInspection, l =>
        {
            l.Property(x => x.InspectedAt).HasColumnName("LatestInspectedAt");
            l.Property(x => x.ScoreRate).HasColumnName("LatestScoreRate");
            l.Property(x => x.FailedItems).HasColumnName("LatestFailedItems");
            l.Property(x => x.Summary).HasColumnName("LatestSummary").HasMaxLength(500);
            l.Property(x => x.InspectionRef).HasColumnName("LatestInspectionRef").HasMaxLength(64);
            l.Ignore(x => x.Passed);
        });
        b.HasIndex(p => p.Code).IsUnique();
        b.HasIndex(p => new { p.DistrictCode, p.RegionCode });
        b.HasIndex(p => new { p.CategoryId, p.RegionCode });
        b.HasIndex(p => p.ResponsibleUnitId);
    }
}
