using CivicGrid.Platform;
using CivicGrid.Safety;

namespace CivicGrid.Tests.Safety;

public sealed class RiskAssessmentTests
{
    [Theory]
    [InlineData(10, 6, 7, 420, RiskLevel.Major)]
    [InlineData(3, 6, 40, 720, RiskLevel.Major)]
    [InlineData(1, 6, 100, 600, RiskLevel.Major)]
    [InlineData(3, 6, 15, 270, RiskLevel.Large)]
    [InlineData(6, 6, 3, 108, RiskLevel.General)]
    [InlineData(3, 3, 7, 63, RiskLevel.Low)]
    [InlineData(1, 6, 3, 18, RiskLevel.Low)]
    [InlineData(0.1, 3, 1, 0.3, RiskLevel.Low)]
    public void Lec_multiplies_table_values_and_levels_by_the_default_bands(double l, double e, double c, double d, RiskLevel level)
    {
        var problems = new List<Problem>();
        var assessment = RiskAssessment.Lec(l, e, c, RiskBands.Default, problems);
        Assert.Empty(problems);
        Assert.Equal(d, assessment!.Score);
        Assert.Equal(level, assessment.Level);
    }

    [Theory]
    [InlineData(320.0, RiskLevel.Large, "高度危险，需立即整改")]
    [InlineData(320.5, RiskLevel.Major, "极其危险，不能继续作业")]
    [InlineData(160.0, RiskLevel.General, "显著危险，需要整改")]
    [InlineData(160.5, RiskLevel.Large, "高度危险，需立即整改")]
    [InlineData(70.0, RiskLevel.Low, "一般危险，需要注意")]
    [InlineData(70.5, RiskLevel.General, "显著危险，需要整改")]
    [InlineData(20.0, RiskLevel.Low, "稍有危险，可以接受")]
    [InlineData(20.5, RiskLevel.Low, "一般危险，需要注意")]
    public void Lec_band_edges_belong_to_the_lower_band(double d, RiskLevel level, string band)
    {
        Assert.Equal(level, RiskBands.Default.LevelOf(RiskMethod.Lec, d));
        Assert.Equal(band, LecTables.BandName(d));
    }

    [Fact]
    public void Lec_refuses_values_outside_the_standard_tables_with_one_problem_per_factor()
    {
        var problems = new List<Problem>();
        Assert.Null(RiskAssessment.Lec(4, 6, 50, RiskBands.Default, problems));
        Assert.Equal(["likelihood", "consequence"], problems.Select(p => p.Where));
        Assert.Contains("10、6、3、1、0.5、0.2、0.1", problems[0].Message);
    }

    [Theory]
    [InlineData(5, 5, 25, RiskLevel.Major)]
    [InlineData(4, 5, 20, RiskLevel.Major)]
    [InlineData(4, 4, 16, RiskLevel.Large)]
    [InlineData(3, 5, 15, RiskLevel.Large)]
    [InlineData(3, 4, 12, RiskLevel.General)]
    [InlineData(3, 3, 9, RiskLevel.General)]
    [InlineData(2, 4, 8, RiskLevel.Low)]
    [InlineData(1, 1, 1, RiskLevel.Low)]
    public void Matrix_multiplies_likelihood_and_severity(double l, int s, double r, RiskLevel level)
    {
        var problems = new List<Problem>();
        var assessment = RiskAssessment.Matrix(l, s, RiskBands.Default, problems);
        Assert.Empty(problems);
        Assert.Equal(r, assessment!.Score);
        Assert.Equal(level, assessment.Level);
    }

    [Fact]
    public void Matrix_refuses_factors_outside_one_to_five()
    {
        var problems = new List<Problem>();
        Assert.Null(RiskAssessment.Matrix(6, 0, RiskBands.Default, problems));
        Assert.Equal(["likelihood", "severity"], problems.Select(p => p.Where));
        Assert.Null(RiskAssessment.Matrix(2.5, 3, RiskBands.Default, problems = []));
        Assert.Single(problems);
    }

    [Fact]
    public void An_enterprises_own_bands_move_the_levels()
    {
        var strict = new RiskBands(LecMajorAbove: 240, LecLargeAbove: 120, LecGeneralAbove: 50, MatrixMajorFrom: 16, MatrixLargeFrom: 12, MatrixGeneralFrom: 6);
        Assert.Null(strict.Problem());
        Assert.Equal(RiskLevel.Major, strict.LevelOf(RiskMethod.Lec, 270));
        Assert.Equal(RiskLevel.General, strict.LevelOf(RiskMethod.Lec, 63));
        Assert.Equal(RiskLevel.Major, strict.LevelOf(RiskMethod.Matrix, 16));
        Assert.Equal(RiskLevel.General, strict.LevelOf(RiskMethod.Matrix, 6));
        Assert.NotNull(new RiskBands(LecMajorAbove: 100, LecLargeAbove: 160).Problem());
        Assert.NotNull(new RiskBands(MatrixMajorFrom: 26).Problem());
    }

    [Fact]
    public void Levels_have_the_four_colours()
    {
        Assert.Equal(["红", "橙", "黄", "蓝"], new[] { RiskLevel.Major, RiskLevel.Large, RiskLevel.General, RiskLevel.Low }.Select(RiskLevels.ColourName));
        Assert.Equal("重大风险", RiskLevels.ChineseName(RiskLevel.Major));
    }
}
