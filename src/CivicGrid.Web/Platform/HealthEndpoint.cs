using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Platform;

public static class HealthEndpoint
{
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct) =>
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                if (await db.Database.CanConnectAsync(ct))
                {
                    return Results.Ok(new { status = "healthy", database = db.Database.ProviderName });
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // An unreachable database is reported, not thrown.
            }

            return Results.Json(new { status = "unhealthy", detail = "数据库无法连接。" }, statusCode: 503);
        }).ExcludeFromDescription();
}
