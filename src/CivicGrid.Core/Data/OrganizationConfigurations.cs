using CivicGrid.Accounts;
using CivicGrid.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("units");
        b.Property(u => u.Code).HasMaxLength(32);
        b.Property(u => u.Name).HasMaxLength(100);
        b.Property(u => u.RegionCode).HasMaxLength(15);
        b.Property(u => u.DistrictCode).HasMaxLength(6);
        b.Property(u => u.Phone).HasMaxLength(32);
        b.Property(u => u.Address).HasMaxLength(200);
        b.Property(u => u.Version).IsConcurrencyToken();
        b.HasIndex(u => u.Code).IsUnique();
        b.HasIndex(u => u.RegionCode);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("people");
        b.Property(p => p.Name).HasMaxLength(50);
        b.Property(p => p.Post).HasMaxLength(50);
        b.Property(p => p.Phone).HasMaxLength(32);
        b.Property(p => p.IdNumber).HasMaxLength(18);
        b.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.UserId);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.ToTable("teams");
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.DistrictCode).HasMaxLength(6);
        b.Property(t => t.Duties).HasMaxLength(1000);
        b.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Coverage).WithOne().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> b)
    {
        b.ToTable("team_members");
        b.HasKey(m => new { m.TeamId, m.PersonId });
        b.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamCoverageConfiguration : IEntityTypeConfiguration<TeamCoverage>
{
    public void Configure(EntityTypeBuilder<TeamCoverage> b)
    {
        b.ToTable("team_coverage");
        b.Property(c => c.RegionCode).HasMaxLength(15);
        b.Property(c => c.CategoryCode).HasMaxLength(32);
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> b)
    {
        b.ToTable("role_assignments");
        b.Property(a => a.RegionCode).HasMaxLength(15);
        b.HasIndex(a => a.UserId);
        b.HasOne<AppUser>().WithMany(u => u.RoleAssignments).HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
