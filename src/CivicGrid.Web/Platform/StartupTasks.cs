using CivicGrid.Data;
using CivicGrid.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Platform;

public static class StartupTasks
{
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // A migration may rewrite or backfill a large table (cases.TownCode over a million cases took minutes); queries keep the 30 s default.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>Migrates, seeds the demo district on first start, and prints where to go.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<CivicGridOptions>>().Value;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CivicGrid");
        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app, options));
        if (!await CanConnectAsync(app.Services))
        {
            // Keep serving: /health answers 503 until the database is back, and the operator sees why.
            log.LogCritical("数据库无法连接，已跳过迁移和演示数据。请检查 ConnectionStrings__Default。");
            return;
        }

        if (options.MigrateOnStart)
        {
            await app.Services.MigrateDatabaseAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            if (options.Demo && await seeder.SeedAsync())
            {
                log.LogInformation("已生成演示数据：示例区（110199）。");
            }

            await seeder.SetDemoEnabledAsync(options.Demo);
        }

        await CivicGrid.Web.Inspections.InspectionsModule.GenerateTodayAsync(app.Services);
    }

    private static async Task<bool> CanConnectAsync(IServiceProvider services)
    {
        // SQLite "cannot connect" to a file that does not exist yet; migrating creates it.
        if (services.GetRequiredService<DatabaseSettings>().Provider == DatabaseProvider.Sqlite)
        {
            return true;
        }

        await using var scope = services.CreateAsyncScope();
        try
        {
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.CanConnectAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            return false;
        }
    }

    private static void PrintWelcome(WebApplication app, CivicGridOptions options)
    {
        var urls = string.Join("、", app.Urls);
        Console.WriteLine();
        Console.WriteLine($"CivicGrid 文明创建与基层治理平台已启动：{urls}");
        Console.WriteLine($"数据目录：{options.DataDir}");
        if (!options.Demo)
        {
            return;
        }

        Console.WriteLine($"演示账户（密码均为 {DemoSeeder.DemoPassword}）：");
        foreach (var a in DemoAccounts.All)
        {
            Console.WriteLine($"  {a.UserName,-12} {CivicGrid.Accounts.AppRoles.ChineseName(a.Role)}（{a.Scope}）");
        }

        Console.WriteLine();
    }
}
