using CivicGrid.Web.Platform;

var migrateOnly = args.Length > 0 && args[0] == "migrate";
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = migrateOnly ? args[1..] : args,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddCivicGrid();

var app = builder.Build();
if (migrateOnly)
{
    await app.Services.MigrateDatabaseAsync();
    Console.WriteLine("数据库迁移已完成。");
    return 0;
}

app.UseCivicGrid();
await app.PrepareAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
