using System.Globalization;
using CivicGrid.Accounts;
using CivicGrid.Assessment;
using CivicGrid.Assessment.Dashboard;
using CivicGrid.Assessment.Figures;
using CivicGrid.Assessment.Notices;
using CivicGrid.Assessment.Reports;
using CivicGrid.Platform.Calendar;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Assessment;

/// <summary>考评: rankings of the default schemes (CONTRACT.md), the notice, Excel, red/black list, drill-down, publishing.</summary>
public static class AssessmentApi
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IServiceCollection AddAssessmentModule(this IServiceCollection services, IConfiguration configuration)
    {
        AssessmentReportOptions.Schedule(services, configuration);
        return services.AddAssessmentUseCases();
    }

    public static void MapAssessmentApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/assessment").RequireAuthorization().WithTags("考评");
        g.MapGet("/scores", Scores).WithSummary("默认方案的考评得分与排名（subjectKind: town/community/department，period: YYYY-MM）");
        g.MapGet("/scores.xlsx", Excel).WithSummary("排名表导出 Excel");
        g.MapGet("/notice.docx", Notice).WithSummary("考评通报（Word 文档）");
        g.MapGet("/honours", Honours).WithSummary("红黑榜（前 N 名/后 N 名或分数线）");
        g.MapGet("/scores/{subjectCode}/cases", Cases).WithSummary("下钻：得分背后的案卷");
        g.MapPost("/runs", Publish).WithSummary("计算并发布考评结果（发布后冻结）");
        g.MapGet("/dashboard", Dashboard).WithSummary("数据大屏：今日数据、趋势、分类、突出问题、按期与满意率、排名和地图（region: 区/镇街/村居编码，默认为可见的最大范围）");
        g.MapGet("/reports", Reports).WithSummary("调度与督查报告列表（kind: daily 日调度 / weekly 周督查）");
        g.MapGet("/reports/{id:long}", Report).WithSummary("一份调度与督查报告（镇街管理员只看到本镇街）");
        g.MapGet("/reports/{id:long}.xlsx", ReportExcel).WithSummary("调度与督查报告导出 Excel");
        g.MapPost("/reports", GenerateReport).WithSummary("立即生成日调度或周督查报告（默认昨日、上周；同一周期再次生成会替换）");
        g.MapGet("/schemes", Schemes).WithSummary("考评方案");
        g.MapGet("/indicators", IndicatorList).WithSummary("考评指标及计算公式");
        g.MapGet("/public-honours", PublicHonourSettings).WithSummary("红黑榜公示页设置（是否开放 /public/honours、红黑榜名额与分数线）");
        g.MapPut("/public-honours", SavePublicHonourSettings).WithSummary("开关红黑榜公示页并设置名额与分数线（系统管理员）");
        g.MapPost("/figures/rebuild", Rebuild).WithSummary("由案卷重建日汇总数据（系统管理员）");
    }

    /// <summary>The current month in the district's time when no period is given.</summary>
    private static string PeriodOr(string? period, TimeProvider clock) =>
        string.IsNullOrWhiteSpace(period)
            ? TimeZoneInfo.ConvertTime(clock.GetUtcNow(), WorkingCalendar.ChinaTimeZone).ToString("yyyy-MM", CultureInfo.InvariantCulture)
            : period;

    private static async Task<IResult> Scores(string? subjectKind, string? period, AssessmentReports reports, AccessScope scope, TimeProvider clock, CancellationToken ct) =>
        (await reports.BoardAsync(scope, subjectKind, PeriodOr(period, clock), ct)).ToHttp(b => b);

    private static async Task<IResult> Excel(string? subjectKind, string? period, AssessmentReports reports, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var board = await reports.BoardAsync(scope, subjectKind, PeriodOr(period, clock), ct);
        return board.Succeeded
            ? TypedResults.File(RankingTable.Excel(board.Value!), XlsxType, $"考评排名-{board.Value!.SubjectKind}-{board.Value.Period}.xlsx")
            : board.ToHttp(b => b);
    }

    private static async Task<IResult> Notice(string? subjectKind, string? period, int? top, int? bottom, AssessmentReports reports, AccessScope scope,
        TimeProvider clock, CancellationToken ct)
    {
        var p = PeriodOr(period, clock);
        var notice = await reports.NoticeAsync(scope, subjectKind, p, new HonourRule(Math.Clamp(top ?? 3, 0, 50), Math.Clamp(bottom ?? 3, 0, 50)), ct);
        return notice.Succeeded ? TypedResults.File(notice.Value!, DocxType, $"考评通报-{subjectKind}-{p}.docx") : notice.ToHttp(b => b);
    }

    private static async Task<IResult> Honours(string? subjectKind, string? period, int? top, int? bottom, double? redAtLeast, double? blackBelow,
        AssessmentReports reports, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var board = await reports.BoardAsync(scope, subjectKind, PeriodOr(period, clock), ct);
        return board.ToHttp(b =>
        {
            var list = HonourList.From(b.Items, new HonourRule(Math.Clamp(top ?? 3, 0, 50), Math.Clamp(bottom ?? 3, 0, 50), redAtLeast, blackBelow));
            return new { b.Period, b.PeriodName, red = list.Red, black = list.Black };
        });
    }

    private static async Task<IResult> Cases(string subjectCode, string? subjectKind, string? period, AssessmentReports reports, AccessScope scope,
        TimeProvider clock, CancellationToken ct) =>
        (await reports.DrillDownAsync(scope, subjectKind, PeriodOr(period, clock), subjectCode, ct)).ToHttp(c => c);

    private static async Task<IResult> Dashboard(string? region, DashboardQueries dashboard, AccessScope scope, CancellationToken ct) =>
        (await dashboard.LoadAsync(scope, region, ct)).ToHttp(d => d);

    private static async Task<IResult> Reports(string? kind, ReportQueries reports, AccessScope scope, CancellationToken ct) =>
        (await reports.ListAsync(scope, kind, ct)).ToHttp(r => r);

    private static async Task<IResult> Report(long id, ReportQueries reports, AccessScope scope, CancellationToken ct) =>
        (await reports.GetAsync(scope, id, ct)).ToHttp(r => r);

    private static async Task<IResult> ReportExcel(long id, ReportQueries reports, AccessScope scope, CancellationToken ct)
    {
        var excel = await reports.ExcelAsync(scope, id, ct);
        return excel.Succeeded ? TypedResults.File(excel.Value!, XlsxType, $"调度督查报告-{id}.xlsx") : excel.ToHttp(b => b);
    }

    private static async Task<IResult> GenerateReport(GenerateReport.Request request, GenerateReport handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, request, ct)).ToHttp(r => r);

    private static async Task<IResult> Publish(PublishRequest request, PublishRun handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, request, ct)).ToHttp(b => b);

    private static async Task<IResult> Schemes(SchemeQueries schemes, AccessScope scope, CancellationToken ct) =>
        AssessmentAccess.CanRead(scope) ? TypedResults.Ok(await schemes.ListAsync(ct)) : Problems.Forbidden("您无权查看考评方案。");

    private static IResult IndicatorList(AccessScope scope) =>
        AssessmentAccess.CanRead(scope)
            ? TypedResults.Ok(Indicators.All.Select(i => new { i.Key, i.Name, unit = i.Unit.ToString().ToLowerInvariant(), i.HigherIsBetter, i.Formula, i.Source }))
            : Problems.Forbidden("您无权查看考评指标。");

    private static async Task<IResult> PublicHonourSettings(PublicHonours honours, AccessScope scope, CancellationToken ct) =>
        (await honours.GetAsync(scope, ct)).ToHttp(s => s);

    private static async Task<IResult> SavePublicHonourSettings(PublicHonourSettingsRequest request, PublicHonours honours, AccessScope scope,
        CancellationToken ct) =>
        (await honours.SaveAsync(scope, request, ct)).ToHttp(s => s);

    private static async Task<IResult> Rebuild(RebuildDailyFigures rebuild, AccessScope scope, CancellationToken ct) =>
        scope.IsAdmin ? TypedResults.Ok(new { cases = await rebuild.HandleAsync(ct) }) : Problems.Forbidden("只有系统管理员可以重建汇总数据。");
}
