using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Platform;

/// <summary>RFC 9457 problem responses with Chinese text and a stable machine <c>type</c>.</summary>
public static class Problems
{
    public const string TypePrefix = "urn:civicgrid:problem:";

    public static ProblemHttpResult Create(int status, string slug, string title, string? detail = null,
        IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: TypePrefix + slug, extensions: extensions);

    public static ProblemHttpResult NotFound(string detail) => Create(404, "not-found", "未找到", detail);

    public static ProblemHttpResult Forbidden(string detail = "您没有权限执行此操作。") => Create(403, "forbidden", "无权访问", detail);

    public static ProblemHttpResult BadRequest(string detail, IDictionary<string, object?>? extensions = null) =>
        Create(400, "bad-request", "请求无效", detail, extensions);

    public static ProblemHttpResult Conflict(string detail) => Create(409, "conflict", "操作冲突", detail);

    public static ProblemHttpResult Unauthorized(string detail) => Create(401, "unauthorized", "身份验证失败", detail);

    public static ProblemHttpResult Validation(IReadOnlyList<string> errors, string detail = "提交的数据有误，请按提示修改后重试。") =>
        Create(400, "validation", "数据校验未通过", detail, new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>Chinese titles for the status codes the framework produces by itself.</summary>
    public static (string Slug, string Title, string Detail) ForStatus(int status) => status switch
    {
        400 => ("bad-request", "请求无效", "请求的格式或参数有误。"),
        401 => ("unauthorized", "未登录", "请先登录，或在请求头中提供有效的访问令牌（Authorization: Bearer …）。"),
        403 => ("forbidden", "无权访问", "您没有权限执行此操作。"),
        404 => ("not-found", "未找到", "请求的地址或数据不存在。"),
        405 => ("method-not-allowed", "方法不允许", "该地址不支持此请求方法。"),
        409 => ("conflict", "操作冲突", "数据已被他人修改，请刷新后重试。"),
        413 => ("payload-too-large", "内容过大", "上传的内容超过了允许的大小。"),
        415 => ("unsupported-media-type", "不支持的内容类型", "请使用 JSON（application/json）或要求的格式提交。"),
        429 => ("too-many-requests", "请求过于频繁", "请求过于频繁，请稍后再试。"),
        503 => ("unavailable", "服务暂不可用", "服务暂时不可用，请稍后再试。"),
        _ when status >= 500 => ("server-error", "服务器内部错误", "服务器处理请求时出错，已记录日志，请稍后重试或联系管理员。"),
        _ => ("error", "请求失败", "请求未能完成。"),
    };
}
