using CivicGrid.Open311;
using CivicGrid.Safety;
using CivicGrid.Safety.Detections;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Data.Seed;

/// <summary>
/// 示例矿业一号矿's cameras CAM-001 … CAM-008 with the rules CONTRACT.md names (every type: confidence 0.6, whole image,
/// persistence 2 s, cooldown 60 s, all hours), the camera integration key <c>demo-camera-key</c>, and three months of
/// detections and warnings (older ones confirmed or dismissed, the last days' still open). Kept small: seeding runs in every test app.
/// </summary>
internal static class DemoDetectionSeeder
{
    public const string DemoKey = "demo-camera-key";
    private const int Days = 90;

    private static readonly (string Name, string Area)[] Cameras =
    [
        ("主井口人员通道", "主井工业广场"),
        ("中央变电所", "中央变电所"),
        ("机修车间", "机修车间"),
        ("选煤厂主厂房", "选煤厂"),
        ("1201综采工作面", "1201综采工作面"),
        ("1203掘进工作面", "1203掘进工作面"),
        ("2101综采工作面", "2101综采工作面"),
        ("火工品库", "火工品库"),
    ];

    private static readonly DetectionType[] MineTypes =
        [DetectionType.NoHelmet, DetectionType.NoVest, DetectionType.Smoking, DetectionType.Phone, DetectionType.Intrusion, DetectionType.FireSmoke];

    /// <summary>PPE and behaviour point at a person (三违 candidate); intrusion and fire at the place (hidden danger).</summary>
    public static RuleAction ActionOf(DetectionType type) => type switch
    {
        DetectionType.NoHelmet or DetectionType.NoVest or DetectionType.Smoking or DetectionType.Phone => RuleAction.ViolationCandidate,
        DetectionType.Intrusion or DetectionType.FireSmoke => RuleAction.HiddenDanger,
        _ => RuleAction.WarningOnly,
    };

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var mine = await db.Units.SingleAsync(u => u.Code == DemoOrganization.MineCode, ct);
        var areas = await db.Set<SafetyArea>().Where(a => a.EnterpriseId == mine.Id).ToDictionaryAsync(a => a.Name, a => a.Id, ct);
        var now = clock.GetUtcNow();
        var cameras = Cameras.Select((c, i) => new Camera
        {
            Code = $"CAM-{i + 1:000}",
            Name = c.Name,
            EnterpriseId = mine.Id,
            AreaId = areas.TryGetValue(c.Area, out var area) ? area : null,
            UpdatedAt = now,
        }).ToList();
        db.AddRange(cameras);
        db.Add(new CameraIntegrationKey
        {
            EnterpriseId = mine.Id,
            Name = "演示摄像头接入",
            KeyHash = ApiKeys.Hash(DemoKey),
            KeyPrefix = ApiKeys.ShownPrefix(DemoKey),
            CreatedAt = now,
            IsDemo = true,
        });
        await db.SaveChangesAsync(ct);
        db.AddRange(cameras.SelectMany(c => DetectionTypes.Values.Select(t => new DetectionRule { CameraId = c.Id, Type = t, Action = ActionOf(t) })));

        var random = new Random(20260901);
        var warnings = new List<(DetectionWarning Warning, Detection[] Run)>();
        for (var day = Days; day >= 1; day--)
        {
            for (var n = random.Next(2, 7); n > 0; n--)
            {
                var camera = random.Next(cameras.Count);
                var type = MineTypes[random.Next(MineTypes.Length)];
                // Nothing in the last hour, so a fresh detection is never inside a seeded warning's cooldown.
                var start = now.AddDays(-day).AddSeconds(random.Next(0, 86_400 - 3_600));
                var box = DetectionBox.Format([new DetectionBox(0.2 + (random.NextDouble() * 0.5), 0.2 + (random.NextDouble() * 0.4), 0.1, 0.25)]);
                var confidence = Math.Round(0.62 + (random.NextDouble() * 0.35), 2);
                var status = day <= 3 ? WarningStatus.New
                    : random.NextDouble() < 0.08 + (0.04 * camera) ? WarningStatus.Dismissed
                    : ActionOf(type) == RuleAction.ViolationCandidate ? WarningStatus.Violation : WarningStatus.HiddenDanger;
                var warning = new DetectionWarning
                {
                    CameraId = cameras[camera].Id,
                    EnterpriseId = mine.Id,
                    Type = type,
                    FirstSeenAt = start,
                    RaisedAt = start.AddSeconds(2),
                    Confidence = confidence,
                    Boxes = box,
                    Action = ActionOf(type),
                    Status = status,
                    ResolvedBy = status == WarningStatus.New ? null : "safety",
                    ResolvedAt = status == WarningStatus.New ? null : start.AddHours(2),
                    Note = status == WarningStatus.New ? null : "演示历史数据",
                };
                var run = Enumerable.Range(0, 3).Select(s => new Detection
                {
                    CameraId = warning.CameraId,
                    Type = type,
                    OccurredAt = start.AddSeconds(s),
                    Confidence = confidence,
                    Boxes = box,
                    Verdict = s < 2 ? DetectionVerdict.Persisting : DetectionVerdict.Warning,
                    ReceivedAt = start.AddSeconds(s),
                }).Append(new Detection
                {
                    CameraId = warning.CameraId,
                    Type = type,
                    OccurredAt = start.AddSeconds(30),
                    Confidence = 0.41,
                    Boxes = box,
                    Verdict = DetectionVerdict.LowConfidence,
                    ReceivedAt = start.AddSeconds(30),
                }).ToArray();
                warnings.Add((warning, run));
            }
        }

        db.AddRange(warnings.Select(w => w.Warning));
        await db.SaveChangesAsync(ct);
        foreach (var (warning, run) in warnings)
        {
            run[2].WarningId = warning.Id;
        }

        db.AddRange(warnings.SelectMany(w => w.Run));
        await db.SaveChangesAsync(ct);
    }
}
