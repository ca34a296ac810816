using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>The seeded app with a clock the test controls (starts 2026-09-30 10:00 Beijing time, before 国庆).</summary>
public class ClockedSqliteApp : SqliteApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 9, 30, 10, 0, 0, TimeSpan.FromHours(8)));

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public class ClockedPostgresApp : PostgresApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 9, 30, 10, 0, 0, TimeSpan.FromHours(8)));

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
