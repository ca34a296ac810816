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

    [Theory]
    [InlineData("110199001001001", false)]
    [InlineData("110199001999999", false)]
    [InlineData("110199003002005", false)]
    [InlineData("110199000999999", true)]
    [InlineData("110199002000001", true)]
    [InlineData("110199003001999", true)]
    [InlineData("110199003003000", true)]
    [InlineData("110199025001001", true)]
    [InlineData("110198999999999", true)]
    public void A_cell_lies_in_a_gap_between_the_regions_exactly_when_it_is_in_none_of_them(string cell, bool outside)
    {
        string[] regions = ["110199003002", "110199001", "110199001002"];
        var gaps = CaseRegions.Outside(regions)!;
        Assert.Equal(outside, gaps.Count(g => (g.From is null || string.CompareOrdinal(cell, g.From) >= 0) && (g.To is null || string.CompareOrdinal(cell, g.To) < 0)) == 1);
        Assert.Equal(outside, !regions.Any(r => cell.StartsWith(r, StringComparison.Ordinal)));
    }

    [Fact]
    public void Regions_that_are_no_digit_codes_have_no_gaps_and_no_regions_leave_one_gap_for_everything()
    {
        Assert.Null(CaseRegions.Outside(["11019900a"]));
        Assert.Equal(new List<(string?, string?)> { (null, null) }, CaseRegions.Outside([]));
    }

    [Fact]
    public void An_unlocated_case_lies_in_its_district_only()
    {
        var c = new Case { DistrictCode = "110199", RegionCode = null, Description = "测试" };
        Assert.True(CaseRegions.Within("110199").Compile()(c));
        Assert.False(CaseRegions.Within("110199001").Compile()(c));
    }
}
