using CivicGrid.Accounts;
using CivicGrid.Safety;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Safety;

/// <summary>三违 records, a person's history, per-unit rates and safe days, recordable incidents.</summary>
public static class ViolationApi
{
    public static void MapViolationApi(this RouteGroupBuilder safety)
    {
        safety.MapGet("/enterprises/{id:int}/violations", List).WithSummary("三违记录");
        safety.MapPost("/enterprises/{id:int}/violations", Record).WithSummary("登记三违（违章指挥、违章作业、违反劳动纪律）");
        safety.MapPut("/enterprises/{id:int}/violations/{violationId:int}/retraining", Retraining).WithSummary("更新培训（学习班、考试）状态");
        safety.MapGet("/enterprises/{id:int}/people/{personId:int}/violations", Person).WithSummary("个人三违记录、年度积分与是否需培训");
        safety.MapGet("/enterprises/{id:int}/violation-rates", Rates).WithSummary("各单位三违率（每百人）、类型、月度趋势与安全生产天数");
        safety.MapPost("/enterprises/{id:int}/incidents", Incident).WithSummary("登记事故（安全生产天数重新计算）");
    }

    private static async Task<IResult> List(int id, int? page, int? pageSize, ViolationQueries queries, AccessScope scope, CancellationToken ct) =>
        (await queries.ListAsync(scope, id, page, pageSize, ct)).ToHttp(x => x);

    private static async Task<IResult> Record(int id, RecordViolationRequest request, RecordViolation handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, id, request, ct)).ToHttp(x => x, x => $"/api/v1/safety/enterprises/{id}/violations/{x.Id}");

    private static async Task<IResult> Retraining(int id, int violationId, UpdateRetrainingRequest request, UpdateRetraining handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, id, violationId, request, ct)).ToHttp(x => new { id = x });

    private static async Task<IResult> Person(int id, int personId, ViolationQueries queries, AccessScope scope, CancellationToken ct) =>
        (await queries.PersonAsync(scope, id, personId, ct)).ToHttp(x => x);

    private static async Task<IResult> Rates(int id, DateOnly? from, DateOnly? to, ViolationQueries queries, AccessScope scope, CancellationToken ct) =>
        (await queries.RatesAsync(scope, id, from, to, ct)).ToHttp(x => x);

    private static async Task<IResult> Incident(int id, RecordIncidentRequest request, RecordIncident handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, id, request, ct)).ToHttp(x => new { id = x }, x => $"/api/v1/safety/enterprises/{id}/incidents/{x.id}");
}
