using CivicGrid.Data;

namespace CivicGrid.Cases.Intake;

/// <summary>
/// One write attempt of the <see cref="IntakeWriter"/>: which reports repeat an earlier case (same idempotency key, or the
/// same report again within the window, also inside the batch) and which become new cases, registered and dispatched as
/// planned, with their history. Built afresh for every attempt; the database writes are the writer's.
/// </summary>
internal sealed class IntakeBatch
{
    private readonly IReadOnlyList<PendingReport> _reports;
    private readonly ReportedCase?[] _answers;
    private readonly int[] _sameAs;

    private IntakeBatch(IReadOnlyList<PendingReport> reports)
    {
        _reports = reports;
        _answers = new ReportedCase?[reports.Count];
        _sameAs = new int[reports.Count];
        Array.Fill(_sameAs, -1);
    }

    /// <summary>The new cases, in report order, with the index of their report.</summary>
    public List<(int Index, Case Case)> Fresh { get; } = [];

    /// <summary>The history of the new cases, once <see cref="AppendHistoryAsync"/> has run.</summary>
    public List<CaseEvent> Events { get; } = [];

    /// <summary>
    /// Sorts the reports given the cases already holding one of their idempotency keys and the recent cases with the
    /// same text as one of them.
    /// </summary>
    public static IntakeBatch Decide(IReadOnlyList<PendingReport> reports, IReadOnlyDictionary<string, long> known,
        IReadOnlyList<ReportFingerprint> recent, IntakeOptions options)
    {
        var batch = new IntakeBatch(reports);
        var keysInBatch = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < reports.Count; i++)
        {
            var report = reports[i];
            var key = report.Template.IdempotencyKey;
            if (key is not null && known.TryGetValue(key, out var existing))
            {
                batch._answers[i] = new ReportedCase(existing, false);
            }
            else if (key is not null && keysInBatch.TryGetValue(key, out var earlier))
            {
                batch._sameAs[i] = earlier;
            }
            else if (recent.FirstOrDefault(r => ReportDuplicates.IsSameReport(r, report.Fingerprint, options)) is { } first)
            {
                batch._answers[i] = new ReportedCase(first.Id, false);
            }
            else if (batch.Fresh.FindIndex(f => ReportDuplicates.IsSameReport(reports[f.Index].Fingerprint, report.Fingerprint, options)) is var twin and >= 0)
            {
                batch._sameAs[i] = batch.Fresh[twin].Index;
            }
            else
            {
                var c = report.NewCase();
                if (report.Plan is { } plan)
                {
                    CaseTriage.Apply(c, plan, c.ReportedAt);
                }

                batch.Fresh.Add((i, c));
                if (key is not null)
                {
                    keysInBatch[key] = i;
                }
            }
        }

        return batch;
    }

    /// <summary>
    /// The same over the rows found for <paramref name="lookUp"/>: every case with one of the keys or, since the start
    /// of the window, one of the texts.
    /// </summary>
    public static IntakeBatch Decide(IReadOnlyList<PendingReport> reports, IEnumerable<(string? Key, ReportFingerprint Fingerprint)> rows,
        IntakeLookUp lookUp, IntakeOptions options)
    {
        var (keys, hashes, since) = lookUp;
        var found = rows.ToList();
        var known = found.Where(r => r.Key is not null && keys.Contains(r.Key))
            .ToDictionary(r => r.Key!, r => r.Fingerprint.Id, StringComparer.Ordinal);
        var recent = found.Select(r => r.Fingerprint)
            .Where(f => f.ContentHash is not null && hashes.Contains(f.ContentHash) && f.ReportedAt >= since).ToList();
        return Decide(reports, known, recent, options);
    }

    /// <summary>What to look up before deciding: the batch's idempotency keys, its texts' hashes, and the window's start.</summary>
    public static IntakeLookUp LookUp(IReadOnlyList<PendingReport> reports, IntakeOptions options) =>
        new([.. reports.Select(r => r.Template.IdempotencyKey).OfType<string>().Distinct()],
            [.. reports.Select(r => r.Template.ContentHash).OfType<string>().Distinct()],
            reports.Min(r => r.Template.ReportedAt) - options.DuplicateWindow);

    /// <summary>Appends each new case's report step, and the register and dispatch steps of a planned dispatch (ids needed).</summary>
    public async Task AppendHistoryAsync(CaseHistory history)
    {
        foreach (var (index, c) in Fresh)
        {
            var report = _reports[index];
            history.Begin(c);
            await history.AppendAsync(c, "report", null, null, CaseStatus.Reported, report.Reporter, report.ReporterName, c.ReportedAt,
                comment: "来源：" + CaseWorkflow.SourceName(c.Source), attachments: report.Attachments);
            if (report.Plan is { } plan)
            {
                await CaseTriage.RecordAsync(c, plan, history, c.ReportedAt, CancellationToken.None);
            }
        }
    }

    /// <summary>Each report's case: its new one, or the earlier one it repeats (ids needed).</summary>
    public ReportedCase[] Answers()
    {
        foreach (var (index, c) in Fresh)
        {
            _answers[index] = new ReportedCase(c.Id, true);
        }

        return [.. _answers.Select((a, i) => a ?? new ReportedCase(_answers[_sameAs[i]]!.Id, false))];
    }

    /// <summary>Adds the front doors' own rows to the context (the writer writes them in the batch's transaction).</summary>
    public async Task AddCompanionsAsync(AppDbContext db, ReportedCase[] answers)
    {
        var inBatch = Fresh.ToDictionary(f => f.Case.Id, f => f.Case);
        for (var i = 0; i < _reports.Count; i++)
        {
            if (_reports[i].Companion is { } companion)
            {
                await companion.AddAsync(db, new ReportTarget(answers[i].Id, answers[i].IsNew, inBatch.GetValueOrDefault(answers[i].Id)),
                    CancellationToken.None);
            }
        }
    }

    /// <summary>After the commit: hands each new report its case and history, from which its answer is built.</summary>
    public void Committed()
    {
        var history = Events.ToLookup(e => e.CaseId);
        foreach (var (index, c) in Fresh)
        {
            _reports[index].Written = c;
            _reports[index].WrittenEvents = [.. history[c.Id]];
        }
    }
}

/// <summary>What a batch looks up before deciding: its idempotency keys, its texts' hashes, and the duplicate window's start.</summary>
internal sealed record IntakeLookUp(List<string> Keys, List<string> Hashes, DateTimeOffset Since);
