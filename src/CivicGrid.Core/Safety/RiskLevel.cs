namespace CivicGrid.Safety;

/// <summary>The four risk levels of 安全风险分级管控, shown red, orange, yellow and blue.</summary>
public enum RiskLevel
{
    Low = 1,
    General = 2,
    Large = 3,
    Major = 4,
}

public enum RiskMethod
{
    /// <summary>作业条件危险性分析法 D = L × E × C.</summary>
    Lec = 1,

    /// <summary>风险矩阵法 R = L × S (5 × 5).</summary>
    Matrix = 2,
}

public static class RiskLevels
{
    public static string ChineseName(RiskLevel level) => level switch
    {
        RiskLevel.Major => "重大风险",
        RiskLevel.Large => "较大风险",
        RiskLevel.General => "一般风险",
        _ => "低风险",
    };

    public static string ColourName(RiskLevel level) => level switch
    {
        RiskLevel.Major => "红",
        RiskLevel.Large => "橙",
        RiskLevel.General => "黄",
        _ => "蓝",
    };

    /// <summary>The colour of the level on maps and tags (red, orange, yellow, blue).</summary>
    public static string Colour(RiskLevel level) => level switch
    {
        RiskLevel.Major => "#f5222d",
        RiskLevel.Large => "#fa8c16",
        RiskLevel.General => "#fadb14",
        _ => "#1677ff",
    };

    public static RiskLevel? Parse(string? text) => text?.Trim() switch
    {
        "重大" or "重大风险" or "红" or "major" => RiskLevel.Major,
        "较大" or "较大风险" or "橙" or "large" => RiskLevel.Large,
        "一般" or "一般风险" or "黄" or "general" => RiskLevel.General,
        "低" or "低风险" or "蓝" or "low" => RiskLevel.Low,
        _ => null,
    };

    public static RiskMethod? ParseMethod(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "LEC" or "作业条件危险性分析法" => RiskMethod.Lec,
        "MATRIX" or "LS" or "风险矩阵" or "风险矩阵法" => RiskMethod.Matrix,
        _ => null,
    };

    public static string MethodName(RiskMethod method) => method == RiskMethod.Lec ? "LEC" : "风险矩阵";
}
