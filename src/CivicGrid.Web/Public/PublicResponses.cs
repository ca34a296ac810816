using CivicGrid.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Public;

/// <summary>Answers of the residents' pages: Razor components rendered statically, and Chinese ProblemDetails for JSON.</summary>
public static class PublicResponses
{
    public const string ApiPrefix = "/public/api";

    public static RazorComponentResult Page<TComponent>(IReadOnlyDictionary<string, object?> parameters, int status = 200)
        where TComponent : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<TComponent>(parameters) { StatusCode = status, ContentType = "text/html; charset=utf-8" };

    public static RazorComponentResult Message(int status, string heading, string message) =>
        Page<MessagePage>(new Dictionary<string, object?> { ["Heading"] = heading, ["Message"] = message }, status);

    public static RazorComponentResult LinkNotFound() =>
        Message(404, "链接无效", "没有找到这个查询链接，请核对链接是否完整（可以从提交成功页面复制）。");

    public static IResult TooMany(HttpContext http, string message, TimeSpan retryAfter)
    {
        http.Response.Headers.RetryAfter = PublicRequestPolicy.Seconds(retryAfter);
        return http.Request.Path.StartsWithSegments(ApiPrefix)
            ? Problems.Create(429, "too-many-requests", "请求过于频繁", message)
            : Message(429, "请求过于频繁", message + "您填写的内容可以点浏览器的“返回”找回。");
    }

    public static Task TooManyAsync(HttpContext http, string message, TimeSpan retryAfter) =>
        TooMany(http, message, retryAfter).ExecuteAsync(http);

    /// <summary>The absolute address of a tracking page, to copy and keep.</summary>
    public static string TrackingLink(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}/track/{token}";
}
