using CivicGrid.Accounts;
using CivicGrid.Platform;
using CivicGrid.Safety;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Safety;

/// <summary>安全风险分级管控: hazards, their Excel import and export, the four-colour map, the LEC tables.</summary>
public static class RiskRegisterApi
{
    public static void MapRiskRegisterApi(this RouteGroupBuilder safety)
    {
        safety.MapGet("/lec-tables", () => TypedResults.Ok(new { likelihood = LecTables.Likelihood, exposure = LecTables.Exposure, consequence = LecTables.Consequence }))
            .WithSummary("LEC 法 L、E、C 标准取值表");
        safety.MapGet("/enterprises/{id:int}/hazards", List).WithSummary("风险清单（按等级、区域筛选）");
        safety.MapPost("/enterprises/{id:int}/hazards", (int id, HazardInput r, SaveHazard h, AccessScope s, CancellationToken ct) => Save(id, null, r, h, s, ct))
            .WithSummary("辨识并评价危险源（LEC 或风险矩阵）");
        safety.MapPut("/enterprises/{id:int}/hazards/{hazardId:int}", (int id, int hazardId, HazardInput r, SaveHazard h, AccessScope s, CancellationToken ct) => Save(id, hazardId, r, h, s, ct))
            .WithSummary("修改危险源及其管控措施");
        safety.MapPost("/enterprises/{id:int}/hazards/import", Import).DisableAntiforgery()
            .WithSummary("从 Excel 导入风险清单（表头：" + string.Join("、", HazardQueries.SheetHeaders) + "）");
        safety.MapGet("/enterprises/{id:int}/hazards/export.xlsx", Export).WithSummary("导出风险清单为 Excel");
        safety.MapGet("/enterprises/{id:int}/risk-map", Map).WithSummary("四色图：各区域的最高风险等级与颜色");
    }

    private static async Task<IResult> List(int id, string? level, int? areaId, int? page, int? pageSize, HazardQueries queries, AccessScope scope, CancellationToken ct) =>
        (await queries.ListAsync(scope, id, level, areaId, page, pageSize, ct)).ToHttp(x => x);

    private static async Task<IResult> Save(int id, int? hazardId, HazardInput input, SaveHazard handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, id, hazardId, input, ct)).ToHttp(
            h => new { h.Id, h.Name, h.Score, level = RiskLevels.ChineseName(h.Level), colour = RiskLevels.Colour(h.Level) },
            h => $"/api/v1/safety/enterprises/{id}/hazards/{h.Id}");

    private static async Task<IResult> Import(int id, IFormFile? file, ImportHazards handler, AccessScope scope, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Problems.BadRequest("请以 multipart/form-data 上传 Excel 文件（字段名 file）。");
        }

        await using var stream = file.OpenReadStream();
        return (await handler.HandleAsync(scope, id, stream, ct)).ToHttp(r => r);
    }

    private static async Task<IResult> Export(int id, HazardQueries queries, AccessScope scope, CancellationToken ct)
    {
        var outcome = await queries.ExportAsync(scope, id, ct);
        return outcome.Status == OutcomeStatus.Ok
            ? TypedResults.File(outcome.Value!, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "风险清单.xlsx")
            : outcome.ToHttp(x => x);
    }

    private static async Task<IResult> Map(int id, HazardQueries queries, AccessScope scope, CancellationToken ct) =>
        (await queries.MapAsync(scope, id, ct)).ToHttp(x => x);
}
