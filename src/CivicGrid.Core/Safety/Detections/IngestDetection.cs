using CivicGrid.Accounts;
using CivicGrid.Cases.Attachments;
using CivicGrid.Platform;
using CivicGrid.Platform.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;

namespace CivicGrid.Safety.Detections;

public sealed record DetectionBoxRequest(double? X, double? Y, double? W, double? H);

/// <summary>The body of <c>POST /api/v1/safety/detections</c> (CONTRACT.md).</summary>
public sealed record DetectionRequest(string? CameraCode, string? Type, DateTimeOffset? OccurredAt, double? Confidence,
    IReadOnlyList<DetectionBoxRequest?>? Boxes = null, string? Snapshot = null);

public sealed record DetectionAnswer(bool Accepted, long? WarningId);

/// <summary>Who sends: a user (bearer token) or a camera system with an integration key bound to one enterprise.</summary>
public sealed record DetectionCaller(AccessScope Scope, int? KeyEnterpriseId);

/// <summary>
/// Takes one detection, or a batch of them from an edge box: checks each, finds the camera and its rule for the type, lets
/// the rule engine decide, and hands the detections (and the warnings, with their snapshots stored) to the group-commit
/// writer; answers after the commit. A batch is checked whole before any rule sees it, so a bad item refuses the request
/// and leaves neither rows nor rule state behind; its items then pass the rules in order, as if sent one by one.
/// </summary>
/// <remarks>
/// <see cref="UploadFile"/> is taken from the request's services only when a warning has a snapshot to store: it holds a
/// DbContext, and building one for every event (most have no snapshot) is wasted work on the busiest path.
/// </remarks>
public sealed class IngestDetection(CameraDirectory cameras, DetectionWriter writer, WorkingCalendarProvider calendars, IServiceProvider services,
    TimeProvider clock, ILogger<IngestDetection> log)
{
    public const int MaxBoxes = 100;
    public const int MaxSnapshotBytes = 2 * 1024 * 1024;
    public const int MaxBatchItems = 500;
    private const double Slack = 1e-6;

    /// <summary>A detection that passed the checks, with its camera.</summary>
    private sealed record CheckedDetection(CameraEntry Camera, DetectionType Type, DetectionEvent Event, byte[]? Snapshot);

    public async Task<Outcome<DetectionAnswer>> HandleAsync(DetectionCaller caller, DetectionRequest request, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var (item, failure) = await CheckAsync(caller, request, now, "", ct);
        if (item is null)
        {
            return failure!;
        }

        var pending = await DecideAsync(caller, item, now, ct);
        await writer.WriteAsync([pending], ct);
        return Outcome<DetectionAnswer>.Ok(Answer(pending));
    }

    /// <summary>Up to <see cref="MaxBatchItems"/> detections in one request: all are written, in one transaction, or none.</summary>
    public async Task<Outcome<IReadOnlyList<DetectionAnswer>>> HandleBatchAsync(DetectionCaller caller, IReadOnlyList<DetectionRequest?>? requests,
        CancellationToken ct = default)
    {
        if (requests is not { Count: > 0 and <= MaxBatchItems })
        {
            return Outcome<IReadOnlyList<DetectionAnswer>>.Invalid("", $"请提交 1 到 {MaxBatchItems} 条识别事件（JSON 数组）。");
        }

        var now = clock.GetUtcNow();
        var items = new List<CheckedDetection>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var where = $"[{i}]";
            if (requests[i] is not { } request)
            {
                return Outcome<IReadOnlyList<DetectionAnswer>>.Invalid(where, $"第 {i + 1} 条（下标 {i}）为空，整批未写入。");
            }

            var (item, failure) = await CheckAsync(caller, request, now, where, ct);
            if (item is null)
            {
                var prefix = $"第 {i + 1} 条（下标 {i}）有误，整批未写入：";
                var detail = failure!.Problems.Count > 0 ? failure.Problems[0].Message : failure.Message;
                return new Outcome<IReadOnlyList<DetectionAnswer>>(failure.Status, default, prefix + detail, failure.Problems);
            }

            items.Add(item);
        }

        var pending = new List<PendingDetection>(items.Count);
        foreach (var item in items)
        {
            pending.Add(await DecideAsync(caller, item, now, ct));
        }

        await writer.WriteAsync(pending, ct);
        return Outcome<IReadOnlyList<DetectionAnswer>>.Ok(pending.ConvertAll(Answer));
    }

    private static DetectionAnswer Answer(PendingDetection p) => new(p.Warning is not null, p.Warning?.Id);

    /// <summary>Validation, camera and permission; touches no rule state. <paramref name="where"/> prefixes the fields (batch index).</summary>
    private async Task<(CheckedDetection? Item, Outcome<DetectionAnswer>? Failure)> CheckAsync(DetectionCaller caller, DetectionRequest request,
        DateTimeOffset now, string where, CancellationToken ct)
    {
        var (type, boxes, snapshot, problems) = Validate(request, now);
        if (problems.Count > 0)
        {
            return (null, Outcome<DetectionAnswer>.Invalid(where.Length == 0 ? problems : problems.ConvertAll(p => p with { Where = $"{where}.{p.Where}" })));
        }

        var camera = await cameras.FindAsync(request.CameraCode!.Trim(), ct);
        if (camera is null)
        {
            return (null, Outcome<DetectionAnswer>.NotFound($"摄像头 {request.CameraCode} 未登记或已停用。"));
        }

        var allowed = caller.KeyEnterpriseId is { } keyEnterprise
            ? keyEnterprise == camera.EnterpriseId
            : SafetyAccess.CanSee(caller.Scope, camera.EnterpriseId, camera.EnterpriseRegionCode);
        return allowed
            ? (new CheckedDetection(camera, type, new DetectionEvent(request.OccurredAt!.Value, request.Confidence!.Value, boxes), snapshot), null)
            : (null, Outcome<DetectionAnswer>.Forbidden($"无权上报摄像头 {camera.Code} 的识别事件。"));
    }

    /// <summary>The rule engine's verdict (this changes the rule state) and the rows to write.</summary>
    private async Task<PendingDetection> DecideAsync(DetectionCaller caller, CheckedDetection item, DateTimeOffset now, CancellationToken ct)
    {
        var (camera, type, e, snapshot) = item;
        RuleDecision decision;
        RuleAction action = RuleAction.WarningOnly;
        if (camera.Rules.TryGetValue(type, out var rule))
        {
            action = rule.Action;
            var calendar = rule.Settings.WorkingHoursOnly ? await calendars.GetAsync(ct) : null;
            var state = cameras.StateOf(camera.Id, type);
            lock (state)
            {
                decision = DetectionRuleEngine.Evaluate(rule.Settings, state, e, at => IsWorkingTime(calendar!, at));
            }
        }
        else
        {
            decision = new RuleDecision(DetectionVerdict.RuleOff);
        }

        var boxText = DetectionBox.Format(e.Boxes);
        var detection = new Detection
        {
            CameraId = camera.Id,
            Type = type,
            OccurredAt = e.OccurredAt,
            Confidence = e.Confidence,
            Boxes = boxText,
            Verdict = decision.Verdict,
            ReceivedAt = now,
        };
        DetectionWarning? warning = null;
        if (decision.IsWarning)
        {
            warning = new DetectionWarning
            {
                CameraId = camera.Id,
                EnterpriseId = camera.EnterpriseId,
                Type = type,
                FirstSeenAt = decision.FirstSeenAt ?? e.OccurredAt,
                RaisedAt = e.OccurredAt,
                Confidence = e.Confidence,
                Boxes = boxText,
                Action = action,
                SnapshotFileId = snapshot is null ? null : await StoreSnapshotAsync(caller.Scope, camera, snapshot, ct),
            };
        }

        return new PendingDetection(detection, warning);
    }

    /// <summary>On a working day of the calendar, inside one of its working periods (local time).</summary>
    public static bool IsWorkingTime(WorkingCalendar calendar, DateTimeOffset at)
    {
        var local = calendar.ToLocal(at);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return calendar.IsWorkingDay(DateOnly.FromDateTime(local.DateTime)) && calendar.Hours.Periods.Any(p => time >= p.Start && time < p.End);
    }

    private static (DetectionType Type, IReadOnlyList<DetectionBox> Boxes, byte[]? Snapshot, List<Problem> Problems) Validate(DetectionRequest r, DateTimeOffset now)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(r.CameraCode) || r.CameraCode.Trim().Length > 50)
        {
            problems.Add(new("cameraCode", "请填写摄像头编号（cameraCode，不超过 50 字符）。"));
        }

        var type = DetectionTypes.Parse(r.Type);
        if (type is null)
        {
            problems.Add(new("type", "识别类型无效，可选：" + DetectionTypes.CodeList + "。"));
        }

        if (r.OccurredAt is not { } at)
        {
            problems.Add(new("occurredAt", "请填写发生时间（occurredAt，ISO 8601，带时区）。"));
        }
        else if (at > now.AddMinutes(5) || at < now.AddDays(-7))
        {
            problems.Add(new("occurredAt", "发生时间须在最近 7 天内，且不能晚于现在。"));
        }

        if (r.Confidence is not (>= 0 and <= 1))
        {
            problems.Add(new("confidence", "置信度（confidence）须在 0 到 1 之间。"));
        }

        var boxes = new List<DetectionBox>();
        if (r.Boxes is { Count: > MaxBoxes })
        {
            problems.Add(new("boxes", $"检测框不能超过 {MaxBoxes} 个。"));
        }
        else
        {
            foreach (var b in r.Boxes ?? [])
            {
                if (b is { X: { } x and >= 0 and <= 1, Y: { } y and >= 0 and <= 1, W: { } w and > 0 and <= 1, H: { } h and > 0 and <= 1 }
                    && x + w <= 1 + Slack && y + h <= 1 + Slack)
                {
                    boxes.Add(new DetectionBox(x, y, w, h));
                }
                else
                {
                    problems.Add(new("boxes", "检测框须为图像比例坐标：x、y 在 0–1 之间，w、h 大于 0，且不超出图像（x+w、y+h 不大于 1）。"));
                    break;
                }
            }
        }

        byte[]? snapshot = null;
        if (!string.IsNullOrEmpty(r.Snapshot))
        {
            snapshot = DecodeSnapshot(r.Snapshot, out var error);
            if (error is not null)
            {
                problems.Add(new("snapshot", error));
            }
        }

        return (type ?? default, boxes, snapshot, problems);
    }

    /// <summary>Base64 of a JPEG of at most 2 MB; the header is read here, the whole image when it is stored.</summary>
    internal static byte[]? DecodeSnapshot(string base64, out string? error)
    {
        error = null;
        var text = base64.Trim();
        var comma = text.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? text.IndexOf(',') : -1;
        if (comma >= 0)
        {
            text = text[(comma + 1)..];
        }

        if (text.Length > ((MaxSnapshotBytes + 2) / 3 * 4) + 8)
        {
            error = $"抓拍图片不能超过 {MaxSnapshotBytes / 1024 / 1024} MB。";
            return null;
        }

        var bytes = new byte[(text.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(text, bytes, out var length))
        {
            error = "抓拍图片（snapshot）不是有效的 Base64 编码。";
            return null;
        }

        var content = bytes[..length];
        try
        {
            if (length == 0 || Image.DetectFormat(content) != JpegFormat.Instance || Image.Identify(content) is null)
            {
                error = "抓拍图片须为 JPEG。";
                return null;
            }
        }
        catch (Exception ex) when (ex is ImageFormatException or UnknownImageFormatException or NotSupportedException)
        {
            error = "抓拍图片须为 JPEG。";
            return null;
        }

        return content;
    }

    private async Task<string?> StoreSnapshotAsync(AccessScope scope, CameraEntry camera, byte[] snapshot, CancellationToken ct)
    {
        var stored = await services.GetRequiredService<UploadFile>().HandleAsync(scope, snapshot, camera.Code + ".jpg", ct);
        if (stored.Succeeded)
        {
            return stored.Value!.Id;
        }

        // The header was a JPEG's but the image does not decode: the warning stands, without its picture.
        log.LogWarning("摄像头 {Camera} 的抓拍图片无法保存：{Reason}", camera.Code, stored.Message);
        return null;
    }
}
