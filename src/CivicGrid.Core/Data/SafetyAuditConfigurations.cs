using CivicGrid.Organization;
using CivicGrid.Safety.Audits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data;

internal sealed class AuditTemplateConfiguration : IEntityTypeConfiguration<AuditTemplate>
{
    public void Configure(EntityTypeBuilder<AuditTemplate> b)
    {
        b.ToTable("safety_audit_templates");
        b.Property(t => t.Code).HasMaxLength(30);
        b.Property(t => t.Name).HasMaxLength(100);
        b.HasIndex(t => t.Code).IsUnique();
        b.HasMany(t => t.Sections).WithOne().HasForeignKey(s => s.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditSectionConfiguration : IEntityTypeConfiguration<AuditSection>
{
    public void Configure(EntityTypeBuilder<AuditSection> b)
    {
        b.ToTable("safety_audit_sections");
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Weight).HasPrecision(9, 2);
        b.HasMany(s => s.Elements).WithOne().HasForeignKey(e => e.SectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditElementConfiguration : IEntityTypeConfiguration<AuditElement>
{
    public void Configure(EntityTypeBuilder<AuditElement> b)
    {
        b.ToTable("safety_audit_elements");
        b.Property(e => e.Code).HasMaxLength(20);
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Weight).HasPrecision(9, 2);
    }
}

internal sealed class AuditConfiguration : IEntityTypeConfiguration<Audit>
{
    public void Configure(EntityTypeBuilder<Audit> b)
    {
        b.ToTable("safety_audits");
        b.Property(a => a.Title).HasMaxLength(100);
        b.Property(a => a.Auditors).HasMaxLength(200);
        b.Property(a => a.CreatedBy).HasMaxLength(100);
        b.Property(a => a.SubmittedBy).HasMaxLength(100);
        b.Property(a => a.InjuryRate).HasPrecision(9, 2);
        b.Property(a => a.TotalPercent).HasPrecision(5, 1);
        b.HasOne<Unit>().WithMany().HasForeignKey(a => a.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AuditTemplate>().WithMany().HasForeignKey(a => a.TemplateId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.AuditId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.EnterpriseId, a.AuditDate });
    }
}

internal sealed class AuditScoreConfiguration : IEntityTypeConfiguration<AuditScore>
{
    public void Configure(EntityTypeBuilder<AuditScore> b)
    {
        b.ToTable("safety_audit_scores");
        b.Property(s => s.SectionName).HasMaxLength(100);
        b.Property(s => s.ElementCode).HasMaxLength(20);
        b.Property(s => s.ElementName).HasMaxLength(200);
        b.Property(s => s.Note).HasMaxLength(500);
        b.Property(s => s.Weight).HasPrecision(9, 2);
        b.Property(s => s.SectionWeight).HasPrecision(9, 2);
        b.Property(s => s.Score).HasPrecision(9, 2);
        b.HasIndex(s => new { s.AuditId, s.ElementCode }).IsUnique();
    }
}
