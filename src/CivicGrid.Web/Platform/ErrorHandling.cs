using Microsoft.AspNetCore.Diagnostics;

namespace CivicGrid.Web.Platform;

public static class ErrorHandling
{
    public static IServiceCollection AddChineseProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            var (slug, title, detail) = Problems.ForStatus(status);
            var fromFramework = ctx.ProblemDetails.Type is null || !ctx.ProblemDetails.Type.StartsWith(Problems.TypePrefix, StringComparison.Ordinal);
            if (fromFramework)
            {
                ctx.ProblemDetails.Type = Problems.TypePrefix + slug;
                ctx.ProblemDetails.Title = title;
                ctx.ProblemDetails.Detail = BadRequestDetail(ctx.Exception) ?? detail;
            }

            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services;
    }

    private static string? BadRequestDetail(Exception? exception) => exception switch
    {
        BadHttpRequestException { InnerException: System.Text.Json.JsonException } => "请求体不是有效的 JSON，或字段类型不正确。",
        BadHttpRequestException b when b.Message.Contains("Failed to bind parameter", StringComparison.Ordinal) =>
            "参数格式不正确：" + b.Message.Replace("Failed to bind parameter", "无法解析参数", StringComparison.Ordinal),
        BadHttpRequestException b when b.Message.Contains("Required parameter", StringComparison.Ordinal) =>
            "缺少必需的参数：" + b.Message.Replace("Required parameter", "参数", StringComparison.Ordinal),
        BadHttpRequestException => "请求的格式或参数有误。",
        _ => null,
    };

    /// <summary>Turns malformed requests (bad JSON, unparsable parameters) into 400s instead of 500s.</summary>
    private sealed class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> log) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            var status = exception is BadHttpRequestException bad ? bad.StatusCode : 500;
            if (status >= 500)
            {
                log.LogError(exception, "处理请求 {Method} {Path} 时出错", httpContext.Request.Method, httpContext.Request.Path);
            }

            httpContext.Response.StatusCode = status;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = { Status = status },
            });
        }
    }
}
