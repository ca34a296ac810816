using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CivicGrid.Bench;

/// <summary>
/// Bulk-writes entities with PostgreSQL's binary COPY, columns and value conversions taken from the EF model,
/// so the rows are what SaveChanges would have written (enums as numbers, instants in UTC).
/// </summary>
internal static class CaseBenchCopy
{
    public static async Task<ulong> WriteAsync<T>(NpgsqlConnection connection, IEntityType type, IEnumerable<T> rows, Action<long>? progress = null)
        where T : class
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties()
            .Select(p => (Name: p.GetColumnName(table)!, Getter: p.GetGetter(), Converter: p.GetTypeMapping().Converter))
            .Where(c => c.Name is not null).ToList();
        var list = string.Join(", ", columns.Select(c => "\"" + c.Name + "\""));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({list}) FROM STDIN (FORMAT BINARY)");
        writer.Timeout = TimeSpan.Zero;
        long written = 0;
        foreach (var row in rows)
        {
            await writer.StartRowAsync();
            foreach (var (_, getter, converter) in columns)
            {
                var value = getter.GetClrValue(row);
                if (value is not null && converter is not null)
                {
                    value = converter.ConvertToProvider(value);
                }

                if (value is null)
                {
                    await writer.WriteNullAsync();
                }
                else
                {
                    await writer.WriteAsync(value);
                }
            }

            if (++written % 100_000 == 0)
            {
                progress?.Invoke(written);
            }
        }

        return await writer.CompleteAsync();
    }
}
