using CivicGrid.Assessment.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data;

internal sealed class DailyFigureConfiguration : IEntityTypeConfiguration<DailyFigure>
{
    public void Configure(EntityTypeBuilder<DailyFigure> b)
    {
        b.ToTable(FigureSql.FiguresTable);
        b.HasKey(f => new { f.Day, f.CommunityCode, f.TownCode, f.UnitId, f.CategoryTop });
        b.Property(f => f.CommunityCode).HasMaxLength(12);
        b.Property(f => f.TownCode).HasMaxLength(9);
        b.Property(f => f.CategoryTop).HasMaxLength(4);
        // Scores of 镇街 and of units read a day range per town or unit.
        b.HasIndex(f => new { f.TownCode, f.Day });
        b.HasIndex(f => new { f.UnitId, f.Day });
        // Open overdue cases up to a day are summed over every earlier day; only the few rows where a case became or
        // stopped being overdue count, so that sum reads this small index instead of the whole table.
        b.HasIndex(f => new { f.Day, f.TownCode, f.CommunityCode, f.UnitId, f.OverdueStarted, f.LateClosed }, "IX_assessment_daily_figures_overdue")
            .HasFilter(FigureSql.OverdueRowsFilter);
    }
}

internal sealed class MonthlyFigureConfiguration : IEntityTypeConfiguration<MonthlyFigure>
{
    public void Configure(EntityTypeBuilder<MonthlyFigure> b)
    {
        b.ToTable(FigureSql.MonthlyTable);
        b.HasKey(f => new { f.Month, f.TownCode, f.CommunityCode, f.UnitId });
        b.Property(f => f.CommunityCode).HasMaxLength(12);
        b.Property(f => f.TownCode).HasMaxLength(9);
        b.HasIndex(f => new { f.Month, f.TownCode, f.CommunityCode, f.UnitId, f.OverdueStarted, f.LateClosed }, "IX_assessment_monthly_figures_overdue")
            .HasFilter(FigureSql.OverdueRowsFilter);
    }
}

internal sealed class TownDailyFigureConfiguration : IEntityTypeConfiguration<TownDailyFigure>
{
    public void Configure(EntityTypeBuilder<TownDailyFigure> b)
    {
        b.ToTable(FigureSql.TownDailyTable);
        b.HasKey(f => new { f.Day, f.TownCode, f.CategoryTop });
        b.Property(f => f.TownCode).HasMaxLength(9);
        b.Property(f => f.CategoryTop).HasMaxLength(4);
        // A 镇街's 数据大屏 reads its own rows of a day range.
        b.HasIndex(f => new { f.TownCode, f.Day });
    }
}

internal sealed class CaseFigureFactsConfiguration : IEntityTypeConfiguration<CaseFigureFacts>
{
    public void Configure(EntityTypeBuilder<CaseFigureFacts> b)
    {
        b.ToTable(FigureSql.FactsTable);
        b.HasKey(f => f.CaseId);
        b.Property(f => f.CaseId).ValueGeneratedNever();
        b.Property(f => f.Contribution).HasMaxLength(4000);
    }
}

internal sealed class SchemeConfiguration : IEntityTypeConfiguration<CivicGrid.Assessment.Scheme>
{
    public void Configure(EntityTypeBuilder<CivicGrid.Assessment.Scheme> b)
    {
        b.ToTable("assessment_schemes");
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.ItemsJson).HasMaxLength(8000);
        b.Ignore(s => s.Items);
    }
}

internal sealed class AssessmentRunConfiguration : IEntityTypeConfiguration<CivicGrid.Assessment.AssessmentRun>
{
    public void Configure(EntityTypeBuilder<CivicGrid.Assessment.AssessmentRun> b)
    {
        b.ToTable("assessment_runs");
        b.Property(r => r.PeriodKey).HasMaxLength(16);
        b.Property(r => r.DistrictCode).HasMaxLength(6);
        b.Property(r => r.PublishedBy).HasMaxLength(50);
        b.HasIndex(r => new { r.SchemeId, r.PeriodKey });
    }
}

internal sealed class ScheduledReportConfiguration : IEntityTypeConfiguration<CivicGrid.Assessment.Reports.ScheduledReport>
{
    public void Configure(EntityTypeBuilder<CivicGrid.Assessment.Reports.ScheduledReport> b)
    {
        b.ToTable("assessment_reports");
        b.Property(r => r.PeriodKey).HasMaxLength(16);
        b.Property(r => r.Title).HasMaxLength(200);
        b.HasIndex(r => new { r.Kind, r.PeriodKey }).IsUnique();
        b.HasIndex(r => r.GeneratedAt);
    }
}

internal sealed class PublicHonourSettingsConfiguration : IEntityTypeConfiguration<CivicGrid.Assessment.PublicHonourSettings>
{
    public void Configure(EntityTypeBuilder<CivicGrid.Assessment.PublicHonourSettings> b)
    {
        b.ToTable("assessment_public_honours");
        b.HasKey(s => s.DistrictCode);
        b.Property(s => s.DistrictCode).HasMaxLength(6);
        b.Property(s => s.UpdatedBy).HasMaxLength(50);
        b.Ignore(s => s.Rule);
    }
}
