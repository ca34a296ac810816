namespace CivicGrid.Organization;

public enum UnitKind
{
    Department = 1,
    StreetOffice = 2,
    CommunityCommittee = 3,
    Enterprise = 4,
    School = 5,
    Hospital = 6,
    SocialOrganization = 7,
    CommandCentre = 8,
    Other = 99,
}

public static class UnitKinds
{
    private static readonly (UnitKind Kind, string Name)[] Names =
    [
        (UnitKind.Department, "职能部门"),
        (UnitKind.StreetOffice, "镇街办事处"),
        (UnitKind.CommunityCommittee, "村居委会"),
        (UnitKind.Enterprise, "企事业单位"),
        (UnitKind.School, "学校"),
        (UnitKind.Hospital, "医院"),
        (UnitKind.SocialOrganization, "社会组织"),
        (UnitKind.CommandCentre, "指挥中心"),
        (UnitKind.Other, "其他"),
    ];

    public static string ChineseName(UnitKind kind) =>
        Names.FirstOrDefault(n => n.Kind == kind).Name ?? "其他";

    public static UnitKind? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        foreach (var (kind, name) in Names)
        {
            if (name == t || string.Equals(kind.ToString(), t, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }

    public static IReadOnlyList<(UnitKind Kind, string Name)> All => Names;
}
