namespace CivicGrid.Safety.Detections;

/// <summary>What a camera or edge-analytics system saw; the codes are the public API's (CONTRACT.md).</summary>
public enum DetectionType
{
    NoHelmet = 1,
    NoVest = 2,
    Smoking = 3,
    Phone = 4,
    Intrusion = 5,
    FireSmoke = 6,
    StreetVending = 7,
    GarbageOverflow = 8,
    IllegalParking = 9,
}

public static class DetectionTypes
{
    private static readonly (DetectionType Type, string Code, string Name)[] All =
    [
        (DetectionType.NoHelmet, "no_helmet", "未戴安全帽"),
        (DetectionType.NoVest, "no_vest", "未穿反光衣"),
        (DetectionType.Smoking, "smoking", "吸烟"),
        (DetectionType.Phone, "phone", "打电话"),
        (DetectionType.Intrusion, "intrusion", "区域入侵"),
        (DetectionType.FireSmoke, "fire_smoke", "烟火"),
        (DetectionType.StreetVending, "street_vending", "占道经营"),
        (DetectionType.GarbageOverflow, "garbage_overflow", "垃圾满溢"),
        (DetectionType.IllegalParking, "illegal_parking", "违停"),
    ];

    public static IEnumerable<DetectionType> Values => All.Select(t => t.Type);

    public static string CodeList => string.Join("、", All.Select(t => t.Code));

    public static DetectionType? Parse(string? code)
    {
        foreach (var t in All)
        {
            if (string.Equals(t.Code, code, StringComparison.Ordinal))
            {
                return t.Type;
            }
        }

        return null;
    }

    public static string Code(DetectionType type) => All.First(t => t.Type == type).Code;

    public static string Name(DetectionType type) => All.First(t => t.Type == type).Name;
}
