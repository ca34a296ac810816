namespace CivicGrid.Cases;

/// <summary>
/// A module's own condition on a step of the loop, asked before dispatch and close once the caller may take the step
/// (a 重大 hidden danger is not dispatched before its 五落实; a hidden danger does not close before 验收销号).
/// </summary>
public interface ICaseStepGuard
{
    /// <summary>Why the step may not be taken now (Chinese, answered as 409), or null.</summary>
    Task<string?> RefusalAsync(Case c, CaseAction action, CancellationToken ct);
}
