using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety;

public sealed record SaveSettingsRequest(
    double LecMajorAbove = 320, double LecLargeAbove = 160, double LecGeneralAbove = 70,
    int MatrixMajorFrom = 20, int MatrixLargeFrom = 15, int MatrixGeneralFrom = 9,
    int RetrainingPoints = ViolationRules.DefaultRetrainingPoints, DateOnly? SafeSince = null);

/// <summary>Sets an enterprise's bands and thresholds; every hazard of the enterprise is re-levelled in the same commit.</summary>
public sealed class SaveSettings(AppDbContext db)
{
    public async Task<Outcome<RiskBands>> HandleAsync(AccessScope scope, int enterpriseId, SaveSettingsRequest request, CancellationToken ct = default)
    {
        var enterprise = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!enterprise.Succeeded)
        {
            return enterprise.Fail<Organization.Unit, RiskBands>();
        }

        var bands = new RiskBands(request.LecMajorAbove, request.LecLargeAbove, request.LecGeneralAbove,
            request.MatrixMajorFrom, request.MatrixLargeFrom, request.MatrixGeneralFrom);
        if (bands.Problem() is { } problem)
        {
            return Outcome<RiskBands>.Invalid("bands", problem);
        }

        if (request.RetrainingPoints is < 1 or > 100)
        {
            return Outcome<RiskBands>.Invalid("retrainingPoints", "三违培训积分阈值须在 1–100 之间。");
        }

        var settings = await db.Set<SafetySettings>().FirstOrDefaultAsync(s => s.EnterpriseId == enterpriseId, ct);
        if (settings is null)
        {
            db.Add(settings = new SafetySettings { EnterpriseId = enterpriseId });
        }

        (settings.LecMajorAbove, settings.LecLargeAbove, settings.LecGeneralAbove) = (bands.LecMajorAbove, bands.LecLargeAbove, bands.LecGeneralAbove);
        (settings.MatrixMajorFrom, settings.MatrixLargeFrom, settings.MatrixGeneralFrom) = (bands.MatrixMajorFrom, bands.MatrixLargeFrom, bands.MatrixGeneralFrom);
        settings.RetrainingPoints = request.RetrainingPoints;
        settings.SafeSince = request.SafeSince;
        foreach (var hazard in await db.Set<Hazard>().Where(h => h.EnterpriseId == enterpriseId).ToListAsync(ct))
        {
            hazard.Level = bands.LevelOf(hazard.Method, hazard.Score);
        }

        await db.SaveChangesAsync(ct);
        return Outcome<RiskBands>.Ok(bands);
    }

    public static async Task<RiskBands> BandsOfAsync(AppDbContext db, int enterpriseId, CancellationToken ct) =>
        (await db.Set<SafetySettings>().AsNoTracking().FirstOrDefaultAsync(s => s.EnterpriseId == enterpriseId, ct))?.Bands ?? RiskBands.Default;
}
