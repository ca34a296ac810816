using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CivicGrid.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite without the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design.db"));
        return new AppDbContext(builder.Options);
    }
}
