using CivicGrid.Accounts;
using CivicGrid.Grid;
using CivicGrid.Open311;
using CivicGrid.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Data.Seed;

/// <summary>Seeds the demo district once; with the demo off, keeps its accounts disabled.</summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, IntegrationKeyCache? open311Keys = null)
{
    public const string DemoPassword = "Demo#2026";

    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        if (await db.Regions.AnyAsync(ct))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var regions = DemoGridGenerator.Generate(now);
        db.Regions.AddRange(regions);
        var units = DemoOrganization.Units(regions, now);
        db.Units.AddRange(units);
        await db.SaveChangesAsync(ct);

        var people = DemoTeams.People(units, now);
        db.People.AddRange(people);
        await db.SaveChangesAsync(ct);
        var teams = DemoTeams.CommandStructure(regions, people);
        db.Teams.AddRange(teams);
        await db.SaveChangesAsync(ct);
        var headquarters = teams.Single(t => t.Kind == TeamKind.Headquarters);
        teams.Where(t => t != headquarters).ToList().ForEach(t => t.ParentTeamId = headquarters.Id);
        await db.SaveChangesAsync(ct);

        await DemoCatalogSeed.SeedAsync(db, clock, ct);
        await DemoStandardsSeeder.SeedAsync(db, clock, ct);
        await DemoAccounts.CreateAsync(users, db, regions, units, people);
        await DemoInspectionsSeeder.SeedAsync(db, clock, ct);
        await DemoCasesSeeder.SeedAsync(db, clock, ct);
        await DemoSafetySeeder.SeedAsync(db, clock, ct);
        await DemoSafetyVolumeSeeder.SeedAsync(db, clock, ct);
        await DemoDetectionSeeder.SeedAsync(db, clock, ct);
        return true;
    }

    /// <summary>Enables or disables every demo account (and later the demo integrations).</summary>
    public async Task SetDemoEnabledAsync(bool enabled, CancellationToken ct = default)
    {
        await db.Users.Where(u => u.IsDemo && u.IsDisabled == enabled)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, !enabled), ct);
        await DemoOpen311Seed.ApplyAsync(db, enabled, clock, ct);
        open311Keys?.Forget();
        await db.Set<CivicGrid.Safety.Detections.CameraIntegrationKey>().Where(k => k.IsDemo && k.IsDisabled == enabled)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.IsDisabled, !enabled), ct);
    }
}
