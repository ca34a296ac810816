using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CivicGrid.Safety.Detections;

/// <summary>
/// The PostgreSQL write of a batch without EF Core's change tracking: warning ids drawn from their identity sequence
/// first (the detections point at them and the callers are told them), then warnings and detections by binary COPY, in
/// one transaction. Column lists follow <c>SafetyDetectionConfigurations</c>; the detection tests on PostgreSQL read
/// the rows back through EF Core.
/// </summary>
internal static class DetectionCopy
{
    private const string NextWarningIds = """SELECT nextval(pg_get_serial_sequence('safety_warnings', 'Id')) FROM generate_series(1, $1)""";

    private const string CopyWarnings = """
        COPY safety_warnings ("Id", "CameraId", "EnterpriseId", "Type", "FirstSeenAt", "RaisedAt", "Confidence", "Boxes", "Action",
            "SnapshotFileId", "Status") FROM STDIN (FORMAT BINARY)
        """;

    private const string CopyDetections = """
        COPY safety_detections ("CameraId", "Type", "OccurredAt", "Confidence", "Boxes", "Verdict", "WarningId", "ReceivedAt")
            FROM STDIN (FORMAT BINARY)
        """;

    public static async Task WriteAsync(AppDbContext db, IReadOnlyList<PendingDetection> items)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var tx = await connection.BeginTransactionAsync();
            var warnings = items.Where(p => p.Warning is not null).ToList();
            if (warnings.Count > 0)
            {
                await AssignWarningIdsAsync(connection, warnings);
                await using var copy = await connection.BeginBinaryImportAsync(CopyWarnings);
                foreach (var w in warnings.Select(p => p.Warning!))
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(w.Id, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(w.CameraId, NpgsqlDbType.Integer);
                    await copy.WriteAsync(w.EnterpriseId, NpgsqlDbType.Integer);
                    await copy.WriteAsync((int)w.Type, NpgsqlDbType.Integer);
                    await copy.WriteAsync(w.FirstSeenAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(w.RaisedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(w.Confidence, NpgsqlDbType.Double);
                    await copy.WriteAsync(w.Boxes, NpgsqlDbType.Varchar);
                    await copy.WriteAsync((int)w.Action, NpgsqlDbType.Integer);
                    await WriteNullableAsync(copy, w.SnapshotFileId, NpgsqlDbType.Varchar);
                    await copy.WriteAsync((int)w.Status, NpgsqlDbType.Integer);
                }

                await copy.CompleteAsync();
            }

            await using (var copy = await connection.BeginBinaryImportAsync(CopyDetections))
            {
                foreach (var d in items.Select(p => p.Detection))
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(d.CameraId, NpgsqlDbType.Integer);
                    await copy.WriteAsync((int)d.Type, NpgsqlDbType.Integer);
                    await copy.WriteAsync(d.OccurredAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(d.Confidence, NpgsqlDbType.Double);
                    await copy.WriteAsync(d.Boxes, NpgsqlDbType.Varchar);
                    await copy.WriteAsync((int)d.Verdict, NpgsqlDbType.Integer);
                    await WriteNullableAsync(copy, d.WarningId, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(d.ReceivedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                }

                await copy.CompleteAsync();
            }

            await tx.CommitAsync();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task AssignWarningIdsAsync(NpgsqlConnection connection, List<PendingDetection> warnings)
    {
        await using var next = new NpgsqlCommand(NextWarningIds, connection) { Parameters = { new() { Value = warnings.Count } } };
        await using var reader = await next.ExecuteReaderAsync();
        foreach (var p in warnings)
        {
            await reader.ReadAsync();
            p.Warning!.Id = reader.GetInt64(0);
            p.Detection.WarningId = p.Warning.Id;
        }
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type) where T : struct =>
        value is { } v ? copy.WriteAsync(v, type) : copy.WriteNullAsync();

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type) =>
        value is null ? copy.WriteNullAsync() : copy.WriteAsync(value, type);
}
