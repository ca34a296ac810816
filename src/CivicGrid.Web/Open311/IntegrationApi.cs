using CivicGrid.Accounts;
using CivicGrid.Open311;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Open311;

/// <summary>Administrators issue and revoke the integrations' Open311 keys (the console page does the same).</summary>
public static class IntegrationApi
{
    public static void MapIntegrationApi(this RouteGroupBuilder api)
    {
        var integrations = api.MapGroup("/open311/integrations").RequireAuthorization().WithTags("标准接口");
        integrations.MapGet("/", List).WithSummary("Open311 接入列表（只显示密钥前缀）");
        integrations.MapPost("/", Issue).WithSummary("新建接入并签发 api_key（密钥只在此时返回一次）");
        integrations.MapPost("/{id:int}/revoke", Revoke).WithSummary("吊销接入的 api_key");
    }

    private static async Task<IResult> List(IntegrationQueries queries, AccessScope scope, CancellationToken ct) =>
        await queries.ListAsync(scope, ct) is { } list ? TypedResults.Ok(list) : Problems.Forbidden("只有系统管理员可以查看 Open311 接入。");

    private static async Task<IResult> Issue(IssueIntegrationKeyRequest request, IssueIntegrationKey handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, request, ct)).ToHttp(k => k, k => $"/api/v1/open311/integrations/{k.Id}");

    private static async Task<IResult> Revoke(int id, RevokeIntegrationKey handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, id, ct)).ToHttp(i => i);
}
