using CivicGrid.Cases;
using CivicGrid.Cases.Intake;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Cases.Intake;

/// <summary>
/// The intake's PostgreSQL bulk insert names its columns itself: a column added to the model and not to the insert
/// would be silently left empty for every reported case. What it writes is checked end to end in IntakeBatchTests.
/// </summary>
public sealed class CaseBulkInsertTests
{
    public static TheoryData<Type, string[]> Tables => new()
    {
        { typeof(Case), CaseBulkInsert.CaseColumns },
        { typeof(CaseAssignment), CaseBulkInsert.AssignmentColumns },
        { typeof(CaseEvent), CaseBulkInsert.EventColumns },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void The_bulk_insert_writes_every_mapped_column_of_the_table(Type entity, string[] columns)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=civicgrid_model"));
        using var db = new AppDbContext(builder.Options);
        var mapped = db.Model.FindEntityType(entity)!.GetProperties().Select(p => p.GetColumnName()).Order(StringComparer.Ordinal);

        Assert.Equal(mapped, columns.Order(StringComparer.Ordinal));
    }
}
