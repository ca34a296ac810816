using CivicGrid.Cases.Catalog;
using CivicGrid.Cases.Responsibility;
using CivicGrid.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data;

internal sealed class CaseCategoryConfiguration : IEntityTypeConfiguration<CaseCategory>
{
    public void Configure(EntityTypeBuilder<CaseCategory> b)
    {
        b.ToTable("case_categories");
        b.Property(c => c.Code).HasMaxLength(16);
        b.Property(c => c.Name).HasMaxLength(50);
        b.Property(c => c.ParentCode).HasMaxLength(16);
        b.Property(c => c.RegisterCriteria).HasMaxLength(500);
        b.Property(c => c.CloseCriteria).HasMaxLength(500);
        b.Property(c => c.DefaultDepartmentCode).HasMaxLength(32);
        b.Property(c => c.Keywords).HasMaxLength(1000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.TimeLimit);
        b.Ignore(c => c.KeywordList);
        b.Ignore(c => c.KindName);
        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => c.ParentCode);
    }
}

internal sealed class ResponsibilityRuleConfiguration : IEntityTypeConfiguration<ResponsibilityRule>
{
    public void Configure(EntityTypeBuilder<ResponsibilityRule> b)
    {
        b.ToTable("responsibility_rules");
        b.Property(r => r.CategoryCode).HasMaxLength(16);
        b.Property(r => r.RegionCode).HasMaxLength(15);
        b.Property(r => r.DistrictCode).HasMaxLength(6);
        b.Property(r => r.Note).HasMaxLength(200);
        b.Property(r => r.CreatedBy).HasMaxLength(64);
        b.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.CategoryCode, r.RegionCode }).IsUnique();
        b.HasIndex(r => r.RegionCode);
    }
}

internal sealed class ResponsibilityRuleChangeConfiguration : IEntityTypeConfiguration<ResponsibilityRuleChange>
{
    public void Configure(EntityTypeBuilder<ResponsibilityRuleChange> b)
    {
        b.ToTable("responsibility_rule_changes");
        b.Property(c => c.ActorName).HasMaxLength(150);
        b.Property(c => c.DistrictCode).HasMaxLength(6);
        b.Property(c => c.CategoryCodeBefore).HasMaxLength(16);
        b.Property(c => c.CategoryCodeAfter).HasMaxLength(16);
        b.Property(c => c.RegionCodeBefore).HasMaxLength(15);
        b.Property(c => c.RegionCodeAfter).HasMaxLength(15);
        b.Property(c => c.NoteBefore).HasMaxLength(200);
        b.Property(c => c.NoteAfter).HasMaxLength(200);
        b.Ignore(c => c.Before);
        b.Ignore(c => c.After);
        b.HasIndex(c => new { c.RuleId, c.At });
        b.HasIndex(c => c.RegionCodeBefore);
        b.HasIndex(c => c.RegionCodeAfter);
        b.HasIndex(c => c.At);
    }
}
