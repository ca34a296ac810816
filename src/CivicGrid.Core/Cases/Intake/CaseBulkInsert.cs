using CivicGrid.Assessment.Figures;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CivicGrid.Cases.Intake;

/// <summary>
/// The PostgreSQL write of an intake batch without EF Core's change tracking: the look-up of earlier cases together with
/// new case ids from the identity sequence (the history hashes cover them), then the cases, their assignments and their
/// history as three <c>INSERT … SELECT FROM unnest(arrays)</c> with the figures' upserts in one round trip. The column
/// lists follow <c>CaseConfigurations</c>; a test compares them with the EF model, so a new column cannot be left out.
/// Every statement has the same text whatever the batch size (arrays, not value lists), so each connection prepares it
/// once and the server neither parses nor plans it again.
/// </summary>
internal static class CaseBulkInsert
{
    internal static readonly string[] CaseColumns =
    [
        "Id", "Status", "Source", "CategoryCode", "DistrictCode", "RegionCode", "TownCode", "Description", "Address", "Lon", "Lat",
        "ReporterUserId", "ReporterName", "ReporterPhone", "IdempotencyKey", "ContentHash", "ReporterAddressHash", "ReportedAt",
        "RegisteredAt", "DispatchedAt", "Deadline", "HandledAt", "ClosedAt", "EvaluatedAt", "Evaluation", "ReworkCount",
        "PostponeCount", "ReopenCount", "Card", "MergedIntoId", "SearchText", "UpdatedAt", "Version",
    ];

    internal static readonly string[] AssignmentColumns =
    [
        "Id", "CaseId", "UnitId", "RegionCode", "IsLead", "Round", "DispatchedAt", "AcknowledgeBy", "AcknowledgedAt", "ReturnedAt",
        "ReturnReason", "IsActive",
    ];

    internal static readonly string[] EventColumns =
    [
        "Id", "CaseId", "Sequence", "Action", "Kind", "FromStatus", "ToStatus", "ActorUserId", "ActorName", "At", "Comment", "Data",
        "Attachments", "IsPublic", "PreviousHash", "Hash",
    ];

    private const string Earlier = """
        SELECT "IdempotencyKey", "Id", "ContentHash", "ReporterPhone", "ReporterUserId", "ReporterAddressHash", "Lon", "Lat", "Address", "ReportedAt"
        FROM cases
        WHERE "IdempotencyKey" = ANY($1) OR ("ContentHash" = ANY($2) AND "ReportedAt" >= $3)
        ORDER BY "Id"
        """;

    private const string NextIds = """
        SELECT nextval(pg_get_serial_sequence('cases', 'Id')) FROM generate_series(1, $1)
        """;

    /// <summary>
    /// In one round trip: the cases holding one of the idempotency keys or, since the window's start, one of the texts;
    /// and <paramref name="count"/> new case ids from the identity sequence (one per report: the ids of reports that
    /// turn out to repeat an earlier case are left unused, a gap like that of any rolled-back insert).
    /// </summary>
    public static async Task<(List<(string? Key, ReportFingerprint Fingerprint)> Rows, long[] Ids)> LookUpAsync(AppDbContext db,
        IntakeLookUp lookUp, int count)
    {
        var (keys, hashes, since) = lookUp;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(Earlier)
                {
                    Parameters =
                    {
                        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar, Value = keys.ToArray() },
                        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar, Value = hashes.ToArray() },
                        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = since.UtcDateTime },
                    },
                },
                new NpgsqlBatchCommand(NextIds) { Parameters = { new() { NpgsqlDbType = NpgsqlDbType.Integer, Value = count } } },
            },
        };
        await batch.PrepareAsync();
        await using var reader = await batch.ExecuteReaderAsync();
        var rows = new List<(string?, ReportFingerprint)>();
        while (await reader.ReadAsync())
        {
            rows.Add((Text(reader, 0), new ReportFingerprint(reader.GetInt64(1), Text(reader, 2), Text(reader, 3),
                reader.IsDBNull(4) ? null : reader.GetGuid(4), Text(reader, 5), reader.IsDBNull(6) ? null : reader.GetDouble(6),
                reader.IsDBNull(7) ? null : reader.GetDouble(7), Text(reader, 8), reader.GetFieldValue<DateTimeOffset>(9))));
        }

        await reader.NextResultAsync();
        var ids = new long[count];
        for (var i = 0; i < count && await reader.ReadAsync(); i++)
        {
            ids[i] = reader.GetInt64(0);
        }

        return (rows, ids);
    }

    /// <summary>
    /// Inserts the cases (with their ids), their assignments, the given history events, the front doors' rows
    /// (<paramref name="companions"/>, see <see cref="AddedRowsInsert"/>) and the figure statements in one round trip:
    /// inside the context's transaction when it has one, else as one implicit transaction of their own (committed, or
    /// rolled back as a whole, when the call returns). The assignments' and events' own ids are left to the database:
    /// nothing reads them back from the written objects.
    /// </summary>
    public static async Task InsertAsync(AppDbContext db, IReadOnlyList<Case> cases, IReadOnlyList<CaseEvent> events,
        IEnumerable<FigureStatement> figures, IEnumerable<NpgsqlBatchCommand> companions)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        var assignments = cases.SelectMany(c => c.Assignments.Select(a => (Case: c, Assignment: a))).ToList();
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (cases.Count > 0)
        {
            // In key order, so two writers inserting the same two keys (a client reusing a key for other text) cannot deadlock.
            batch.BatchCommands.Add(Cases([.. cases.OrderBy(c => c.IdempotencyKey, StringComparer.Ordinal)]));
        }

        if (assignments.Count > 0)
        {
            batch.BatchCommands.Add(Assignments(assignments));
        }

        if (events.Count > 0)
        {
            batch.BatchCommands.Add(Events(events));
        }

        foreach (var command in companions)
        {
            batch.BatchCommands.Add(command);
        }

        // Last: the figures' busy rows stay locked until the commit, so the other writer waits the least.
        Add(batch, figures);
        if (batch.BatchCommands.Count == 0)
        {
            return;
        }

        await batch.PrepareAsync();
        await batch.ExecuteNonQueryAsync();
        foreach (var (c, a) in assignments)
        {
            a.CaseId = c.Id;
        }
    }

    private static void Add(NpgsqlBatch batch, IEnumerable<FigureStatement> statements)
    {
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(statement.ToBatchCommand());
        }
    }

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static NpgsqlBatchCommand Cases(IReadOnlyList<Case> cases)
    {
        var command = Insert("cases", CaseColumns);
        Add(command, NpgsqlDbType.Bigint, cases.Select(c => c.Id));
        Add(command, NpgsqlDbType.Integer, cases.Select(c => (int)c.Status));
        Add(command, NpgsqlDbType.Integer, cases.Select(c => (int)c.Source));
        Add(command, NpgsqlDbType.Varchar, cases.Select(c => c.CategoryCode));
        Add(command, NpgsqlDbType.Varchar, cases.Select(c => c.DistrictCode));
        Add(command, NpgsqlDbType.Varchar, cases.Select(c => c.RegionCode));
        Add(command, NpgsqlDbType.Varchar, cases.Select(c => c.TownCode));
        Add(command, NpgsqlDbType.Varchar, cases.Select(c => c.Description));
        Add(command, NpgsqlDbType.Varchar, cases.Select(c => c.Address));
        Add(command, NpgsqlDbType.Double, cases.Select(c => c.Lon));
        Add(command, NpgsqlDbType.Double, cases.Select(c => c.Lat));
        Add(command, NpgsqlDbType.Uuid, cases.Select(c => c.ReporterUserId));
        Add(command, NpgsqlDbType.Varchar, cases.Select(c => c.ReporterName));
        Add(command, NpgsqlDbType.Varchar, cases.Select(c => c.ReporterPhone));
        Add(command, NpgsqlDbType.Varchar, cases.Select(c => c.IdempotencyKey));
        Add(command, NpgsqlDbType.Varchar, cases.Select(c => c.ContentHash));
        Add(command, NpgsqlDbType.Varchar, cases.Select(c => c.ReporterAddressHash));
        Add(command, NpgsqlDbType.TimestampTz, cases.Select(c => c.ReportedAt.UtcDateTime));
        Add(command, NpgsqlDbType.TimestampTz, cases.Select(c => c.RegisteredAt?.UtcDateTime));
        Add(command, NpgsqlDbType.TimestampTz, cases.Select(c => c.DispatchedAt?.UtcDateTime));
        Add(command, NpgsqlDbType.TimestampTz, cases.Select(c => c.Deadline?.UtcDateTime));
        Add(command, NpgsqlDbType.TimestampTz, cases.Select(c => c.HandledAt?.UtcDateTime));
        Add(command, NpgsqlDbType.TimestampTz, cases.Select(c => c.ClosedAt?.UtcDateTime));
        Add(command, NpgsqlDbType.TimestampTz, cases.Select(c => c.EvaluatedAt?.UtcDateTime));
        Add(command, NpgsqlDbType.Integer, cases.Select(c => (int?)c.Evaluation));
        Add(command, NpgsqlDbType.Integer, cases.Select(c => c.ReworkCount));
        Add(command, NpgsqlDbType.Integer, cases.Select(c => c.PostponeCount));
        Add(command, NpgsqlDbType.Integer, cases.Select(c => c.ReopenCount));
        Add(command, NpgsqlDbType.Integer, cases.Select(c => (int)c.Card));
        Add(command, NpgsqlDbType.Bigint, cases.Select(c => c.MergedIntoId));
        Add(command, NpgsqlDbType.Varchar, cases.Select(c => c.SearchText));
        Add(command, NpgsqlDbType.TimestampTz, cases.Select(c => c.UpdatedAt.UtcDateTime));
        Add(command, NpgsqlDbType.Integer, cases.Select(c => c.Version));
        return command;
    }

    private static NpgsqlBatchCommand Assignments(List<(Case Case, CaseAssignment Assignment)> rows)
    {
        var command = Insert("case_assignments", AssignmentColumns[1..]);
        Add(command, NpgsqlDbType.Bigint, rows.Select(r => r.Case.Id));
        Add(command, NpgsqlDbType.Integer, rows.Select(r => r.Assignment.UnitId));
        Add(command, NpgsqlDbType.Varchar, rows.Select(r => r.Assignment.RegionCode));
        Add(command, NpgsqlDbType.Boolean, rows.Select(r => r.Assignment.IsLead));
        Add(command, NpgsqlDbType.Integer, rows.Select(r => r.Assignment.Round));
        Add(command, NpgsqlDbType.TimestampTz, rows.Select(r => r.Assignment.DispatchedAt.UtcDateTime));
        Add(command, NpgsqlDbType.TimestampTz, rows.Select(r => r.Assignment.AcknowledgeBy.UtcDateTime));
        Add(command, NpgsqlDbType.TimestampTz, rows.Select(r => r.Assignment.AcknowledgedAt?.UtcDateTime));
        Add(command, NpgsqlDbType.TimestampTz, rows.Select(r => r.Assignment.ReturnedAt?.UtcDateTime));
        Add(command, NpgsqlDbType.Varchar, rows.Select(r => r.Assignment.ReturnReason));
        Add(command, NpgsqlDbType.Boolean, rows.Select(r => r.Assignment.IsActive));
        return command;
    }

    private static NpgsqlBatchCommand Events(IReadOnlyList<CaseEvent> events)
    {
        var command = Insert("case_events", EventColumns[1..]);
        Add(command, NpgsqlDbType.Bigint, events.Select(e => e.CaseId));
        Add(command, NpgsqlDbType.Integer, events.Select(e => e.Sequence));
        Add(command, NpgsqlDbType.Integer, events.Select(e => (int?)e.Action));
        Add(command, NpgsqlDbType.Varchar, events.Select(e => e.Kind));
        Add(command, NpgsqlDbType.Integer, events.Select(e => (int?)e.FromStatus));
        Add(command, NpgsqlDbType.Integer, events.Select(e => (int)e.ToStatus));
        Add(command, NpgsqlDbType.Uuid, events.Select(e => e.ActorUserId));
        Add(command, NpgsqlDbType.Varchar, events.Select(e => e.ActorName));
        Add(command, NpgsqlDbType.TimestampTz, events.Select(e => e.At.UtcDateTime));
        Add(command, NpgsqlDbType.Varchar, events.Select(e => e.Comment));
        Add(command, NpgsqlDbType.Text, events.Select(e => e.Data));
        Add(command, NpgsqlDbType.Text, events.Select(e => e.Attachments));
        Add(command, NpgsqlDbType.Boolean, events.Select(e => e.IsPublic));
        Add(command, NpgsqlDbType.Varchar, events.Select(e => e.PreviousHash));
        Add(command, NpgsqlDbType.Varchar, events.Select(e => e.Hash));
        return command;
    }

    /// <summary><c>INSERT INTO t (columns) SELECT * FROM unnest($1, $2, …)</c>: one parameter (an array) per column.</summary>
    private static NpgsqlBatchCommand Insert(string table, string[] columns) =>
        new($"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT * FROM unnest({string.Join(", ", columns.Select((_, i) => $"${i + 1}"))})");

    private static void Add<T>(NpgsqlBatchCommand command, NpgsqlDbType type, IEnumerable<T> values) =>
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | type, Value = values.ToArray() });
}
