using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CivicGrid.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL without a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=civicgrid_design"));
        return new AppDbContext(builder.Options);
    }
}
