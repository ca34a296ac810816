namespace CivicGrid.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the data lives: <c>CivicGrid:Database:Provider</c> and <c>ConnectionStrings:Default</c>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string SqliteMigrationsAssembly = "CivicGrid.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "CivicGrid.Migrations.Postgres";

    public static DatabaseProvider ParseProvider(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"未知的数据库类型“{text}”：CivicGrid__Database__Provider 只能是 Sqlite 或 Postgres。"),
    };

    public static string DefaultSqliteConnectionString(string dataDir) =>
        $"Data Source={Path.Combine(dataDir, "civicgrid.db")};Cache=Shared;Foreign Keys=True";
}
