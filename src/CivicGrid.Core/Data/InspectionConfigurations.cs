using CivicGrid.Inspections;
using CivicGrid.Standards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data;

internal sealed class InspectionPlanConfiguration : IEntityTypeConfiguration<InspectionPlan>
{
    public void Configure(EntityTypeBuilder<InspectionPlan> b)
    {
        b.ToTable("inspection_plans");
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.RegionCodes).HasMaxLength(1000);
        b.Property(p => p.CategoryCodes).HasMaxLength(500);
        b.Property(p => p.PointCodes).HasMaxLength(4000);
        b.Property(p => p.Assignees).HasMaxLength(200);
        b.Property(p => p.CreatedBy).HasMaxLength(100);
    }
}

internal sealed class InspectionTaskConfiguration : IEntityTypeConfiguration<InspectionTask>
{
    public void Configure(EntityTypeBuilder<InspectionTask> b)
    {
        b.ToTable("inspection_tasks");
        b.Property(t => t.PointCode).HasMaxLength(32);
        b.Property(t => t.RegionCode).HasMaxLength(15);
        b.Property(t => t.Assignees).HasMaxLength(200);
        b.HasOne(t => t.Plan).WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InspectionPoint>().WithMany().HasForeignKey(t => t.PointId).OnDelete(DeleteBehavior.Restrict);
        // A plan makes one task per point and day, however often the job runs.
        b.HasIndex(t => new { t.PlanId, t.ScheduledDate, t.PointId }).IsUnique();
        b.HasIndex(t => new { t.Status, t.DueDate });
        b.HasIndex(t => t.SourceCaseId);
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.ToTable("inspections");
        b.Property(i => i.SubmissionKey).HasMaxLength(100);
        b.Property(i => i.PointCode).HasMaxLength(32);
        b.Property(i => i.PointName).HasMaxLength(100);
        b.Property(i => i.CategoryCode).HasMaxLength(16);
        b.Property(i => i.RegionCode).HasMaxLength(15);
        b.Property(i => i.InspectorName).HasMaxLength(100);
        b.Property(i => i.Note).HasMaxLength(500);
        b.Property(i => i.EarnedPoints).HasPrecision(8, 2);
        b.Property(i => i.TotalPoints).HasPrecision(8, 2);
        b.HasIndex(i => i.SubmissionKey).IsUnique();
        b.HasIndex(i => new { i.PointId, i.SubmittedAt });
        b.HasIndex(i => i.SubmittedAt);
        b.HasIndex(i => i.CorrectsId);
        b.HasOne<InspectionPoint>().WithMany().HasForeignKey(i => i.PointId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Items).WithOne().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InspectionItemConfiguration : IEntityTypeConfiguration<InspectionItem>
{
    public void Configure(EntityTypeBuilder<InspectionItem> b)
    {
        b.ToTable("inspection_items");
        b.Property(x => x.StandardCode).HasMaxLength(32);
        b.Property(x => x.Text).HasMaxLength(500);
        b.Property(x => x.Points).HasPrecision(6, 2);
        b.Property(x => x.Value).HasPrecision(10, 2);
        b.Property(x => x.Earned).HasPrecision(6, 2);
        b.Property(x => x.CaseCategoryCode).HasMaxLength(16);
        b.Property(x => x.Photos).HasMaxLength(2000);
        b.Property(x => x.Note).HasMaxLength(200);
        b.HasIndex(x => x.CaseId);
    }
}
