using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Cases.Intake;

/// <summary>The app whose intake writer waits 50 ms for company, so reports sent together share a commit for sure.</summary>
public class LingeringSqliteApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("CivicGrid:Cases:Intake:LingerMicroseconds", "50000")];
}

public class LingeringPostgresApp : PostgresApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("CivicGrid:Cases:Intake:LingerMicroseconds", "50000")];
}
