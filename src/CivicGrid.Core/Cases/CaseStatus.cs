namespace CivicGrid.Cases;

/// <summary>The states of a case (names are part of the API: see CONTRACT.md).</summary>
public enum CaseStatus
{
    Reported = 1,
    Registered = 2,
    Rejected = 3,
    Merged = 4,
    Dispatched = 5,
    Acknowledged = 6,
    Returned = 7,
    Handled = 8,
    Verified = 9,
    Rework = 10,
    Closed = 11,
    Evaluated = 12,
    Postponed = 13,
    Suspended = 14,
}

public enum CaseAction
{
    Register = 1,
    Reject = 2,
    Merge = 3,
    Dispatch = 4,
    Acknowledge = 5,
    Return = 6,
    Handle = 7,
    Verify = 8,
    Rework = 9,
    Close = 10,
    Evaluate = 11,
    Postpone = 12,
    Suspend = 13,

    /// <summary>System step after an 不满意 evaluation where the category allows reopening; not an API action.</summary>
    Reopen = 14,
}

public static class CaseStatuses
{
    public static string ChineseName(CaseStatus status) => status switch
    {
        CaseStatus.Reported => "上报",
        CaseStatus.Registered => "立案",
        CaseStatus.Rejected => "不予立案",
        CaseStatus.Merged => "合并",
        CaseStatus.Dispatched => "已派遣",
        CaseStatus.Acknowledged => "已签收",
        CaseStatus.Returned => "退回",
        CaseStatus.Handled => "已处置",
        CaseStatus.Verified => "核查通过",
        CaseStatus.Rework => "返工",
        CaseStatus.Closed => "结案",
        CaseStatus.Evaluated => "已评价",
        CaseStatus.Postponed => "延期",
        CaseStatus.Suspended => "挂账",
        _ => "未知",
    };

    public static string ChineseName(CaseAction action) => action switch
    {
        CaseAction.Register => "立案",
        CaseAction.Reject => "不予立案",
        CaseAction.Merge => "合并",
        CaseAction.Dispatch => "派遣",
        CaseAction.Acknowledge => "签收",
        CaseAction.Return => "退回",
        CaseAction.Handle => "处置",
        CaseAction.Verify => "核查",
        CaseAction.Rework => "返工",
        CaseAction.Close => "结案",
        CaseAction.Evaluate => "评价",
        CaseAction.Postpone => "延期",
        CaseAction.Suspend => "挂账",
        CaseAction.Reopen => "重新办理",
        _ => "未知操作",
    };

    /// <summary>States in which the case is finished for the handling units.</summary>
    public static bool IsFinal(CaseStatus status) =>
        status is CaseStatus.Rejected or CaseStatus.Merged or CaseStatus.Closed or CaseStatus.Evaluated;

    /// <summary>Parses an API action name (register, dispatch, …); system-only steps are not accepted.</summary>
    public static bool TryParseAction(string? text, out CaseAction action) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out action) && Enum.IsDefined(action) && action != CaseAction.Reopen
        && !int.TryParse(text, out _);
}
