using System.Runtime.CompilerServices;
using System.Text.Json;
using CivicGrid.Cases;
using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Assessment.Figures;

/// <summary>
/// Keeps the daily figures in step with the cases: every SaveChanges that adds or changes a case, its assignments or
/// its history (the transition path, intake, the demo seed…) takes the case's old contribution out of the figures and
/// puts the new one in, in the same transaction (begun here when the caller has none).
/// </summary>
public sealed class CaseFigureTracker : SaveChangesInterceptor
{
    private sealed class Pending
    {
        public readonly HashSet<Case> Cases = [];
        public readonly HashSet<long> CaseIds = [];
        public readonly Dictionary<long, CaseFigureFlags> Callbacks = [];
        public readonly HashSet<long> Suspended = [];
        public readonly HashSet<Case> Added = [];
        public IDbContextTransaction? OwnTransaction;
    }

    /// <summary>
    /// The fact rows a context wrote in its open transaction: they hold the rows' locks until the commit, so a later save
    /// in the same transaction (the intake writes a batch's cases, then their history) needs not read them back.
    /// </summary>
    private sealed class Written(IDbContextTransaction transaction)
    {
        public IDbContextTransaction Transaction { get; } = transaction;
        public Dictionary<long, CaseFigureFacts> Facts { get; } = [];
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];
    private readonly ConditionalWeakTable<DbContext, Written> _written = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db && Collect(db) is { } pending)
        {
            if (db.Database.CurrentTransaction is null)
            {
                pending.OwnTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
            }

            _pending.AddOrUpdate(db, pending);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            bool changed;
            try
            {
                changed = await ApplyAsync(db, pending, WrittenIn(db), cancellationToken);
                if (pending.OwnTransaction is { } own)
                {
                    await own.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                if (pending.OwnTransaction is { } own)
                {
                    await own.DisposeAsync();
                }
            }

            if (changed)
            {
                Signal(db)?.Notify();
            }
        }

        return result;
    }

    /// <summary>
    /// What inserting these new cases changes in the figures, for a writer that inserts them without SaveChanges (the
    /// intake's PostgreSQL bulk write) and runs the statements ($1 placeholders) in its own transaction, as a save of them would have.
    /// </summary>
    internal static IEnumerable<FigureStatement> ForInserted(IReadOnlyCollection<Case> cases)
    {
        var pending = new Pending();
        foreach (var c in cases)
        {
            pending.Cases.Add(c);
            pending.Added.Add(c);
        }

        var (delta, facts) = Changes(cases.ToDictionary(c => c.Id), [], pending);
        return FigureSql.AddStatements(delta, arrays: true).Concat(FigureSql.FactStatements(facts, arrays: true));
    }

    /// <summary>Tells the application the figures changed (after a write that bypassed SaveChanges).</summary>
    internal static void NotifyChanged(DbContext db) => Signal(db)?.Notify();

    /// <summary>
    /// The application's <see cref="FigureChanges"/>: this interceptor is one for the process (several test hosts share
    /// it), so it asks the context for the services of the application that made it.
    /// </summary>
    private static FigureChanges? Signal(DbContext db)
    {
        try
        {
            return db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<FigureChanges>();
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            if (pending.OwnTransaction is { } own)
            {
                await own.RollbackAsync(cancellationToken);
                await own.DisposeAsync();
            }
        }
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    /// <summary>The facts this context wrote in its current transaction (a new, empty set when the transaction changed).</summary>
    private Written? WrittenIn(DbContext db)
    {
        if (db.Database.CurrentTransaction is not { } tx)
        {
            return null;
        }

        if (!_written.TryGetValue(db, out var written) || !ReferenceEquals(written.Transaction, tx))
        {
            written = new Written(tx);
            _written.AddOrUpdate(db, written);
        }

        return written;
    }

    private static Pending? Collect(AppDbContext db)
    {
        Pending? p = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Case c:
                    (p ??= new()).Cases.Add(c);
                    if (entry.State == EntityState.Added)
                    {
                        p.Added.Add(c);
                    }

                    break;
                case CaseAssignment a:
                    (p ??= new()).CaseIds.Add(a.CaseId);
                    break;
                case CaseEvent { Action: CaseAction.Evaluate } e when entry.State == EntityState.Added:
                    (p ??= new()).CaseIds.Add(e.CaseId);
                    p.Callbacks[e.CaseId] = CallbackFlags(e.Data);
                    break;
                case CaseEvent { Action: CaseAction.Suspend } e when entry.State == EntityState.Added:
                    (p ??= new()).CaseIds.Add(e.CaseId);
                    p.Suspended.Add(e.CaseId);
                    break;
            }
        }

        return p;
    }

    /// <summary>The 回访 answers kept in an evaluation event's data.</summary>
    internal static CaseFigureFlags CallbackFlags(string? data)
    {
        if (data is null)
        {
            return CaseFigureFlags.None;
        }

        using var json = JsonDocument.Parse(data);
        var flags = CaseFigureFlags.None;
        if (json.RootElement.TryGetProperty("contacted", out var contacted) && contacted.ValueKind == JsonValueKind.True)
        {
            flags |= CaseFigureFlags.Contacted;
        }

        if (json.RootElement.TryGetProperty("solved", out var solved) && solved.ValueKind == JsonValueKind.True)
        {
            flags |= CaseFigureFlags.Solved;
        }

        return flags;
    }

    /// <summary>Applies the cases' changes to the figures; answers whether any figure or fact row changed.</summary>
    private static async Task<bool> ApplyAsync(AppDbContext db, Pending p, Written? written, CancellationToken ct)
    {
        var cases = p.Cases.Where(c => c.Id != 0).ToDictionary(c => c.Id);
        foreach (var entry in db.ChangeTracker.Entries<Case>())
        {
            if (p.CaseIds.Contains(entry.Entity.Id))
            {
                cases.TryAdd(entry.Entity.Id, entry.Entity);
            }
        }

        var missing = p.CaseIds.Where(id => !cases.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var c in await db.Set<Case>().AsNoTracking().Include(c => c.Assignments).Where(c => missing.Contains(c.Id)).ToListAsync(ct))
            {
                cases[c.Id] = c;
            }
        }

        // A case inserted by this save has no facts yet; facts this transaction wrote are known without a read.
        var old = new Dictionary<long, CaseFigureFacts>();
        var ids = new List<long>();
        foreach (var id in cases.Keys)
        {
            if (written?.Facts.TryGetValue(id, out var known) == true)
            {
                old[id] = known;
            }
            else if (!p.Added.Contains(cases[id]))
            {
                ids.Add(id);
            }
        }

        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var f in await db.Set<CaseFigureFacts>().AsNoTracking().Where(f => chunk.Contains(f.CaseId)).ToListAsync(ct))
            {
                old[f.CaseId] = f;
            }
        }

        var (delta, facts) = Changes(cases, old, p);
        if (delta.Count > 0)
        {
            await FigureSql.AddAsync(db, delta, ct);
        }

        if (facts.Count > 0)
        {
            await FigureSql.SaveFactsAsync(db, facts, ct);
            foreach (var f in facts)
            {
                written?.Facts[f.CaseId] = f;
            }
        }

        return delta.Count > 0;
    }

    /// <summary>The figures' differences and the new fact rows for the cases, given the facts they had before.</summary>
    private static (Dictionary<FigureKey, long[]> Delta, List<CaseFigureFacts> Facts) Changes(Dictionary<long, Case> cases,
        Dictionary<long, CaseFigureFacts> old, Pending p)
    {
        var total = new CaseContribution();
        var before = new CaseContribution();
        var facts = new List<CaseFigureFacts>();
        foreach (var (id, c) in cases)
        {
            var previous = old.GetValueOrDefault(id);
            var flags = previous?.Flags ?? CaseFigureFlags.None;
            if (p.Callbacks.TryGetValue(id, out var callback))
            {
                flags = (flags & CaseFigureFlags.WasSuspended) | callback;
            }

            if (p.Suspended.Contains(id) || c.Status == CaseStatus.Suspended)
            {
                flags |= CaseFigureFlags.WasSuspended;
            }

            var now = CaseContribution.Of(c, flags);
            if (previous is null && now.IsEmpty && flags == CaseFigureFlags.None)
            {
                continue;
            }

            var serialized = now.Serialize();
            if (previous is not null && previous.Flags == flags && previous.Contribution == serialized)
            {
                continue;
            }

            Merge(total, now);
            if (previous is not null)
            {
                Merge(before, CaseContribution.Parse(previous.Contribution));
            }

            facts.Add(new CaseFigureFacts { CaseId = id, Contribution = serialized, Flags = flags });
        }

        return (CaseContribution.Difference(before, total), facts);
    }

    internal static void Merge(CaseContribution into, CaseContribution from)
    {
        foreach (var (key, values) in from.Rows)
        {
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] != 0)
                {
                    into.Add(key, (Figure)i, values[i]);
                }
            }
        }
    }
}
