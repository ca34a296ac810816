using System.Globalization;
using Npgsql;

namespace CivicGrid.Bench;

/// <summary>
/// Where the database's time goes during a load phase: pg_stat_statements' top statements by execution plus planning
/// time, per completed operation. Needs the cluster started with the library preloaded; does nothing when count is 0.
/// </summary>
internal static class DatabaseStatements
{
    public static async Task ResetAsync(string connectionString, int count)
    {
        if (count <= 0)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Prints the top statements of the phase (its warm-up included).</summary>
    public static async Task PrintAsync(string connectionString, int count)
    {
        if (count <= 0)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT calls, total_exec_time, total_plan_time, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 110)
            FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY total_exec_time + total_plan_time DESC LIMIT $1
            """, connection) { Parameters = { new() { Value = count } } };
        await using var reader = await command.ExecuteReaderAsync();
        Console.WriteLine("  数据库耗时最多的语句（执行+计划，含预热；调用次数、总毫秒、行数）：");
        while (await reader.ReadAsync())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {reader.GetInt64(0),8} 次 {reader.GetDouble(1),9:N0} + {reader.GetDouble(2),7:N0} ms {reader.GetInt64(3),9} 行  {reader.GetString(4)}"));
        }
    }
}
