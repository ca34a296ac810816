using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Standards;

/// <summary>The result of an inspection of a point, as the inspections module reports it.</summary>
public sealed record InspectionResult(DateTimeOffset InspectedAt, double ScoreRate, int FailedItems, string? Summary, string? InspectionRef);

/// <summary>
/// Keeps the latest inspection on the point (for the public sign and the map). Called by the inspections module when
/// an inspection is submitted; an older result than the one shown is ignored, so replays and late uploads are harmless.
/// </summary>
public sealed class RecordLatestInspection(AppDbContext db)
{
    public async Task<Outcome<bool>> HandleAsync(string pointCode, InspectionResult result, CancellationToken ct = default)
    {
        if (result.ScoreRate is < 0 or > 1 || !double.IsFinite(result.ScoreRate) || result.FailedItems < 0)
        {
            return Outcome<bool>.Invalid("scoreRate", "得分率应在 0 到 1 之间，不达标项数不能为负。");
        }

        var point = await db.Set<InspectionPoint>().FirstOrDefaultAsync(p => p.Code == pointCode, ct);
        if (point is null)
        {
            return Outcome<bool>.NotFound($"点位 {pointCode} 不存在。");
        }

        if (point.LatestInspection is { } shown && shown.InspectedAt > result.InspectedAt)
        {
            return Outcome<bool>.Ok(false);
        }

        point.LatestInspection = new LatestInspection
        {
            InspectedAt = result.InspectedAt,
            ScoreRate = Math.Round(result.ScoreRate, 4),
            FailedItems = result.FailedItems,
            Summary = result.Summary is { Length: > 500 } s ? s[..500] : result.Summary,
            InspectionRef = result.InspectionRef,
        };
        point.Version++;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }
}
