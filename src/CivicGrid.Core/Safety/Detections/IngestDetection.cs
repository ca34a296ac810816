using CivicGrid.Accounts;
using CivicGrid.Cases.Attachments;
using CivicGrid.Platform;
using CivicGrid.Platform.Calendar;
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
/// Takes one detection: checks it, finds the camera and its rule for the type, lets the rule engine decide, and hands
/// the detection (and the warning, with its snapshot stored) to the group-commit writer; answers after the commit.
/// </summary>
public sealed class IngestDetection(CameraDirectory cameras, DetectionWriter writer, WorkingCalendarProvider calendars, UploadFile upload,
    TimeProvider clock, ILogger<IngestDetection> log)
{
    public const int MaxBoxes = 100;
    public const int MaxSnapshotBytes = 2 * 1024 * 1024;
    private const double Slack = 1e-6;

    public async Task<Outcome<DetectionAnswer>> HandleAsync(DetectionCaller caller, DetectionRequest request, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var (type, boxes, snapshot, problems) = Validate(request, now);
        if (problems.Count > 0)
        {
            return Outcome<DetectionAnswer>.Invalid(problems);
        }

        var camera = await cameras.FindAsync(request.CameraCode!.Trim(), ct);
        if (camera is null)
        {
            return Outcome<DetectionAnswer>.NotFound($"摄像头 {request.CameraCode} 未登记或已停用。");
        }

        var allowed = caller.KeyEnterpriseId is { } keyEnterprise
            ? keyEnterprise == camera.EnterpriseId
            : SafetyAccess.CanSee(caller.Scope, camera.EnterpriseId, camera.EnterpriseRegionCode);
        if (!allowed)
        {
            return Outcome<DetectionAnswer>.Forbidden($"无权上报摄像头 {camera.Code} 的识别事件。");
        }

        var e = new DetectionEvent(request.OccurredAt!.Value, request.Confidence!.Value, boxes);
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

        var boxText = DetectionBox.Format(boxes);
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

        var warningId = await writer.WriteAsync(new PendingDetection(detection, warning), ct);
        return Outcome<DetectionAnswer>.Ok(new DetectionAnswer(warningId is not null, warningId));
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
        var stored = await upload.HandleAsync(scope, snapshot, camera.Code + ".jpg", ct);
        if (stored.Succeeded)
        {
            return stored.Value!.Id;
        }

        // The header was a JPEG's but the image does not decode: the warning stands, without its picture.
        log.LogWarning("摄像头 {Camera} 的抓拍图片无法保存：{Reason}", camera.Code, stored.Message);
        return null;
    }
}
