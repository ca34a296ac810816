using CivicGrid.Cases;

namespace CivicGrid.Tests.Cases;

/// <summary>The digit-code range that stands for "in region X" in the case list.</summary>
public sealed class CaseRegionsTests
{
    [Theory]
    [InlineData("110199001", "110199002")]
    [InlineData("110199019", "110199020")]
    [InlineData("110199099999", "110199100000")]
    [InlineData("1101999", "1102000")]
    [InlineData("999", null)]
    [InlineData("11019900a", null)]
    [InlineData("", null)]
    public void The_next_code_has_the_same_length(string code, string? next) => Assert.Equal(next, CaseRegions.Next(code));

    [Theory]
    [InlineData("110199001", "110199001001001", true)]
    [InlineData("110199001", "110199001999999", true)]
    [InlineData("110199001", "110199002000001", false)]
    [InlineData("110199001", "110199000999999", false)]
    [InlineData("110199001001", "110199001001123", true)]
    [InlineData("110199001001", "110199001010123", false)]
    [InlineData("110199001001123", "110199001001123", true)]
    [InlineData("110199001001123", "110199001001124", false)]
    [InlineData("110199", "110199001001123", true)]
    [InlineData("110299", "110199001001123", false)]
    public void A_case_lies_within_the_regions_whose_code_begins_its_own(string region, string cell, bool within)
    {
        var c = new Case { DistrictCode = cell[..6], RegionCode = cell, Description = "测试" };
        Assert.Equal(within, CaseRegions.Within(region).Compile()(c));
    }

    [Fact]
    public void An_unlocated_case_lies_in_its_district_only()
    {
        var c = new Case { DistrictCode = "110199", RegionCode = null, Description = "测试" };
        Assert.True(CaseRegions.Within("110199").Compile()(c));
        Assert.False(CaseRegions.Within("110199001").Compile()(c));
    }
}
