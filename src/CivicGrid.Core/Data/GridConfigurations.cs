using CivicGrid.Grid;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.ToTable("regions");
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(15);
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.ParentCode).HasMaxLength(15);
        b.Property(r => r.DistrictCode).HasMaxLength(6);
        b.HasIndex(r => r.ParentCode);
        b.HasIndex(r => new { r.DistrictCode, r.Level });
    }
}
