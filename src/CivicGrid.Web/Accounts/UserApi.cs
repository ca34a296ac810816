using CivicGrid.Accounts;
using CivicGrid.Web.Platform;

namespace CivicGrid.Web.Accounts;

public static class UserApi
{
    public sealed record PasswordRequest(string? Password);

    public static void MapUserApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", Me).RequireAuthorization().WithTags("账户").WithSummary("当前登录账户及其角色范围");
        var users = api.MapGroup("/users").RequireAuthorization().WithTags("账户");
        users.MapGet("/", List).WithSummary("账户列表（管理范围内）");
        users.MapGet("/{id:guid}", Get).WithSummary("账户详情");
        users.MapPost("/", Create).WithSummary("新建账户并分配角色范围");
        users.MapPut("/{id:guid}", Update).WithSummary("修改账户、角色范围或停用");
        users.MapPost("/{id:guid}/password", Reset).WithSummary("重置密码（原有令牌立即失效）");
    }

    private static async Task<IResult> Me(UserQueries queries, AccessScope scope, CancellationToken ct) =>
        await queries.GetAsync(scope, scope.UserId, ct) is { } me ? TypedResults.Ok(me) : Problems.NotFound("账户不存在。");

    private static async Task<IResult> List(string? q, int? page, int? pageSize, UserQueries queries, AccessScope scope, CancellationToken ct) =>
        UserAdministration.MayAdministerUsers(scope)
            ? TypedResults.Ok(await queries.ListAsync(scope, q, page, pageSize, ct))
            : Problems.Forbidden("只有系统管理员、镇街管理员和村居管理员可以查看账户列表。");

    private static async Task<IResult> Get(Guid id, UserQueries queries, AccessScope scope, CancellationToken ct) =>
        await queries.GetAsync(scope, id, ct) is { } user ? TypedResults.Ok(user) : Problems.NotFound("账户不存在或不在您的管理范围内。");

    private static async Task<IResult> Create(SaveUserRequest request, SaveUser handler, AccessScope scope, CancellationToken ct) =>
        (await handler.HandleAsync(scope, request with { Id = null }, ct)).ToHttp(u => u, u => $"/api/v1/users/{u.Id}");

    private static async Task<IResult> Update(Guid id, SaveUserRequest request, SaveUser handler, AccessScopeLoader loader, AccessScope scope, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(scope, request with { Id = id, Password = null }, ct);
        loader.Forget(id);
        return outcome.ToHttp(u => u);
    }

    private static async Task<IResult> Reset(Guid id, PasswordRequest request, ResetPassword handler, AccessScopeLoader loader, AccessScope scope, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(scope, id, request.Password, ct);
        loader.Forget(id);
        return outcome.ToHttp(_ => new { message = "密码已重置，该账户原有的登录令牌已失效。" });
    }
}
