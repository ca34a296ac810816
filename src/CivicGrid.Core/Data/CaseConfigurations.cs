using CivicGrid.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("cases");
        b.Ignore(c => c.Number);
        b.Property(c => c.CategoryCode).HasMaxLength(16);
        b.Property(c => c.DistrictCode).HasMaxLength(6);
        b.Property(c => c.RegionCode).HasMaxLength(15);
        b.Property(c => c.TownCode).HasMaxLength(Case.TownCodeLength);
        b.Property(c => c.Description).HasMaxLength(2000);
        b.Property(c => c.Address).HasMaxLength(200);
        b.Property(c => c.ReporterName).HasMaxLength(50);
        b.Property(c => c.ReporterPhone).HasMaxLength(20);
        b.Property(c => c.IdempotencyKey).HasMaxLength(100);
        b.Property(c => c.SearchText).HasMaxLength(4000);
        b.Property(c => c.ContentHash).HasMaxLength(16);
        b.Property(c => c.ReporterAddressHash).HasMaxLength(16);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.IdempotencyKey).IsUnique();
        b.HasIndex(c => new { c.ContentHash, c.ReportedAt });
        // The case list's total and page ids come from these alone (index-only scans): district + status, status + region
        // (a status ahead of the region range reads only the matching entries), region alone; district, 镇街 and cell
        // lists with one status a part come newest first from the index itself. See CaseQueries.ListAsync.
        b.HasIndex(c => new { c.DistrictCode, c.Status, c.ReportedAt, c.Id });
        b.HasIndex(c => new { c.TownCode, c.Status, c.ReportedAt, c.Id });
        b.HasIndex(c => new { c.Status, c.RegionCode, c.ReportedAt, c.Id });
        b.HasIndex(c => new { c.RegionCode, c.Status, c.ReportedAt, c.Id });
        b.HasIndex(c => new { c.CategoryCode, c.Status });
        b.HasIndex(c => c.ReporterUserId);
        b.HasMany(c => c.Assignments).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseAssignmentConfiguration : IEntityTypeConfiguration<CaseAssignment>
{
    public void Configure(EntityTypeBuilder<CaseAssignment> b)
    {
        b.ToTable("case_assignments");
        // Holds the case id too, so a unit's cases are found without reading the assignments themselves.
        b.HasIndex(a => new { a.UnitId, a.IsActive, a.CaseId });
        // A unit's cases outside a caller's areas (a 镇街 office's cases in other 镇街) are ranges of this index before
        // any case is read: see CaseQueries.VisiblePartsAsync.
        b.HasIndex(a => new { a.UnitId, a.RegionCode, a.CaseId });
        b.HasIndex(a => a.CaseId);
        b.Property(a => a.RegionCode).HasMaxLength(15);
        b.Property(a => a.ReturnReason).HasMaxLength(500);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.ToTable("case_events");
        b.HasIndex(e => new { e.CaseId, e.Sequence }).IsUnique();
        b.Property(e => e.Kind).HasMaxLength(20);
        b.Property(e => e.ActorName).HasMaxLength(50);
        b.Property(e => e.Comment).HasMaxLength(2000);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
