using CivicGrid.Organization;
using CivicGrid.Safety;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data;

internal sealed class SafetyAreaConfiguration : IEntityTypeConfiguration<SafetyArea>
{
    public void Configure(EntityTypeBuilder<SafetyArea> b)
    {
        b.ToTable("safety_areas");
        b.Property(a => a.Name).HasMaxLength(100);
        b.Property(a => a.Kind).HasMaxLength(20);
        b.HasOne<Unit>().WithMany().HasForeignKey(a => a.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SafetyArea>().WithMany().HasForeignKey(a => a.ParentAreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.EnterpriseId);
    }
}

internal sealed class SafetyPostConfiguration : IEntityTypeConfiguration<SafetyPost>
{
    public void Configure(EntityTypeBuilder<SafetyPost> b)
    {
        b.ToTable("safety_posts");
        b.Property(p => p.Name).HasMaxLength(50);
        b.Property(p => p.Duties).HasMaxLength(1000);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.EnterpriseId, p.Name }).IsUnique();
    }
}

internal sealed class SafetyPersonPostConfiguration : IEntityTypeConfiguration<SafetyPersonPost>
{
    public void Configure(EntityTypeBuilder<SafetyPersonPost> b)
    {
        b.ToTable("safety_person_posts");
        b.HasKey(pp => new { pp.PersonId, pp.PostId });
        b.HasOne<Person>().WithMany().HasForeignKey(pp => pp.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SafetyPost>().WithMany().HasForeignKey(pp => pp.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SafetyTaskConfiguration : IEntityTypeConfiguration<SafetyTask>
{
    public void Configure(EntityTypeBuilder<SafetyTask> b)
    {
        b.ToTable("safety_tasks");
        b.Property(t => t.Name).HasMaxLength(100);
        b.HasOne<Unit>().WithMany().HasForeignKey(t => t.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SafetyArea>().WithMany().HasForeignKey(t => t.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SafetyPost>().WithMany().HasForeignKey(t => t.PostId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Steps).WithOne().HasForeignKey(s => s.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => t.EnterpriseId);
    }
}

internal sealed class SafetyTaskStepConfiguration : IEntityTypeConfiguration<SafetyTaskStep>
{
    public void Configure(EntityTypeBuilder<SafetyTaskStep> b)
    {
        b.ToTable("safety_task_steps");
        b.Property(s => s.Name).HasMaxLength(100);
    }
}

internal sealed class HazardConfiguration : IEntityTypeConfiguration<Hazard>
{
    public void Configure(EntityTypeBuilder<Hazard> b)
    {
        b.ToTable("safety_hazards");
        b.Property(h => h.Name).HasMaxLength(200);
        b.Property(h => h.AccidentType).HasMaxLength(1000);
        b.Property(h => h.EngineeringControls).HasMaxLength(1000);
        b.Property(h => h.ManagementControls).HasMaxLength(1000);
        b.Property(h => h.TrainingControls).HasMaxLength(1000);
        b.Property(h => h.PpeControls).HasMaxLength(1000);
        b.Property(h => h.EmergencyControls).HasMaxLength(1000);
        b.Property(h => h.Owner).HasMaxLength(1000);
        b.HasOne<Unit>().WithMany().HasForeignKey(h => h.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SafetyArea>().WithMany().HasForeignKey(h => h.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SafetyTaskStep>().WithMany().HasForeignKey(h => h.TaskStepId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(h => new { h.EnterpriseId, h.Level });
    }
}

internal sealed class SafetySettingsConfiguration : IEntityTypeConfiguration<SafetySettings>
{
    public void Configure(EntityTypeBuilder<SafetySettings> b)
    {
        b.ToTable("safety_settings");
        b.HasKey(s => s.EnterpriseId);
        b.Ignore(s => s.Bands);
        b.HasOne<Unit>().WithOne().HasForeignKey<SafetySettings>(s => s.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HiddenDangerConfiguration : IEntityTypeConfiguration<HiddenDanger>
{
    public void Configure(EntityTypeBuilder<HiddenDanger> b)
    {
        b.ToTable("safety_hidden_dangers");
        b.Property(d => d.Description).HasMaxLength(2000);
        b.Property(d => d.ResponsiblePerson).HasMaxLength(100);
        b.Property(d => d.Measures).HasMaxLength(2000);
        b.Property(d => d.Funds).HasPrecision(14, 2);
        b.Property(d => d.ContingencyPlan).HasMaxLength(2000);
        b.Property(d => d.EffectEvaluation).HasMaxLength(2000);
        b.Property(d => d.AcceptedBy).HasMaxLength(100);
        b.HasOne<CivicGrid.Cases.Case>().WithOne().HasForeignKey<HiddenDanger>(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(d => d.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SafetyArea>().WithMany().HasForeignKey(d => d.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Hazard>().WithMany().HasForeignKey(d => d.HazardId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => d.CaseId).IsUnique();
        b.HasIndex(d => new { d.EnterpriseId, d.ReportedAt });
    }
}

internal sealed class ViolationConfiguration : IEntityTypeConfiguration<Violation>
{
    public void Configure(EntityTypeBuilder<Violation> b)
    {
        b.ToTable("safety_violations");
        b.Property(v => v.Place).HasMaxLength(100);
        b.Property(v => v.Rule).HasMaxLength(500);
        b.Property(v => v.FoundBy).HasMaxLength(100);
        b.Property(v => v.Fine).HasPrecision(12, 2);
        b.HasOne<Unit>().WithMany().HasForeignKey(v => v.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SafetyArea>().WithMany().HasForeignKey(v => v.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.EnterpriseId, v.OccurredAt });
        b.HasIndex(v => new { v.PersonId, v.OccurredAt });
    }
}

internal sealed class SafetyIncidentConfiguration : IEntityTypeConfiguration<SafetyIncident>
{
    public void Configure(EntityTypeBuilder<SafetyIncident> b)
    {
        b.ToTable("safety_incidents");
        b.Property(i => i.Description).HasMaxLength(2000);
        b.HasOne<Unit>().WithMany().HasForeignKey(i => i.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.EnterpriseId, i.OccurredOn });
    }
}
