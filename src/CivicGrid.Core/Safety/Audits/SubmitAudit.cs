using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Safety.Audits;

/// <summary>The points given to one element (<c>notApplicable</c> leaves it out of the score).</summary>
public sealed record ElementScoreInput(string? ElementCode, decimal? Score, bool NotApplicable = false, string? Note = null);

public sealed record SubmitAuditRequest(decimal? InjuryRate, IReadOnlyList<ElementScoreInput>? Scores);

/// <summary>
/// Scores an audit once: every element of the template answered, percentages per section and in total, the star grade by
/// the configured table and the injury rate. Each failed element then becomes a hidden danger of the enterprise through
/// <see cref="ReportHiddenDanger"/> (so a case on the loop), keyed by audit and element so a retry never makes a second one.
/// </summary>
public sealed class SubmitAudit(AppDbContext db, ReportHiddenDanger reportDanger, IOptions<AuditOptions> options, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(AccessScope scope, int auditId, SubmitAuditRequest request, CancellationToken ct = default)
    {
        var (audit, refusal) = await AuditQueries.FindAsync(db, scope, auditId, ct);
        if (audit is null)
        {
            return refusal!.Fail<Organization.Unit, int>();
        }

        if (audit.Status == AuditStatus.Submitted)
        {
            await RaiseHiddenDangersAsync(scope, audit.Id, ct);
            return Outcome<int>.Conflict("该审核已提交，得分和星级不能再修改；如需重新审核，请新建审核。");
        }

        var template = await db.Set<AuditTemplate>().AsNoTracking().Include(t => t.Sections).ThenInclude(s => s.Elements).AsSplitQuery()
            .FirstAsync(t => t.Id == audit.TemplateId, ct);
        var (scores, problems) = Judge(template, request.Scores ?? [], options.Value.FailBelow);
        if (request.InjuryRate is not { } rate || rate < 0 || rate > 1000)
        {
            problems.Insert(0, new("injuryRate", "请填写近 12 个月的伤害率（每 20 万工时失能伤害次数，0–1000）。"));
        }

        if (problems.Count > 0)
        {
            return Outcome<int>.Invalid(problems);
        }

        var result = AuditScoring.Score(scores.Select(s => new ScoredElement(s.SectionName, s.SectionWeight, s.Weight, s.Score)).ToList());
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // Claim the draft first: of two submissions at once only one finds it still a draft.
            var claimed = await db.Set<Audit>().Where(a => a.Id == audit.Id && a.Status == AuditStatus.Draft)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AuditStatus.Submitted), ct);
            if (claimed == 0)
            {
                return Outcome<int>.Conflict("该审核刚被他人提交，请刷新后查看。");
            }

            audit.Scores = scores;
            audit.InjuryRate = request.InjuryRate;
            audit.TotalPercent = result.TotalPercent;
            audit.Stars = StarGrading.Grade(options.Value.StarTable, result.TotalPercent, request.InjuryRate!.Value);
            audit.FailedElements = scores.Count(s => s.Failed);
            audit.Status = AuditStatus.Submitted;
            audit.SubmittedBy = scope.UserName;
            audit.SubmittedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        await RaiseHiddenDangersAsync(scope, audit.Id, ct);
        return Outcome<int>.Ok(audit.Id);
    }

    private async Task RaiseHiddenDangersAsync(AccessScope scope, int auditId, CancellationToken ct)
    {
        var audit = await db.Set<Audit>().Include(a => a.Scores).FirstAsync(a => a.Id == auditId, ct);
        foreach (var score in audit.Scores.Where(s => s.Failed && s.HiddenDangerId is null).OrderBy(s => s.SectionOrder).ThenBy(s => s.ElementCode))
        {
            var description = $"【NOSA审核】{audit.Title}：{score.SectionName} {score.ElementCode} {score.ElementName} 得分 {score.Score:0.#}/{score.Weight:0.#}"
                + (score.Note is { Length: > 0 } n ? $"。{n}" : "");
            var reported = await reportDanger.HandleAsync(scope, audit.EnterpriseId,
                new ReportHiddenDangerRequest(description, "一般", IdempotencyKey: $"audit:{audit.Id}:{score.ElementCode}"), ct);
            if (reported.Succeeded)
            {
                score.HiddenDangerId = reported.Value;
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Every element of the template once, 0 – its weight or not applicable; copied so template edits never rewrite a result.</summary>
    internal static (List<AuditScore> Scores, List<Problem> Problems) Judge(AuditTemplate template, IReadOnlyList<ElementScoreInput> inputs, decimal failBelow)
    {
        var problems = new List<Problem>();
        var scores = new List<AuditScore>();
        var byCode = inputs.Where(i => !string.IsNullOrWhiteSpace(i.ElementCode)).GroupBy(i => i.ElementCode!.Trim())
            .ToDictionary(g => g.Key, g => g.ToList());
        var elements = template.Sections.OrderBy(s => s.Order).SelectMany(s => s.Elements.OrderBy(e => e.Order).Select(e => (Section: s, Element: e))).ToList();
        foreach (var extra in byCode.Keys.Where(k => elements.All(e => e.Element.Code != k)))
        {
            problems.Add(new($"scores.{extra}", $"要素 {extra} 不在审核模板中。"));
        }

        foreach (var (section, element) in elements)
        {
            var where = $"scores.{element.Code}";
            if (!byCode.TryGetValue(element.Code, out var given))
            {
                problems.Add(new(where, $"请为要素 {element.Code}“{element.Name}”评分或选择不适用。"));
                continue;
            }

            var input = given[0];
            if (given.Count > 1)
            {
                problems.Add(new(where, $"要素 {element.Code} 评分了不止一次。"));
            }
            else if (!input.NotApplicable && (input.Score is not { } s || s < 0 || s > element.Weight))
            {
                problems.Add(new(where, $"要素 {element.Code}“{element.Name}”的得分须在 0 到 {element.Weight:0.#} 之间。"));
            }
            else if (input.Note?.Length > 500)
            {
                problems.Add(new(where, "要素说明不能超过 500 字。"));
            }
            else
            {
                var score = input.NotApplicable ? null : input.Score;
                scores.Add(new AuditScore
                {
                    ElementId = element.Id,
                    SectionOrder = section.Order,
                    SectionName = section.Name,
                    SectionWeight = section.Weight,
                    ElementCode = element.Code,
                    ElementName = element.Name,
                    Weight = element.Weight,
                    Score = score,
                    Failed = AuditScoring.Fails(element.Weight, score, failBelow),
                    Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
                });
            }
        }

        return (scores, problems);
    }
}
