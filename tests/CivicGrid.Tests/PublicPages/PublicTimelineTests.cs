using CivicGrid.Cases;
using CivicGrid.Public;
using CivicGrid.Web.Public;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CivicGrid.Tests.PublicPages;

/// <summary>What residents read of a case's steps, and the small rules of the public pages.</summary>
public sealed class PublicTimelineTests
{
    private static readonly Dictionary<int, string> Units = new() { [7] = "区城市管理局" };

    private static CaseEvent Step(string kind, CaseStatus from, CaseStatus to, string? comment = null, string? data = null, bool isPublic = true) =>
        new() { Kind = kind, FromStatus = from, ToStatus = to, ActorName = "handler.cg", Comment = comment, Data = data, IsPublic = isPublic };

    [Fact]
    public void Steps_are_told_without_state_names_or_staff()
    {
        var dispatch = PublicTimeline.Describe(Step("dispatch", CaseStatus.Registered, CaseStatus.Dispatched, "派遣给张科长",
            """{"lead":7,"co":[],"deadline":"2026-11-27T06:00:00+00:00"}"""), Units)!;
        Assert.Equal("已交办", dispatch.Title);
        Assert.Equal("已交由区城市管理局办理，预计 11月27日 14:00 前办结。", dispatch.Detail);

        var verify = PublicTimeline.Describe(Step("verify", CaseStatus.Handled, CaseStatus.Verified, "督查员李四复核"), Units)!;
        Assert.DoesNotContain("李四", verify.Detail);
        var handle = PublicTimeline.Describe(Step("handle", CaseStatus.Acknowledged, CaseStatus.Handled, "已清运"), Units)!;
        Assert.Equal("处理情况：已清运", handle.Detail);
        Assert.True(handle.ShowsPhotos);
        Assert.Equal("评价：满意", PublicTimeline.Describe(Step("evaluate", CaseStatus.Closed, CaseStatus.Evaluated, "评价：满意。我的私事",
            """{"evaluation":"满意"}"""), Units)!.Detail);
        Assert.Equal("已交由责任部门办理。", PublicTimeline.Describe(Step("dispatch", CaseStatus.Registered, CaseStatus.Dispatched, data: "not json"), Units)!
            .Detail);
    }

    [Fact]
    public void Internal_steps_are_left_out()
    {
        Assert.Null(PublicTimeline.Describe(Step("supervise", CaseStatus.Dispatched, CaseStatus.Dispatched), Units));
        Assert.Null(PublicTimeline.Describe(Step("late-acknowledge", CaseStatus.Dispatched, CaseStatus.Dispatched), Units));
        Assert.Null(PublicTimeline.Describe(Step("acknowledge", CaseStatus.Acknowledged, CaseStatus.Acknowledged, "协办单位已报到"), Units));
        Assert.Null(PublicTimeline.Describe(Step("handle", CaseStatus.Acknowledged, CaseStatus.Handled, isPublic: false), Units));
        Assert.DoesNotContain("退单", PublicTimeline.Describe(Step("return", CaseStatus.Dispatched, CaseStatus.Returned, "不属于本单位，退单"), Units)!.Detail);
    }

    [Theory]
    [InlineData(CaseStatus.Reported, 1)]
    [InlineData(CaseStatus.Registered, 2)]
    [InlineData(CaseStatus.Dispatched, 3)]
    [InlineData(CaseStatus.Handled, 3)]
    [InlineData(CaseStatus.Closed, 4)]
    [InlineData(CaseStatus.Evaluated, 5)]
    [InlineData(CaseStatus.Rejected, 0)]
    public void Every_state_has_a_stage_and_plain_words(CaseStatus status, int stage)
    {
        var (s, text) = PublicTimeline.Status(status);
        Assert.Equal(stage, s);
        Assert.DoesNotContain(status.ToString(), text);
        Assert.DoesNotContain("立案", text);
        Assert.DoesNotContain("派遣", text);
    }

    [Fact]
    public void Tokens_are_random_and_only_their_hash_is_looked_up()
    {
        var a = TrackingTokens.New();
        var b = TrackingTokens.New();
        Assert.NotEqual(a, b);
        Assert.Matches("^[A-Za-z0-9_-]{22}$", a);
        Assert.Equal(64, TrackingTokens.Hash(a)!.Length);
        Assert.NotEqual(TrackingTokens.Hash(a), TrackingTokens.Hash(b));
        Assert.Null(TrackingTokens.Hash("short"));
        Assert.Null(TrackingTokens.Hash("../../etc/passwd/aaaaaa"));
    }

    [Fact]
    public void Phone_numbers_in_descriptions_are_masked()
    {
        Assert.Equal("老板电话139****1111，快来", PublicNearby.MaskPhones("老板电话13900001111，快来"));
        Assert.Equal("订单号 213900001111222", PublicNearby.MaskPhones("订单号 213900001111222"));
    }

    [Fact]
    public void A_sign_link_prefills_the_point_and_nonsense_is_dropped()
    {
        var good = ReportFormValues.FromQuery(Query(("point", "P-01"), ("lon", "116.6"), ("lat", "40.1"), ("name", "幸福小区东门")));
        Assert.Equal(("116.6", "40.1", "P-01", "幸福小区东门"), (good.Lon, good.Lat, good.PointCode, good.PointName));

        var bad = ReportFormValues.FromQuery(Query(("point", "<b>"), ("lon", "NaN"), ("lat", "40.1"), ("name", new string('长', 80))));
        Assert.Null(bad.Lon);
        Assert.Null(bad.Lat);
        Assert.Null(bad.PointCode);
        Assert.Equal(50, bad.PointName!.Length);
    }

    private static QueryCollection Query(params (string Key, string Value)[] pairs) =>
        new(pairs.ToDictionary(p => p.Key, p => new StringValues(p.Value)));
}
