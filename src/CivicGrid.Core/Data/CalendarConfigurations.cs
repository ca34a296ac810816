using CivicGrid.Platform.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data;

internal sealed class CalendarOverrideConfiguration : IEntityTypeConfiguration<CalendarOverride>
{
    public void Configure(EntityTypeBuilder<CalendarOverride> b)
    {
        b.ToTable("calendar_overrides");
        b.HasKey(o => o.Date);
        b.Property(o => o.Date).ValueGeneratedNever();
        b.Property(o => o.Name).HasMaxLength(50);
        b.Property(o => o.UpdatedBy).HasMaxLength(64);
    }
}
